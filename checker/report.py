"""Grading results in the two shapes the CLI prints: a readable report and JSON.

A finding speaks like a good teacher: what is wrong, where (rows), why it matters and
what to do. The JSON shape is a contract documented in the README.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.kinds import finding_fields
from checker.problems import InvalidInput

STATUS_ORDER = {"fail": 0, "warn": 1, "pass": 2}
STATUS_LABEL = {"fail": "FAIL", "warn": "WARN", "pass": "PASS"}


@dataclass
class Finding:
    """One rule's verdict. ``rows`` (spreadsheet row numbers) is used by plan rules,
    ``code`` (the diagnosed mistake) by KPI rules."""

    rule: str
    status: str  # "pass", "warn" or "fail"
    message: str
    rows: list[int] | None = None
    code: str | None = None

    def as_dict(self, keys: tuple[str, ...] = ()) -> dict:
        """The finding's JSON shape: rule, status, message, then each of ``keys`` (always)
        and rows or code where set."""
        out = {"rule": self.rule, "status": self.status, "message": self.message}
        if "rows" in keys or self.rows is not None:
            out["rows"] = self.rows if self.rows is not None else []
        if "code" in keys or self.code is not None:
            out["code"] = self.code
        return out


@dataclass
class Result:
    """A graded submission."""

    exercise: str
    kind: str
    score: float
    threshold: float
    passed: bool
    findings: list[Finding] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The documented ``--json`` object."""
        keys = finding_fields(self.kind)  # what the kind's findings always carry (a passing KPI: code null)
        return {
            "exercise": self.exercise,
            "kind": self.kind,
            "passed": self.passed,
            "score": self.score,
            "threshold": self.threshold,
            "findings": [f.as_dict(keys) for f in self.findings],
        }

    def as_text(self) -> str:
        """A readable report: verdict and score first, then findings, failures first."""
        verdict = "PASSED" if self.passed else "NOT PASSED"
        lines = [f"{self.exercise}: {verdict} with {self.score:g}/100 (pass mark {self.threshold:g})", ""]
        for finding in sorted(self.findings, key=lambda f: STATUS_ORDER[f.status]):
            where = ""
            if finding.rows:
                shown = ", ".join(map(str, finding.rows[:12]))
                more = f" and {len(finding.rows) - 12} more" if len(finding.rows) > 12 else ""
                where = f" (row{'s' if len(finding.rows) > 1 else ''} {shown}{more})"
            lines.append(f"[{STATUS_LABEL[finding.status]}] {finding.rule}{where}: {finding.message}")
        return "\n".join(lines)


def invalid_text(error: InvalidInput) -> str:
    """A readable list of every input problem."""
    count = len(error.problems)
    lines = [f"The file cannot be graded yet: {count} problem{'s' if count != 1 else ''} to fix."]
    lines += [f"  - {problem}" for problem in error.problems]
    return "\n".join(lines)

