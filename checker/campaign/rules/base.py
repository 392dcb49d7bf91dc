"""How a media-plan rule is declared: one function per rule id under ``@rule``, with the
title the learner reads and whether failing it fails the plan outright; its docstring is
what the rubric page shows, its weight is in ``campaign_rubric.toml``. A rule is called
with the ``Campaign`` (the plan's lines, the figures they are graded against, the
rubric) and returns a ``Judgement``: the plan rules' ``Verdict`` (status, message, rows,
partial credit) and the code of the mistake it diagnosed, if any."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from checker.campaign.figures import Figures
from checker.campaign.forecast import Forecast, forecast
from checker.campaign.parse import Line
from checker.campaign.rubric import Rubric
# A media-plan rule is judged as a plan rule is, with the same verdict and helpers.
from checker.plan.rules.base import Verdict, agree, per_row, rows_text
from checker.rule_registry import Rule, rule_decorator

__all__ = ["Campaign", "Judgement", "RULES", "Verdict", "agree", "judged", "per_row", "rows_text", "rule",
           "sentences"]


@dataclass
class Campaign:
    """A parsed media plan with what it is graded against, and each line's right
    forecast (by row), computed once for the rules that read it."""

    lines: Sequence[Line]
    figures: Figures
    rubric: Rubric
    forecasts: dict[int, Forecast] = field(init=False)

    def __post_init__(self):
        self.forecasts = {line.row: forecast(line) for line in self.lines}


@dataclass(frozen=True)
class Judgement:
    """A rule's verdict and the code of the mistake it diagnosed (None: none)."""

    verdict: Verdict
    code: str | None = None


def judged(verdict: Verdict, codes: dict[int, str]) -> Judgement:
    """A verdict with the code of its first row's mistake (``codes``: row -> code; key 0
    for a mistake of the whole plan, which comes first)."""
    return Judgement(verdict, codes[min(codes)] if codes else None)


def sentences(notes: Sequence[str]) -> str:
    """Notes about several rows as one message: joined by semicolons, capitalised, ended."""
    text = "; ".join(notes)
    return text[:1].upper() + text[1:] + "."


Check = Callable[[Campaign], Judgement]


# The media-plan rules: their own registry, declared as plan rules are.
RULES: dict[str, Rule] = {}
rule: Callable[..., Callable[[Check], Check]] = rule_decorator(RULES)
