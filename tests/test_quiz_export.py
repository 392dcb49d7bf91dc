"""LMS export: GIFT escaping and structure, Moodle XML and Canvas QTI that parse with the
expected question types, feedback and numeric tolerance."""

from __future__ import annotations

import io
import re
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checker.cli import main
from checker.quiz.bank import load_bank
from checker.quiz.export import gift, moodle_xml, qti_package
from checker.quiz.lms import gift_escape

FIXTURE = Path(__file__).parent / "fixtures" / "quiz"
BANK = load_bank("sample", FIXTURE)
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def test_gift_escapes_every_special_character():
    assert gift_escape(r"a~b=c#d{e}f:g\h") == r"a\~b\=c\#d\{e\}f\:g\\h"
    assert gift_escape("two\nlines") == r"two\nlines"


def unescaped(text: str, char: str) -> int:
    """How many times ``char`` occurs without a backslash before it."""
    return len(re.findall(r"(?<!\\)(?:\\\\)*" + re.escape(char), text))


def test_gift_structure():
    text = gift(BANK)
    blocks = text.strip().split("\n\n")
    assert blocks[0].startswith("// ")
    questions = blocks[1:]
    assert [re.match(r"::([a-z0-9-]+)::", b).group(1) for b in questions] == [q.id for q in BANK.questions]
    for block in questions:
        # Exactly one unescaped answer block, and it ends the question.
        assert unescaped(block, "{") == 1 and unescaped(block, "}") == 1 and block.endswith("}")
    roles = questions[2]
    assert r"\{choose all; \#2 \= tricky\}" in roles
    assert "~%50%Community manager#" in roles and "~%-100%Tax inspector#" in roles
    assert "{\n#\n=3:0.05#Right\\: 240 / 8,000 x 100 \\= 3%." in questions[0]
    assert "=%0%0.03:0.05#That is the fraction" in questions[0]
    # True/false: the first feedback is for a wrong answer, the second for a right one.
    assert "TRUE#It is\\: SMO is the on-site part of SMM.#Right\\: SMO is one part" in questions[3]
    assert "=Set the goal -> 1\n=Plan the content -> 2" in questions[4]


def test_moodle_xml_question_types_feedback_and_tolerance():
    quiz = ET.fromstring(moodle_xml(BANK).encode("utf-8"))
    questions = quiz.findall("question")
    assert [q.get("type") for q in questions] == [
        "category", "numerical", "multichoice", "multichoice", "truefalse", "ordering"]
    numeric = questions[1]
    answers = numeric.findall("answer")
    assert [(a.get("fraction"), a.findtext("text"), a.findtext("tolerance")) for a in answers] == [
        ("100", "3", "0.05"), ("0", "0.03", "0.05"), ("0", "*", "0")]
    assert answers[1].findtext("feedback/text") == "That is the fraction; multiply by 100 for a percentage."
    assert [questions[2].findtext("single"), questions[3].findtext("single")] == ["true", "false"]
    assert [a.get("fraction") for a in questions[3].findall("answer")] == ["50", "50", "-100"]
    assert all(a.findtext("feedback/text") for q in questions[2:4] for a in q.findall("answer"))
    assert [(a.findtext("text"), a.get("fraction")) for a in questions[4].findall("answer")] == [
        ("true", "100"), ("false", "0")]
    assert [a.findtext("text") for a in questions[5].findall("answer")] == list(BANK.questions[4].items)
    assert questions[5].findtext("gradingtype") == "ALL_OR_NOTHING"


def test_qti_package_parses_with_canvas_question_types():
    package = zipfile.ZipFile(io.BytesIO(qti_package(BANK)))
    manifest = ET.fromstring(package.read("imsmanifest.xml"))
    href = manifest.find(".//{*}resource/{*}file").get("href")
    assert href == "smm-sample/smm-sample.xml"
    root = ET.fromstring(package.read(href))
    items = root.findall(f".//{QTI}item")
    kinds = [i.find(f".//{QTI}qtimetadatafield[{QTI}fieldlabel='question_type']/{QTI}fieldentry").text
             for i in items]
    assert kinds == ["numerical_question", "multiple_choice_question", "multiple_answers_question",
                     "true_false_question", "matching_question"]
    numeric = items[0]
    ranges = [(c.find(f".//{QTI}vargte").text, c.find(f".//{QTI}varlte").text)
              for c in numeric.findall(f".//{QTI}respcondition")]
    assert ("2.95", "3.05") in ranges
    feedback = {f.get("ident"): f.find(f".//{QTI}mattext").text for f in numeric.findall(f"{QTI}itemfeedback")}
    assert feedback["correct_fb"] == "Right: 240 / 8,000 x 100 = 3%."
    single = items[1]
    assert single.find(f".//{QTI}response_lid").get("rcardinality") == "Single"
    assert len(single.findall(f"{QTI}itemfeedback")) == 3


@pytest.mark.parametrize("fmt, check", [
    ("gift", lambda data: data.startswith(b"// Sample")),
    ("moodle-xml", lambda data: ET.fromstring(data).tag == "quiz"),
    ("qti", lambda data: zipfile.ZipFile(io.BytesIO(data)).namelist()[0] == "imsmanifest.xml"),
])
def test_cli_export_writes_the_file(monkeypatch, tmp_path, fmt, check):
    monkeypatch.setenv("SMM_COURSE_DIR", str(FIXTURE))
    target = tmp_path / "out"
    assert main(["quiz-export", "sample", "--format", fmt, "-o", str(target)]) == 0
    assert check(target.read_bytes())


def test_cli_export_unknown_bank_exits_2(monkeypatch, capsys):
    monkeypatch.setenv("SMM_COURSE_DIR", str(FIXTURE))
    assert main(["quiz-export", "nope", "--format", "gift"]) == 2
    assert "there is no quiz bank 'nope'" in capsys.readouterr().err
