"""Quiz banks: load ``quizzes/<id>.toml`` and refuse a bank that would mislead a learner.

A bank is validated whole before anyone sees it: a question with no correct answer, a
numeric answer that its own tolerance cannot reach, a lesson link that leads nowhere or a
duplicate id is an authoring mistake, reported with the file and the question named so the
build (and the tests) fail where the author can fix it. The format is documented in
``quizzes/README.md``.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from checker.course import course_root, quizzes_dir
from checker.data import load
from checker.problems import suggestion

TYPES = ("single", "multiple", "true-false", "numeric", "ordering")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NUMBER = (int, float)

# Keys each question type accepts, with the Python type of each value and whether it is
# required; every question also has id, type, prompt and lesson.
COMMON_KEYS = {"id": (str, True), "type": (str, True), "prompt": (str, True), "lesson": (str, True)}
TYPE_KEYS = {
    "single": {"option": (list, True)},
    "multiple": {"option": (list, True)},
    "true-false": {"answer": (bool, True), "true_feedback": (str, True), "false_feedback": (str, True)},
    "numeric": {"answer": (NUMBER, True), "tolerance": (NUMBER, False), "unit": (str, False),
                "correct_feedback": (str, True), "wrong_feedback": (str, True), "mistake": (list, False)},
    "ordering": {"items": (list, True), "correct_feedback": (str, True), "wrong_feedback": (str, True)},
}
BANK_KEYS = {"title": (str, True), "shuffle": (bool, False), "pass_mark": (NUMBER, False),
             "question": (list, True)}
OPTION_KEYS = {"text": (str, True), "correct": (bool, False), "feedback": (str, True)}
MISTAKE_KEYS = {"value": (NUMBER, True), "feedback": (str, True)}


# The engine's parameters (pass mark, limits).
SETTINGS = load("quiz.toml")


@dataclass(frozen=True)
class Option:
    """A choice of a single or multiple choice question."""

    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Mistake:
    """A known wrong numeric answer and what it reveals about the learner's reasoning."""

    value: float
    feedback: str


@dataclass(frozen=True)
class Question:
    """One question; which fields are used depends on ``type``."""

    id: str
    type: str
    prompt: str
    lesson: str
    options: tuple[Option, ...] = ()
    answer: bool | float | None = None
    tolerance: float = 0.0
    unit: str = ""
    mistakes: tuple[Mistake, ...] = ()
    items: tuple[str, ...] = ()
    correct_feedback: str = ""
    wrong_feedback: str = ""
    true_feedback: str = ""
    false_feedback: str = ""

    def presented_order(self) -> list[int]:
        """Ordering items as first shown (indices into ``items``, whose order is the
        answer). Derived from the question id, so the page, the CLI's item numbers and
        every rebuild agree, and never the answer itself."""
        order = sorted(range(len(self.items)),
                       key=lambda i: hashlib.sha256(f"{self.id}\0{i}".encode()).hexdigest())
        if order == sorted(order):
            order = order[1:] + order[:1]
        return order

    def as_dict(self) -> dict:
        """The question as the widget's grading data (the same fields ``grade.py`` uses)."""
        data: dict = {"id": self.id, "type": self.type}
        if self.type in ("single", "multiple"):
            data["options"] = [{"correct": o.correct, "feedback": o.feedback} for o in self.options]
        elif self.type == "true-false":
            data.update(answer=self.answer, true_feedback=self.true_feedback,
                        false_feedback=self.false_feedback)
        elif self.type == "numeric":
            data.update(answer=self.answer, tolerance=self.tolerance, unit=self.unit,
                        mistakes=[{"value": m.value, "feedback": m.feedback} for m in self.mistakes])
        if self.type in ("numeric", "ordering"):
            data.update(correct_feedback=self.correct_feedback, wrong_feedback=self.wrong_feedback)
        if self.type == "ordering":
            data["count"] = len(self.items)
        return data


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


