"""The one reader of cells (``checker/cells.py``): every accepted format of numbers and
dates, every refused one with its message, and the same formats read alike by plans, KPI
datasets and answer sheets, and quiz answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.cells import (NotADate, NotANumber, Number, cell_at, cell_text, is_blank, read_date, read_datetime,
                           read_number)
from checker.kpi.dataset import dataset_from_table
from checker.kpi.messages import messages_from_table
from checker.plan.parse import parse_posts
from checker.problems import InvalidInput
from checker.quiz.bank import load_bank
from checker.tables import Row, Table

# --- empty cells and text --------------------------------------------------------------

@pytest.mark.parametrize("cell, blank", [(None, True), ("", True), ("  \t", True), ("\u00a0", True),
                                         ("0", False), (0, False), (" x ", False), (dt.date(2026, 1, 1), False)])
def test_blank_cells(cell, blank):
    assert is_blank(cell) is blank


@pytest.mark.parametrize("cell, text", [(None, ""), (" Hi ", "Hi"), (2026, "2026"), (2.5, "2.5"), ("", "")])
def test_cells_read_as_text(cell, text):
    assert cell_text(cell) == text


def test_a_short_row_has_nothing_past_its_end():
    assert cell_at(["a", "b"], 1) == "b" and cell_at(["a", "b"], 2) is None


# --- numbers ----------------------------------------------------------------------------

@pytest.mark.parametrize("typed, value, percent", [
    ("2.35", 2.35, False),
    ("2,35", 2.35, False),                # decimal comma
    ("2.35%", 2.35, True),
    ("2,35 %", 2.35, True),
    ("$0.46", 0.46, False),
    ("1 234,5", 1234.5, False),           # thousands by spaces
    ("1,234.5", 1234.5, False),
    ("1.234,5", 1234.5, False),
    ("1\u00a0234,5", 1234.5, False),      # non-breaking space, as spreadsheets export
    ("1\u202f234.5", 1234.5, False),      # narrow no-break space
    ("1'234", 1234.0, False),             # the Swiss apostrophe
    ("12 345 678", 12345678.0, False),
    ("1.234.567", 1234567.0, False),
    ("1,234,567", 1234567.0, False),
    ("1,234", 1234.0, False),             # a lone comma before three digits groups thousands
    ("0,125", 0.125, False),              # ... unless the whole part is 0
    ("₽24.20", 24.2, False),
    ("24,20 ₽", 24.2, False),
    ("€3", 3.0, False),
    ("£1,050.00", 1050.0, False),
    ("405,75 руб.", 405.75, False),
    ("3 000 RUB", 3000.0, False),
    ("3.2x", 3.2, False),                 # a ratio mark
    ("3,2×", 3.2, False),
    ("-12.5%", -12.5, True),
    ("+3", 3.0, False),
    ("\u221212,5", -12.5, False),         # the typographic minus sign
    (".5", 0.5, False),
    ("  7  ", 7.0, False),
])
def test_accepted_numbers(typed, value, percent):
    assert read_number(typed) == Number(pytest.approx(value), percent)


@pytest.mark.parametrize("cell, value", [(3, 3.0), (2.35, 2.35), (0, 0.0), (-1, -1.0)])
def test_a_workbooks_numbers_pass_through(cell, value):
    assert read_number(cell) == Number(value, False)


@pytest.mark.parametrize("cell, message", [
    ("", "the cell is empty"),
    ("   ", "the cell is empty"),
    (None, "the cell is empty"),
    ("n/a", "'n/a' is not a number"),
    ("about 23", "'about 23' is not a number"),
    ("1e5", "'1e5' is not a number"),             # scientific notation is not read
    ("\u0663", "'\u0663' is not a number"),       # digits of other scripts, as in the quiz widget
    ("--3", "'--3' is not a number"),
    ("%", "'%' is not a number"),
    ("$", "'$' is not a number"),
    ("2..3", "'2..3' is not a number"),           # thousands groups are three digits
    ("1,23,4.5", "'1,23,4.5' is not a number"),
    ("12.34.56", "'12.34.56' is not a number"),
    ("2.3.4,5,6", "'2.3.4,5,6' is not a number"),
    (True, "'True' is not a number"),
    (float("nan"), "'nan' is not a number"),
    (float("inf"), "'inf' is not a number"),
    (dt.date(2026, 1, 1), "'2026-01-01' is not a number"),
])
def test_refused_numbers(cell, message):
    with pytest.raises(NotANumber) as caught:
        read_number(cell)
    assert str(caught.value) == message


# --- dates ------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, expected", [
    ("2026-12-01", dt.date(2026, 12, 1)),
    ("2026-12-1", dt.date(2026, 12, 1)),
    (" 2026-12-01 ", dt.date(2026, 12, 1)),
    ("2026-12-01 10:30", dt.date(2026, 12, 1)),
    ("2026-12-01T10:30:00", dt.date(2026, 12, 1)),
    ("1.12.2026", dt.date(2026, 12, 1)),
    ("01.12.2026 09:00", dt.date(2026, 12, 1)),
    ("25/12/2026", dt.date(2026, 12, 25)),   # day first: 25 cannot be a month
    ("12/25/2026", dt.date(2026, 12, 25)),   # month first: 25 cannot be a month
    ("05/05/2026", dt.date(2026, 5, 5)),     # both readings are the same day
    ("2026/12/01", dt.date(2026, 12, 1)),
    ("25/12/2026 23:59", dt.date(2026, 12, 25)),  # a time may follow any date
    (dt.datetime(2026, 12, 1, 9, 30), dt.date(2026, 12, 1)),
    (dt.date(2026, 12, 1), dt.date(2026, 12, 1)),
])
def test_accepted_dates(cell, expected):
    assert read_date(cell) == expected


@pytest.mark.parametrize("cell, message", [
    ("03/04/2027", "'03/04/2027' could be 3 April 2027 or 4 March 2027: day and month are both 12 or less, "
                   "so it is not guessed; write dates as 2026-12-01 or 01.12.2026."),
    ("31.11.2026", "'31.11.2026' is not a day in the calendar; check the day and month."),
    ("2026-02-30", "'2026-02-30' is not a day in the calendar; check the day and month."),
    ("13/13/2026", "'13/13/2026' is not a day in the calendar; check the day and month."),
    ("03/04/27", "cannot read '03/04/27' as a date: write the year in full; write dates as 2026-12-01 or "
                 "01.12.2026."),
    ("Dec 1", "cannot read 'Dec 1' as a date; write dates as 2026-12-01 or 01.12.2026."),
    ("2026-12-01 25:00", "'2026-12-01 25:00' is not a time of day; check the hours and minutes."),
    ("\u0662\u0660\u0662\u0666-12-01", "cannot read '\u0662\u0660\u0662\u0666-12-01' as a date; write dates as "
                                       "2026-12-01 or 01.12.2026."),  # digits of other scripts
    (46357.0, "46357 is a number, not a date; format the cell as a date or write dates as 2026-12-01 or "
              "01.12.2026."),
    ("", "the cell is empty; write dates as 2026-12-01 or 01.12.2026."),
    (None, "the cell is empty; write dates as 2026-12-01 or 01.12.2026."),
])
def test_refused_dates(cell, message):
    with pytest.raises(NotADate) as caught:
        read_date(cell)
    assert str(caught.value) == message


# --- dates and times ------------------------------------------------------------------------

@pytest.mark.parametrize("cell, expected", [
    ("2026-11-02 09:14", dt.datetime(2026, 11, 2, 9, 14)),
    ("2026-11-02T09:14", dt.datetime(2026, 11, 2, 9, 14)),
    ("2026-11-02 09:14:30", dt.datetime(2026, 11, 2, 9, 14, 30)),
    ("2026-11-02T09:14:30.250", dt.datetime(2026, 11, 2, 9, 14, 30)),  # a fraction of a second is dropped
    ("2026-11-02 9:05", dt.datetime(2026, 11, 2, 9, 5)),
    (" 02.11.2026 09:14 ", dt.datetime(2026, 11, 2, 9, 14)),
    ("02.11.2026 00:00:59", dt.datetime(2026, 11, 2, 0, 0, 59)),
    ("2026/11/02 23:59", dt.datetime(2026, 11, 2, 23, 59)),
    ("25/12/2026 10:00", dt.datetime(2026, 12, 25, 10, 0)),
    ("12/25/2026 10:00", dt.datetime(2026, 12, 25, 10, 0)),
    (dt.datetime(2026, 11, 2, 9, 14), dt.datetime(2026, 11, 2, 9, 14)),
])
def test_accepted_dates_and_times(cell, expected):
    assert read_datetime(cell) == expected


TIME_HELP = "write a date and a time, such as 2026-11-02 09:14."


@pytest.mark.parametrize("cell, message", [
    ("2026-11-02", f"'2026-11-02' has no time of day; {TIME_HELP}"),
    (dt.date(2026, 11, 2), f"2026-11-02 has no time of day; {TIME_HELP}"),
    ("9:40", f"cannot read '9:40' as a date and time; {TIME_HELP}"),
    ("soon", f"cannot read 'soon' as a date and time; {TIME_HELP}"),
    ("2026-11-02  09:14", f"cannot read '2026-11-02  09:14' as a date and time; {TIME_HELP}"),
    ("2026-11-02 9", f"cannot read '2026-11-02 9' as a date and time; {TIME_HELP}"),
    ("2026-11-02 24:00", "'2026-11-02 24:00' is not a time of day; check the hours and minutes."),
    ("2026-11-02 10:60", "'2026-11-02 10:60' is not a time of day; check the hours and minutes."),
    ("31.11.2026 10:00", "'31.11.2026' is not a day in the calendar; check the day and month."),
    ("03/04/2026 10:00", "'03/04/2026' could be 3 April 2026 or 4 March 2026: day and month are both 12 or "
                         "less, so it is not guessed; write dates as 2026-12-01 or 01.12.2026."),
    (46357.5, f"46357.5 is a number, not a date and time; format the cell as a date and time or {TIME_HELP}"),
    ("", f"the cell is empty; {TIME_HELP}"),
    (None, f"the cell is empty; {TIME_HELP}"),
])
def test_refused_dates_and_times(cell, message):
    with pytest.raises(NotADate) as caught:
        read_datetime(cell)
    assert str(caught.value) == message


# --- the same formats everywhere ------------------------------------------------------------

PLAN_HEADER = ["date", "platform", "format", "category", "goal", "kpi", "copy"]
KPI_HEADER = ["date", "impressions", "clicks"]
FIXTURE = Path(__file__).parent / "fixtures" / "quiz"
NUMERIC = next(q for q in load_bank("sample", FIXTURE).questions if q.type == "numeric")


def plan_date(cell):
    """The date a plan reads in a date cell, or the message it refuses it with."""
    table = Table(header=PLAN_HEADER, rows=[Row(2, [cell, "vk", "image", "engaging", "engagement", "likes", "Hi"])])
    try:
        return parse_posts(table)[0].date
    except InvalidInput as error:
        return error.problems[0].message


def kpi_cells(date_cell, clicks_cell):
    """The date and clicks a KPI dataset reads, or the message it refuses them with."""
    table = Table(header=KPI_HEADER, rows=[Row(2, [date_cell, "1000", clicks_cell])])
    try:
        data = dataset_from_table(table, ["ctr"])
    except InvalidInput as error:
        return error.problems[0].message
    return data.dates[0], data.columns["clicks"][0]


@pytest.mark.parametrize("cell", ["2026-12-01", "1.12.2026", "25/12/2026", "2026/12/01", "2026-12-01 10:30",
                                  dt.datetime(2026, 12, 1, 9), "03/04/2027", "Dec 1", 46357.0])
def test_plans_and_kpi_datasets_read_dates_alike(cell):
    try:
        expected = read_date(cell)
    except NotADate as error:
        expected = str(error)
        assert plan_date(cell) == expected and kpi_cells(cell, "5") == expected
    else:
        assert plan_date(cell) == expected and kpi_cells(cell, "5") == (expected, 5.0)


@pytest.mark.parametrize("cell", ["2,5", "1 234,5", "1,234.5", "₽24.20", "3.2x", "+3", "1'234", "n/a", "1e5", 7])
def test_kpi_datasets_and_quiz_answers_read_numbers_alike(cell):
    try:
        expected = read_number(cell).value
    except NotANumber as error:
        assert kpi_cells("2026-12-01", cell) == f"{error}; this column holds numbers only."
        with pytest.raises(ValueError, match=f"^{error}.$"):
            NUMERIC.read_answer(cell)
    else:
        assert kpi_cells("2026-12-01", cell)[1] == expected and NUMERIC.read_answer(cell) == expected


@pytest.mark.parametrize("cell", ["2026-11-02 09:14", "02.11.2026 9:05", "25/12/2026 10:00", "2026-11-02T09:14:30",
                                  dt.datetime(2026, 11, 2, 9), "2026-11-02", "9:40", "03/04/2026 10:00"])
def test_message_datasets_read_times_as_the_cell_reader_does(cell):
    table = Table(header=["type", "received_at", "resolved"], rows=[Row(2, ["complaint", cell, "yes"])])
    try:
        expected = read_datetime(cell)
    except NotADate as error:
        with pytest.raises(InvalidInput) as caught:
            messages_from_table(table, ["resolution_rate"])
        assert [(p.row, p.column, p.message) for p in caught.value.problems] == [(2, "received_at", str(error))]
    else:
        assert messages_from_table(table, ["resolution_rate"]).dates == [expected.date()]
