"""One way to declare a graded rule (``checker/rule_registry.py``), shared by the
content-plan and media-plan families, each keeping its own registry."""

from __future__ import annotations

import pytest

from checker.campaign.rules import RULES as CAMPAIGN_RULES
from checker.plan.rules import RULES as PLAN_RULES
from checker.rule_registry import Rule, rule_decorator


def test_a_family_registers_its_rules_with_title_criticality_and_explanation():
    registry: dict[str, Rule] = {}
    rule = rule_decorator(registry)

    @rule("toy.hello", "Every row greets", critical=True)
    def hello(rows):
        """A greeting opens every conversation."""
        return rows

    @rule("toy.bye", "Every row says goodbye")
    def bye(rows):
        return rows

    assert registry == {"toy.hello": Rule("toy.hello", "Every row greets", True, hello),
                        "toy.bye": Rule("toy.bye", "Every row says goodbye", False, bye)}
    assert (registry["toy.hello"].explanation, registry["toy.bye"].explanation) == (
        "A greeting opens every conversation.", "")
    assert hello([1]) == [1]  # the decorated function is left as it was


def test_a_rule_id_declared_twice_is_refused():
    rule = rule_decorator({})
    rule("toy.hello", "Every row greets")(lambda rows: rows)
    with pytest.raises(ValueError, match="^rule toy.hello is declared twice$"):
        rule("toy.hello", "Greets again")(lambda rows: rows)


def test_plan_and_campaign_rules_share_the_declaration_but_not_the_registry():
    assert set(PLAN_RULES) and set(CAMPAIGN_RULES) and not set(PLAN_RULES) & set(CAMPAIGN_RULES)
    assert all(rule_id.startswith("plan.") for rule_id in PLAN_RULES)
    assert all(rule_id.startswith("campaign.") for rule_id in CAMPAIGN_RULES)
    assert {type(r) for r in [*PLAN_RULES.values(), *CAMPAIGN_RULES.values()]} == {Rule}
    assert CAMPAIGN_RULES["campaign.compliance"].critical and not PLAN_RULES["plan.mix"].critical
