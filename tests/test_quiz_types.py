"""A question type is one Python class and one quiz.js object: a toy type registered here,
and nowhere else, is validated in a bank, read from an answer file, graded alike by Python
and by the widget, exported (or refused by name where a format cannot hold it) and
rendered on the quiz page.
This walks the recipe "How to add a quiz question type" in CONTRIBUTING.md."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path

import markdown
import pytest

from checker.cells import cell_text
from checker.cli import main
from checker.problems import InvalidInput
from checker.quiz.answers import read_answers
from checker.quiz.bank import BankError, load_bank
from checker.quiz.export import gift, moodle_xml, qti_package
from checker.quiz.grade import STRINGS, grade_bank, grade_question
from checker.quiz.lms import gift_escape
from checker.quiz.question import QUESTION_TYPES, NotExportable, Question, Verdict, question_type
from checker.site.directives import CourseDirectivesExtension
from checker.site.lesson_links import LessonLinks
from test_quiz_parity import NODE, run_widget

FIXTURE = Path(__file__).parent / "fixtures" / "quiz"
LESSON = "lessons/basics.md#engagement-rate-by-reach"


@dataclass(frozen=True)
class Word(Question):
    """The toy type: a one-word answer, right whatever its letter case."""

    answer: str
    correct_feedback: str
    wrong_feedback: str

    type = "word"
    KEYS = {"answer": (str, True), "correct_feedback": (str, True), "wrong_feedback": (str, True)}

    @classmethod
    def entry_problems(cls, raw: dict) -> list[str]:
        return [] if len(raw["answer"].split()) == 1 else [f"the answer '{raw['answer']}' must be one word."]

    @classmethod
    def entry_fields(cls, raw: dict) -> dict:
        return {key: raw[key].strip() for key in cls.KEYS}

    def read_answer(self, cell) -> str:
        text = cell_text(cell)
        if len(text.split()) != 1:
            raise ValueError(f"answer with one word, not '{text}'.")
        return text

    def grade(self, answer) -> Verdict:
        correct = answer.strip().casefold() == self.answer.casefold()
        return Verdict(correct, self.correct_feedback if correct else self.wrong_feedback)

    def widget_fields(self) -> dict:
        return {key: getattr(self, key) for key in self.KEYS}

    def form_html(self, base: str, strings: dict) -> str:
        return (f'<p class="smm-word"><label for="{base}-input">{escape(strings["your_answer"])}</label> '
                f'<input type="text" autocomplete="off" id="{base}-input"></p>')

    def to_gift(self) -> list[str]:
        # A GIFT short answer; the general feedback serves every other answer.
        return [f"={gift_escape(self.answer)}#{gift_escape(self.correct_feedback)}",
                f"####{gift_escape(self.wrong_feedback)}"]


# The toy type's quiz.js object, as the recipe adds it to TYPES (grading is what Node runs).
WORD_JS = """
quiz.TYPES.word = {
  grade: function (q, answer) {
    var ok = answer.trim().toLowerCase() === q.answer.toLowerCase();
    return { correct: ok, feedback: ok ? q.correct_feedback : q.wrong_feedback };
  }
};
"""

BANK = f"""
title = "Toy bank"

[[question]]
id = "bird-network"
type = "word"
prompt = "Which network was named after a bird's song?"
lesson = "{LESSON}"
answer = "Twitter"
correct_feedback = "Right: a tweet is a bird's call."
wrong_feedback = "Think of the blue bird in its old logo."

