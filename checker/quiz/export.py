"""Export a bank for learning management systems: GIFT and Moodle XML for Moodle, QTI 1.2
(a zip package) for Canvas.

This module writes what every question shares (titles, prompts, ids, the file around
them); each question type writes its own answers and scoring (``to_gift``, ``to_moodle``,
``to_qti`` in ``checker/quiz/question_types/``). Every format keeps the per-option feedback
and the numeric tolerance. Ordering questions become Moodle's core "ordering" question type
(Moodle 4.4 and later) in Moodle XML; GIFT and Canvas have no ordering type, so there they
become matching questions that pair each item with its position. Grading is all-or-nothing
wherever the format allows it, as on the site, except Canvas matching, which gives a share
of the points per item placed right. A question whose type a format cannot hold raises
``checker.quiz.question.NotExportable`` naming the question.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from checker.quiz.bank import Bank
from checker.quiz.lms import gift_escape, moodle_field, moodle_text, qti_text
from checker.quiz.question import Question

FORMATS = ("gift", "moodle-xml", "qti")
QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NAMESPACE = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"


def export(bank: Bank, fmt: str) -> bytes:
    """The bank in format ``fmt`` (one of ``FORMATS``), as the bytes of the file to write.
    Raises ``checker.quiz.question.NotExportable`` when a question's type cannot be
    written in that format."""
    if fmt == "gift":
        return gift(bank).encode("utf-8")
    if fmt == "moodle-xml":
        return moodle_xml(bank).encode("utf-8")
    if fmt == "qti":
        return qti_package(bank)
    raise ValueError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}.")


def gift(bank: Bank) -> str:
    """The bank as a GIFT file: one question per paragraph, titled by its id."""
    blocks = [f"// {bank.title}: quiz bank '{bank.id}', exported by smm-check"]
    for question in bank.questions:
        blocks.append(f"::{gift_escape(question.id)}::[markdown]{gift_escape(question.prompt)}"
                      f"{{\n{chr(10).join(question.to_gift())}\n}}")
    return "\n\n".join(blocks) + "\n"


def moodle_xml(bank: Bank) -> str:
    """The bank as Moodle XML, in a question category named after the bank."""
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", type="category")
    moodle_text(category, "category", f"$course$/top/{bank.title.replace('/', '//')}", fmt=None)
    for q in bank.questions:
        element = ET.SubElement(quiz, "question")
        moodle_text(element, "name", q.id, fmt=None)
        moodle_text(element, "questiontext", q.prompt)
        moodle_text(element, "generalfeedback", "")
        moodle_field(element, "defaultgrade", "1")
        moodle_field(element, "penalty", "0")
        moodle_field(element, "hidden", "0")
        moodle_field(element, "idnumber", f"{bank.id}-{q.id}")
        element.set("type", q.to_moodle(element, bank.shuffle))
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


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
    presentation = ET.SubElement(item, "presentation")
    qti_text(presentation, q.prompt)
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    canvas_type, feedbacks = q.to_qti(ident, presentation, processing)
    for label, entry in (("question_type", canvas_type), ("points_possible", "1.0")):
        field = ET.SubElement(metadata, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry
    for feedback_id, text in feedbacks:
        feedback = ET.SubElement(item, "itemfeedback", ident=feedback_id)
        qti_text(ET.SubElement(feedback, "flow_mat"), text)
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
