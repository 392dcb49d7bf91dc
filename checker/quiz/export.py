"""Export a bank for learning management systems: GIFT and Moodle XML for Moodle, QTI 1.2
(a zip package) for Canvas.

Every format keeps the per-option feedback and the numeric tolerance. Ordering questions
become Moodle's core "ordering" question type (Moodle 4.4 and later) in Moodle XML; GIFT
and Canvas have no ordering type, so there they become matching questions that pair each
item with its position. Grading is all-or-nothing wherever the format allows it, as on the
site, except Canvas matching, which gives a share of the points per item placed right.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from checker.quiz.bank import Bank, Question

FORMATS = ("gift", "moodle-xml", "qti")
QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NAMESPACE = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
# GIFT marks these with a backslash wherever they are meant literally (Moodle docs, "GIFT
# format": special characters ~ = # { } : and the backslash itself).
GIFT_SPECIAL = set("\\~=#{}:")


def export(bank: Bank, fmt: str) -> bytes:
    """The bank in format ``fmt`` (one of ``FORMATS``), as the bytes of the file to write."""
    if fmt == "gift":
        return gift(bank).encode("utf-8")
    if fmt == "moodle-xml":
        return moodle_xml(bank).encode("utf-8")
    if fmt == "qti":
        return qti_package(bank)
    raise ValueError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}.")


def percent(value: float) -> str:
    """A grade percentage as the formats write it: at most 5 decimals, no trailing zeros."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def number(value: float) -> str:
    """A number without a spurious '.0', an exponent or binary noise (2.95, not
    2.9499999999999997)."""
    return f"{value:.10f}".rstrip("0").rstrip(".")


# --- GIFT ---------------------------------------------------------------------------------

def gift_escape(text: str) -> str:
    """Text made literal for GIFT: special characters backslashed, line breaks as ``\\n``
    (a blank line would end the question)."""
    escaped = "".join("\\" + c if c in GIFT_SPECIAL else c for c in text)
    return escaped.replace("\r\n", "\n").replace("\n", "\\n")


def gift(bank: Bank) -> str:
    """The bank as a GIFT file: one question per paragraph, titled by its id."""
    blocks = [f"// {bank.title}: quiz bank '{bank.id}', exported by smm-check"]
    for question in bank.questions:
        blocks.append(f"::{gift_escape(question.id)}::[markdown]{gift_escape(question.prompt)}"
                      f"{{\n{chr(10).join(_gift_answers(question))}\n}}")
    return "\n\n".join(blocks) + "\n"


def _gift_answers(q: Question) -> list[str]:
    e = gift_escape
    if q.type == "single":
        return [f"{'=' if o.correct else '~'}{e(o.text)}#{e(o.feedback)}" for o in q.options]
    if q.type == "multiple":
        right = sum(o.correct for o in q.options)
        wrong = len(q.options) - right
        # Wrong choices cost as much as all right ones earn, so ticking every box scores 0.
        return [f"~%{percent(100 / right) if o.correct else '-' + percent(100 / wrong)}%{e(o.text)}#{e(o.feedback)}"
                for o in q.options]
    if q.type == "true-false":
        # GIFT shows the first feedback for a wrong answer, the second for a right one.
        right, wrong = (q.true_feedback, q.false_feedback) if q.answer else (q.false_feedback, q.true_feedback)
        return [f"{'TRUE' if q.answer else 'FALSE'}#{e(wrong)}#{e(right)}"]
    if q.type == "numeric":
        lines = ["#", f"={number(q.answer)}:{number(q.tolerance)}#{e(q.correct_feedback)}"]
        lines += [f"=%0%{number(m.value)}:{number(q.tolerance)}#{e(m.feedback)}" for m in q.mistakes]
        # GIFT has no "any other answer" feedback; the general feedback carries the method.
        return lines + [f"####{e(q.wrong_feedback)}"]
    return [f"={e(item)} -> {position}" for position, item in enumerate(q.items, 1)] + [
        f"####{e(q.correct_feedback)}"]


# --- Moodle XML ---------------------------------------------------------------------------

def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = "markdown") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = text
    return element