def load_bank(bank_id: str, root: Path | None = None) -> Bank:
    """Load and validate ``quizzes/<bank_id>.toml`` of the course at ``root``.
    Raises ``UnknownBank`` or ``BankError``."""
    root = root or course_root()
    path = quizzes_dir(root) / f"{bank_id}.toml"
    if not ID_PATTERN.match(bank_id) or not path.is_file():
        known = list_banks(root)
        raise UnknownBank(f"there is no quiz bank '{bank_id}'; the banks are: "
                          f"{', '.join(known) or 'none'}.{suggestion(bank_id, known)}")
    return load_bank_file(path, root / "docs", display=_display(path, root))


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def load_bank_file(path: Path, docs_dir: Path, display: str | None = None) -> Bank:
    """Load and validate one bank file; lesson links are checked against ``docs_dir``.
    ``display`` is the file name used in messages (default: the path)."""
    name = display or str(path)
    problems: list[BankProblem] = []
    if not ID_PATTERN.match(path.stem):
        problems.append(BankProblem(name, None, f"the file name '{path.stem}' is the bank id: use "
                                    "lowercase letters, digits and hyphens only."))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise BankError([BankProblem(name, None, f"not valid TOML: {error}.")]) from None
    problems += _check_keys(data, BANK_KEYS, name, None, "the bank")
    questions: list[Question] = []
    seen: set[str] = set()
    anchors = AnchorIndex(docs_dir)
    raw_questions = data["question"] if isinstance(data.get("question"), list) else []
    for number, raw in enumerate(raw_questions, 1):
        qid = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else f"#{number}"
        found = _check_question(raw, name, qid)
        if qid in seen:
            found.append(BankProblem(name, qid, "this id is used by an earlier question; ids must be unique."))
        seen.add(qid)
        if isinstance(raw, dict) and isinstance(raw.get("lesson"), str):
            found += [BankProblem(name, qid, message) for message in anchors.check(raw["lesson"])]
        if not found:
            questions.append(_build(raw))
        problems += found
    if isinstance(data.get("question"), list) and not raw_questions:
        problems.append(BankProblem(name, None, "the bank has no [[question]] tables."))
    pass_mark = data.get("pass_mark", SETTINGS["pass_mark"])
    if isinstance(pass_mark, NUMBER) and not 0 < pass_mark <= 100:
        problems.append(BankProblem(name, None, f"pass_mark is {pass_mark}; it must be above 0 and at most 100."))
    if problems:
        raise BankError(problems)
    return Bank(id=path.stem, title=data["title"], questions=questions,
                shuffle=data.get("shuffle", False), pass_mark=pass_mark, path=path)


def _check_keys(table, spec: dict, file: str, qid: str | None, what: str) -> list[BankProblem]:
    """Unknown keys, missing required keys and values of the wrong type."""
    if not isinstance(table, dict):
        return [BankProblem(file, qid, f"{what} must be a TOML table.")]
    problems = []
    for key in table:
        if key not in spec:
            problems.append(BankProblem(file, qid, f"{what} has an unknown key '{key}'.{suggestion(key, list(spec))}"))
    for key, (kind, required) in spec.items():
        if key not in table:
            if required:
                problems.append(BankProblem(file, qid, f"{what} is missing the required key '{key}'."))
            continue
        value = table[key]
        # bool is an int in Python, so a number field must refuse it explicitly.
        wrong_type = not isinstance(value, kind) or (kind is NUMBER and isinstance(value, bool))
        if wrong_type:
            problems.append(BankProblem(file, qid, f"{what}: '{key}' has the wrong type ({type(value).__name__})."))
        elif kind is str and not value.strip():
            problems.append(BankProblem(file, qid, f"{what}: '{key}' is empty."))
    return problems


def _check_question(raw, file: str, qid: str) -> list[BankProblem]:
    if not isinstance(raw, dict):
        return [BankProblem(file, qid, "each [[question]] must be a table.")]
    kind = raw.get("type")
    if kind not in TYPES:
        return [BankProblem(file, qid, f"unknown type '{kind}'; use one of {', '.join(TYPES)}."
                            f"{suggestion(str(kind), list(TYPES))}")]
    problems = _check_keys(raw, COMMON_KEYS | TYPE_KEYS[kind], file, qid, "the question")
    if isinstance(raw.get("id"), str) and not ID_PATTERN.match(raw["id"]):
        problems.append(BankProblem(file, qid, "the id must use lowercase letters, digits and hyphens only."))
    if problems:
        return problems
    if kind in ("single", "multiple"):
        return _check_options(raw, file, qid)
    if kind == "numeric":
        return _check_numeric(raw, file, qid)
    if kind == "ordering":
        items = raw["items"]
        if not all(isinstance(i, str) and i.strip() for i in items):
            return [BankProblem(file, qid, "every item must be a non-empty string.")]
        if len(items) < SETTINGS["min_items"]:
            return [BankProblem(file, qid, f"an ordering question needs at least {SETTINGS['min_items']} items.")]
        if len(set(items)) != len(items):
            return [BankProblem(file, qid, "two items have the same text; the order would be ambiguous.")]
    return []


def _check_options(raw, file: str, qid: str) -> list[BankProblem]:
    problems = []
    for number, option in enumerate(raw["option"], 1):
        problems += _check_keys(option, OPTION_KEYS, file, qid, f"option {number}")
    if problems:
        return problems
    options = raw["option"]
    correct = sum(1 for o in options if o.get("correct", False))
    if len(options) < SETTINGS["min_options"]:
        problems.append(BankProblem(file, qid, f"a choice question needs at least {SETTINGS['min_options']} options."))
    if raw["type"] == "single" and correct != 1:
        problems.append(BankProblem(file, qid, f"a single-choice question needs exactly one correct option; "
                                    f"this one has {correct}."))
    if raw["type"] == "multiple" and correct == 0:
        problems.append(BankProblem(file, qid, "no option is marked correct = true."))
    texts = [o["text"].strip().casefold() for o in options]
    if len(set(texts)) != len(texts):
        problems.append(BankProblem(file, qid, "two options have the same text."))
    return problems


