"""What every quiz question type shares, and the registry that finds a type by its name.

A question type is one class, registered with ``@question_type``: the keys its bank entry
takes, the checks that entry must pass, how an answer is graded, the data and form
controls the quiz page needs, and how the question is written to each LMS format. The bank
loader, the grader, the exporter and the quiz page look the class up by the ``type`` of a
bank entry and never ask which type they hold; ``checker/site/assets/quiz.js`` holds one
object per type for the page. The built-in types are in ``checker/quiz/question_types/``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import ClassVar

from checker.data import load
from checker.problems import suggestion

# The engine's parameters (pass mark, limits) and the learner-facing sentences.
SETTINGS = load("quiz.toml")
STRINGS = load("quiz_strings.toml")
NUMBER = (int, float)
# Keys every question has, with the Python type of each value and whether it is required.
COMMON_KEYS = {"id": (str, True), "type": (str, True), "prompt": (str, True), "lesson": (str, True)}

QUESTION_TYPES: dict[str, type[Question]] = {}


def question_type(cls: type[Question]) -> type[Question]:
    """Class decorator: register a question type under its ``type`` name."""
    if cls.type in QUESTION_TYPES:
        raise ValueError(f"the question type '{cls.type}' is registered twice.")
    QUESTION_TYPES[cls.type] = cls
    return cls


@dataclass(frozen=True)
class Verdict:
    """Whether one answer is correct, and the feedback that explains why."""

    correct: bool
    feedback: str


class NotExportable(Exception):
    """A question whose type the chosen LMS format cannot hold."""


def within(value: float, target: float, tolerance: float) -> bool:
    """True when ``value`` is within ``tolerance`` of ``target``, with a hair of slack so
    that an answer exactly on the edge is not lost to binary floating point."""
    return abs(value - target) <= tolerance + SETTINGS["float_slack"] * max(1.0, abs(target))


def check_keys(table, spec: dict, what: str) -> list[str]:
    """Unknown keys, missing required keys and values of the wrong type in a TOML table,
    each as a sentence about ``what`` (e.g. "option 2")."""
    if not isinstance(table, dict):
        return [f"{what} must be a TOML table."]
    problems = [f"{what} has an unknown key '{key}'.{suggestion(key, list(spec))}"
                for key in table if key not in spec]
    for key, (kind, required) in spec.items():
        if key not in table:
            if required:
                problems.append(f"{what} is missing the required key '{key}'.")
            continue
        value = table[key]
        # bool is an int in Python, so a number field must refuse it explicitly.
        if not isinstance(value, kind) or (kind is NUMBER and isinstance(value, bool)):
            problems.append(f"{what}: '{key}' has the wrong type ({type(value).__name__}).")
        elif kind is str and not value.strip():
            problems.append(f"{what}: '{key}' is empty.")
    return problems


@dataclass(frozen=True)
class Question:
    """One question of a bank. Subclasses are the question types: each declares ``type``
    and ``KEYS`` and fills in the methods below; an LMS format a type cannot be written to
    keeps the method that raises ``NotExportable``."""

    id: str
    prompt: str
    lesson: str

    type: ClassVar[str]
    # The keys of the type's bank entry beyond COMMON_KEYS: {key: (Python type, required)}.
    KEYS: ClassVar[dict[str, tuple]]

    @classmethod
    def entry_problems(cls, raw: dict) -> list[str]:
        """What is wrong with a bank entry whose keys and value types are already right
        (nested tables included), one sentence each; empty when it is a valid question."""
        return []

    @classmethod
    def entry_fields(cls, raw: dict) -> dict:
        """The type's own fields, read from a valid bank entry."""
        raise NotImplementedError

    @classmethod
    def from_entry(cls, raw: dict) -> Question:
        """The question of a valid bank entry."""
        return cls(id=raw["id"], prompt=raw["prompt"].strip(), lesson=raw["lesson"], **cls.entry_fields(raw))

    def grade(self, answer) -> Verdict:
        """The verdict on a canonical answer (never None or empty: the grader handles those)."""
        raise NotImplementedError

    def widget_fields(self) -> dict:
        """What quiz.js needs to grade and restore the answer on the page, beyond id and type."""
        raise NotImplementedError

    def widget_data(self) -> dict:
        """The question as the quiz page's grading data."""
        return {"id": self.id, "type": self.type, **self.widget_fields()}

    def form_html(self, base: str, strings: dict) -> str:
        """The form controls between the prompt and the lesson link, as HTML; ``base`` is
        the question's element id, ``strings`` the [quiz] strings of quiz_strings.toml."""
        raise NotImplementedError

    def to_gift(self) -> list[str]:
        """The lines of the GIFT answer block."""
        raise self.not_exportable("GIFT")

    def to_moodle(self, element: ET.Element, shuffle: bool) -> str:
        """Add the type's elements to a Moodle XML ``<question>``; return Moodle's type name."""
        raise self.not_exportable("Moodle XML")

    def to_qti(self, ident: str, presentation: ET.Element, processing: ET.Element) -> tuple[str, list[tuple[str, str]]]:
        """Add the responses and scoring of a QTI 1.2 item for Canvas; return Canvas's
        question type and the item's feedbacks as (id, text)."""
        raise self.not_exportable("QTI")

    def not_exportable(self, fmt: str) -> NotExportable:
        """The error for a format this type cannot be written to."""
        return NotExportable(f"question '{self.id}' is a '{self.type}' question, which cannot be "
                             f"exported to {fmt}; leave it out of the bank to export, or choose another format.")
