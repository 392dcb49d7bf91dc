"""The content-plan data checked against each other and the rules: every platform of
``vocabulary.toml`` described in ``platforms.toml``, every goal given its KPIs, every
registered rule weighed in ``plan_rubric.toml`` (or declared optional there), and the
text engine's lexicons of plan.honesty and plan.bait built without a slip."""

from __future__ import annotations

from checker.data import where
from checker.data_checks import checked_tables, names
from checker.plan.rules import RULES
from checker.tables import normalise_header
from checker.text.lexicon import lexicon_problems

VOCABULARY, PLATFORMS, RUBRIC = "vocabulary.toml", "platforms.toml", "plan_rubric.toml"
# The vocabularies a plan's cells are matched against, and the other tables of vocabulary.toml.
FIELDS = ("platform", "format", "category", "goal", "kpi")
# How ``plan.length`` counts a copy (see the head of platforms.toml).
COUNTINGS = ("characters", "utf16", "x-weighted")
HASHTAG_KINDS = ("limit", "advice")


def plan_data_problems() -> list[str]:
    """Everything that does not hold together in the plan's data files (empty when all is well)."""
    return checked_tables((VOCABULARY, PLATFORMS, RUBRIC), lambda vocabulary, platforms, rubric: [
        *vocabulary_problems(vocabulary),
        *platform_problems(vocabulary, platforms),
        *weight_problems(rubric),
    ]) + lexicon_problems("honesty") + lexicon_problems("bait")


def vocabulary_problems(vocabulary: dict) -> list[str]:
    """Each vocabulary a table of canonical value -> spellings; the required columns
    known; every goal with the KPIs that measure it, each a KPI of the catalogue."""
    file = where(VOCABULARY)
    problems = []
    for table in ("columns", *FIELDS):
        entries = vocabulary.get(table)
        if not isinstance(entries, dict) or not entries:
            problems.append(f"{file}: [{table}] is missing; it lists each value with its other spellings.")
            continue
        problems += [f"{file}: [{table}] {value} must be a list of spellings, like [\"a\", \"b\"]."
                     for value, spellings in entries.items() if names(spellings) is None]
    if problems:
        return problems
    problems += [f"{file}: [{table}] '{spelling}' names both {first} and {second}; keep it under one."
                 for table in ("columns", *FIELDS) for spelling, first, second in ambiguous(vocabulary[table])]
    required = names(vocabulary.get("required", {}).get("columns"))
    if required is None:
        problems.append(f"{file}: [required] columns must list the columns every plan needs.")
    else:
        problems += [f"{file}: [required] columns names '{c}', which is not in [columns]."
                     for c in required if c not in vocabulary["columns"]]
    goal_kpis = vocabulary.get("goal_kpis", {})
    for goal in vocabulary["goal"]:
        kpis = names(goal_kpis.get(goal))
        if not kpis:
            problems.append(f"{file}: [goal_kpis] {goal} is missing: list the KPIs that measure this goal.")
            continue
        problems += [f"{file}: [goal_kpis] {goal} names '{k}', which is not in [kpi]."
                     for k in kpis if k not in vocabulary["kpi"]]
    problems += [f"{file}: [goal_kpis] {goal} is not a goal of [goal]."
                 for goal in goal_kpis if goal not in vocabulary["goal"]]
    return problems


