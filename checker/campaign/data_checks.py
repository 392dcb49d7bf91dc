"""Do the media-plan data files agree with each other and with the code? Each slip is a
line naming the file and the key, for ``smm-check validate``."""

from __future__ import annotations

from checker.campaign.parse import DATA_FILE, plan_data
from checker.campaign.rubric import RUBRIC_FILE
from checker.campaign.rules import RULES
from checker.data import load
from checker.plan.vocabulary import vocabulary
from checker.tracked_links import UTM_FILE, sources

EVENTS = ("impressions", "clicks", "conversions")


def campaign_data_problems() -> list[str]:
    """Every slip in ``campaign.toml``, ``campaign_rubric.toml`` and ``utm.toml``."""
    data, rubric = plan_data(), load(RUBRIC_FILE)
    platforms = set(vocabulary("platform").canonical)
    objectives = set(data["objective"])
    problems = [f"{RUBRIC_FILE}: [weights] has no weight for rule {rule_id}." for rule_id in RULES
                if rule_id not in rubric["weights"]]
    problems += [f"{RUBRIC_FILE}: [weights] names {rule_id}, which no rule declares." for rule_id in rubric["weights"]
                 if rule_id not in RULES]
    problems += [f"{DATA_FILE}: [learning.{p}] is not a platform of vocabulary.toml." for p in data["learning"]
                 if p not in platforms]
    problems += [f"{DATA_FILE}: [learning.{p}] needs {key}." for p, table in data["learning"].items()
                 for key in ("events", "days", "source", "checked") if key not in table]
    problems += [f"{DATA_FILE}: [optimisation_event] needs {o}, one of {', '.join(EVENTS)}." for o in objectives
                 if data["optimisation_event"].get(o) not in EVENTS]
    fit = data["fit"]
    problems += [f"{DATA_FILE}: [fit] names an objective '{o}' that [objective] lacks." for o in
                 [*fit["buying_model"], *fit["conversion_objectives"]] if o not in objectives]
    problems += [f"{DATA_FILE}: [fit] buying_model.{o} = '{m}' is not a buying model." for o, m in
                 fit["buying_model"].items() if m not in data["buying_model"]]
    for name, market in data["market"].items():
        problems += [f"{DATA_FILE}: [market.{name}] forbidden names '{p}', not a platform of vocabulary.toml."
                     for p in market["forbidden"] if p not in platforms]
        problems += [f"{DATA_FILE}: [market.{name}] needs {key}." for key in
                     ("name", "label_words", "token", "advertiser", "label_help", "source", "checked")
                     if key not in market]
    problems += [f"{UTM_FILE}: [source] has no utm_source for platform '{p}'." for p in sorted(platforms)
                 if p not in sources()]
    return problems
