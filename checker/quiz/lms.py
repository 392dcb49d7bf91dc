"""Building blocks of the LMS formats (GIFT, Moodle XML, QTI 1.2 for Canvas) that the
question types write themselves with; ``checker.quiz.export`` assembles the files."""

from __future__ import annotations

import xml.etree.ElementTree as ET

# GIFT marks these with a backslash wherever they are meant literally (Moodle docs, "GIFT
# format": special characters ~ = # { } : and the backslash itself).
GIFT_SPECIAL = set("\\~=#{}:")


def percent(value: float) -> str:
    """A grade percentage as the formats write it: at most 5 decimals, no trailing zeros."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def number(value: float) -> str:
    """A number without a spurious '.0', an exponent or binary noise (2.95, not
    2.9499999999999997)."""
    return f"{value:.10f}".rstrip("0").rstrip(".")


def gift_escape(text: str) -> str:
    """Text made literal for GIFT: special characters backslashed, line breaks as ``\\n``
    (a blank line would end the question)."""
    escaped = "".join("\\" + c if c in GIFT_SPECIAL else c for c in text)
    return escaped.replace("\r\n", "\n").replace("\n", "\\n")


# --- Moodle XML ---------------------------------------------------------------------------

def moodle_text(parent: ET.Element, tag: str, text: str, fmt: str | None = "markdown") -> ET.Element:
    """A Moodle text element (``<tag format=...><text>...</text></tag>``)."""
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = text
    return element


def moodle_field(parent: ET.Element, tag: str, value: str) -> None:
    """A plain Moodle setting (``<tag>value</tag>``)."""
    ET.SubElement(parent, tag).text = value


def moodle_answer(parent: ET.Element, fraction: str, text: str, feedback: str = "",
                  fmt: str = "markdown") -> ET.Element:
    """A Moodle ``<answer>`` worth ``fraction`` percent, with its feedback."""
    answer = ET.SubElement(parent, "answer", fraction=fraction, format=fmt)
    ET.SubElement(answer, "text").text = text
    moodle_text(answer, "feedback", feedback)
    return answer


# --- QTI 1.2 for Canvas -------------------------------------------------------------------

def qti_text(parent: ET.Element, text: str) -> None:
    """A QTI ``<material>`` holding plain text."""
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype="text/plain").text = text


def qti_condition(processing: ET.Element, tests: ET.Element, score: str | None = None,
                  feedback: str | None = None, action: str = "Set") -> None:
    """A response condition: when ``tests`` hold, set or add ``score`` and show ``feedback``."""
    condition = ET.SubElement(processing, "respcondition", {"continue": "No" if score and action == "Set" else "Yes"})
    ET.SubElement(condition, "conditionvar").append(tests)
    if score is not None:
        ET.SubElement(condition, "setvar", action=action, varname="SCORE").text = score
    if feedback:
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid=feedback)


def qti_var(tag: str, respident: str, value: str) -> ET.Element:
    """A QTI test on a response (``varequal``, ``vargte``, ...)."""
    element = ET.Element(tag, respident=respident)
    element.text = value
    return element


def qti_choices(presentation: ET.Element, processing: ET.Element,
                choices: list[tuple[str, str, bool, str]], cardinality: str) -> list[tuple[str, str]]:
    """A choice response from ``(choice id, text, correct, feedback)`` tuples, scored all
    or nothing (every right choice made and no wrong one); returns the feedbacks."""
    render = ET.SubElement(ET.SubElement(presentation, "response_lid", ident="response1",
                                         rcardinality=cardinality), "render_choice")
    feedbacks = []
    for choice_id, text, _, feedback in choices:
        qti_text(ET.SubElement(render, "response_label", ident=choice_id), text)
        qti_condition(processing, qti_var("varequal", "response1", choice_id), feedback=f"{choice_id}_fb")
        feedbacks.append((f"{choice_id}_fb", feedback))
    every = ET.Element("and")
    for choice_id, _, correct, _ in choices:
        test = qti_var("varequal", "response1", choice_id)
        if correct:
            every.append(test)
        else:
            ET.SubElement(every, "not").append(test)
    qti_condition(processing, every, score="100")
    return feedbacks