def _check_numeric(raw, file: str, qid: str) -> list[BankProblem]:
    answer, tolerance = raw["answer"], raw.get("tolerance", 0)
    if tolerance < 0:
        return [BankProblem(file, qid, f"the tolerance is {tolerance}; no answer, not even {answer}, "
                            "lies within a negative tolerance.")]
    problems = []
    for number, mistake in enumerate(raw.get("mistake", []), 1):
        found = _check_keys(mistake, MISTAKE_KEYS, file, qid, f"mistake {number}")
        if not found and abs(mistake["value"] - answer) <= tolerance:
            found.append(BankProblem(file, qid, f"mistake {number} ({mistake['value']}) lies within the "
                                     f"tolerance {tolerance} of the answer {answer}, so it would be graded correct."))
        problems += found
    return problems


def _build(raw: dict) -> Question:
    return Question(
        id=raw["id"], type=raw["type"], prompt=raw["prompt"].strip(), lesson=raw["lesson"],
        options=tuple(Option(o["text"].strip(), o.get("correct", False), o["feedback"].strip())
                      for o in raw.get("option", [])),
        answer=float(raw["answer"]) if raw["type"] == "numeric" else raw.get("answer"),
        tolerance=float(raw.get("tolerance", 0)),
        unit=raw.get("unit", ""),
        mistakes=tuple(Mistake(float(m["value"]), m["feedback"].strip()) for m in raw.get("mistake", [])),
        items=tuple(i.strip() for i in raw.get("items", [])),
        correct_feedback=raw.get("correct_feedback", "").strip(),
        wrong_feedback=raw.get("wrong_feedback", "").strip(),
        true_feedback=raw.get("true_feedback", "").strip(),
        false_feedback=raw.get("false_feedback", "").strip(),
    )


# --- Lesson links -------------------------------------------------------------------------

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
ATTR_ID = re.compile(r"\{:?[^}]*?#([A-Za-z][\w:.-]*)[^}]*\}")
HTML_ID = re.compile(r"<[a-zA-Z][^>]*\sid=[\"']([^\"']+)[\"']")
SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")


def slugify(text: str) -> str:
    """A heading's anchor as MkDocs' toc extension makes it by default (markdown's
    ``toc.slugify`` applied to the rendered heading text)."""
    text = re.sub(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])", r"\1", text)  # links keep their text
    text = re.sub(r"<[^>]+>", "", text).replace("`", "")
    text = re.sub(r"(?<!\w)[*_]+|[*_]+(?!\w)", "", text)  # emphasis marks, not snake_case
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def heading_anchors(markdown: str) -> set[str]:
    """Every anchor a Markdown page offers: its headings' ids (numbered ``_1``, ``_2`` when
    repeated, as toc does), explicit ``{#id}`` attributes and HTML ``id`` attributes.
    Code blocks and front matter are skipped."""
    lines = markdown.splitlines()
    anchors: set[str] = set()
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), 0)
        title = next((line.split(":", 1)[1] for line in lines[1:end] if line.startswith("title:")), "")
        if title.strip():
            anchors.add(slugify(title.strip().strip("'\"")))
        start = end + 1
    fence = ""
    previous = ""
    for line in lines[start:]:
        marker = FENCE.match(line)
        if fence:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = ""
            continue
        if marker:
            fence = marker.group(1)
            continue
        heading = ATX.match(line)
        text = heading.group(2) if heading else None
        if text is None and SETEXT.match(line) and previous.strip() and not ATX.match(previous):
            text = previous.strip()
        if text is not None:
            explicit = ATTR_ID.search(text)
            text = ATTR_ID.sub("", text).strip()
            if explicit:
                anchors.add(explicit.group(1))
            else:
                slug, number = slugify(text), 0
                candidate = slug
                while candidate in anchors:
                    number += 1
                    candidate = f"{slug}_{number}"
                anchors.add(candidate)
        else:
            anchors.update(ATTR_ID.findall(line))
        anchors.update(HTML_ID.findall(line))
        previous = line
    return anchors


class AnchorIndex:
    """Reads each lesson once and answers whether ``path#anchor`` exists under ``docs/``."""

    def __init__(self, docs_dir: Path):
        self.docs_dir = docs_dir
        self.cache: dict[Path, set[str]] = {}

    def check(self, link: str) -> list[str]:
        """Problems with a lesson link (empty when it leads to an existing section)."""
        path, _, anchor = link.partition("#")
        if not path.endswith(".md") or path.startswith(("/", "http:", "https:")) or ".." in Path(path).parts:
            return [f"lesson '{link}' must be a path under docs/ to a .md file, with #anchor."]
        target = self.docs_dir / path
        if not target.is_file():
            return [f"lesson '{link}' is a dead link: there is no docs/{path}."]
        if not anchor:
            return [f"lesson '{link}' needs a #anchor naming the section that teaches this."]
        if target not in self.cache:
            self.cache[target] = heading_anchors(target.read_text(encoding="utf-8"))
        if anchor not in self.cache[target]:
            hint = suggestion(anchor, sorted(self.cache[target]))
            return [f"lesson '{link}' is a dead link: docs/{path} has no heading with the anchor "
                    f"'{anchor}'.{hint}"]
        return []