def _field(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def moodle_xml(bank: Bank) -> str:
    """The bank as Moodle XML, in a question category named after the bank."""
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", type="category")
    _text(category, "category", f"$course$/top/{bank.title.replace('/', '//')}", fmt=None)
    for q in bank.questions:
        kind = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse",
                "numeric": "numerical", "ordering": "ordering"}[q.type]
        element = ET.SubElement(quiz, "question", type=kind)
        _text(element, "name", q.id, fmt=None)
        _text(element, "questiontext", q.prompt)
        _text(element, "generalfeedback", "")
        _field(element, "defaultgrade", "1")
        _field(element, "penalty", "0")
        _field(element, "hidden", "0")
        _field(element, "idnumber", f"{bank.id}-{q.id}")
        _moodle_body(element, q, bank.shuffle)
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


def _answer(parent: ET.Element, fraction: str, text: str, feedback: str = "", fmt: str = "markdown") -> ET.Element:
    answer = ET.SubElement(parent, "answer", fraction=fraction, format=fmt)
    ET.SubElement(answer, "text").text = text
    _text(answer, "feedback", feedback)
    return answer


def _moodle_body(element: ET.Element, q: Question, shuffle: bool) -> None:
    if q.type in ("single", "multiple"):
        _field(element, "single", "true" if q.type == "single" else "false")
        _field(element, "shuffleanswers", "1" if shuffle else "0")
        _field(element, "answernumbering", "abc")
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            _text(element, tag, "")
        right = sum(o.correct for o in q.options)
        wrong = len(q.options) - right
        for option in q.options:
            if q.type == "single":
                fraction = "100" if option.correct else "0"
            else:
                fraction = percent(100 / right) if option.correct else "-" + percent(100 / wrong)
            _answer(element, fraction, option.text, option.feedback)
    elif q.type == "true-false":
        _answer(element, "100" if q.answer else "0", "true", q.true_feedback, fmt="moodle_auto_format")
        _answer(element, "0" if q.answer else "100", "false", q.false_feedback, fmt="moodle_auto_format")
    elif q.type == "numeric":
        graded = [("100", number(q.answer), q.correct_feedback)]
        graded += [("0", number(m.value), m.feedback) for m in q.mistakes]
        for fraction, value, feedback in graded:
            answer = _answer(element, fraction, value, feedback, fmt="moodle_auto_format")
            _field(answer, "tolerance", number(q.tolerance))
        # Moodle's '*' answer matches any other number: the place for the general hint.
        _field(_answer(element, "0", "*", q.wrong_feedback, fmt="moodle_auto_format"), "tolerance", "0")
    else:
        for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                           ("gradingtype", "ALL_OR_NOTHING"), ("showgrading", "SHOW"),
                           ("numberingstyle", "none")):
            _field(element, tag, value)
        _text(element, "correctfeedback", q.correct_feedback)
        _text(element, "partiallycorrectfeedback", q.wrong_feedback)
        _text(element, "incorrectfeedback", q.wrong_feedback)
        # Items are listed in the correct order; the fraction records each one's position.
        for position, item in enumerate(q.items, 1):
            _answer(element, str(position), item)


# --- QTI 1.2 for Canvas -------------------------------------------------------------------

CANVAS_TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
                "true-false": "true_false_question", "numeric": "numerical_question",
                "ordering": "matching_question"}


def _mattext(parent: ET.Element, text: str) -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype="text/plain").text = text


def _feedback(item: ET.Element, ident: str, text: str) -> None:
    feedback = ET.SubElement(item, "itemfeedback", ident=ident)
    _mattext(ET.SubElement(feedback, "flow_mat"), text)


def _condition(processing: ET.Element, tests: ET.Element, score: str | None = None,
               feedback: str | None = None, action: str = "Set") -> None:
    condition = ET.SubElement(processing, "respcondition", {"continue": "No" if score and action == "Set" else "Yes"})
    ET.SubElement(condition, "conditionvar").append(tests)
    if score is not None:
        ET.SubElement(condition, "setvar", action=action, varname="SCORE").text = score
    if feedback:
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid=feedback)


def _var(tag: str, respident: str, value: str) -> ET.Element:
    element = ET.Element(tag, respident=respident)
    element.text = value
    return element


def _near(value: float, tolerance: float) -> ET.Element:
    """Canvas's numeric test: exactly ``value`` or within ``tolerance`` of it."""
    either = ET.Element("or")
    either.append(_var("varequal", "response1", number(value)))
    both = ET.SubElement(either, "and")
    both.append(_var("vargte", "response1", number(value - tolerance)))
    both.append(_var("varlte", "response1", number(value + tolerance)))
    return either


