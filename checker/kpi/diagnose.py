"""Why is a KPI answer wrong? Each diagnosis is a small declared unit: it names a common
mistake and recomputes the value that mistake would give on this dataset. A wrong answer
within tolerance of one of those values gets that mistake's code and explanation.

Messages explain the mistake and what to recompute, never the right number: a learner
who could read the answer off the finding would learn nothing from the exercise.
When several mistakes explain a value, the closest wins; on a tie, the one declared first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterator

from checker.kpi.dataset import Dataset
from checker.kpi.metrics import METRICS, SETTINGS, Growth, Median, Metric, Ratio, close_enough

# A candidate: the value a mistake gives (None where it divides by 0), and the sentence
# that explains it.
Candidates = Iterator[tuple[float | None, str]]

# Codes that are not explained by recomputing: the answer is absent, unreadable, or
# nothing explains it.
MISSING, NOT_A_NUMBER, UNKNOWN = "missing", "not-a-number", "unknown"


@dataclass(frozen=True)
class Diagnosis:
    """A mistake: its code and how to recompute what it gives."""

    code: str
    candidates: Callable[[Metric, Dataset], Candidates]


DIAGNOSES: list[Diagnosis] = []


def diagnosis(code: str):
    """Declare a diagnosis unit under its code."""
    def register(candidates: Callable[[Metric, Dataset], Candidates]):
        DIAGNOSES.append(Diagnosis(code, candidates))
        return candidates
    return register


def explain(metric: Metric, data: Dataset, value: float) -> tuple[str, str]:
    """The code and the explanation of a wrong value: of the mistakes whose result
    matches it within tolerance, the closest (the tolerance of 0.01 lets small values
    match several), else ``unknown``."""
    matches = [(abs(value - candidate), code, message)
               for code, candidate, message in candidates_for(metric, data)
               if close_enough(value, candidate)]
    if matches:
        _, code, message = min(matches, key=lambda match: match[0])
        return code, message
    check = ("check which rows you kept and sort the values before taking the middle one"
             if isinstance(metric.rule, Median) else "check each column's total and the order of the division")
    return UNKNOWN, f"no common mistake gives this value. Recompute step by step: {metric.formula}; {check}."


def candidates_for(metric: Metric, data: Dataset) -> list[tuple[str, float, str]]:
    """Every computable (code, value, message) of the declared mistakes for a metric,
    in declaration order; memoised on the dataset."""
    return data.memo(("diagnosis", metric.id), lambda: [
        (unit.code, candidate, message)
        for unit in DIAGNOSES
        for candidate, message in unit.candidates(metric, data)
        if candidate is not None
    ])


def variant(metric: Metric, data: Dataset, **changes) -> float | None:
    """The metric's value with parts of its rule changed; None when the changed rule
    divides by 0 or reads a column the dataset does not have, since such a variant
    explains no typed number."""
    try:
        return replace(metric.rule, **changes).value(data)
    except (ZeroDivisionError, KeyError):
        return None


@diagnosis("percent-as-fraction")
def percent_as_fraction(metric: Metric, data: Dataset) -> Candidates:
    """The share was written as a fraction (0.0235) where the metric is a percentage."""
    if metric.unit == "%":
        yield metric.value(data) / 100, ("this is the fraction, not the percentage: "
                                         f"{metric.id} is in %, so multiply the fraction by 100 "
                                         "(0.0235 is written 2.35).")


@diagnosis("fraction-as-percent")
def fraction_as_percent(metric: Metric, data: Dataset) -> Candidates:
    """A ratio was multiplied by 100 as if it were a percentage."""
    if metric.unit == "ratio":
        yield metric.value(data) * 100, (f"{metric.id} is a plain ratio, not a percentage: do not "
                                         "multiply by 100 (a ratio of 3.2 is written 3.2, not 320).")


@diagnosis("missing-x1000")
def missing_x1000(metric: Metric, data: Dataset) -> Candidates:
    """The cost of one impression instead of a thousand."""
    if isinstance(metric.rule, Ratio) and metric.rule.scale == 1000:
        yield variant(metric, data, scale=1), (f"this is the cost of one impression; {metric.id} is "
                                               "the cost of a thousand, so multiply by 1000.")


@diagnosis("revenue-not-net")
def revenue_not_net(metric: Metric, data: Dataset) -> Candidates:
    """What came back (for ROMI, the gross margin) divided by the spend without
    subtracting the spend first."""
    if isinstance(metric.rule, Ratio) and metric.rule.numerator.subtract:
        gross = replace(metric.rule.numerator, subtract=())
        taken = " and ".join(metric.rule.numerator.subtract)
        yield variant(metric, data, numerator=gross), (
            f"you divided {gross} by {metric.rule.denominator} without subtracting {taken} first; "
            f"{metric.id} counts only "
            f"what came back above the cost: ({metric.rule.numerator}) / {metric.rule.denominator}.")


@diagnosis("revenue-not-margin")
def revenue_not_margin(metric: Metric, data: Dataset) -> Candidates:
    """Revenue where the metric counts the gross margin: the "ROMI on revenue" some tools
    report, which is only (ROAS - 1) × 100 and overstates the return."""
    if not isinstance(metric.rule, Ratio):
        return
    for margin, revenue in SETTINGS["diagnosis"]["margin_of"].items():
        if margin in metric.rule.numerator.add:
            numerator = replace(metric.rule.numerator, add=tuple(revenue if c == margin else c
                                                                 for c in metric.rule.numerator.add))
            yield variant(metric, data, numerator=numerator), (
                f"you used {revenue} where {metric.id} uses {margin}. Revenue still contains the cost of "
                f"the goods sold, so ({numerator}) / {metric.rule.denominator} overstates the return: it is "
                f"only (ROAS - 1) × 100. Take the {margin} (revenue minus the cost of the goods), then "
                f"subtract the spend.")


@diagnosis("roi-roas-swap")
def roi_roas_swap(metric: Metric, data: Dataset) -> Candidates:
    """ROMI given where ROAS was asked, or the reverse, as a percentage or a ratio."""
    other_id = SETTINGS["diagnosis"]["swaps"].get(metric.id)
    if other_id is None:
        return
    other = METRICS[other_id]
    message = (f"this is {other.id} ({other.formula}), not {metric.id}. {metric.title} is "
               f"{metric.formula}.")
    value = variant(other, data)
    if value is not None:
        yield value, message
        yield value / 100 if other.unit == "%" else value * 100, message


@diagnosis("wrong-denominator")
def wrong_denominator(metric: Metric, data: Dataset) -> Candidates:
    """Divided by a neighbouring column: followers, reach or impressions swapped, or
    impressions for clicks; for growth, divided by the latest value."""
    if isinstance(metric.rule, Growth):
        yield variant(metric, data, from_latest=True), (
            f"you divided the change by the {metric.rule.column} at the latest post; {metric.id} divides "
            f"it by the {metric.rule.column} at the earliest post, where the growth starts.")
        return
    if not isinstance(metric.rule, Ratio) or len(metric.rule.denominator.add) != 1:
        return
    right = metric.rule.denominator.add[0]
    used = set(metric.rule.numerator.add)
    for group in SETTINGS["diagnosis"]["denominator_groups"]:
        if right not in group:
            continue
        for wrong in group:
            if wrong != right and wrong not in used:
                yield variant(metric, data, denominator=replace(metric.rule.denominator, add=(wrong,))), (
                    f"you divided by {wrong}; {metric.id} divides by {right}. Recompute with {right}.")


@diagnosis("ratio-of-totals")
def ratio_of_totals(metric: Metric, data: Dataset) -> Candidates:
    """Totals divided where the metric averages each post's rate."""
    if isinstance(metric.rule, Ratio) and metric.rule.per_post:
        yield variant(metric, data, per_post=False), (
            f"you divided the totals ({metric.rule.numerator} over all posts / all {metric.rule.denominator}); "
            f"{metric.id} is the mean of each post's rate: compute the rate for every post, then average them.")


