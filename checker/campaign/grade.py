"""The ``grade`` step: run every media-plan rule and weigh the verdicts into a 0-100
score. Pure functions of (table, figures, rubric), so the browser runs them too."""

from __future__ import annotations

from checker.campaign.figures import Figures
from checker.campaign.parse import parse_lines
from checker.campaign.rubric import Rubric
from checker.campaign.rules import RULES
from checker.campaign.rules.base import Campaign
from checker.report import Finding, Result
from checker.tables import Table


def grade_table(table: Table, exercise_id: str, figures: Figures, rubric: Rubric) -> Result:
    """Parse and grade a media plan. Raises ``InvalidInput`` when it cannot be graded.
    The plan passes with a score at the threshold and no critical rule failed."""
    campaign = Campaign(parse_lines(table), figures, rubric)
    findings, earned, critical_failed = [], 0.0, False
    for rule_id, weight in rubric.weights.items():
        rule = RULES[rule_id]
        judgement = rule.check(campaign)
        verdict = judgement.verdict
        findings.append(Finding(rule_id, verdict.status, verdict.message, list(verdict.rows), judgement.code))
        earned += weight * verdict.earned()
        critical_failed |= rule.critical and verdict.status == "fail"
    total = sum(rubric.weights.values())
    score = round(100 * earned / total, 1) if total else 100.0
    return Result(exercise=exercise_id, kind="campaign", score=score, threshold=rubric.threshold,
                  passed=score >= rubric.threshold and not critical_failed, findings=findings)