def qti_assessment(bank: Bank) -> str:
    """The bank as one QTI 1.2 assessment document in the dialect Canvas imports."""
    root = ET.Element("questestinterop", xmlns=QTI_NAMESPACE)
    assessment = ET.SubElement(root, "assessment", ident=f"smm-{bank.id}", title=bank.title)
    section = ET.SubElement(assessment, "section", ident="root_section")
    for q in bank.questions:
        section.append(_qti_item(f"{bank.id}-{q.id}", q))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _qti_item(ident: str, q: Question) -> ET.Element:
    item = ET.Element("item", ident=ident, title=q.id)
    metadata = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", CANVAS_TYPES[q.type]), ("points_possible", "1.0")):
        field = ET.SubElement(metadata, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry
    presentation = ET.SubElement(item, "presentation")
    _mattext(presentation, q.prompt)
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    feedbacks: list[tuple[str, str]] = []
    if q.type == "ordering":
        for index, item_text in enumerate(q.items):
            response = ET.SubElement(presentation, "response_lid", ident=f"response_{index + 1}")
            _mattext(response, item_text)
            choices = ET.SubElement(response, "render_choice")
            for position in range(1, len(q.items) + 1):
                _mattext(ET.SubElement(choices, "response_label", ident=f"{ident}-position-{position}"), str(position))
            _condition(processing, _var("varequal", f"response_{index + 1}", f"{ident}-position-{index + 1}"),
                       score=percent(100 / len(q.items)), action="Add")
        feedbacks = [("correct_fb", q.correct_feedback), ("general_incorrect_fb", q.wrong_feedback)]
    elif q.type == "numeric":
        fib = ET.SubElement(ET.SubElement(presentation, "response_str", ident="response1", rcardinality="Single"),
                            "render_fib", fibtype="Decimal")
        ET.SubElement(fib, "response_label", ident="answer1")
        for number_, mistake in enumerate(q.mistakes, 1):
            _condition(processing, _near(mistake.value, q.tolerance), feedback=f"{ident}-mistake-{number_}_fb")
            feedbacks.append((f"{ident}-mistake-{number_}_fb", mistake.feedback))
        _condition(processing, _near(q.answer, q.tolerance), score="100", feedback="correct_fb")
        feedbacks += [("correct_fb", q.correct_feedback), ("general_incorrect_fb", q.wrong_feedback)]
    else:
        if q.type == "true-false":
            choices = [("true", "True", q.answer is True, q.true_feedback),
                       ("false", "False", q.answer is False, q.false_feedback)]
        else:
            choices = [(f"{ident}-{n}", o.text, o.correct, o.feedback) for n, o in enumerate(q.options, 1)]
        cardinality = "Multiple" if q.type == "multiple" else "Single"
        render = ET.SubElement(ET.SubElement(presentation, "response_lid", ident="response1",
                                             rcardinality=cardinality), "render_choice")
        for choice_id, text, _, feedback in choices:
            _mattext(ET.SubElement(render, "response_label", ident=choice_id), text)
            _condition(processing, _var("varequal", "response1", choice_id), feedback=f"{choice_id}_fb")
            feedbacks.append((f"{choice_id}_fb", feedback))
        # All or nothing: every right choice made and no wrong one.
        every = ET.Element("and")
        for choice_id, _, correct, _ in choices:
            test = _var("varequal", "response1", choice_id)
            if correct:
                every.append(test)
            else:
                ET.SubElement(every, "not").append(test)
        _condition(processing, every, score="100")
    for feedback_id, text in feedbacks:
        _feedback(item, feedback_id, text)
    return item


def qti_manifest(bank: Bank) -> str:
    """The IMS content-package manifest that points Canvas at the assessment file."""
    manifest = ET.Element("manifest", identifier=f"smm-{bank.id}-manifest", xmlns=MANIFEST_NAMESPACE)
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(manifest, "organizations")
    resource = ET.SubElement(ET.SubElement(manifest, "resources"), "resource",
                             identifier=f"smm-{bank.id}", type="imsqti_xmlv1p2")
    ET.SubElement(resource, "file", href=f"smm-{bank.id}/smm-{bank.id}.xml")
    ET.indent(manifest)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(manifest, encoding="unicode") + "\n"


def qti_package(bank: Bank) -> bytes:
    """The zip Canvas imports as "QTI .zip file": the manifest and one assessment."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("imsmanifest.xml", qti_manifest(bank))
        package.writestr(f"smm-{bank.id}/smm-{bank.id}.xml", qti_assessment(bank))
    return buffer.getvalue()
