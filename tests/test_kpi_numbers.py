"""Values as people type them."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.kpi.numbers import NotANumber, Typed, parse_number


@pytest.mark.parametrize("typed, value, percent", [
    ("2.35", 2.35, False),
    ("2,35", 2.35, False),
    ("2.35%", 2.35, True),
    ("2,35 %", 2.35, True),
    ("$0.46", 0.46, False),
    ("1 234,5", 1234.5, False),
    ("1,234.5", 1234.5, False),
    ("1.234,5", 1234.5, False),
    ("1\u00a0234,5", 1234.5, False),      # non-breaking space, as spreadsheets export
    ("1\u202f234.5", 1234.5, False),      # narrow no-break space
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
    ("3.2x", 3.2, False),
    ("3,2×", 3.2, False),
    ("-12.5%", -12.5, True),
    ("\u221212,5", -12.5, False),          # the typographic minus sign
    (".5", 0.5, False),
    ("  7  ", 7.0, False),
])
def test_typed_text(typed, value, percent):
    assert parse_number(typed) == Typed(pytest.approx(value), percent)


@pytest.mark.parametrize("cell, value", [(3, 3.0), (2.35, 2.35), (0, 0.0)])
def test_spreadsheet_numbers_pass_through(cell, value):
    assert parse_number(cell) == Typed(value, False)


@pytest.mark.parametrize("cell", ["", "   ", None, "n/a", "about 23", "2.3.4,5,6", "1e5", "--3", "%", "$",
                                  True, float("nan"), float("inf"), dt.date(2026, 1, 1), "2..3", "1,23,4.5", "12.34.56"])
def test_not_numbers(cell):
    with pytest.raises(NotANumber):
        parse_number(cell)
