"""Grade a class's submissions on every core, the results in the order given.

Each worker process is handed the grader once, when it starts (a picklable function of a
submission, such as ``partial(grade_exercise, exercise)``), and then chunks of submissions; ``Executor.map`` returns the results in submission order, so a class graded
on eight cores gives the very gradebook one core gives. An ``InvalidInput`` crosses back
as its list of problems (an exception's pickle keeps only its message) and is rebuilt.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable

from checker.kinds import Submission
from checker.problems import InputProblem, InvalidInput
from checker.report import Result

Grader = Callable[[Submission], Result]  # raises InvalidInput for a file it cannot grade

# The grader of a worker process; set once by ``start_worker``.
_grader: Grader | None = None


def grade_all(grader: Grader, submissions: list[Submission], jobs: int = 1,
              advance: Callable[[int], None] | None = None) -> list[Result | InvalidInput]:
    """Each submission's result, or why it cannot be graded, in the order given, graded
    by ``jobs`` processes (1: in this one); ``advance(1)`` is called as each is done."""
    if jobs <= 1 or len(submissions) < 2:
        outcomes: Iterable = (grade_one(grader, s) for s in submissions)
        return collect(outcomes, advance)
    # Chunks big enough that a worker is not waiting on the parent for each file, small
    # enough that the progress bar moves and the cores finish together.
    chunk = max(1, min(64, len(submissions) // (jobs * 8)))
    with ProcessPoolExecutor(jobs, initializer=start_worker, initargs=(grader,)) as pool:
        return collect((rebuilt(o) for o in pool.map(grade_in_worker, submissions, chunksize=chunk)), advance)


def collect(outcomes: Iterable[Result | InvalidInput], advance: Callable[[int], None] | None) -> list:
    """The outcomes as a list, reporting each one's arrival."""
    done = []
    for outcome in outcomes:
        done.append(outcome)
        if advance is not None:
            advance(1)
    return done


def grade_one(grader: Grader, submission: Submission) -> Result | InvalidInput:
    """One submission's result, or why it cannot be graded."""
    try:
        return grader(submission)
    except InvalidInput as error:
        return error


def start_worker(grader: Grader) -> None:
    """Remember the grader of this worker process."""
    global _grader
    _grader = grader


def grade_in_worker(submission: Submission) -> Result | list[InputProblem]:
    """``grade_one`` in a worker, an invalid input returned as its problems."""
    outcome = grade_one(_grader, submission)
    return outcome.problems if isinstance(outcome, InvalidInput) else outcome


def rebuilt(outcome: Result | list[InputProblem]) -> Result | InvalidInput:
    """A worker's answer as ``grade_one`` gives it."""
    return InvalidInput(outcome) if isinstance(outcome, list) else outcome
