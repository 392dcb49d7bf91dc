"""Rubric parameters: the defaults of ``checker/data/plan_rubric.toml`` with an exercise's
``[rubric]`` overrides, checked so a typo in an exercise file is an authoring error
rather than a silently ignored setting."""

from __future__ import annotations

from dataclasses import dataclass

from checker.data import load
from checker.plan.vocabulary import vocabulary

RUBRIC_FILE = "plan_rubric.toml"


class RubricError(ValueError):
    """An exercise's rubric parameters are wrong; the message lists every mistake."""


@dataclass(frozen=True)
class MixGroup:
    """A target share of the plan for one category or a group of them."""

    name: str
    share: float
    categories: tuple[str, ...]


@dataclass(frozen=True)
class Rubric:
    """Everything the rules and the score need, for one exercise."""

    threshold: float
    weights: dict[str, float]
    min_days: int
    min_platforms: int
    required_platforms: tuple[str, ...]
    max_gap_days: int
    max_posts_per_day: int
    mix: tuple[MixGroup, ...]
    mix_tolerance: float
    cross_post_min_chars: int
    cross_post_similarity: float
    cta_goals: tuple[str, ...]


def rubric(overrides: dict | None = None, threshold: float | None = None) -> Rubric:
    """The rubric from the defaults and an exercise's ``[rubric]`` table. Raises
    ``RubricError`` naming unknown keys, unknown rules, platforms or categories, and a mix
    that does not add up to 100 or covers a category twice or not at all."""
    defaults = load(RUBRIC_FILE)
    overrides = dict(overrides or {})
    errors = []
    weights = dict(defaults["weights"])
    optional = set(defaults.get("optional", ()))
    for rule_id, weight in overrides.pop("weights", {}).items():
        if rule_id not in weights and rule_id not in optional:
            errors.append(f"[rubric.weights] names an unknown rule '{rule_id}'")
        elif not isinstance(weight, (int, float)) or weight < 0:
            errors.append(f"the weight of '{rule_id}' must be a number of 0 or more")
        else:
            weights[rule_id] = weight
    params = dict(defaults["params"])
    for key, value in overrides.items():
        if key not in params:
            errors.append(f"[rubric] has an unknown parameter '{key}'; known: {', '.join(sorted(params))}")
        elif key != "mix" and type(value) is not type(params[key]) and not (
                isinstance(value, (int, float)) and isinstance(params[key], (int, float))):
            errors.append(f"[rubric] {key} should be like {params[key]!r}, not {value!r}")
        else:
            params[key] = value
    platforms = vocabulary("platform")
    required = []
    for name in params["required_platforms"]:
        found = platforms.find(str(name))
        if found is None:
            errors.append(f"required_platforms names an unknown platform '{name}'")
        else:
            required.append(found)
    goals = vocabulary("goal")
    cta_goals = [goals.find(str(g)) for g in params["cta_goals"]]
    if None in cta_goals:
        errors.append(f"cta_goals holds an unknown goal: {params['cta_goals']}")
    mix = mix_groups(params["mix"], errors)
    if errors:
        raise RubricError("; ".join(errors) + ".")
    return Rubric(
        threshold=float(defaults["threshold"] if threshold is None else threshold),
        weights=weights,
        min_days=params["min_days"],
        min_platforms=params["min_platforms"],
        required_platforms=tuple(required),
        max_gap_days=params["max_gap_days"],
        max_posts_per_day=params["max_posts_per_day"],
        mix=mix,
        mix_tolerance=params["mix_tolerance"],
        cross_post_min_chars=params["cross_post_min_chars"],
        cross_post_similarity=params["cross_post_similarity"],
        cta_goals=tuple(cta_goals),
    )


def mix_groups(table: dict, errors: list[str]) -> tuple[MixGroup, ...]:
    """The target mix as groups; appends to ``errors`` what is wrong with it."""
    categories = vocabulary("category")
    groups = []
    seen: dict[str, str] = {}
    for name, spec in table.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("share"), (int, float)):
            errors.append(f"mix group '{name}' needs a numeric share")
            continue
        members = []
        for category in spec.get("categories", [name]):
            found = categories.find(str(category))
            if found is None:
                errors.append(f"mix group '{name}' names an unknown category '{category}'")
            elif found in seen:
                errors.append(f"category '{found}' is in mix groups '{seen[found]}' and '{name}'")
            else:
                seen[found] = name
                members.append(found)
        groups.append(MixGroup(name, float(spec["share"]), tuple(members)))
    total = sum(g.share for g in groups)
    if groups and abs(total - 100) > 0.01:
        errors.append(f"the mix shares add up to {total:g}, not 100")
    missing = [c for c in categories.canonical if c not in seen]
    if missing:
        errors.append(f"the mix leaves out the categories {', '.join(missing)}")
    return tuple(groups)