[[question]]
id = "smo-part-of-smm"
type = "true-false"
prompt = "SMO is part of SMM."
lesson = "{LESSON}"
answer = true
true_feedback = "Right."
false_feedback = "It is part of it."
"""


@pytest.fixture
def word_type():
    """The toy type, registered for one test only."""
    question_type(Word)
    yield Word
    del QUESTION_TYPES["word"]


@pytest.fixture
def course(tmp_path) -> Path:
    """The fixture course with the toy bank added as quizzes/toy.toml."""
    root = tmp_path / "course"
    shutil.copytree(FIXTURE, root)
    (root / "quizzes" / "toy.toml").write_text(textwrap.dedent(BANK), encoding="utf-8")
    return root


def load_toy(course: Path):
    return load_bank("toy", course, lesson_check=LessonLinks(course / "docs").check)


def problems_of(course: Path) -> list[str]:
    with pytest.raises(BankError) as caught:
        load_toy(course)
    return [str(p) for p in caught.value.problems]


def test_an_unregistered_type_is_refused(course):
    assert problems_of(course) == [
        "quizzes/toy.toml, question 'bird-network': unknown type 'word'; use one of single, multiple, "
        "true-false, numeric, ordering."]


def test_a_type_registers_once(word_type):
    with pytest.raises(ValueError, match="the question type 'word' is registered twice"):
        question_type(Word)


def test_the_toy_type_is_validated_in_a_bank(word_type, course):
    bank = load_toy(course)
    assert [type(q) for q in bank.questions] == [Word, QUESTION_TYPES["true-false"]]
    assert bank.question("bird-network").answer == "Twitter"
    toy = course / "quizzes" / "toy.toml"
    toy.write_text(toy.read_text(encoding="utf-8").replace('answer = "Twitter"', 'answer = "Blue bird"')
                   .replace("wrong_feedback", "wrong_feedbak"), encoding="utf-8")
    assert problems_of(course) == [
        "quizzes/toy.toml, question 'bird-network': the question has an unknown key 'wrong_feedbak'. "
        "Did you mean 'wrong_feedback'?",
        "quizzes/toy.toml, question 'bird-network': the question is missing the required key 'wrong_feedback'."]
    toy.write_text(toy.read_text(encoding="utf-8").replace("wrong_feedbak", "wrong_feedback"), encoding="utf-8")
    assert problems_of(course) == [
        "quizzes/toy.toml, question 'bird-network': the answer 'Blue bird' must be one word."]


def test_the_toy_types_answers_are_read_from_an_answer_file(word_type, course):
    bank = load_toy(course)
    answers = course / "answers.csv"
    answers.write_text("question,answer\nbird-network, twitter \nsmo-part-of-smm,no\n", encoding="utf-8")
    assert read_answers(answers, bank) == {"bird-network": "twitter", "smo-part-of-smm": False}
    answers.write_text("question,answer\nbird-network,blue bird\nsmo-part-of-smm,\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        read_answers(answers, bank)
    assert [str(p) for p in caught.value.problems] == [
        "row 2, column 'answer': question 'bird-network': answer with one word, not 'blue bird'."]


def test_smm_check_quiz_grades_the_toy_type(word_type, course, monkeypatch, capsys):
    monkeypatch.setattr("checker.quiz.command.load_bank", lambda bank_id: load_toy(course))
    answers = course / "answers.csv"
    answers.write_text("question,answer\nbird-network,TWITTER\nsmo-part-of-smm,true\n", encoding="utf-8")
    assert main(["quiz", str(answers), "--quiz", "toy", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["score"] == 100
    assert [(f["rule"], f["status"]) for f in result["findings"]] == [
        ("quiz.bird-network", "pass"), ("quiz.smo-part-of-smm", "pass")]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_toy_type_is_graded_alike_by_python_and_the_widget(word_type, course):
    bank = load_toy(course)
    result = grade_bank(bank, {"bird-network": " twitter ", "smo-part-of-smm": False})
    assert [(f.rule, f.status, f.message) for f in result.findings] == [
        ("quiz.bird-network", "pass", "Right: a tweet is a bird's call."),
        ("quiz.smo-part-of-smm", "fail", "It is part of it.")]
    assert result.score == 50 and not result.passed
    word = bank.question("bird-network")
    cases = [["bird-network", answer] for answer in ("Twitter", "TWITTER", "Tweet", "", None)]
    widget = run_widget([word.widget_data()], cases, [], register=WORD_JS)
    expected = [grade_question(word, answer) for _, answer in cases]
    assert [(v.correct, v.feedback) for v in expected] == [
        (True, word.correct_feedback), (True, word.correct_feedback), (False, word.wrong_feedback),
        (False, word.wrong_feedback), (False, STRINGS["grading"]["unanswered"])]
    assert widget["verdicts"] == [{"correct": v.correct, "feedback": v.feedback} for v in expected]


def test_the_toy_type_exports_to_gift_and_is_refused_by_name_elsewhere(word_type, course):
    bank = load_toy(course)
    assert ("::bird-network::[markdown]Which network was named after a bird's song?{\n"
            "=Twitter#Right\\: a tweet is a bird's call.\n####Think of the blue bird in its old logo.\n}") in gift(bank)
    refusal = "question 'bird-network' is a 'word' question, which cannot be exported to {}"
    with pytest.raises(NotExportable, match=re.escape(refusal.format("Moodle XML"))):
        moodle_xml(bank)
    with pytest.raises(NotExportable, match=re.escape(refusal.format("QTI"))):
        qti_package(bank)


def test_quiz_export_refuses_the_toy_type_as_a_usage_error(word_type, course, monkeypatch, capsys):
    monkeypatch.setattr("checker.quiz.command.load_bank", lambda bank_id: load_toy(course))
    assert main(["quiz-export", "toy", "--format", "qti", "-o", str(course / "toy.zip")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("smm-check quiz-export: question 'bird-network' is a 'word' "
                                        "question, which cannot be exported to QTI")
    assert not (course / "toy.zip").exists()
    assert main(["quiz-export", "toy", "--format", "gift", "-o", str(course / "toy.gift")]) == 0


def test_the_toy_type_is_rendered_into_the_widget(word_type, course):
    md = markdown.Markdown(extensions=["attr_list", "tables", CourseDirectivesExtension(root=str(course))])
    html = md.convert("/// quiz | toy\n///\n")
    data = json.loads(unescape(re.search(r'data-smm="([^"]+)"', html).group(1)))
    assert data["questions"][0] == {
        "id": "bird-network", "type": "word", "answer": "Twitter",
        "correct_feedback": "Right: a tweet is a bird's call.",
        "wrong_feedback": "Think of the blue bird in its old logo."}
    assert ('<fieldset class="smm-q" id="smm-toy-bird-network" data-qid="bird-network" data-type="word">'
            in html)
    assert ('<label for="smm-toy-bird-network-input">Your answer</label> '
            '<input type="text" autocomplete="off" id="smm-toy-bird-network-input">') in html
