"""Numbers as people type them: ``2.35``, ``2,35``, ``2.35%``, ``$0.46``, ``1 234,5``,
``1,234.5``, ``3.2x``, with non-breaking spaces and currency marks.

A typed value keeps whether it carried a percent sign, because the sign means different
things for different metrics: ``2.35%`` answers a percentage metric with 2.35, while
``320%`` answers a ratio such as ROAS with 3.2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.kpi.metrics import SETTINGS

# Spreadsheet and typographic spaces people paste as thousands separators.
SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']+")
MINUSES = "\u2212\u2013"  # the minus sign and the en dash both come from word processors
# Currency marks anywhere in the value, ratio marks at its end ("3.2x"); longest first so
# "руб." is removed whole before "р.".
CURRENCY = re.compile("|".join(re.escape(m) for m in sorted(SETTINGS["numbers"]["currency"], key=len, reverse=True)))
RATIO_MARKS = re.compile("(?:" + "|".join(re.escape(m) for m in SETTINGS["numbers"]["ratio_marks"]) + ")$")
DIGITS = re.compile(r"-?\d+(?:\.\d+)?|-?\.\d+")


class NotANumber(ValueError):
    """A typed value that is not a number; the message says what was found."""


@dataclass(frozen=True)
class Typed:
    """A parsed value: the number as written and whether a percent sign followed it."""

    value: float
    percent: bool = False


def parse_number(cell) -> Typed:
    """Parse a cell: a number from a spreadsheet, or text as people type it.
    Raises ``NotANumber`` for anything else, including an empty cell."""
    if isinstance(cell, bool):
        raise NotANumber(f"'{cell}' is not a number")
    if isinstance(cell, (int, float)):
        if cell != cell or cell in (float("inf"), float("-inf")):
            raise NotANumber(f"'{cell}' is not a number")
        return Typed(float(cell))
    text = "" if cell is None else str(cell)
    if DIGITS.fullmatch(text):  # most answers are plain numbers: skip the clean-up
        return Typed(float(text))
    body = SPACES.sub("", text).lower()
    for mark in MINUSES:
        body = body.replace(mark, "-")
    if not body:
        raise NotANumber("the cell is empty")
    percent = "%" in body
    body = body.replace("%", "")
    body = RATIO_MARKS.sub("", CURRENCY.sub("", body))
    number = separators_to_point(body)
    if not DIGITS.fullmatch(number):
        raise NotANumber(f"'{text.strip()}' is not a number")
    return Typed(float(number), percent)


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
        if len(fraction) == 3 and whole.lstrip("-") not in ("", "0"):
            return whole + fraction
        return whole + "." + fraction
    return body


def grouped(whole: str, mark: str) -> str:
    """A whole number with thousands marks, without them; unchanged (so unreadable)
    when the groups are not of three digits."""
    if re.fullmatch(rf"-?\d{{1,3}}(?:{re.escape(mark)}\d{{3}})*", whole):
        return whole.replace(mark, "")
    return whole
