"""True/false questions: a statement, and feedback for each of the two answers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from checker.cells import cell_text
from checker.quiz.lms import gift_escape, moodle_answer, qti_choices
from checker.quiz.question import Question, Verdict, question_type
from checker.quiz.question_types.choice import options_html

# The words an answer file may write for each answer, compared without case.
TRUE_WORDS, FALSE_WORDS = ("true", "t", "yes"), ("false", "f", "no")


@question_type
@dataclass(frozen=True)
class TrueFalse(Question):
    """Correct when the answer (a bool) matches; the feedback follows the answer given."""

    answer: bool
    true_feedback: str
    false_feedback: str

    type = "true-false"
    KEYS = {"answer": (bool, True), "true_feedback": (str, True), "false_feedback": (str, True)}

    @classmethod
    def entry_fields(cls, raw: dict) -> dict:
        return {"answer": raw["answer"], "true_feedback": raw["true_feedback"].strip(),
                "false_feedback": raw["false_feedback"].strip()}

    def read_answer(self, cell) -> bool:
        """A workbook's or JSON's true or false, or one of the words for them."""
        if isinstance(cell, bool):
            return cell
        word = cell_text(cell).lower()
        if word not in TRUE_WORDS + FALSE_WORDS:
            raise ValueError(f"answer true or false, not '{cell}'.")
        return word in TRUE_WORDS

    def grade(self, answer) -> Verdict:
        return Verdict(answer == self.answer, self.true_feedback if answer else self.false_feedback)

    def widget_fields(self) -> dict:
        return {"answer": self.answer, "true_feedback": self.true_feedback, "false_feedback": self.false_feedback}

    def form_html(self, base: str, strings: dict) -> str:
        return options_html(base, "radio", [("true", strings["true"]), ("false", strings["false"])])

    def to_gift(self) -> list[str]:
        # GIFT shows the first feedback for a wrong answer, the second for a right one.
        right, wrong = ((self.true_feedback, self.false_feedback) if self.answer
                        else (self.false_feedback, self.true_feedback))
        return [f"{'TRUE' if self.answer else 'FALSE'}#{gift_escape(wrong)}#{gift_escape(right)}"]

    def to_moodle(self, element: ET.Element, shuffle: bool) -> str:
        moodle_answer(element, "100" if self.answer else "0", "true", self.true_feedback, fmt="moodle_auto_format")
        moodle_answer(element, "0" if self.answer else "100", "false", self.false_feedback, fmt="moodle_auto_format")
        return "truefalse"

    def to_qti(self, ident, presentation, processing):
        choices = [("true", "True", self.answer is True, self.true_feedback),
                   ("false", "False", self.answer is False, self.false_feedback)]
        return "true_false_question", qti_choices(presentation, processing, choices, "Single")
