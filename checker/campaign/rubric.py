"""The media-plan rubric: each rule's weight and the tolerances (budget total, rounding) the
rules allow (``checker/data/campaign_rubric.toml``), with an exercise's own weights
(``[rubric.weights]`` of its ``exercise.toml``) over the defaults."""

from __future__ import annotations

from dataclasses import dataclass

from checker.data import load

RUBRIC_FILE = "campaign_rubric.toml"


@dataclass(frozen=True)
class Rubric:
    """What a media plan is scored with."""

    threshold: float
    weights: dict[str, float]
    budget_tolerance: float  # per cent of the total
    relative_rounding: float
    count_rounding: float
    money_rounding: float


def campaign_rubric(exercise_rubric: dict | None, threshold: float) -> Rubric:
    """The defaults with the exercise's ``[rubric]`` table over them. Raises ``ValueError``
    naming a weight for a rule the defaults do not have."""
    data = load(RUBRIC_FILE)
    weights = dict(data["weights"])
    own = (exercise_rubric or {}).get("weights", {})
    unknown = set(own) - set(weights)
    if unknown or set(exercise_rubric or {}) - {"weights"}:
        raise ValueError(f"[rubric] takes only [rubric.weights] of the rules {', '.join(weights)}; "
                         f"{', '.join(sorted(unknown or set(exercise_rubric) - {'weights'}))} is not one.")
    weights.update(own)
    return Rubric(threshold, weights, **data["params"])
