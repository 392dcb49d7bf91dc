"""Every replies rule, registered by importing its family module."""

from checker.replies.rules import answering, conduct, content  # noqa: F401  (registers the rules)
from checker.replies.rules.base import RULES

__all__ = ["RULES"]
