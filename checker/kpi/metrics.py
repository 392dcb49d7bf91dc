"""The course's KPIs, each a small declared unit registered under its id.

A metric is a rule (a ``Ratio`` of column sums, the ``Growth`` of a column between
the earliest and latest post, or the ``Median`` of a column over flagged rows) plus what
``checker/data/metrics.toml`` says about it: title, the names people write for it, unit,
formula text, the lesson that teaches it and the table it reads (a campaign's posts, or
a community's messages). Rules are plain data so ``checker.kpi.diagnose`` can build the wrong variants a
learner may have computed (another denominator, totals instead of a mean, and so on).
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean, median
from typing import TYPE_CHECKING

from checker.data import load

if TYPE_CHECKING:
    from checker.exercises import Exercise
    from checker.kpi.dataset import Dataset

SETTINGS = load("metrics.toml")

@dataclass(frozen=True)
class Undefined:
    """Why a metric cannot be computed from a dataset: where, and the reason."""

    row: int | None
    column: str
    reason: str


@dataclass(frozen=True)
class Sum:
    """Columns added (and subtracted) per post: ``likes + comments + shares + saves``,
    or ``revenue - spend``."""

    add: tuple[str, ...]
    subtract: tuple[str, ...] = ()

    def per_post(self, data: Dataset) -> list[float]:
        """The sum for every post, in file order."""
        return data.memo(("sum", self), lambda: [
            sum(values[:len(self.add)]) - sum(values[len(self.add):])
            for values in zip(*(data.columns[c] for c in (*self.add, *self.subtract)))
        ])

    def total(self, data: Dataset) -> float:
        """The sum over all posts."""
        return sum(self.per_post(data))

    def __str__(self) -> str:
        text = " + ".join(self.add)
        return text + "".join(f" - {c}" for c in self.subtract)


def columns(*names: str) -> Sum:
    """A sum of the named columns."""
    return Sum(tuple(names))


@dataclass(frozen=True)
class Ratio:
    """``numerator / denominator × scale``: either the ratio of the totals, or, with
    ``per_post``, the mean over posts of each post's ratio."""

    numerator: Sum
    denominator: Sum
    scale: float
    per_post: bool = False

    def value(self, data: Dataset) -> float:
        """The metric's value; raises ``ZeroDivisionError`` where a denominator is 0."""
        if self.per_post:
            return fmean(n / d for n, d in zip(self.numerator.per_post(data),
                                               self.denominator.per_post(data))) * self.scale
        return self.numerator.total(data) / self.denominator.total(data) * self.scale

    def undefined(self, data: Dataset) -> list[Undefined]:
        """Where a zero denominator stops the metric: each post for a per-post mean,
        the whole column for a ratio of totals."""
        name = str(self.denominator)
        if self.per_post:
            return [Undefined(row, name, f"{name} is 0 in this post")
                    for row, value in zip(data.rows, self.denominator.per_post(data)) if value == 0]
        if self.denominator.total(data) == 0:
            return [Undefined(None, name, f"total {name} is 0")]
        return []


@dataclass(frozen=True)
class Growth:
    """Change of a column from the earliest to the latest post (by date), as a share
    of the earliest value, × ``scale``."""

    column: str
    scale: float = 100
    from_latest: bool = False  # divide by the latest value: only a mistake does this

    def value(self, data: Dataset) -> float:
        """The metric's value; raises ``ZeroDivisionError`` when the base is 0."""
        first, last = data.earliest_and_latest()
        values = data.columns[self.column]
        return (values[last] - values[first]) / values[last if self.from_latest else first] * self.scale

    def undefined(self, data: Dataset) -> list[Undefined]:
        """Growth from 0 has no rate."""
        first, _ = data.earliest_and_latest()
        if data.columns[self.column][first] == 0:
            return [Undefined(data.rows[first], self.column, f"the earliest post has 0 {self.column} "
                              "(growth from 0 is not a percentage)")]
        return []


@dataclass(frozen=True)
class Median:
    """The median of a column over the rows a flag column marks (the answered messages)."""

    column: str
    over: str
    mean: bool = False  # average with the mean instead: only a mistake does this

    def value(self, data: Dataset) -> float:
        """The metric's value; raises ``ZeroDivisionError`` when no row is flagged."""
        values = [v for v, flag in zip(data.columns[self.column], data.columns[self.over]) if flag]
        if not values:
            raise ZeroDivisionError(f"no row has {self.over}")
        return fmean(values) if self.mean else median(values)

    def undefined(self, data: Dataset) -> list[Undefined]:
        """A median of no rows does not exist."""
        if not any(data.columns[self.over]):
            return [Undefined(None, self.over, f"no row counts as {self.over}")]
        return []


Rule = Ratio | Growth | Median


