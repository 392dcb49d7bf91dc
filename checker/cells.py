"""One reader for the cells of a learner's table: empty cells, text, numbers and dates,
read the same way in plans, KPI datasets and answer sheets, and quiz answers.

A cell comes from a CSV file as text, or from a workbook as text, a number, a date, a
datetime or None. The accepted formats (also listed in the README, under "Grading with
``smm-check``"):

- empty: None, or text of white space only;
- numbers: ``2.35``, ``2,35`` (decimal comma), ``1 234,5``, ``1,234.5``, ``1.234,5``,
  ``1'234`` (thousands separated by spaces, non-breaking spaces, apostrophes, commas or
  points in groups of three), a leading ``-``, ``+`` or typographic minus, a percent sign
  (kept as ``Number.percent``), currency marks (``$``, ``€``, ``£``, ``₽``, ``руб.``,
  ``RUB``, ...) and a ratio mark at the end (``3.2x``); not scientific notation;
- dates: a workbook's date, ``2026-12-01``, ``01.12.2026``, ``2026/12/01``, and
  ``25/12/2026`` or ``12/25/2026`` where day and month cannot be swapped; never a bare
  number. A time of day may follow, after a space or ``T`` (``09:14``, ``09:14:30``);
- dates and times (``read_datetime``): a workbook's datetime, or a date as above followed
  by its time, which is then required.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time

from checker.data import load

MARKS = load("cells.toml")
# Spreadsheet and typographic spaces people paste as thousands separators, and the
# apostrophe Swiss spreadsheets use.
SEPARATING_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']+")
MINUSES = "\u2212\u2013"  # the minus sign and the en dash both come from word processors
CURRENCY = re.compile("|".join(re.escape(mark) for mark in sorted(MARKS["currency"], key=len, reverse=True)))
RATIO_MARK = re.compile("(?:" + "|".join(re.escape(mark) for mark in MARKS["ratio_marks"]) + ")$")
# ASCII digits only, as quiz.js reads them too (Python's \d would take any script's digits).
DIGITS = re.compile(r"[-+]?(?:\d+(?:\.\d+)?|\.\d+)", re.ASCII)

ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", re.ASCII)
SLASH_DATE = re.compile(r"(\d{1,4})/(\d{1,2})/(\d{1,4})", re.ASCII)
DATE_AND_TIME = re.compile(r"(\S+)[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?", re.ASCII)
DATE_HELP = "write dates as 2026-12-01 or 01.12.2026"
TIME_HELP = "write a date and a time, such as 2026-11-02 09:14"


class UnreadableCell(ValueError):
    """A cell that does not hold what its column needs; the message says why, in words
    a learner can act on, without the row and column (the caller adds them)."""


class NotANumber(UnreadableCell):
    """A cell that is not a number."""


class NotADate(UnreadableCell):
    """A cell that is not a date."""


@dataclass(frozen=True)
class Number:
    """A number read from a cell, and whether a percent sign followed it: the sign means
    different things to different readers (``2.35%`` of a percentage metric is 2.35, while
    ``320%`` of a ratio such as ROAS is 3.2)."""

    value: float
    percent: bool = False


def cell_at(cells: list, index: int):
    """A row's cell at ``index``, or None where the row is shorter than the header."""
    return cells[index] if index < len(cells) else None


def is_blank(cell) -> bool:
    """True for an empty cell: None or only white space."""
    return cell is None or (isinstance(cell, str) and not cell.strip())


def cell_text(cell) -> str:
    """A cell read as text: stripped, '' when empty, a workbook's value as ``str`` writes it."""
    if isinstance(cell, str):
        return cell.strip()
    return "" if cell is None else str(cell)


def read_number(cell) -> Number:
    """The number in a cell: a workbook's number, or text in one of the accepted formats.
    Raises ``NotANumber`` for anything else, an empty cell included."""
    if isinstance(cell, bool):
        raise NotANumber(f"'{cell}' is not a number")
    if isinstance(cell, (int, float)):
        if not math.isfinite(cell):
            raise NotANumber(f"'{cell}' is not a number")
        return Number(float(cell))
    text = cell_text(cell)
    if DIGITS.fullmatch(text):  # most cells are plain numbers: no clean-up to do
        return Number(float(text))
    body = SEPARATING_SPACES.sub("", text).lower()
    for minus in MINUSES:
        body = body.replace(minus, "-")
    if not body:
        raise NotANumber("the cell is empty")
    percent = "%" in body
    body = RATIO_MARK.sub("", CURRENCY.sub("", body.replace("%", "")))
    number = separators_to_point(body)
    if not DIGITS.fullmatch(number):
        raise NotANumber(f"'{text}' is not a number")
    return Number(float(number), percent)


