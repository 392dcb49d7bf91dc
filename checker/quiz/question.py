"""What every quiz question type shares, and the registry that finds a type by its name.

A question type is one class, registered with ``@question_type``: the keys its bank entry
takes, the checks that entry must pass, how a cell of an answer file is read, how an
answer is graded, the data and form controls the quiz page needs, and how the question is
written to each LMS format. The bank loader, the answer-file reader, the grader, the
exporter and the quiz page look the class up by the ``type`` of a bank entry and never ask
which type they hold; ``checker/site/assets/quiz.js`` holds one object per type for the
page. The built-in types are in ``checker/quiz/question_types/``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import ClassVar

from checker.cells import cell_text
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


def named_indices(cell, texts: list[str], numbering: list[int], what: str) -> list[int]:
    """The indices an answer cell names, in the order given: numbers (``n`` names
    ``numbering[n - 1]``) or texts, separated by commas or semicolons, or a JSON list of
    them. ``what`` ("option", "item") names them in messages; raises ``ValueError``."""
    folded = [fold(t) for t in texts]
    if isinstance(cell, str) and fold(cell) in folded:
        return [folded.index(fold(cell))]
    if isinstance(cell, str):
        # Texts may hold commas, so once a semicolon appears it is the only separator.
        tokens = cell.split(";") if ";" in cell else cell.split(",")
    else:
        tokens = cell if isinstance(cell, list) else [cell]
    picked = []
    for token in tokens:
        if isinstance(token, float) and token.is_integer():
            token = int(token)  # spreadsheets store 2 as 2.0
        text = cell_text(token)
        if isinstance(token, int) and not isinstance(token, bool) or re.fullmatch(r"\d+", text, re.ASCII):
            number = int(text)
            if not 1 <= number <= len(texts):
                raise ValueError(f"there is no {what} {number}; the {what}s are numbered 1 to {len(texts)}.")
            picked.append(numbering[number - 1])
        elif fold(text) in folded:
            picked.append(folded.index(fold(text)))
        elif text:
            raise ValueError(f"'{text}' is neither an {what} number (1 to {len(texts)}) nor the text of an "
                             f"{what}.{suggestion(text, texts)}")
    if not picked:
        raise ValueError(f"no {what} is named.")
    return picked


def fold(text: str) -> str:
    """Text compared without case and with its runs of white space as one space."""
    return " ".join(str(text).split()).casefold()


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

    def read_answer(self, cell):
        """The canonical answer (what ``grade`` takes) in a non-empty answer-file cell: text,
        a workbook's number or bool, or a JSON value. Raises ``ValueError`` saying what to
        fix in words the learner can act on; the caller adds the row or question."""
        raise NotImplementedError

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
