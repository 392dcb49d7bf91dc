"""Read a learner's answer file and turn each answer into the canonical form ``grade`` uses.

An answer file is a CSV (or XLSX) with the columns ``question`` and ``answer``, or a JSON
object ``{"question id": answer}``. Choice answers are option numbers (1-based, in the
bank's order) separated by commas or semicolons, or an option's text; ordering answers are
item numbers (as the quiz page first lists the items) in the learner's order, or item texts.
An answer that cannot be read is invalid input, named by row or question, never a wrong
answer; an empty answer is simply unanswered.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from checker.cells import UnreadableCell, cell_at, cell_text, is_blank, read_number
from checker.problems import InputProblem, InvalidInput, suggestion
from checker.quiz.bank import Bank, Question
from checker.tables import Table, read_table, reports_table_problems

COLUMNS = {"question": ("question id", "id"), "answer": ("answers", "response")}
TRUE_WORDS, FALSE_WORDS = ("true", "t", "yes"), ("false", "f", "no")


def read_answers(path: str | Path, bank: Bank) -> dict[str, object]:
    """Read and parse an answer file for ``bank``. Raises ``InvalidInput`` naming every
    problem with its row (CSV) or question (JSON)."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        return parse_answers(bank, _json_entries(path))
    return answers_from_table(read_table(path), bank)


@reports_table_problems
def answers_from_table(table: Table, bank: Bank) -> dict[str, object]:
    """Parse the rows of an answer sheet (columns question and answer) for ``bank``."""
    columns = table.bind(COLUMNS, required=("question", "answer"))
    entries = [(row.number, cell_at(row.cells, columns["question"]), cell_at(row.cells, columns["answer"]))
               for row in table.rows]
    return parse_answers(bank, entries)


def _json_entries(path: Path) -> list[tuple[int | None, object, object]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InvalidInput([InputProblem(None, None, f"there is no file at '{path}'.")]) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InvalidInput([InputProblem(None, None, f"the JSON cannot be read ({error}).")]) from None
    if not isinstance(data, dict):
        raise InvalidInput([InputProblem(None, None, 'the JSON must be one object: {"question id": answer, ...}.')])
    return [(None, key, value) for key, value in data.items()]


def parse_answers(bank: Bank, entries: list[tuple[int | None, object, object]]) -> dict[str, object]:
    """Canonical answers from ``(row number or None, question id, raw answer)`` entries."""
    answers: dict[str, object] = {}
    problems: list[InputProblem] = []
    ids = [q.id for q in bank.questions]
    for row, raw_id, raw in entries:
        qid = cell_text(raw_id)
        question = bank.question(qid)
        if question is None:
            problems.append(InputProblem(row, "question", f"'{qid}' is not a question of the quiz "
                                         f"'{bank.id}'.{suggestion(qid, ids)}"))
        elif qid in answers:
            problems.append(InputProblem(row, "question", f"question '{qid}' is answered twice; keep one answer."))
        else:
            try:
                answers[qid] = None if _blank(raw) else parse_answer(question, raw)
            except ValueError as error:
                problems.append(InputProblem(row, "answer", f"question '{qid}': {error}"))
    if problems:
        raise InvalidInput(problems)
    return answers


def _blank(raw) -> bool:
    return is_blank(raw) or raw == []


def parse_answer(question: Question, raw):
    """One raw answer (text, number, bool or list) in canonical form; ``ValueError`` says
    what is wrong in words the learner can act on."""
    if question.type in ("single", "multiple"):
        chosen = _pick(raw, [o.text for o in question.options], list(range(len(question.options))), "option")
        if question.type == "single" and len(set(chosen)) != 1:
            raise ValueError("choose exactly one option.")
        return sorted(set(chosen))
    if question.type == "true-false":
        word = str(raw).strip().lower() if not isinstance(raw, bool) else ("true" if raw else "false")
        if word not in TRUE_WORDS + FALSE_WORDS:
            raise ValueError(f"answer true or false, not '{raw}'.")
        return word in TRUE_WORDS
    if question.type == "numeric":
        return _number(raw, question.unit)
    order = _pick(raw, list(question.items), question.presented_order(), "item")
    if sorted(order) != list(range(len(question.items))):
        raise ValueError(f"give each of the {len(question.items)} items exactly once, in your order.")
    return order


def _pick(raw, texts: list[str], numbering: list[int], what: str) -> list[int]:
    """Indices named by numbers (``numbering[n - 1]``) or texts, in the order given."""
    folded = [_fold(t) for t in texts]
    if isinstance(raw, str) and _fold(raw) in folded:
        return [folded.index(_fold(raw))]
    if isinstance(raw, str):
        # Texts may hold commas, so once a semicolon appears it is the only separator.
        tokens = raw.split(";") if ";" in raw else raw.split(",")
    else:
        tokens = raw if isinstance(raw, list) else [raw]
    picked = []
    for token in tokens:
        if isinstance(token, float) and token.is_integer():
            token = int(token)  # spreadsheets store 2 as 2.0
        text = str(token).strip()
        if isinstance(token, int) and not isinstance(token, bool) or re.fullmatch(r"\d+", text, re.ASCII):
            number = int(text)
            if not 1 <= number <= len(texts):
                raise ValueError(f"there is no {what} {number}; the {what}s are numbered 1 to {len(texts)}.")
            picked.append(numbering[number - 1])
        elif _fold(text) in folded:
            picked.append(folded.index(_fold(text)))
        elif text:
            raise ValueError(f"'{text}' is neither an {what} number (1 to {len(texts)}) nor the text of an "
                             f"{what}.{suggestion(text, texts)}")
    if not picked:
        raise ValueError(f"no {what} is named.")
    return picked


def _fold(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _number(raw, unit: str) -> float:
    """A numeric answer as ``checker.cells`` reads numbers, after the question's unit
    ("25 RUB" answers a question in RUB). A percent sign is the unit of a percentage, not
    a division by 100: the question says which unit it wants."""
    if isinstance(raw, str) and unit and raw.strip().endswith(unit):
        raw = raw.strip()[: -len(unit)]
    try:
        return read_number(raw).value
    except UnreadableCell as error:
        raise ValueError(f"{error}.") from None
