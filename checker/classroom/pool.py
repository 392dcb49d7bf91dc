"""Grade a class's submissions on every core, the results in the order given.

Each worker process is handed the exercise once, when it starts, and then chunks of
submissions; ``Executor.map`` returns the results in submission order, so a class graded
on eight cores gives the very gradebook one core gives. An ``InvalidInput`` crosses back
as its list of problems (an exception's pickle keeps only its message) and is rebuilt.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable

from checker.exercises import Exercise
from checker.kinds import Submission, exercise_kind
from checker.problems import InputProblem, InvalidInput
from checker.report import Result

# The exercise a worker process grades; set once by ``start_worker``.
_exercise: Exercise | None = None


def grade_all(exercise: Exercise, submissions: list[Submission], jobs: int = 1,
              advance: Callable[[int], None] | None = None) -> list[Result | InvalidInput]:
    """Each submission's result, or why it cannot be graded, in the order given, graded
    by ``jobs`` processes (1: in this one); ``advance(1)`` is called as each is done."""
    if jobs <= 1 or len(submissions) < 2:
        outcomes: Iterable = (grade_one(exercise, s) for s in submissions)
        return collect(outcomes, advance)
    # Chunks big enough that a worker is not waiting on the parent for each file, small
    # enough that the progress bar moves and the cores finish together.
    chunk = max(1, min(64, len(submissions) // (jobs * 8)))
    with ProcessPoolExecutor(jobs, initializer=start_worker, initargs=(exercise,)) as pool:
        return collect((rebuilt(o) for o in pool.map(grade_in_worker, submissions, chunksize=chunk)), advance)


def collect(outcomes: Iterable[Result | InvalidInput], advance: Callable[[int], None] | None) -> list:
    """The outcomes as a list, reporting each one's arrival."""
    done = []
    for outcome in outcomes:
        done.append(outcome)
        if advance is not None:
            advance(1)
    return done


def grade_one(exercise: Exercise, submission: Submission) -> Result | InvalidInput:
    """One submission graded by its kind's own function, or why it cannot be."""
    try:
        return exercise_kind(exercise.kind).grade(exercise, submission)
    except InvalidInput as error:
        return error


def start_worker(exercise: Exercise) -> None:
    """Remember the exercise this worker process grades."""
    global _exercise
    _exercise = exercise


def grade_in_worker(submission: Submission) -> Result | list[InputProblem]:
    """``grade_one`` in a worker, an invalid input returned as its problems."""
    outcome = grade_one(_exercise, submission)
    return outcome.problems if isinstance(outcome, InvalidInput) else outcome


def rebuilt(outcome: Result | list[InputProblem]) -> Result | InvalidInput:
    """A worker's answer as ``grade_one`` gives it."""
    return InvalidInput(outcome) if isinstance(outcome, list) else outcome
