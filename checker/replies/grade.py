"""The ``grade`` step: run every replies rule and weigh the verdicts into a 0-100 score.
Pure functions of (table, comments, rubric), so the browser runs them too."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.replies.comments import Comment
from checker.replies.rules import RULES
from checker.replies.rules.base import Sheet
from checker.replies.settings import Rubric
from checker.replies.sheet import parse_sheet
from checker.report import Finding, Result
from checker.tables import Table

KIND_NAME = "replies"


@dataclass
class ReplyFinding(Finding):
    """A replies rule's verdict: ``comments`` are the ids of the comments it is about,
    ``rows`` the answer sheet's rows of those answered."""

    comments: list[str] = field(default_factory=list)

    def as_dict(self, keys: tuple[str, ...] = ()) -> dict:
        """The finding's JSON shape, with its comment ids."""
        return {**super().as_dict(keys), "comments": self.comments}


def grade_table(table: Table, exercise_id: str, comments: tuple[Comment, ...], rubric: Rubric,
                contacts: tuple[str, ...] = ()) -> Result:
    """Parse and grade an answer sheet. Raises ``InvalidInput`` when it cannot be graded.
    The sheet passes with a score at the threshold and no critical rule failed."""
    sheet = Sheet(comments, parse_sheet(table, comments), rubric, contacts)
    findings, earned, critical_failed = [], 0.0, False
    for rule_id, weight in rubric.weights.items():
        verdict = RULES[rule_id].check(sheet)
        rows = sorted(sheet.handled[c].row for c in verdict.comments if c in sheet.handled)
        findings.append(ReplyFinding(rule_id, verdict.status, verdict.message, rows, comments=list(verdict.comments)))
        earned += weight * verdict.credit
        critical_failed |= rule_id in rubric.critical and verdict.status == "fail"
    total = sum(rubric.weights.values())
    score = round(100 * earned / total, 1) if total else 100.0
    return Result(exercise=exercise_id, kind=KIND_NAME, score=score, threshold=rubric.threshold,
                  passed=score >= rubric.threshold and not critical_failed, findings=findings)
