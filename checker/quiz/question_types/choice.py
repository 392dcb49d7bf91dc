"""Choice questions: ``single`` (exactly one option is right) and ``multiple`` (one or more
are, and the learner must choose exactly those)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html import escape

from checker.quiz.lms import gift_escape, moodle_answer, moodle_field, moodle_text, percent, qti_choices
from checker.quiz.question import SETTINGS, STRINGS, Question, Verdict, check_keys, named_indices, question_type

OPTION_KEYS = {"text": (str, True), "correct": (bool, False), "feedback": (str, True)}


@dataclass(frozen=True)
class Option:
    """A choice of a single or multiple choice question."""

    text: str
    correct: bool
    feedback: str


def options_html(base: str, kind: str, choices: list[tuple[str, str]]) -> str:
    """Labelled radio buttons or checkboxes, one per ``(value, label)``."""
    out = ['<div class="smm-options">']
    for value, label in choices:
        out.append(f'<div class="smm-option"><input type="{kind}" name="{base}" id="{base}-{value}" '
                   f'value="{value}"><label for="{base}-{value}">{escape(label)}</label></div>')
    return "".join(out) + "</div>"


@dataclass(frozen=True)
class ChoiceQuestion(Question):
    """What single and multiple choice share: options, each with its own feedback.
    Answers are lists of option indices (0-based, bank order)."""

    options: tuple[Option, ...]

    KEYS = {"option": (list, True)}
    MULTIPLE = False

    @classmethod
    def entry_problems(cls, raw: dict) -> list[str]:
        problems = []
        for number, option in enumerate(raw["option"], 1):
            problems += check_keys(option, OPTION_KEYS, f"option {number}")
        if problems:
            return problems
        options = raw["option"]
        if len(options) < SETTINGS["min_options"]:
            problems.append(f"a choice question needs at least {SETTINGS['min_options']} options.")
        problems += cls.correct_count_problems(sum(1 for o in options if o.get("correct", False)))
        texts = [o["text"].strip().casefold() for o in options]
        if len(set(texts)) != len(texts):
            problems.append("two options have the same text.")
        return problems

    @classmethod
    def correct_count_problems(cls, correct: int) -> list[str]:
        """What is wrong with this many options marked correct."""
        raise NotImplementedError

    @classmethod
    def entry_fields(cls, raw: dict) -> dict:
        return {"options": tuple(Option(o["text"].strip(), o.get("correct", False), o["feedback"].strip())
                                 for o in raw["option"])}

    def read_answer(self, cell) -> list[int]:
        """Option numbers (1 = the bank's first option) or option texts, one for a single
        choice question."""
        chosen = sorted(set(named_indices(cell, [o.text for o in self.options], list(range(len(self.options))),
                                          "option")))
        if not self.MULTIPLE and len(chosen) != 1:
            raise ValueError("choose exactly one option.")
        return chosen

    def right(self) -> list[int]:
        """The indices of the correct options."""
        return [i for i, option in enumerate(self.options) if option.correct]

    def grade(self, answer) -> Verdict:
        chosen = sorted(set(answer))
        right = self.right()
        if chosen == right:
            return Verdict(True, " ".join(self.options[i].feedback for i in chosen))
        # Only the chosen wrong options are explained: naming the missed correct ones
        # would hand over the answer before the learner's retry.
        said = [self.options[i].feedback for i in chosen if i not in right]
        if self.MULTIPLE and set(right) - set(chosen):
            said.append(STRINGS["grading"]["missed_options"])
        return Verdict(False, " ".join(said))

    def widget_fields(self) -> dict:
        return {"options": [{"correct": o.correct, "feedback": o.feedback} for o in self.options]}

    def form_html(self, base: str, strings: dict) -> str:
        hint = f'<p class="smm-hint">{escape(strings["choose_all"])}</p>' if self.MULTIPLE else ""
        return hint + options_html(base, "checkbox" if self.MULTIPLE else "radio",
                                   [(str(i), o.text) for i, o in enumerate(self.options)])

    def fractions(self) -> list[str]:
        """Each option's share of the grade in percent, as the LMS formats write it."""
        raise NotImplementedError

    def to_gift(self) -> list[str]:
        return [f"{fraction}{gift_escape(o.text)}#{gift_escape(o.feedback)}"
                for fraction, o in zip(self.gift_marks(), self.options)]

    def gift_marks(self) -> list[str]:
        """Each option's GIFT mark (``=``, ``~`` or ``~%weight%``)."""
        raise NotImplementedError

    def to_moodle(self, element: ET.Element, shuffle: bool) -> str:
        moodle_field(element, "single", "false" if self.MULTIPLE else "true")
        moodle_field(element, "shuffleanswers", "1" if shuffle else "0")
        moodle_field(element, "answernumbering", "abc")
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            moodle_text(element, tag, "")
        for fraction, option in zip(self.fractions(), self.options):
            moodle_answer(element, fraction, option.text, option.feedback)
        return "multichoice"

    def to_qti(self, ident, presentation, processing):
        choices = [(f"{ident}-{n}", o.text, o.correct, o.feedback) for n, o in enumerate(self.options, 1)]
        cardinality = "Multiple" if self.MULTIPLE else "Single"
        canvas = "multiple_answers_question" if self.MULTIPLE else "multiple_choice_question"
        return canvas, qti_choices(presentation, processing, choices, cardinality)


@question_type
@dataclass(frozen=True)
class Single(ChoiceQuestion):
    """One option is correct."""

    type = "single"

    @classmethod
    def correct_count_problems(cls, correct: int) -> list[str]:
        if correct == 1:
            return []
        return [f"a single-choice question needs exactly one correct option; this one has {correct}."]

    def fractions(self) -> list[str]:
        return ["100" if o.correct else "0" for o in self.options]

    def gift_marks(self) -> list[str]:
        return ["=" if o.correct else "~" for o in self.options]


@question_type
@dataclass(frozen=True)
class Multiple(ChoiceQuestion):
    """One or more options are correct; the answer must name exactly those."""

    type = "multiple"
    MULTIPLE = True

    @classmethod
    def correct_count_problems(cls, correct: int) -> list[str]:
        return [] if correct else ["no option is marked correct = true."]

    def fractions(self) -> list[str]:
        # Wrong choices cost as much as all right ones earn, so ticking every box scores 0.
        right = len(self.right())
        wrong = len(self.options) - right
        return [percent(100 / right) if o.correct else "-" + percent(100 / wrong) for o in self.options]

    def gift_marks(self) -> list[str]:
        return [f"~%{fraction}%" for fraction in self.fractions()]
