"""The media-plan data checked against each other and the code: every declared rule
weighed in ``campaign_rubric.toml`` and every weight a declared rule's; the platforms,
objectives and buying models ``campaign.toml`` names known to the vocabularies; the
platforms ``utm.toml`` names known too. Each slip names file and key."""

from __future__ import annotations

from checker.campaign.parse import DATA_FILE
from checker.campaign.rubric import RUBRIC_FILE
from checker.campaign.rules import RULES
from checker.data import where
from checker.data_checks import checked_tables, names
from checker.tracked_links import UTM_FILE

EVENTS = ("impressions", "clicks", "conversions")
LEARNING_KEYS = ("events", "days", "source", "checked")
MARKET_KEYS = ("name", "forbidden", "forbidden_why", "label_words", "token", "advertiser", "label_help", "source",
               "checked")


def campaign_data_problems() -> list[str]:
    """Every slip in ``campaign.toml``, ``campaign_rubric.toml`` and ``utm.toml`` (empty when all is well)."""
    return checked_tables((DATA_FILE, RUBRIC_FILE, UTM_FILE, "vocabulary.toml"), problems_in)


def problems_in(data: dict, rubric: dict, utm: dict, vocabulary: dict) -> list[str]:
    """The slips of the three files, the platforms checked against ``vocabulary.toml``."""
    return (rubric_problems(rubric) + facts_problems(data, set(vocabulary.get("platform", {})))
            + utm_problems(utm, set(vocabulary.get("platform", {}))))


def rubric_problems(rubric: dict) -> list[str]:
    """A weight for every declared rule and no weight without one."""
    file, weights = where(RUBRIC_FILE), rubric.get("weights", {})
    problems = [f"{file}: [weights] \"{rule_id}\" is missing: the rule is declared in checker/campaign/rules/, "
                "so give it a weight." for rule_id in RULES if rule_id not in weights]
    problems += [f"{file}: [weights] \"{rule_id}\" names no declared rule; declare it or remove the weight."
                 for rule_id in weights if rule_id not in RULES]
    params = rubric.get("params", {})
    problems += [f"{file}: [params] {key} must be a number of 0 or more." for key in
                 ("budget_tolerance", "relative_rounding", "count_rounding", "money_rounding")
                 if isinstance(params.get(key), bool) or not isinstance(params.get(key), (int, float)) or params[key] < 0]
    return problems


def facts_problems(data: dict, platforms: set[str]) -> list[str]:
    """The platform, objective and market tables of ``campaign.toml``."""
    file = where(DATA_FILE)
    objectives, models = set(data.get("objective", {})), set(data.get("buying_model", {}))
    problems = []
    for platform, table in data.get("learning", {}).items():
        if platform not in platforms:
            problems.append(f"{file}: [learning.{platform}] names a platform vocabulary.toml does not know.")
        problems += [f"{file}: [learning.{platform}] {key} is missing." for key in LEARNING_KEYS if key not in table]
    events = data.get("optimisation_event", {})
    problems += [f"{file}: [optimisation_event] {objective} must be one of {', '.join(EVENTS)}."
                 for objective in objectives if events.get(objective) not in EVENTS]
    fit = data.get("fit", {})
    problems += [f"{file}: [fit] buying_model.{objective} = '{model}' needs a known objective and buying model."
                 for objective, model in fit.get("buying_model", {}).items()
                 if objective not in objectives or model not in models]
    problems += [f"{file}: [fit] conversion_objectives names '{objective}', which [objective] lacks."
                 for objective in names(fit.get("conversion_objectives")) or [] if objective not in objectives]
    for market, table in data.get("market", {}).items():
        problems += [f"{file}: [market.{market}] {key} is missing." for key in MARKET_KEYS if key not in table]
        problems += [f"{file}: [market.{market}] forbidden names '{platform}', a platform vocabulary.toml does "
                     "not know." for platform in names(table.get("forbidden")) or [] if platform not in platforms]
    return problems


def utm_problems(utm: dict, platforms: set[str]) -> list[str]:
    """``utm_source`` names for known platforms only (a platform without any is named by
    its own id), and a list of paid mediums."""
    file = where(UTM_FILE)
    problems = [f"{file}: [source] {platform} is not a platform of checker/data/vocabulary.toml [platform]."
                for platform in utm.get("source", {}) if platform not in platforms]
    problems += [f"{file}: [source] {platform} must list the utm_source values that name it."
                 for platform, values in utm.get("source", {}).items() if not names(values)]
    if not names(utm.get("paid_mediums")):
        problems.append(f"{file}: paid_mediums must list the utm_medium values of paid clicks.")
    return problems
