"""Every media-plan rule, registered by importing its family module."""

from checker.campaign.rules import audience, budget, law, links  # noqa: F401  (registers the rules)
from checker.campaign.rules.base import RULES

__all__ = ["RULES"]
