"""The ``parse`` step: a table becomes a list of posts, or ``InvalidInput`` naming every
problem (row and column) with a suggestion. Nothing here grades: a misspelt platform is
a typo to fix, not a mistake to score."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from checker.cells import NotADate, cell_text, read_date
from checker.plan.vocabulary import columns, find, label, required_columns, vocabulary
from checker.problems import InputProblem, InvalidInput, suggestion
from checker.tables import Row, Table, reports_table_problems

# A cell may name several KPIs: "reach, follower growth".
KPI_SEPARATORS = re.compile(r"[,;/+\n]")
# The optional columns, read as text.
OPTIONAL_TEXT = ("cta", "link", "hashtags", "notes", "time")


@dataclass(slots=True)
class Post:
    """One planned post, with canonical vocabulary values and its spreadsheet row. Rules
    read posts and never change them (a frozen dataclass would say so, at five times the
    cost of building one: a tenth of the time a plan takes to grade)."""

    row: int
    date: date
    platform: str
    format: str
    category: str
    goal: str
    kpis: tuple[str, ...]
    copy: str
    cta: str = ""
    link: str = ""
    hashtags: str = ""
    notes: str = ""
    time: str = ""


class PlanReader:
    """How one plan's cells are read: where each column is, and lookups that remember
    their answers for this plan only (a plan repeats a few spellings and a few dozen dates
    on every row, while a class's plans share little else)."""

    def __init__(self, table: Table):
        """Bind the plan's header; raises ``InvalidInput`` for missing columns."""
        self.table = table
        self.where = table.bind(columns(), required_columns())
        self.width = max(self.where.values()) + 1
        self.required = required_columns()
        # Optional text columns the plan leaves out read as ''.
        self.absent = dict.fromkeys(set(OPTIONAL_TEXT) - set(self.where), "")
        self.vocabulary = cache(vocabulary_cells)
        self.day = cache(read_date)

    def post(self, row: Row, problems: list[InputProblem]) -> Post | None:
        """The row's post, or None when it has problems: then each of them (empty required
        cells, unknown values, an unreadable date) is added to ``problems``."""
        cells = row.cells + [None] * (self.width - len(row.cells))
        texts = {name: cell_text(cells[index]) for name, index in self.where.items()} | self.absent
        values, kpis, unknown = self.vocabulary(texts["platform"], texts["format"], texts["category"],
                                                texts["goal"], texts["kpi"])
        found = [InputProblem(row.number, self.column(name), f"this cell is empty; every post needs its {name}.")
                 for name in self.required if not texts[name]]
        found += [unknown_value(row.number, self.column(name), name, texts[name])
                  for name, value in values.items() if value is None and texts[name]]
        found += [unknown_value(row.number, self.column("kpi"), "kpi", part) for part in unknown]
        day = None
        if texts["date"]:
            try:
                day = self.day(cells[self.where["date"]])
            except NotADate as error:
                found.append(InputProblem(row.number, self.column("date"), str(error)))
        if found:
            problems += found
            return None
        return Post(row.number, day, values["platform"], values["format"], values["category"], values["goal"],
                    kpis, texts["copy"], texts["cta"], texts["link"], texts["hashtags"], texts["notes"],
                    texts["time"])

    def column(self, name: str) -> str:
        """The header a canonical column has in this plan."""
        return self.table.column_name(self.where[name])


@reports_table_problems
def parse_posts(table: Table) -> list[Post]:
    """Every row of a plan table as a ``Post``. Raises ``InvalidInput`` with all the
    missing columns, empty required cells, unknown vocabulary values, unreadable dates and
    formula cells at once."""
    reader = PlanReader(table)
    problems: list[InputProblem] = []
    posts = [post for row in table.rows if (post := reader.post(row, problems)) is not None]
    if problems:
        raise InvalidInput(problems)
    return posts


def vocabulary_cells(platform: str, format: str, category: str, goal: str,
                     kpi: str) -> tuple[dict[str, str | None], tuple[str, ...], tuple[str, ...]]:
    """What a row's vocabulary cells name: the canonical value of each single-valued one
    (None when empty or unknown), the KPIs, and the parts of the kpi cell that name none."""
    values = {"platform": find("platform", platform), "format": find("format", format),
              "category": find("category", category), "goal": find("goal", goal)}
    return values, *kpi_cell(kpi)


def kpi_cell(cell: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The distinct KPIs a cell names, in order, and the parts that name none."""
    kpis, unknown = [], []
    for part in KPI_SEPARATORS.split(cell):
        part = part.strip()
        if not part:
            continue
        canonical = find("kpi", part)
        if canonical is None:
            unknown.append(part)
        elif canonical not in kpis:
            kpis.append(canonical)
    return tuple(kpis), tuple(unknown)


def unknown_value(row: int, column: str, field: str, value: str) -> InputProblem:
    """The problem for a value outside a vocabulary, with the closest known spelling."""
    known = vocabulary(field)
    hint = suggestion(value, known.spellings())
    listed = ", ".join(label(v) for v in known.canonical) if len(known.canonical) <= 12 else \
        "see the KPI list in the exercise's starter template"
    return InputProblem(row, column, f"'{value}' is not a {field} this course knows.{hint} "
                                     f"Known values: {listed}.")