@diagnosis("mean-of-ratios")
def mean_of_ratios(metric: Metric, data: Dataset) -> Candidates:
    """Each post's ratio averaged where the metric divides the totals."""
    if isinstance(metric.rule, Ratio) and not metric.rule.per_post:
        yield variant(metric, data, per_post=True), (
            f"you averaged each post's ratio; {metric.id} divides the totals: add up "
            f"{metric.rule.numerator} over all posts, add up {metric.rule.denominator}, then divide once.")


@diagnosis("inverted")
def inverted(metric: Metric, data: Dataset) -> Candidates:
    """The division the wrong way round (clicks / spend for CPC)."""
    rule = metric.rule
    if not isinstance(rule, Ratio):
        return
    # A message table's counts are computed, not columns the learner sees: name them
    # through the formula only.
    divided = f"you divided {rule.denominator} by {rule.numerator}; " if metric.table == "posts" else ""
    message = f"the division is upside down: {divided}{metric.id} is {metric.formula}."
    for scale in dict.fromkeys((rule.scale, 1)):
        yield variant(metric, data, numerator=rule.denominator, denominator=rule.numerator,
                      scale=scale), message


@diagnosis("all-messages")
def all_messages(metric: Metric, data: Dataset) -> Candidates:
    """Divided by every message where the metric counts a subset: answered over all
    messages, spam included; resolved over all messages, not over the complaints."""
    if not isinstance(metric.rule, Ratio):
        return
    subsets = SETTINGS["diagnosis"]["message_subsets"]
    for subset in metric.rule.denominator.add:
        if subset in subsets:
            denominator = replace(metric.rule.denominator, add=("messages",))
            yield variant(metric, data, denominator=denominator), (
                f"you divided by every message; {metric.id} divides by {subsets[subset]} only. "
                f"Count those rows and divide by that count.")


@diagnosis("mean-not-median")
def mean_not_median(metric: Metric, data: Dataset) -> Candidates:
    """The mean where the metric takes the median: a few replies days late pull the
    mean far above what a typical person waited."""
    if isinstance(metric.rule, Median):
        yield variant(metric, data, mean=True), (
            f"this is the mean; {metric.id} is the median. A few very late replies pull the mean up, "
            "so it describes nobody's wait: sort the answered messages' waits and take the middle one "
            "(the average of the two middle ones for an even count).")


@diagnosis("hours-not-minutes")
def hours_not_minutes(metric: Metric, data: Dataset) -> Candidates:
    """A time given in hours where the metric is in minutes."""
    if metric.unit == "minutes":
        yield metric.value(data) / 60, (f"this looks like hours; {metric.id} is in minutes, so "
                                        "multiply hours by 60.")
