"""Quiz banks: load ``quizzes/<id>.toml`` and refuse a bank that would mislead a learner.

A bank is validated whole before anyone sees it: a question with no correct answer, a
numeric answer that its own tolerance cannot reach or a duplicate id is an authoring
mistake, reported with the file and the question named so the build (and the tests) fail
where the author can fix it. Each entry is checked by its question type (the registry in
``checker.quiz.question``); whether its lesson link leads to a real section is the site's
knowledge, so the caller hands that check in (``checker.site.lesson_links``). The format is
documented in ``quizzes/README.md``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import checker.quiz.question_types  # noqa: F401  (registers the built-in question types)
from checker.course import course_root, quizzes_dir
from checker.problems import suggestion
from checker.quiz.question import COMMON_KEYS, NUMBER, QUESTION_TYPES, SETTINGS, Question, check_keys

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BANK_KEYS = {"title": (str, True), "shuffle": (bool, False), "pass_mark": (NUMBER, False),
             "question": (list, True)}
# Problems with a question's lesson link (empty when it is fine), one sentence each.
LessonCheck = Callable[[str], list[str]]


@dataclass
class Bank:
    """A validated quiz bank."""

    id: str
    title: str
    questions: list[Question]
    shuffle: bool = False
    pass_mark: float = SETTINGS["pass_mark"]
    path: Path | None = field(default=None, compare=False)

    def question(self, question_id: str) -> Question | None:
        """The question with this id, or None."""
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass(frozen=True)
class BankProblem:
    """One authoring mistake in a bank, with the file and (when known) the question."""

    file: str
    question: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, question '{self.question}'" if self.question else self.file
        return f"{where}: {self.message}"


class BankError(Exception):
    """Raised with every problem of a bank at once."""

    def __init__(self, problems: list[BankProblem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class UnknownBank(LookupError):
    """No bank file has this id; the message lists the ids that exist."""


def list_banks(root: Path | None = None) -> list[str]:
    """The ids of every bank in the course, sorted."""
    folder = quizzes_dir(root)
    return sorted(p.stem for p in folder.glob("*.toml")) if folder.is_dir() else []


def load_bank(bank_id: str, root: Path | None = None, lesson_check: LessonCheck | None = None) -> Bank:
    """Load and validate ``quizzes/<bank_id>.toml`` of the course at ``root``, each lesson
    link checked by ``lesson_check`` when given. Raises ``UnknownBank`` or ``BankError``."""
    root = root or course_root()
    path = quizzes_dir(root) / f"{bank_id}.toml"
    if not ID_PATTERN.match(bank_id) or not path.is_file():
        known = list_banks(root)
        raise UnknownBank(f"there is no quiz bank '{bank_id}'; the banks are: "
                          f"{', '.join(known) or 'none'}.{suggestion(bank_id, known)}")
    return load_bank_file(path, lesson_check, display=_display(path, root))


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def load_bank_file(path: Path, lesson_check: LessonCheck | None = None, display: str | None = None) -> Bank:
    """Load and validate one bank file, each lesson link checked by ``lesson_check`` when
    given. ``display`` is the file name used in messages (default: the path)."""
    name = display or str(path)
    problems: list[BankProblem] = []
    if not ID_PATTERN.match(path.stem):
        problems.append(BankProblem(name, None, f"the file name '{path.stem}' is the bank id: use "
                                    "lowercase letters, digits and hyphens only."))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise BankError([BankProblem(name, None, f"not valid TOML: {error}.")]) from None
    problems += [BankProblem(name, None, message) for message in check_keys(data, BANK_KEYS, "the bank")]
    questions: list[Question] = []
    seen: set[str] = set()
    raw_questions = data["question"] if isinstance(data.get("question"), list) else []
    for number, raw in enumerate(raw_questions, 1):
        qid = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else f"#{number}"
        found = question_problems(raw)
        if qid in seen:
            found.append("this id is used by an earlier question; ids must be unique.")
        seen.add(qid)
        if lesson_check and isinstance(raw, dict) and isinstance(raw.get("lesson"), str):
            found += lesson_check(raw["lesson"])
        if not found:
            questions.append(QUESTION_TYPES[raw["type"]].from_entry(raw))
        problems += [BankProblem(name, qid, message) for message in found]
    if isinstance(data.get("question"), list) and not raw_questions:
        problems.append(BankProblem(name, None, "the bank has no [[question]] tables."))
    pass_mark = data.get("pass_mark", SETTINGS["pass_mark"])
    if isinstance(pass_mark, NUMBER) and not 0 < pass_mark <= 100:
        problems.append(BankProblem(name, None, f"pass_mark is {pass_mark}; it must be above 0 and at most 100."))
    if problems:
        raise BankError(problems)
    return Bank(id=path.stem, title=data["title"], questions=questions,
                shuffle=data.get("shuffle", False), pass_mark=pass_mark, path=path)


def question_problems(raw) -> list[str]:
    """What is wrong with one ``[[question]]`` entry: its type, its keys, its id, and then
    whatever its question type refuses; empty for a valid question."""
    if not isinstance(raw, dict):
        return ["each [[question]] must be a table."]
    kind = raw.get("type")
    if kind not in QUESTION_TYPES:
        return [f"unknown type '{kind}'; use one of {', '.join(QUESTION_TYPES)}."
                f"{suggestion(str(kind), list(QUESTION_TYPES))}"]
    question = QUESTION_TYPES[kind]
    problems = check_keys(raw, COMMON_KEYS | question.KEYS, "the question")
    if isinstance(raw.get("id"), str) and not ID_PATTERN.match(raw["id"]):
        problems.append("the id must use lowercase letters, digits and hyphens only.")
    return problems or question.entry_problems(raw)
