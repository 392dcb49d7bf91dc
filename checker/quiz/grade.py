"""Grade quiz answers: one verdict and one piece of feedback per question, and a score.

These rules are mirrored line for line by ``gradeQuestion`` in
``checker/site/assets/quiz.js``; a test runs both on the same answers, so a learner gets the
same verdict and the same words on the page and from ``smm-check quiz``.

Answers arrive in canonical form (see ``checker.quiz.answers``): choice questions as a list
of option indices (0-based, bank order), true/false as a bool, numeric as a float, ordering
as a list of item indices (0-based, bank order) in the learner's order; None when unanswered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from checker.data import load
from checker.quiz.bank import SETTINGS, Bank, Question
from checker.report import Finding, Result


# The learner-facing sentences.
STRINGS = load("quiz_strings.toml")


@dataclass(frozen=True)
class Verdict:
    """Whether one answer is correct, and the feedback that explains why."""

    correct: bool
    feedback: str


@dataclass
class QuizResult(Result):
    """A graded quiz; its JSON names the bank under ``quiz`` instead of ``exercise``."""

    def as_dict(self) -> dict:
        """The documented ``--json`` object of ``smm-check quiz``."""
        data = super().as_dict()
        return {"quiz": data.pop("exercise"), **data}


def within(value: float, target: float, tolerance: float) -> bool:
    """True when ``value`` is within ``tolerance`` of ``target``, with a hair of slack so
    that an answer exactly on the edge is not lost to binary floating point."""
    return abs(value - target) <= tolerance + SETTINGS["float_slack"] * max(1.0, abs(target))


def grade_question(question: Question, answer) -> Verdict:
    """The verdict on one canonical answer (None when the learner gave none)."""
    if answer is None or answer == []:
        return Verdict(False, STRINGS["grading"]["unanswered"])
    if question.type in ("single", "multiple"):
        chosen = sorted(set(answer))
        right = [i for i, option in enumerate(question.options) if option.correct]
        if chosen == right:
            return Verdict(True, " ".join(question.options[i].feedback for i in chosen))
        # Only the chosen wrong options are explained: naming the missed correct ones
        # would hand over the answer before the learner's retry.
        said = [question.options[i].feedback for i in chosen if i not in right]
        if question.type == "multiple" and set(right) - set(chosen):
            said.append(STRINGS["grading"]["missed_options"])
        return Verdict(False, " ".join(said))
    if question.type == "true-false":
        return Verdict(answer == question.answer, question.true_feedback if answer else question.false_feedback)
    if question.type == "numeric":
        if within(answer, question.answer, question.tolerance):
            return Verdict(True, question.correct_feedback)
        mistake = next((m for m in question.mistakes if within(answer, m.value, question.tolerance)), None)
        return Verdict(False, mistake.feedback if mistake else question.wrong_feedback)
    correct = list(answer) == list(range(len(question.items)))
    return Verdict(correct, question.correct_feedback if correct else question.wrong_feedback)


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
