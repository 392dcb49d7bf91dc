"""The ``parse`` step of a media plan: each row becomes a ``Line``, or ``InvalidInput``
names every problem with its row and column. A negative budget, an unknown platform or
objective, an end before a start, an unreadable number or date and a line id used twice
are typos to fix, not mistakes to score."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from checker.cells import NotADate, NotANumber, cell_at, cell_text, read_date, read_number
from checker.data import load
from checker.plan.vocabulary import find as find_platform, vocabulary as plan_vocabulary
from checker.problems import InputProblem, InvalidInput, suggestion
from checker.tables import Row, Table, normalise_header, reports_table_problems

DATA_FILE = "campaign.toml"
# Columns read as numbers: the learner's money and assumptions, then the forecast.
NUMBERS = ("budget", "rate", "ctr", "conversion_rate", "impressions", "clicks", "conversions", "cpa")
# Numbers that must be above 0 (a rate of 0 buys everything for nothing); the forecast
# may be 0 but never negative.
POSITIVE = ("budget", "rate", "ctr")
PERCENTAGES = ("ctr", "conversion_rate")


@dataclass(frozen=True)
class Line:
    """One line item of the plan, with canonical values and its spreadsheet row. Numbers
    left blank (conversion_rate, conversions, cpa) are None."""

    row: int
    line_id: str
    platform: str
    objective: str
    audience: str
    start: date
    end: date
    budget: float
    buying_model: str
    rate: float
    ctr: float
    conversion_rate: float | None
    impressions: float
    clicks: float
    conversions: float | None
    cpa: float | None
    link: str
    ad_label: str

    @property
    def days(self) -> int:
        """How many days the line runs, both ends counted."""
        return (self.end - self.start).days + 1


def plan_data() -> dict:
    """The media-plan vocabulary and facts (``checker/data/campaign.toml``)."""
    return load(DATA_FILE)


@cache
def lookup(field: str) -> dict[str, str]:
    """Normalised spelling -> canonical value for ``objective`` or ``buying_model``."""
    return {normalise_header(spelling): canonical for canonical, aliases in plan_data()[field].items()
            for spelling in (canonical, *aliases)}


def canonical(field: str, text: str) -> str | None:
    """The canonical platform, objective or buying model ``text`` names, or None."""
    if field == "platform":
        return find_platform("platform", text)
    return lookup(field).get(normalise_header(text))


def unknown(row: int, column: str, field: str, text: str) -> InputProblem:
    """The problem for a value outside a vocabulary, with the closest spelling."""
    spellings = plan_vocabulary("platform").spellings() if field == "platform" else list(lookup(field))
    known = plan_vocabulary("platform").canonical if field == "platform" else tuple(plan_data()[field])
    return InputProblem(row, column, f"'{text}' is not one of the {field.replace('_', ' ')}s this course knows."
                                     f"{suggestion(text, spellings)} Known values: {', '.join(known)}.")


class LineReader:
    """Where each column of one plan is, and how its cells are read."""

    def __init__(self, table: Table):
        """Bind the header; raises ``InvalidInput`` naming every missing column."""
        data = plan_data()
        self.table = table
        self.where = table.bind(data["columns"], data["required"]["columns"])
        self.blank_ok = set(data["required"]["may_be_blank"])

    def column(self, name: str) -> str:
        """The header a canonical column has in this plan."""
        return self.table.column_name(self.where[name])

    def line(self, row: Row, problems: list[InputProblem]) -> Line | None:
        """The row's line, or None after adding each of its problems to ``problems``."""
        found: list[InputProblem] = []
        cells = {name: cell_at(row.cells, index) for name, index in self.where.items()}
        texts = {name: cell_text(cell) for name, cell in cells.items()}
        values: dict = {name: texts.get(name, "") for name in ("line_id", "audience", "link", "ad_label")}
        for name in self.where:
            if not texts[name] and name not in self.blank_ok:
                found.append(InputProblem(row.number, self.column(name), f"this cell is empty; every line needs its "
                                                                          f"{name.replace('_', ' ')}."))
        for field in ("platform", "objective", "buying_model"):
            values[field] = canonical(field, texts[field]) if texts[field] else None
            if texts[field] and values[field] is None:
                found.append(unknown(row.number, self.column(field), field, texts[field]))
        for name in ("start", "end"):
            values[name] = None
            if texts[name]:
                try:
                    values[name] = read_date(cells[name])
                except NotADate as error:
                    found.append(InputProblem(row.number, self.column(name), f"{error}"))
        if values["start"] and values["end"] and values["end"] < values["start"]:
            found.append(InputProblem(row.number, self.column("end"), f"the line ends ({values['end']}) before it "
                                                                       f"starts ({values['start']}); swap the dates."))
        for name in NUMBERS:
            values[name] = None
            if texts[name]:
                values[name] = self.number(row.number, name, cells[name], found)
        if found:
            problems += found
            return None
        return Line(row.number, **values)

    def number(self, row: int, name: str, cell, found: list[InputProblem]) -> float | None:
        """A number cell's value (a percent sign on ctr or conversion_rate is its unit),
        or None after adding its problem to ``found``."""
        column = self.column(name)
        try:
            value = read_number(cell).value
        except NotANumber as error:
            found.append(InputProblem(row, column, f"{error}; write a number such as 1500, 1 500 or 2,5."))
            return None
        if name in POSITIVE and value <= 0:
            what = "a budget" if name == "budget" else f"the {name}"
            found.append(InputProblem(row, column, f"{value:g} is not {what} a line can have; it must be above 0."))
            return None
        if value < 0:
            found.append(InputProblem(row, column, f"{value:g} is negative; a forecast is 0 or more."))
            return None
        if name in PERCENTAGES and value > 100:
            found.append(InputProblem(row, column, f"{value:g}% is more than all of them; write the "
                                                   "percentage, such as 1.2 for 1.2%."))
            return None
        return value


@reports_table_problems
def parse_lines(table: Table) -> list[Line]:
    """Every row of a media plan as a ``Line``. Raises ``InvalidInput`` with all the
    missing columns, empty cells, unknown values, unreadable or impossible numbers and
    dates, and repeated line ids at once."""
    reader = LineReader(table)
    problems: list[InputProblem] = []
    lines = [line for row in table.rows if (line := reader.line(row, problems)) is not None]
    seen: dict[str, int] = {}
    for row in table.rows:
        line_id = cell_text(cell_at(row.cells, reader.where["line_id"]))
        if line_id and line_id.casefold() in seen:
            problems.append(InputProblem(row.number, reader.column("line_id"),
                                         f"line id '{line_id}' is already used on row {seen[line_id.casefold()]}; "
                                         "give every line its own id."))
        seen.setdefault(line_id.casefold(), row.number)
    if problems:
        raise InvalidInput(sorted(problems, key=lambda p: p.row or 0))
    return lines