def separators_to_point(body: str) -> str:
    """Rewrite thousands and decimal separators to Python's form.

    When both ``,`` and ``.`` appear, the later one is the decimal mark (``1,234.5`` and
    ``1.234,5``). A mark that appears more than once separates thousands. A lone comma
    followed by exactly three digits (``1,234``) separates thousands as in English;
    any other lone comma is a decimal comma (``2,35``, ``0,125``). Thousands groups must
    be three digits, so ``2..3`` stays unreadable rather than becoming 23."""
    commas, points = body.count(","), body.count(".")
    if commas and points:
        decimal = "," if body.rfind(",") > body.rfind(".") else "."
        whole, fraction = body.rsplit(decimal, 1)
        return grouped(whole, "." if decimal == "," else ",") + "." + fraction
    if commas > 1:
        return grouped(body, ",")
    if points > 1:
        return grouped(body, ".")
    if commas == 1:
        whole, fraction = body.split(",")
        if len(fraction) == 3 and whole.lstrip("+-") not in ("", "0"):
            return whole + fraction
        return whole + "." + fraction
    return body


def grouped(whole: str, mark: str) -> str:
    """A whole number with thousands marks, without them; unchanged (so unreadable)
    when the groups are not of three digits."""
    if re.fullmatch(rf"[-+]?\d{{1,3}}(?:{re.escape(mark)}\d{{3}})*", whole, re.ASCII):
        return whole.replace(mark, "")
    return whole


def read_date(cell) -> date:
    """The date in a cell: a workbook's date or datetime, or text in one of the accepted
    formats. Raises ``NotADate`` with a message for the learner otherwise."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, (int, float)):
        raise NotADate(f"{cell:g} is a number, not a date; format the cell as a date or {DATE_HELP}.")
    text = cell_text(cell)
    if not text:
        raise NotADate(f"the cell is empty; {DATE_HELP}.")
    if DATE_AND_TIME.fullmatch(text):
        return read_datetime(text).date()
    return text_date(text)


def text_date(text: str) -> date:
    """A date written as text; slash dates only where day and month cannot be swapped,
    because guessing 03/04 wrong would silently move a post by a month."""
    if match := ISO_DATE.fullmatch(text):
        year, month, day = match.groups()
    elif match := DOTTED_DATE.fullmatch(text):
        day, month, year = match.groups()
    elif match := SLASH_DATE.fullmatch(text):
        first, second, third = match.groups()
        if len(first) == 4:
            year, month, day = first, second, third
        elif len(third) != 4:
            raise NotADate(f"cannot read '{text}' as a date: write the year in full; {DATE_HELP}.")
        elif int(first) > 12 >= int(second):
            year, month, day = third, second, first
        elif int(second) > 12 >= int(first) or first == second:
            year, month, day = third, first, second
        else:
            readings = [f"{d.day} {d:%B} {d.year}" for d in calendar_days(third, (second, first), (first, second))]
            raise NotADate(f"'{text}' could be {' or '.join(readings)}: day and month are both 12 or "
                           f"less, so it is not guessed; {DATE_HELP}.")
    else:
        raise NotADate(f"cannot read '{text}' as a date; {DATE_HELP}.")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise NotADate(f"'{text}' is not a day in the calendar; check the day and month.") from None


def read_datetime(cell) -> datetime:
    """The date and time of day in a cell: a workbook's datetime, or text holding one of
    the accepted dates, then a space or ``T`` and the time (seconds optional). Raises
    ``NotADate`` with a message for the learner otherwise, a date without its time too."""
    if isinstance(cell, datetime):
        return cell
    if isinstance(cell, date):
        raise NotADate(f"{cell:%Y-%m-%d} has no time of day; {TIME_HELP}.")
    if isinstance(cell, (int, float)):
        raise NotADate(f"{cell:g} is a number, not a date and time; format the cell as a date and time or {TIME_HELP}.")
    text = cell_text(cell)
    if not text:
        raise NotADate(f"the cell is empty; {TIME_HELP}.")
    match = DATE_AND_TIME.fullmatch(text)
    if match is None:
        try:
            text_date(text)
        except NotADate:
            raise NotADate(f"cannot read '{text}' as a date and time; {TIME_HELP}.") from None
        raise NotADate(f"'{text}' has no time of day; {TIME_HELP}.")
    day = text_date(match.group(1))
    hour, minute, second = (int(part or 0) for part in match.group(2, 3, 4))
    try:
        return datetime.combine(day, time(hour, minute, second))
    except ValueError:
        raise NotADate(f"'{text}' is not a time of day; check the hours and minutes.") from None


def calendar_days(year: str, *month_days: tuple[str, str]) -> list[date]:
    """The real calendar days among (month, day) readings of a date."""
    days = []
    for month, day in month_days:
        try:
            days.append(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return days
