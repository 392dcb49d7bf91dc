"""Quiz grades from the progress files learners export from the progress page.

The page's Export button saves ``smm-course-progress.json``:
``{"format": "smm-course-progress", "version": 1, "exported": "<ISO time>", "quizzes":
{"<bank id>": {"attempt": {"<question id>": <answer>}, "best": {"score": 0-100,
"date": "YYYY-MM-DD"} | null}}}`` (``checker/site/assets/quiz.js``), each answer in the
canonical form ``checker.quiz.grade`` takes. The file is the learner's own and could be
edited, so the best score it claims is not taken: the answers of the attempt it holds
are graded again with the bank, as ``smm-check quiz`` grades an answer file; a question
the attempt leaves out counts as unanswered.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Callable

from checker.exercises import Exercise
from checker.gradebook import Gradebook, grade_download
from checker.kinds import Submission
from checker.problems import InputProblem, InvalidInput
from checker.quiz.bank import Bank
from checker.quiz.grade import QuizResult, grade_bank
from checker.site.quiz import STORAGE_VERSION
from checker.tables import MAX_BYTES

EXPORT_FORMAT = "smm-course-progress"  # quiz.js's EXPORT_FORMAT
PROGRESS_SUFFIXES = (".json",)
NOT_AN_EXPORT = ("this is not a progress export of this course: export it again with the Export button "
                 "of the course's progress page (smm-course-progress.json).")


def grade_quiz_class(source: Path, bank: Bank, layout: str | None = None, jobs: int = 1,
                     started: Callable[[int], Callable[[int], None]] | None = None,
                     scratch: Path | None = None) -> Gradebook:
    """Grade each learner's progress export in the folder or zip ``source`` for ``bank``,
    into the same gradebook an exercise gets (see ``grade_download``)."""
    subject = Exercise(id=bank.id, kind="quiz", title=bank.title, threshold=bank.pass_mark,
                       folder=bank.path.parent if bank.path else Path("quizzes"))
    return grade_download(source, subject, partial(grade_progress, bank), PROGRESS_SUFFIXES, False,
                          layout=layout, jobs=jobs, started=started, scratch=scratch)


def grade_progress(bank: Bank, submission: Submission) -> QuizResult:
    """The bank's quiz graded from the attempt a progress export holds. Raises
    ``InvalidInput`` for a file that is not an export, or holds no attempt of the bank."""
    return grade_attempt(bank, attempt_of(read_export(submission.path), bank))


def read_export(path: Path) -> dict:
    """A progress export's object, or ``InvalidInput`` saying why it is not one."""
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise problem(f"the file is {len(data) / 1048576:.1f} MB; a progress export is a few kilobytes. "
                      + NOT_AN_EXPORT)
    try:
        export = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise problem(NOT_AN_EXPORT) from None
    if not isinstance(export, dict) or export.get("format") != EXPORT_FORMAT or not isinstance(
            export.get("quizzes"), dict):
        raise problem(NOT_AN_EXPORT)
    if export.get("version") != STORAGE_VERSION:
        raise problem(f"this export is of version {export.get('version')!r} of the progress page, and this "
                      f"course reads version {STORAGE_VERSION}; ask the learner to export it again.")
    return export


def attempt_of(export: dict, bank: Bank) -> dict:
    """The answers the export holds for ``bank``, or ``InvalidInput`` when it has none."""
    record = export["quizzes"].get(bank.id)
    attempt = record.get("attempt") if isinstance(record, dict) else None
    if not isinstance(attempt, dict) or not attempt:
        raise problem(f"this export holds no answers to the quiz '{bank.id}': the learner has not taken it in "
                      "the browser they exported from.")
    return attempt


def grade_attempt(bank: Bank, attempt: dict) -> QuizResult:
    """The attempt graded with the bank; an answer of the wrong shape is invalid input
    naming its question, never a crash."""
    known = {q.id for q in bank.questions}
    try:
        return grade_bank(bank, {qid: answer for qid, answer in attempt.items() if qid in known})
    except (TypeError, ValueError, IndexError, KeyError, AttributeError):
        raise problem("an answer in this export cannot be read (it may have been edited by hand); ask the "
                      "learner to take the quiz again and export the result.") from None


def problem(message: str) -> InvalidInput:
    """A problem with the whole export."""
    return InvalidInput([InputProblem(None, None, message)])
