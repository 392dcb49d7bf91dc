"""What each line's forecast should be, and which common mistake explains a forecast that
is not. The chain, for a line bought on impressions (CPM) or on clicks (CPC):

- CPM: impressions = budget / rate × 1,000, then clicks = impressions × CTR;
- CPC: clicks = budget / rate, then impressions = clicks / CTR;
- conversions = clicks × conversion rate; CPA = budget / conversions.

Each step is checked against the learner's own previous figure, so one slip is one
finding and not a cascade. Each mistake recomputes the value it would give; a forecast
within rounding of one gets its code. Messages name the formula and the mistake, never
the right number, as the KPI diagnoses do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from checker.campaign.parse import Line
from checker.campaign.rubric import Rubric

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Forecast:
    """A line's forecast computed from its budget, rate and assumptions alone."""

    impressions: float
    clicks: float
    conversions: float  # 0 without a conversion rate

    def events(self, event: str) -> float:
        """The forecast count of ``event`` (impressions, clicks or conversions)."""
        return getattr(self, event)


def forecast(line: Line) -> Forecast:
    """The line's right forecast, from its budget, rate, CTR and conversion rate."""
    if line.buying_model == "cpm":
        impressions = line.budget / line.rate * 1000
        clicks = impressions * line.ctr / 100
    else:
        clicks = line.budget / line.rate
        impressions = clicks / (line.ctr / 100)
    return Forecast(impressions, clicks, clicks * (line.conversion_rate or 0) / 100)


@dataclass(frozen=True)
class Step:
    """One forecast figure: its column, what the learner wrote, what the formula gives
    from the learner's previous figures, the formula in words, and the mistakes to try
    (code, value, why) in order."""

    column: str
    written: float
    expected: float
    formula: str
    mistakes: tuple[tuple[str, float, str], ...]
    money: bool = False


PERCENT = "CTR and conversion rate are percentages: divide them by 100 before multiplying"


def steps(line: Line) -> Iterator[Step]:
    """Every forecast figure of the line that can be checked."""
    b, r, ctr = line.budget, line.rate, line.ctr
    if line.buying_model == "cpm":
        yield Step("impressions", line.impressions, b / r * 1000, "budget / rate × 1,000", (
            ("missing-x1000", b / r, "a CPM rate buys a thousand impressions, so multiply budget / rate by 1,000"),
            ("inverted", r / b * 1000, "the division is the wrong way round: budget / rate"),
        ))
        yield Step("clicks", line.clicks, line.impressions * ctr / 100, "impressions × CTR", (
            ("percent-as-fraction", line.impressions * ctr, PERCENT),
            ("percent-as-fraction", line.impressions * ctr / 10000, "the CTR was divided by 100 twice"),
            ("inverted", line.impressions / (ctr / 100), "clicks are impressions times CTR, not divided by it"),
            ("wrong-base", b / r, "the line is bought per 1,000 impressions, not per click: start from the "
                                  "impressions"),
        ))
    else:
        yield Step("clicks", line.clicks, b / r, "budget / rate", (
            ("inverted", r / b, "the division is the wrong way round: budget / rate"),
            ("wrong-base", b / r * 1000, "a CPC rate is the price of one click, not of a thousand"),
        ))
        yield Step("impressions", line.impressions, line.clicks / (ctr / 100), "clicks / CTR", (
            ("percent-as-fraction", line.clicks / ctr, PERCENT),
            ("inverted", line.clicks * ctr / 100, "impressions are clicks divided by CTR, not multiplied"),
            ("wrong-base", b / r * 1000, "the line is bought per click, not per 1,000 impressions: start from "
                                         "the clicks"),
        ))
    if line.conversion_rate is not None and line.conversions is not None:
        cr = line.conversion_rate
        yield Step("conversions", line.conversions, line.clicks * cr / 100, "clicks × conversion rate", (
            ("percent-as-fraction", line.clicks * cr, PERCENT),
            ("percent-as-fraction", line.clicks * cr / 10000, "the conversion rate was divided by 100 twice"),
            ("wrong-base", line.impressions * cr / 100, "people convert after clicking: multiply the clicks, "
                                                        "not the impressions"),
            ("inverted", line.clicks / (cr / 100), "conversions are clicks times the rate, not divided by it"),
        ))
    if line.cpa is not None and line.conversions:
        yield Step("cpa", line.cpa, b / line.conversions, "budget / conversions", (
            ("inverted", line.conversions / b, "the division is the wrong way round: budget / conversions"),
            ("wrong-base", b / line.clicks if line.clicks else -1.0, "this is the cost of a click; CPA divides "
                                                                      "by conversions"),
        ), money=True)


def close(written: float, expected: float, rubric: Rubric, money: bool) -> bool:
    """Whether ``written`` is ``expected`` within rounding."""
    slack = rubric.money_rounding if money else rubric.count_rounding
    return abs(written - expected) <= max(rubric.relative_rounding * abs(expected), slack)


def diagnose(step: Step, rubric: Rubric) -> tuple[str, str] | None:
    """None when the step is right; else the code and explanation of the closest mistake
    that gives the written figure, or ``unknown``."""
    if close(step.written, step.expected, rubric, step.money):
        return None
    matches = [(abs(step.written - value), code, why) for code, value, why in step.mistakes
               if close(step.written, value, rubric, step.money)]
    if matches:
        _, code, why = min(matches, key=lambda match: match[0])
        return code, why
    return UNKNOWN, f"no common mistake gives it; recompute {step.formula}"
