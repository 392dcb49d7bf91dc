"""Numeric questions: a number within a tolerance of the answer, with known wrong answers
(mistakes) that each get the feedback for the reasoning behind them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html import escape

from checker.cells import UnreadableCell, read_number
from checker.quiz.lms import gift_escape, moodle_answer, moodle_field, number, qti_condition, qti_var
from checker.quiz.question import NUMBER, Question, Verdict, check_keys, question_type, within

MISTAKE_KEYS = {"value": (NUMBER, True), "feedback": (str, True)}


@dataclass(frozen=True)
class Mistake:
    """A known wrong numeric answer and what it reveals about the learner's reasoning."""

    value: float
    feedback: str


def near(value: float, tolerance: float) -> ET.Element:
    """Canvas's numeric test: exactly ``value`` or within ``tolerance`` of it."""
    either = ET.Element("or")
    either.append(qti_var("varequal", "response1", number(value)))
    both = ET.SubElement(either, "and")
    both.append(qti_var("vargte", "response1", number(value - tolerance)))
    both.append(qti_var("varlte", "response1", number(value + tolerance)))
    return either


@question_type
@dataclass(frozen=True)
class Numeric(Question):
    """Correct within ``tolerance`` of ``answer``; answers are floats."""

    answer: float
    tolerance: float
    unit: str
    mistakes: tuple[Mistake, ...]
    correct_feedback: str
    wrong_feedback: str

    type = "numeric"
    KEYS = {"answer": (NUMBER, True), "tolerance": (NUMBER, False), "unit": (str, False),
            "correct_feedback": (str, True), "wrong_feedback": (str, True), "mistake": (list, False)}

    @classmethod
    def entry_problems(cls, raw: dict) -> list[str]:
        answer, tolerance = raw["answer"], raw.get("tolerance", 0)
        if tolerance < 0:
            return [f"the tolerance is {tolerance}; no answer, not even {answer}, lies within a negative tolerance."]
        problems = []
        for count, mistake in enumerate(raw.get("mistake", []), 1):
            found = check_keys(mistake, MISTAKE_KEYS, f"mistake {count}")
            if not found and abs(mistake["value"] - answer) <= tolerance:
                found.append(f"mistake {count} ({mistake['value']}) lies within the tolerance {tolerance} of "
                             f"the answer {answer}, so it would be graded correct.")
            problems += found
        return problems

    @classmethod
    def entry_fields(cls, raw: dict) -> dict:
        return {"answer": float(raw["answer"]), "tolerance": float(raw.get("tolerance", 0)),
                "unit": raw.get("unit", ""),
                "mistakes": tuple(Mistake(float(m["value"]), m["feedback"].strip()) for m in raw.get("mistake", [])),
                "correct_feedback": raw["correct_feedback"].strip(), "wrong_feedback": raw["wrong_feedback"].strip()}

    def read_answer(self, cell) -> float:
        """A number as ``checker.cells`` reads numbers, after the question's unit ("25 RUB"
        answers a question in RUB). A percent sign is the unit of a percentage, not a
        division by 100: the question says which unit it wants."""
        if isinstance(cell, str) and self.unit and cell.strip().endswith(self.unit):
            cell = cell.strip()[: -len(self.unit)]
        try:
            return read_number(cell).value
        except UnreadableCell as error:
            raise ValueError(f"{error}.") from None

    def grade(self, answer) -> Verdict:
        if within(answer, self.answer, self.tolerance):
            return Verdict(True, self.correct_feedback)
        mistake = next((m for m in self.mistakes if within(answer, m.value, self.tolerance)), None)
        return Verdict(False, mistake.feedback if mistake else self.wrong_feedback)

    def widget_fields(self) -> dict:
        return {"answer": self.answer, "tolerance": self.tolerance, "unit": self.unit,
                "mistakes": [{"value": m.value, "feedback": m.feedback} for m in self.mistakes],
                "correct_feedback": self.correct_feedback, "wrong_feedback": self.wrong_feedback}

    def form_html(self, base: str, strings: dict) -> str:
        unit = f' <span class="smm-unit" id="{base}-unit">{escape(self.unit)}</span>' if self.unit else ""
        described = f' aria-describedby="{base}-unit"' if self.unit else ""
        return (f'<p class="smm-number"><label for="{base}-input">{escape(strings["your_answer"])}</label> '
                f'<input type="text" inputmode="decimal" autocomplete="off" id="{base}-input"{described}>'
                f'{unit}</p>')

    def to_gift(self) -> list[str]:
        tolerance = number(self.tolerance)
        lines = ["#", f"={number(self.answer)}:{tolerance}#{gift_escape(self.correct_feedback)}"]
        lines += [f"=%0%{number(m.value)}:{tolerance}#{gift_escape(m.feedback)}" for m in self.mistakes]
        # GIFT has no "any other answer" feedback; the general feedback carries the method.
        return lines + [f"####{gift_escape(self.wrong_feedback)}"]

    def to_moodle(self, element: ET.Element, shuffle: bool) -> str:
        graded = [("100", number(self.answer), self.correct_feedback)]
        graded += [("0", number(m.value), m.feedback) for m in self.mistakes]
        for fraction, value, feedback in graded:
            answer = moodle_answer(element, fraction, value, feedback, fmt="moodle_auto_format")
            moodle_field(answer, "tolerance", number(self.tolerance))
        # Moodle's '*' answer matches any other number: the place for the general hint.
        moodle_field(moodle_answer(element, "0", "*", self.wrong_feedback, fmt="moodle_auto_format"), "tolerance", "0")
        return "numerical"

    def to_qti(self, ident, presentation, processing):
        fib = ET.SubElement(ET.SubElement(presentation, "response_str", ident="response1", rcardinality="Single"),
                            "render_fib", fibtype="Decimal")
        ET.SubElement(fib, "response_label", ident="answer1")
        feedbacks = []
        for count, mistake in enumerate(self.mistakes, 1):
            qti_condition(processing, near(mistake.value, self.tolerance), feedback=f"{ident}-mistake-{count}_fb")
            feedbacks.append((f"{ident}-mistake-{count}_fb", mistake.feedback))
        qti_condition(processing, near(self.answer, self.tolerance), score="100", feedback="correct_fb")
        feedbacks += [("correct_fb", self.correct_feedback), ("general_incorrect_fb", self.wrong_feedback)]
        return "numerical_question", feedbacks
