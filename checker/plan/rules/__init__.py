"""The content-plan rubric: every rule, registered by id when its family module loads.

Families: ``calendar`` (horizon, platforms, cadence), ``content`` (mix, cross-post,
goal-kpi, cta), ``fit`` (platform-fit, length, hashtags), ``integrity`` (honesty, bait) and
``links`` (utm, optional).
"""

from checker.plan.rules import calendar, content, fit, integrity, links  # noqa: F401  (registers the rules)
from checker.plan.rules.base import RULES, Rule, Verdict

__all__ = ["RULES", "Rule", "Verdict"]
