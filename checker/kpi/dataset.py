"""Read a campaign dataset (one row per post or ad) and refuse one the metrics cannot
be computed from, naming every problem with its row and column.

Columns: ``post_id, date, platform, followers, impressions, reach, likes, comments,
shares, saves, clicks, spend, conversions, revenue``. Only ``date`` and the columns the
asked metrics use are required.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from checker.cells import NotADate, NotANumber, cell_at, is_blank, read_date, read_number
from checker.kpi.metrics import ENGAGEMENTS, METRICS, SETTINGS
from checker.problems import InputProblem, InvalidInput
from checker.tables import Table, parse_bytes, read_table, reports_table_problems

COLUMNS: dict[str, list[str]] = SETTINGS["dataset"]
TEXT_COLUMNS = ("post_id", "date", "platform")
NUMBER_COLUMNS = tuple(c for c in COLUMNS if c not in TEXT_COLUMNS)


@dataclass
class Dataset:
    """A valid dataset: numbers by column (file order) and each post's date and row."""

    rows: list[int]
    dates: list[dt.date]
    columns: dict[str, list[float]]
    headers: dict[str, str]  # canonical column -> the header the file uses
    _memo: dict = field(default_factory=dict, repr=False)

    def memo(self, key, compute: Callable):
        """``compute()`` once per dataset: answer sheets graded against the same data
        reuse the metric values and their wrong variants."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def earliest_and_latest(self) -> tuple[int, int]:
        """Indexes of the earliest and the latest post by date (file order breaks ties)."""
        order = sorted(range(len(self.dates)), key=self.dates.__getitem__)
        return order[0], order[-1]


def read_dataset(path: str | Path, metric_ids: Iterable[str], encoding: str | None = None) -> Dataset:
    """Read and validate a dataset file for the given metrics."""
    return dataset_from_table(read_table(path, encoding), metric_ids)


def dataset_from_text(text: str, metric_ids: Iterable[str]) -> Dataset:
    """Read and validate a dataset held as CSV text (a generated one)."""
    return dataset_from_table(parse_bytes(text.encode("utf-8"), "dataset.csv"), metric_ids)


def required_columns(metric_ids: Iterable[str]) -> list[str]:
    """``date`` and every column the metrics read, in the dataset's column order."""
    used = {"date"} | {c for m in metric_ids for c in METRICS[m].used_columns}
    return [c for c in COLUMNS if c in used]


@reports_table_problems
def dataset_from_table(table: Table, metric_ids: Iterable[str]) -> Dataset:
    """Validate a table: numbers where numbers belong, none negative, engagements within
    reach, reach within impressions, no zero that leaves an asked metric undefined, and no
    formula cell."""
    metric_ids = list(metric_ids)
    where = table.bind(COLUMNS, required_columns(metric_ids))
    headers = {c: table.column_name(i) for c, i in where.items()}
    problems: list[InputProblem] = []
    # Every number column present is checked, not only the required ones: diagnosing a
    # wrong answer may recompute it with another column (followers for reach).
    numbers: dict[str, list[float]] = {c: [] for c in NUMBER_COLUMNS if c in where}
    dates = []
    for row in table.rows:
        try:
            dates.append(read_date(cell_at(row.cells, where["date"])))
        except NotADate as error:
            problems.append(InputProblem(row.number, headers["date"], str(error)))
        for column, values in numbers.items():
            values.append(read_count(cell_at(row.cells, where[column]), row.number, headers[column], problems))
    if not problems:
        problems += impossible_rows(table, numbers, headers)
    if problems:
        raise InvalidInput(problems)
    data = Dataset([r.number for r in table.rows], dates, numbers, headers)
    problems = undefined_metrics(data, metric_ids)
    if problems:
        raise InvalidInput(problems)
    return data


def read_count(cell, row: int, column: str, problems: list[InputProblem]) -> float:
    """A non-negative number from a cell; records a problem (and returns 0) otherwise."""
    if is_blank(cell):
        problems.append(InputProblem(row, column, "the cell is empty; write 0 if there were none."))
        return 0.0
    try:
        value = read_number(cell).value
    except NotANumber as error:
        problems.append(InputProblem(row, column, f"{error}; this column holds numbers only."))
        return 0.0
    if value < 0:
        problems.append(InputProblem(row, column, f"{cell} is negative; counts and money spent "
                                     "cannot be below 0."))
    return value


def impossible_rows(table: Table, numbers: dict[str, list[float]], headers: dict[str, str]) -> list[InputProblem]:
    """Rows whose numbers contradict each other: more engagements than people reached
    (the course counts at most one of each action per person), more people reached
    than impressions (every person reached saw at least one)."""
    problems = []
    has_engagements = all(c in numbers for c in ENGAGEMENTS.add)
    for i, row in enumerate(table.rows):
        if has_engagements and "reach" in numbers:
            engaged = sum(numbers[c][i] for c in ENGAGEMENTS.add)
            if engaged > numbers["reach"][i]:
                problems.append(InputProblem(row.number, headers["reach"], f"likes + comments + shares + "
                                             f"saves make {engaged:g}, more than reach ({numbers['reach'][i]:g}); "
                                             "check both against the platform's statistics."))
        if "reach" in numbers and "impressions" in numbers and numbers["reach"][i] > numbers["impressions"][i]:
            problems.append(InputProblem(row.number, headers["impressions"], f"impressions "
                                         f"({numbers['impressions'][i]:g}) are fewer than reach "
                                         f"({numbers['reach'][i]:g}), but every person reached saw the post "
                                         "at least once; check both numbers."))
    return problems


def undefined_metrics(data: Dataset, metric_ids: list[str]) -> list[InputProblem]:
    """One problem per place a zero leaves asked metrics undefined, naming each metric."""
    blocked: dict[tuple, list[str]] = {}
    for metric_id in metric_ids:
        for gap in METRICS[metric_id].rule.undefined(data):
            blocked.setdefault((gap.row, gap.column, gap.reason), []).append(metric_id)
    problems = []
    for (row, column, reason), ids in blocked.items():
        named = " and ".join(f"{m} ({METRICS[m].formula})" for m in ids)
        header = data.headers.get(column, column)
        fix = ("Fix the number, or remove the row if the post or ad did not run." if row is not None
               else f"Check the '{header}' column: at least one value must be above 0.")
        problems.append(InputProblem(row, header, f"{reason}, so {named} cannot be computed: nothing can be "
                                     f"divided by 0. {fix}"))
    return problems