@dataclass(frozen=True)
class Metric:
    """A KPI: its rule, and the description ``metrics.toml`` holds for it."""

    id: str
    rule: Rule
    about: str  # one sentence: what the metric tells a marketer
    title: str = ""
    names: tuple[str, ...] = ()
    unit: str = ""
    formula: str = ""
    lesson: str = ""
    used_columns: tuple[str, ...] = ()  # every column the rule reads
    table: str = "posts"  # the dataset it is computed from: "posts" or "messages"

    def value(self, data: Dataset) -> float:
        """The right value for a dataset (memoised on the dataset)."""
        return data.memo(("metric", self.id), lambda: self.rule.value(data))


METRICS: dict[str, Metric] = {}


def declare(metric_id: str, rule: Rule, about: str) -> Metric:
    """Register a metric under its id, joined with its entry in ``metrics.toml``."""
    # A metric whose entry is missing or short still loads, so that `smm-check validate`
    # names what metrics.toml lacks instead of the package failing to import.
    entry = SETTINGS["metrics"].get(metric_id, {})
    if isinstance(rule, Ratio):
        used = (*rule.numerator.add, *rule.numerator.subtract, *rule.denominator.add, *rule.denominator.subtract)
    elif isinstance(rule, Median):
        used = (rule.column, rule.over)
    else:
        used = (rule.column,)
    metric = Metric(metric_id, rule, about, entry.get("title", ""), tuple(entry.get("names", ())),
                    entry.get("unit", ""), entry.get("formula", ""), entry.get("lesson", ""),
                    tuple(dict.fromkeys(used)), entry.get("table", "posts"))
    METRICS[metric_id] = metric
    return metric


ENGAGEMENTS = columns("likes", "comments", "shares", "saves")

declare("er_reach", Ratio(ENGAGEMENTS, columns("reach"), 100, per_post=True),
        "How strongly the people who actually saw a post responded to it.")
declare("er_followers", Ratio(ENGAGEMENTS, columns("followers"), 100, per_post=True),
        "How strongly the account's audience responds to its posts, seen or not.")
declare("er_impressions", Ratio(ENGAGEMENTS, columns("impressions"), 100, per_post=True),
        "Responses per view, counting repeated views of the same person.")
declare("ctr", Ratio(columns("clicks"), columns("impressions"), 100),
        "How often a view of the ad or post turned into a click.")
declare("cpc", Ratio(columns("spend"), columns("clicks"), 1),
        "What one click cost.")
declare("cpm", Ratio(columns("spend"), columns("impressions"), 1000),
        "What a thousand impressions cost: the price of attention on a platform.")
declare("conversion_rate", Ratio(columns("conversions"), columns("clicks"), 100),
        "How many of the people who clicked went on to act (buy, sign up).")
declare("cpa", Ratio(columns("spend"), columns("conversions"), 1),
        "What one conversion cost.")
declare("romi", Ratio(Sum(("gross_margin",), ("spend",)), columns("spend"), 100),
        "Gross margin left after paying for the marketing, per unit spent: below 0% the campaign lost money.")
declare("roas", Ratio(columns("revenue"), columns("spend"), 1),
        "Revenue for each unit of money spent on ads, costs not subtracted.")
declare("follower_growth", Growth("followers"),
        "How much the audience grew over the period.")
declare("amplification_rate", Ratio(columns("shares"), columns("followers"), 100, per_post=True),
        "How often followers pass a post on to their own audiences.")
declare("virality_rate", Ratio(columns("shares"), columns("impressions"), 100, per_post=True),
        "Shares per view: how far a post travels beyond the people it was shown to.")
declare("frequency", Ratio(columns("impressions"), columns("reach"), 1),
        "How many times, on average, each person reached saw the content.")
declare("response_rate", Ratio(columns("answered"), columns("to_answer"), 100),
        "How many of the people who wrote to the brand and needed an answer got one.")
declare("first_response_time", Median("reply_minutes", over="answered"),
        "How long a typical person waited for the first answer, a long wait not hiding the many quick ones.")
declare("resolution_rate", Ratio(columns("resolved_complaints"), columns("complaints"), 100),
        "How many of the problems people raised the brand actually solved.")


def asked_metrics(exercise: Exercise) -> list[str]:
    """The metric ids an exercise asks, in its order (every campaign metric when it names
    none)."""
    return list(exercise.params.get("metrics") or [m for m, metric in METRICS.items() if metric.table == "posts"])


def dataset_table(metric_ids) -> str:
    """The one table every given metric is computed from ("posts" or "messages");
    raises ``ValueError`` when they need different tables."""
    tables = {METRICS[m].table for m in metric_ids}
    if len(tables) != 1:
        raise ValueError(f"the metrics read different tables ({', '.join(sorted(tables))}): "
                         "one exercise computes them from one dataset.")
    return tables.pop()


RELATIVE, ABSOLUTE = SETTINGS["tolerance"]["relative"], SETTINGS["tolerance"]["absolute"]


def tolerance(correct: float) -> float:
    """How far a value may be from ``correct`` and still be right: 0.5% of it or 0.01
    in the metric's unit, whichever is larger."""
    return max(abs(correct) * RELATIVE, ABSOLUTE)


def close_enough(value: float, target: float) -> bool:
    """True when ``value`` is ``target`` within the tolerance."""
    return abs(value - target) <= tolerance(target)
