"""The content-plan rubric: every rule, registered by id when its family module loads.

Families: ``calendar`` (horizon, platforms, cadence), ``content`` (mix, cross-post,
goal-kpi, cta), ``fit`` (platform-fit, length, hashtags) and ``integrity`` (honesty, bait).
"""

from checker.plan.rules import calendar, content, fit, integrity  # noqa: F401  (registers the rules)
from checker.plan.rules.base import RULES, Rule, Verdict

__all__ = ["RULES", "Rule", "Verdict"]
