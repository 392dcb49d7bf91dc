"""Read a learner's answer file and turn each answer into the canonical form ``grade`` uses.

An answer file is a CSV (or XLSX) with the columns ``question`` and ``answer``, or a JSON
object ``{"question id": answer}``. Each question's type reads its own answers
(``read_answer`` of its class in ``checker/quiz/question_types/``), so this module knows
no type. An answer that cannot be read is invalid input, named by row or question, never
a wrong answer; an empty answer is simply unanswered.
"""

from __future__ import annotations

import json
from pathlib import Path

from checker.cells import cell_at, cell_text, is_blank
from checker.problems import InputProblem, InvalidInput, suggestion
from checker.quiz.bank import Bank
from checker.tables import Table, read_table, reports_table_problems

COLUMNS = {"question": ("question id", "id"), "answer": ("answers", "response")}


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
                answers[qid] = None if _blank(raw) else question.read_answer(raw)
            except ValueError as error:
                problems.append(InputProblem(row, "answer", f"question '{qid}': {error}"))
    if problems:
        raise InvalidInput(problems)
    return answers


def _blank(raw) -> bool:
    return is_blank(raw) or raw == []
