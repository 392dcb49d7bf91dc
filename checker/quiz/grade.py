"""Grade quiz answers: one verdict and one piece of feedback per question, and a score.

Each question type grades its own answers (``grade`` of its class in
``checker/quiz/question_types/``), mirrored line for line by its ``grade`` in
``checker/site/assets/quiz.js``; a test runs both on the same answers, so a learner gets the
same verdict and the same words on the page and from ``smm-check quiz``.

Answers arrive in canonical form (see ``checker.quiz.answers``): choice questions as a list
of option indices (0-based, bank order), true/false as a bool, numeric as a float, ordering
as a list of item indices (0-based, bank order) in the learner's order; None when unanswered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from checker.quiz.bank import Bank
from checker.quiz.question import STRINGS, Question, Verdict
from checker.report import Finding, Result


@dataclass
class QuizResult(Result):
    """A graded quiz; its JSON names the bank under ``quiz`` instead of ``exercise``."""

    def as_dict(self) -> dict:
        """The documented ``--json`` object of ``smm-check quiz``."""
        data = super().as_dict()
        return {"quiz": data.pop("exercise"), **data}


def grade_question(question: Question, answer) -> Verdict:
    """The verdict on one canonical answer (None when the learner gave none); the
    question's type grades any answer given."""
    if answer is None or answer == []:
        return Verdict(False, STRINGS["grading"]["unanswered"])
    return question.grade(answer)


def score_percent(correct: int, total: int) -> int:
    """Share of correct answers as a whole percentage, halves rounded up (integer
    arithmetic, so Python and JavaScript cannot round differently)."""
    return (200 * correct + total) // (2 * total) if total else 0


def grade_bank(bank: Bank, answers: Mapping[str, object]) -> QuizResult:
    """Grade canonical answers ``{question id: answer}``; a missing id counts as unanswered."""
    findings = []
    for question in bank.questions:
        verdict = grade_question(question, answers.get(question.id))
        findings.append(Finding(f"quiz.{question.id}", "pass" if verdict.correct else "fail", verdict.feedback))
    score = score_percent(sum(f.status == "pass" for f in findings), len(findings))
    return QuizResult(exercise=bank.id, kind="quiz", score=score, threshold=bank.pass_mark,
                      passed=score >= bank.pass_mark, findings=findings)
