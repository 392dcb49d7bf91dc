"""The ``grade`` step: run every rubric rule on the posts and weigh the verdicts into a
0-100 score. Pure functions of (posts, rubric), so the browser can call them too."""

from __future__ import annotations

from typing import Sequence

from checker.plan.parse import Post, parse_posts
from checker.plan.rubric import Rubric
from checker.plan.rules import RULES
from checker.plan.texts import PlanTexts
from checker.report import Finding, Result
from checker.tables import Table


def grade_posts(posts: Sequence[Post], rubric: Rubric) -> tuple[list[Finding], float, bool]:
    """Findings for every rule (in the rubric's order), the score, and whether a critical
    rule failed."""
    findings, earned, critical_failed = [], 0.0, False
    texts = PlanTexts()
    for rule_id, weight in rubric.weights.items():
        rule = RULES[rule_id]
        verdict = rule.check(posts, rubric, texts)
        findings.append(Finding(rule_id, verdict.status, verdict.message, list(verdict.rows)))
        earned += weight * verdict.earned()
        critical_failed |= rule.critical and verdict.status == "fail"
    total = sum(rubric.weights.values())
    return findings, round(100 * earned / total, 1) if total else 100.0, critical_failed


def grade_table(table: Table, exercise_id: str, rubric: Rubric) -> Result:
    """Parse and grade a plan table. Raises ``InvalidInput`` when it cannot be graded."""
    findings, score, critical_failed = grade_posts(parse_posts(table), rubric)
    return Result(exercise=exercise_id, kind="plan", score=score, threshold=rubric.threshold,
                  passed=score >= rubric.threshold and not critical_failed, findings=findings)
