"""Read a learner's answer sheet: a table with columns ``metric`` and ``value``.

Metrics may be named by id or by a common name (``CTR``, ``cost per click``), in any
case. Values stay as typed: whether one is a number is the grader's verdict on that
metric (``not-a-number``), not a reason to refuse the sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from checker.cells import cell_at, is_blank
from checker.kpi.metrics import METRICS, SETTINGS
from checker.problems import InputProblem, InvalidInput, suggestion
from checker.tables import Table, normalise_header, read_table, reports_table_problems

COLUMNS = {"metric": SETTINGS["answers"]["metric"], "value": SETTINGS["answers"]["value"]}
# Every way of naming a metric, normalised like headers are.
NAMES = {normalise_header(name): metric.id
         for metric in METRICS.values() for name in (metric.id, *metric.names)}


@lru_cache(maxsize=4096)
def metric_named(name: str) -> str | None:
    """The metric id a sheet's name means, or None. Cached: a class writes the same few
    names on every sheet."""
    return NAMES.get(normalise_header(name))


@dataclass(frozen=True)
class Answer:
    """One answered metric: the sheet row it came from and the cell as typed."""

    row: int
    cell: object


def read_answers(path: str | Path, encoding: str | None = None) -> dict[str, Answer]:
    """Read and check an answer sheet file."""
    return answers_from_table(read_table(path, encoding))


@reports_table_problems
def answers_from_table(table: Table) -> dict[str, Answer]:
    """Answers by metric id. Raises ``InvalidInput`` naming every unknown metric name
    (with a suggestion), every metric answered twice and every formula cell."""
    where = table.bind(COLUMNS, ["metric", "value"])
    metric_header = table.column_name(where["metric"])
    answers: dict[str, Answer] = {}
    problems = []
    for row in table.rows:
        name = cell_at(row.cells, where["metric"])
        value = cell_at(row.cells, where["value"])
        if is_blank(name):
            if not is_blank(value):
                problems.append(InputProblem(row.number, metric_header, "this value has no metric "
                                             "name; write which metric it answers."))
            continue
        metric_id = metric_named(str(name))
        if metric_id is None:
            problems.append(InputProblem(row.number, metric_header, f"'{name}' is not a metric of the "
                                         f"course.{suggestion(str(name), list(NAMES))} The metric ids are: "
                                         f"{', '.join(METRICS)}."))
        elif metric_id in answers:
            problems.append(InputProblem(row.number, metric_header, f"{metric_id} is answered twice "
                                         f"(rows {answers[metric_id].row} and {row.number}); keep one row."))
        else:
            answers[metric_id] = Answer(row.number, value)
    if problems:
        raise InvalidInput(problems)
    return answers
