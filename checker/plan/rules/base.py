"""How a rule is declared: one function per rule id under ``@rule``
(``checker/rule_registry.py``), registered with its learner-facing title and whether
failing it fails the plan outright. Its weight lives in the rubric data
(``plan_rubric.toml``), its explanation in its docstring.

A rule's check is called as ``check(posts, rubric, texts)``: the plan's posts in row
order, the rubric's parameters, and the plan's ``PlanTexts`` (the words and tactics of
its texts, for the rules that read them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from checker.plan.parse import Post
from checker.plan.rubric import Rubric
from checker.plan.texts import PlanTexts
from checker.rule_registry import Rule, rule_decorator

CREDIT = {"pass": 1.0, "warn": 0.5, "fail": 0.0}


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


Check = Callable[[Sequence[Post], Rubric, PlanTexts], Verdict]

RULES: dict[str, Rule] = {}
rule: Callable[..., Callable[[Check], Check]] = rule_decorator(RULES)


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
