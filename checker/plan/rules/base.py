"""How a rule is declared: one function per rule id, registered with its learner-facing
title and whether failing it fails the plan outright. Its weight lives in the rubric
data (``plan_rubric.toml``), its explanation in its docstring."""

from __future__ import annotations

import inspect
import string
from dataclasses import dataclass
from functools import cache
from typing import Callable, Sequence

from checker.plan.parse import Post
from checker.plan.rubric import Rubric

CREDIT = {"pass": 1.0, "warn": 0.5, "fail": 0.0}
# Punctuation turned into spaces before a text is split into words: ASCII marks through
# a byte table and the typographic marks learners paste from word processors by their
# UTF-8 bytes, both at C speed (a str.translate table is slow on non-ASCII text).
ASCII_PUNCTUATION = bytes.maketrans(string.punctuation.encode(), b" " * len(string.punctuation))
TYPOGRAPHIC = tuple(mark.encode() for mark in "«»“”„‘’—–…•·")


@dataclass(frozen=True)
class Verdict:
    """A rule's judgement: status, message, rows involved, and the share of the rule's
    weight earned (per-row rules give partial credit)."""

    status: str
    message: str
    rows: tuple[int, ...] = ()
    credit: float | None = None  # None: the status's own credit

    def earned(self) -> float:
        """The share of the weight this verdict earns, 0 to 1."""
        return CREDIT[self.status] if self.credit is None else self.credit


Check = Callable[[Sequence[Post], Rubric], Verdict]


@dataclass(frozen=True)
class Rule:
    """A registered rubric rule."""

    id: str
    title: str
    critical: bool
    check: Check

    @property
    def explanation(self) -> str:
        """What the rule asks of a plan and why (its docstring)."""
        return inspect.getdoc(self.check) or ""


RULES: dict[str, Rule] = {}
PLAN_CACHES: list = []


def plan_cache(function: Callable) -> Callable:
    """Cache a function of a plan's texts while the plan is graded: several rules read the
    same copy. ``forget_plan`` empties the cache afterwards, because a class's plans share
    no copy and a cache full of old plans only slows the next one down."""
    cached = cache(function)
    PLAN_CACHES.append(cached)
    return cached


def forget_plan() -> None:
    """Empty every ``plan_cache``: called when a plan has been graded."""
    for cached in PLAN_CACHES:
        cached.cache_clear()


def rule(rule_id: str, title: str, critical: bool = False) -> Callable[[Check], Check]:
    """Register the decorated function as the check of rubric rule ``rule_id``."""
    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} is declared twice")
        RULES[rule_id] = Rule(rule_id, title, critical, check)
        return check
    return register


def per_row(total: int, failing: Sequence[int], warning: Sequence[int], message: str) -> Verdict:
    """The verdict of a rule judged post by post: fail if any row fails, warn if any row
    warns, with credit for the share of posts that are fine (a warned post earns half)."""
    failing, warning = sorted(set(failing)), sorted(set(warning) - set(failing))
    status = "fail" if failing else "warn" if warning else "pass"
    credit = max(0.0, 1 - (len(failing) + 0.5 * len(warning)) / total) if total else 1.0
    return Verdict(status, message, tuple(sorted(failing + warning)), credit)


def rows_text(rows: Sequence[int], limit: int = 6) -> str:
    """'row 4', 'rows 4, 9 and 12', or the first few and a count."""
    rows = list(rows)
    if len(rows) == 1:
        return f"row {rows[0]}"
    shown = ", ".join(map(str, rows[: min(limit, len(rows)) - 1]))
    if len(rows) <= limit:
        return f"rows {shown} and {rows[-1]}"
    return f"rows {', '.join(map(str, rows[:limit]))} and {len(rows) - limit} more"


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 post', '3 posts'."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def agree(rows: Sequence, singular: str, many: str) -> str:
    """The verb form that agrees with a list of rows: 'row 4 uses', 'rows 4 and 9 use'."""
    return singular if len(rows) == 1 else many


@plan_cache
def words(text: str) -> frozenset[str]:
    """The distinct words of a text, in lower case and without punctuation (cached:
    several rules read the same copy)."""
    data = text.lower().encode()
    if not data.isascii():
        for mark in TYPOGRAPHIC:
            data = data.replace(mark, b" ")
    return frozenset(data.translate(ASCII_PUNCTUATION).decode().split())