def ambiguous(entries: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    """(spelling, one value, another) for each spelling that, matched as plans are
    matched, would name two values of one vocabulary."""
    owner: dict[str, str] = {}
    clashes = []
    for value, spellings in entries.items():
        for spelling in (value, *spellings):
            key = normalise_header(spelling)
            if owner.setdefault(key, value) != value:
                clashes.append((spelling, owner[key], value))
    return clashes


def platform_problems(vocabulary: dict, platforms: dict) -> list[str]:
    """Every platform of the vocabulary with its name, formats and, where given, length
    and hashtag limits in ``platforms.toml``; no platform there that the vocabulary lacks."""
    if not isinstance(vocabulary.get("platform"), dict) or not isinstance(vocabulary.get("format"), dict):
        return []  # already reported by vocabulary_problems
    file = where(PLATFORMS)
    formats = vocabulary["format"]
    problems = [f"{file}: [{p}] is not a platform of {where(VOCABULARY)} [platform]; add it there "
                "with its other spellings, or remove it here."
                for p in platforms if p not in vocabulary["platform"]]
    for platform in vocabulary["platform"]:
        spec = platforms.get(platform)
        if not isinstance(spec, dict):
            problems.append(f"{file}: [{platform}] is missing: {where(VOCABULARY)} [platform] lists "
                            f"'{platform}', so it needs a name and [{platform}.formats] here "
                            "(and its length and hashtag limits where it has them).")
            continue
        if not isinstance(spec.get("name"), str):
            problems.append(f"{file}: [{platform}] name is missing: the platform's name as learners read it.")
        problems += formats_problems(file, platform, spec.get("formats"), formats)
        problems += length_problems(file, platform, spec.get("length"), formats)
        problems += hashtag_problems(file, platform, spec.get("hashtags"))
    return problems


def sourced(file: str, table: str, spec: dict) -> list[str]:
    """A dated fact names its source and the date it was checked."""
    return [f"{file}: [{table}] {key} is missing: every limit names its {what}."
            for key, what in (("source", "source"), ("checked", "date of checking")) if key not in spec]


def formats_problems(file: str, platform: str, spec, formats: dict) -> list[str]:
    """The formats a platform has, each a format of the vocabulary; weak ones among them."""
    table = f"{platform}.formats"
    if not isinstance(spec, dict) or not names(spec.get("exist")):
        return [f"{file}: [{table}] exist is missing: list the formats a post on this platform can take."]
    problems = [f"{file}: [{table}] exist names '{f}', which is not a format of {where(VOCABULARY)} [format]."
                for f in spec["exist"] if f not in formats]
    problems += [f"{file}: [{table}.weak] {f} is not in [{table}] exist."
                 for f in spec.get("weak", {}) if f not in spec["exist"]]
    return problems + sourced(file, table, spec)


def length_problems(file: str, platform: str, spec, formats: dict) -> list[str]:
    """A length limit: a positive whole number, counted in a known way."""
    if spec is None:
        return []
    table = f"{platform}.length"
    if not isinstance(spec, dict):
        return [f"{file}: [{table}] must be a table with limit and counting."]
    problems = []
    if not isinstance(spec.get("limit"), int) or spec["limit"] <= 0:
        problems.append(f"{file}: [{table}] limit must be a whole number of characters above 0.")
    if spec.get("counting") not in COUNTINGS:
        problems.append(f"{file}: [{table}] counting must be one of {', '.join(COUNTINGS)}.")
    if spec.get("counting") == "x-weighted":
        problems += [f"{file}: [{table}] {key} is missing: x-weighted counting needs it."
                     for key in ("light_ranges", "url_weight") if key not in spec]
    if "caption_formats" in spec:
        if not isinstance(spec.get("caption_limit"), int):
            problems.append(f"{file}: [{table}] caption_limit is missing: caption_formats need it.")
        problems += [f"{file}: [{table}] caption_formats names '{f}', which is not a format of "
                     f"{where(VOCABULARY)} [format]." for f in names(spec["caption_formats"]) or () if f not in formats]
    return problems + sourced(file, table, spec)


def hashtag_problems(file: str, platform: str, spec) -> list[str]:
    """A hashtag limit: a whole number, either a hard limit or the platform's advice."""
    if spec is None:
        return []
    table = f"{platform}.hashtags"
    if not isinstance(spec, dict):
        return [f"{file}: [{table}] must be a table with limit and kind."]
    problems = []
    if not isinstance(spec.get("limit"), int) or spec["limit"] < 0:
        problems.append(f"{file}: [{table}] limit must be a whole number of hashtags.")
    if spec.get("kind") not in HASHTAG_KINDS:
        problems.append(f"{file}: [{table}] kind must be one of {', '.join(HASHTAG_KINDS)}.")
    return problems + sourced(file, table, spec)


def weight_problems(rubric: dict) -> list[str]:
    """A weight for every registered rule, unless it is declared optional, and none for a
    rule the code does not declare."""
    file = where(RUBRIC)
    weights = rubric.get("weights", {})
    optional = names(rubric.get("optional", []))
    if optional is None:
        return [f"{file}: optional must be a list of rule ids."]
    problems = [f"{file}: [weights] \"{rule_id}\" is not a registered rule; rules: {', '.join(RULES)}."
                for rule_id in weights if rule_id not in RULES]
    problems += [f"{file}: optional names \"{rule_id}\", which is not a registered rule."
                 for rule_id in optional if rule_id not in RULES]
    problems += [f"{file}: [weights] \"{rule_id}\" must be a number of 0 or more."
                 for rule_id, weight in weights.items()
                 if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0]
    problems += [f"{file}: [weights] \"{rule_id}\" is missing: the rule is registered in checker/plan/rules "
                 "but has no weight, so it would never run. Give it a weight, or list it in optional "
                 "for exercises to weigh in their [rubric.weights]."
                 for rule_id in RULES if rule_id not in weights and rule_id not in optional]
    problems += [f"{file}: \"{rule_id}\" has a weight and is listed in optional; keep one."
                 for rule_id in optional if rule_id in weights]
    return problems
