"""How a family of graded rules declares its units (after CS50's check50): one function
per rule id under its family's ``@rule``, with the title the learner reads and whether
failing it fails the work outright; the function's docstring is the explanation the
rubric page shows. Content-plan rules (``checker.plan.rules``) and media-plan rules
(``checker.campaign.rules``) each keep their own registry, made here, so a rule id is
looked up in the family that grades it."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable

# A rule's check; what it is called with and returns is its family's own.
Check = Callable[..., object]


@dataclass(frozen=True)
class Rule:
    """A registered rule."""

    id: str
    title: str
    critical: bool
    check: Check

    @property
    def explanation(self) -> str:
        """What the rule asks and why (its check's docstring)."""
        return inspect.getdoc(self.check) or ""


def rule_decorator(registry: dict[str, Rule]) -> Callable[..., Callable[[Check], Check]]:
    """The ``@rule(rule_id, title, critical=False)`` decorator of a family whose rules
    are registered in ``registry``."""
    def rule(rule_id: str, title: str, critical: bool = False) -> Callable[[Check], Check]:
        """Register the decorated function as the check of rule ``rule_id``; failing a
        ``critical`` rule fails the work whatever its score."""
        def register(check: Check) -> Check:
            if rule_id in registry:
                raise ValueError(f"rule {rule_id} is declared twice")
            registry[rule_id] = Rule(rule_id, title, critical, check)
            return check
        return register
    return rule
