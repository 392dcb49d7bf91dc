"""The ``parse`` step: a table becomes a list of posts, or ``InvalidInput`` naming every
problem (row and column) with a suggestion. Nothing here grades: a misspelt platform is
a typo to fix, not a mistake to score."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from operator import itemgetter

from checker.plan.vocabulary import columns, find, label, required_columns, vocabulary
from checker.problems import InputProblem, InvalidInput, suggestion
from checker.tables import Table

ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?")
SLASH_DATE = re.compile(r"(\d{1,4})/(\d{1,2})/(\d{1,4})")
# A cell may name several KPIs: "reach, follower growth".
KPI_SEPARATORS = re.compile(r"[,;/+\n]")
DATE_HELP = "write dates as 2026-12-01 or 01.12.2026"
# Vocabulary columns holding exactly one value (a kpi cell may name several).
SINGLE_VALUED = ("platform", "format", "category", "goal")
VOCABULARY_COLUMNS = (*SINGLE_VALUED, "kpi")
# The optional columns in the order of the fields of ``Post``.
OPTIONAL_COLUMNS = ("cta", "link", "hashtags", "notes", "time")


@dataclass(frozen=True, slots=True)
class Post:
    """One planned post, with canonical vocabulary values and its spreadsheet row."""

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


def parse_posts(table: Table) -> list[Post]:
    """Every row of a bound plan table as a ``Post``. Raises ``InvalidInput`` with all the
    empty required cells, unknown vocabulary values and unreadable dates at once."""
    where = table.bind(columns(), required_columns())
    width = max(where.values()) + 1
    # A plan repeats a few combinations of vocabulary cells and a few dates on every row:
    # each distinct one is read once and remembered; a row with anything missing or
    # unreadable goes through ``check_row``, which names every problem.
    vocabulary_cells = itemgetter(*(where[name] for name in VOCABULARY_COLUMNS))
    known_values, known_days = {}, {}
    date_at, copy_at = where["date"], where["copy"]
    optional = [where.get(name) for name in OPTIONAL_COLUMNS]
    problems: list[InputProblem] = []
    posts = []
    for row in table.rows:
        cells = row.cells if len(row.cells) >= width else row.cells + [None] * (width - len(row.cells))
        values = known_values.get(vocabulary_cells(cells))
        day = known_days.get(cells[date_at])
        if day is None:
            day = known_days[cells[date_at]] = readable_day(cells[date_at])
        copy = cell_text(cells[copy_at])
        if values is None or day is None or copy == "":
            found = check_row(table, where, row.number, cells)
            if found[1]:
                problems += found[1]
                continue
            values, day = found[0]
            key = vocabulary_cells(cells)
            # Text only: a spreadsheet's 1, 1.0 and TRUE are equal keys but read differently.
            if all(type(cell) is str for cell in key):
                known_values[key] = values
        posts.append(Post(row.number, day, *values, copy,
                          *["" if at is None else cell_text(cells[at]) for at in optional]))
    if problems:
        raise InvalidInput(problems)
    return posts


def check_row(table: Table, where: dict[str, int], number: int, cells: list) -> tuple[tuple | None, list]:
    """One row's canonical (platform, format, category, goal, kpis) values and date, or
    every problem of the row: empty required cells, unknown values, an unreadable date."""
    values = {name: clean(cells[index]) for name, index in where.items()}
    found = []
    for name in required_columns():
        if values[name] == "":
            found.append(InputProblem(number, table.column_name(where[name]),
                                      f"this cell is empty; every post needs its {name}."))
    for name in SINGLE_VALUED:
        if values[name] != "":
            canonical = find(name, str(values[name]))
            if canonical is None:
                found.append(unknown_value(number, table.column_name(where[name]), name, str(values[name])))
            values[name] = canonical
    kpis, unknown = kpi_cell(str(values["kpi"]))
    found += [unknown_value(number, table.column_name(where["kpi"]), "kpi", part) for part in unknown]
    day = None
    if values["date"] != "":
        try:
            day = cell_date(values["date"])
        except ValueError as error:
            found.append(InputProblem(number, table.column_name(where["date"]), str(error)))
    if found:
        return None, found
    return ((*(values[name] for name in SINGLE_VALUED), kpis), day), []


def readable_day(cell) -> date | None:
    """The date in a cell, or None when it is empty or unreadable (``check_row`` then
    says why)."""
    value = clean(cell)
    if value == "":
        return None
    try:
        return cell_date(value)
    except ValueError:
        return None


def clean(cell):
    """A cell ready to read: text stripped, blank as '', a spreadsheet's date or number
    kept as it is (only the date column may hold one; others are read as text)."""
    if isinstance(cell, str):
        return cell.strip()
    return "" if cell is None else cell


@lru_cache(maxsize=4096)
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


def cell_text(cell) -> str:
    """A cell read as text: stripped, '' when blank, a spreadsheet's value as written by
    ``str``."""
    return cell.strip() if type(cell) is str else text(clean(cell))


def text(value) -> str:
    """An optional cell as text ('' when the column is absent or the cell blank)."""
    return "" if value is None else str(value)


def unknown_value(row: int, column: str, field: str, value: str) -> InputProblem:
    """The problem for a value outside a vocabulary, with the closest known spelling."""
    known = vocabulary(field)
    hint = suggestion(value, known.spellings())
    listed = ", ".join(label(v) for v in known.canonical) if len(known.canonical) <= 12 else \
        "see the KPI list in the exercise's starter template"
    return InputProblem(row, column, f"'{value}' is not a {field} this course knows.{hint} "
                                     f"Known values: {listed}.")


def cell_date(value) -> date:
    """The date in a cell: a spreadsheet date, or text in ISO, dotted or unambiguous slash
    form. Raises ``ValueError`` with a message for the learner otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)):
        raise ValueError(f"{value:g} is a number, not a date; format the cell as a date or {DATE_HELP}.")
    return text_date(value)


@lru_cache(maxsize=4096)
def text_date(text: str) -> date:
    """Read a date written as text; slash dates only where day and month cannot be
    swapped, because guessing 03/04 wrong would silently move a post by a month."""
    if match := ISO_DATE.fullmatch(text):
        year, month, day = match.groups()
    elif match := DOTTED_DATE.fullmatch(text):
        day, month, year = match.groups()
    elif match := SLASH_DATE.fullmatch(text):
        first, second, third = match.groups()
        if len(first) == 4:
            year, month, day = first, second, third
        elif len(third) != 4:
            raise ValueError(f"cannot read '{text}' as a date: write the year in full; {DATE_HELP}.")
        elif int(first) > 12 >= int(second):
            year, month, day = third, second, first
        elif int(second) > 12 >= int(first) or first == second:
            year, month, day = third, first, second
        else:
            readings = [f"{d.day} {d:%B} {d.year}" for d in calendar_days(third, (second, first), (first, second))]
            raise ValueError(f"'{text}' could be {' or '.join(readings)}: day and month are both 12 or "
                             f"less, so it is not guessed; {DATE_HELP}.")
    else:
        raise ValueError(f"cannot read '{text}' as a date; {DATE_HELP}.")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"'{text}' is not a day in the calendar; check the day and month.") from None


def calendar_days(year: str, *month_days: tuple[str, str]) -> list[date]:
    """The real calendar days among (month, day) readings of a date."""
    days = []
    for month, day in month_days:
        try:
            days.append(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return days
