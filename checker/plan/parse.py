"""The ``parse`` step: a table becomes a list of posts, or ``InvalidInput`` naming every
problem (row and column) with a suggestion. Nothing here grades: a misspelt platform is
a typo to fix, not a mistake to score."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime
from functools import lru_cache
from operator import itemgetter
from typing import Callable

from checker.plan.vocabulary import columns, find, label, required_columns, vocabulary
from checker.problems import InputProblem, InvalidInput, suggestion
from checker.tables import Table, reports_table_problems

ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?")
SLASH_DATE = re.compile(r"(\d{1,4})/(\d{1,2})/(\d{1,4})")
# A cell may name several KPIs: "reach, follower growth".
KPI_SEPARATORS = re.compile(r"[,;/+\n]")
DATE_HELP = "write dates as 2026-12-01 or 01.12.2026"
# Vocabulary columns holding exactly one value (a kpi cell may name several).
SINGLE_VALUED = ("platform", "format", "category", "goal")
VOCABULARY_COLUMNS = (*SINGLE_VALUED, "kpi")
# The columns read as text, in the order of the fields of ``Post``; all but copy optional.
TEXT_COLUMNS = ("copy", "cta", "link", "hashtags", "notes", "time")


@dataclass(frozen=True)
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


@reports_table_problems
def parse_posts(table: Table) -> list[Post]:
    """Every row of a bound plan table as a ``Post``. Raises ``InvalidInput`` with all the
    missing columns, empty required cells, unknown vocabulary values, unreadable dates and
    formula cells at once."""
    where = plan_columns(tuple(table.header))
    width = max(where.values()) + 1
    vocabulary_cells = itemgetter(*(where[name] for name in VOCABULARY_COLUMNS))
    date_at = where["date"]
    text_fields = [name for name in TEXT_COLUMNS if name in where]
    text_cells = cells_at([where[name] for name in text_fields])
    problems: list[InputProblem] = []
    posts_fields = []
    # A row whose vocabulary cells, date and copy read well gives its post's fields at
    # once; any other goes to ``check_row``, which names each of its problems.
    for number, cells in table.rows:
        if len(cells) < width:
            cells = cells + [None] * (width - len(cells))
        template = post_template(*vocabulary_cells(cells))
        day = readable_day(cells[date_at])
        if template is not None and day is not None:
            post_fields = template.copy()
            post_fields["row"], post_fields["date"] = number, day
            try:
                post_fields.update(zip(text_fields, map(str.strip, text_cells(cells))))
            except TypeError:  # a workbook's number or empty cell
                post_fields.update(zip(text_fields, map(cell_text, text_cells(cells))))
            if post_fields["copy"]:
                posts_fields.append(post_fields)
                continue
        problems += check_row(table, where, number, cells)
    if problems:
        raise InvalidInput(problems)
    return new_posts(posts_fields)


def cells_at(positions: list[int]) -> Callable[[list], tuple]:
    """A function giving the cells of a row at ``positions``, as a tuple."""
    if len(positions) == 1:  # where itemgetter would give the cell itself
        return lambda cells: (cells[positions[0]],)
    return itemgetter(*positions)


# Cached: a class's plans share a few header rows, and binding one costs as much as
# parsing several rows.
@lru_cache(maxsize=256)
def plan_columns(header: tuple[str, ...]) -> dict[str, int]:
    """The position of each plan column in a header row (``Table.bind``)."""
    return Table(header=list(header)).bind(columns(), required_columns())


def new_posts(posts_fields: list[dict]) -> list[Post]:
    """A ``Post`` for each dict of all its fields by name, which becomes the post's own.
    ``Post(...)`` would set the fields one by one through ``object.__setattr__``, as a
    frozen dataclass must; handing each post its whole instance dict is many times faster."""
    posts = []
    for post_fields in posts_fields:
        post = object.__new__(Post)
        object.__setattr__(post, "__dict__", post_fields)
        posts.append(post)
    return posts


@lru_cache(maxsize=4096, typed=True)
def post_template(platform, format, category, goal, kpi) -> dict | None:
    """A post's fields by name, in order, as far as its vocabulary cells decide them: their
    canonical values, '' for the text fields and None for the others, still to fill in.
    None when a cell is empty or unknown (``check_row`` then says which). Cached: plans
    repeat a few combinations; typed, as a workbook's 1, 1.0 and TRUE are equal but read
    differently. Shared between posts, so copied, never changed."""
    post_fields = dict.fromkeys(field.name for field in fields(Post))
    for name, cell in zip(SINGLE_VALUED, (platform, format, category, goal)):
        value = clean(cell)
        post_fields[name] = find(name, str(value)) if value != "" else None
        if post_fields[name] is None:
            return None
    kpi = clean(kpi)
    post_fields["kpis"], unknown = kpi_cell(str(kpi))
    if kpi == "" or unknown:
        return None
    return post_fields | dict.fromkeys(TEXT_COLUMNS, "")


def check_row(table: Table, where: dict[str, int], number: int, cells: list) -> list[InputProblem]:
    """Every problem of a row: empty required cells, unknown values, an unreadable date."""
    values = {name: clean(cells[index]) for name, index in where.items()}
    found = []
    for name in required_columns():
        if values[name] == "":
            found.append(InputProblem(number, table.column_name(where[name]),
                                      f"this cell is empty; every post needs its {name}."))
    for name in SINGLE_VALUED:
        if values[name] != "" and find(name, str(values[name])) is None:
            found.append(unknown_value(number, table.column_name(where[name]), name, str(values[name])))
    unknown = kpi_cell(str(values["kpi"]))[1]
    found += [unknown_value(number, table.column_name(where["kpi"]), "kpi", part) for part in unknown]
    if values["date"] != "":
        try:
            cell_date(values["date"])
        except ValueError as error:
            found.append(InputProblem(number, table.column_name(where["date"]), str(error)))
    return found


# Cached: a plan's rows share a few dozen dates, as do a class's plans.
@lru_cache(maxsize=4096)
def readable_day(cell) -> date | None:
    """The date in a cell, or None when it is empty or unreadable (``check_row`` then
    says why)."""
    try:
        return cell_date(clean(cell))
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
