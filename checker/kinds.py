"""The registry of exercise kinds: what an ``exercise.toml``'s ``kind`` may name.

A kind says everything the rest of the package needs to handle its exercises: the files
an exercise folder holds, how its settings are checked, how a submission is graded, what
a golden file compares, what the rubric page and the check panel show. The CLI (one
``smm-check <kind>`` command each), ``smm-check validate``, ``grade-class``, the browser
entry point and the site all read it; none of them names a kind.

Adding a kind is one module defining ``KIND = ExerciseKind(...)`` and one line in
``KINDS`` (see CONTRIBUTING.md, "How to add an exercise kind"). Modules are imported
when a kind is first asked for, so reading the registry costs nothing and the result
module can look a kind up without importing every grader.

Quizzes are not an exercise kind: a quiz is a bank in ``quizzes/``, graded by
``smm-check quiz``, with its own registry of question types.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from checker.exercises import Exercise, UnknownExercise, list_exercises, load_exercise

if TYPE_CHECKING:
    from checker.report import Result

# kind name -> the module that defines its ``KIND``.
KINDS: dict[str, str] = {
    "plan": "checker.plan.exercise",
    "kpi": "checker.kpi.exercise",
    "campaign": "checker.campaign.exercise",
    "replies": "checker.replies.exercise",
}


@dataclass(frozen=True)
class Submission:
    """A file handed in for grading, with what it is graded against. ``learner`` and
    ``data`` matter only to kinds with ``learner_data``: the work is graded against that
    learner's own data, or the data file given, or (neither) the exercise's own data."""

    path: Path
    learner: str | None = None
    data: Path | None = None
    encoding: str | None = None  # of a CSV file that is not UTF-8


@dataclass(frozen=True)
class RuleInfo:
    """What a class report says about one rule of an exercise: the title the learner
    reads and its weight in the score."""

    title: str
    weight: float


@dataclass(frozen=True)
class Panel:
    """The check panel of an exercise page: keys of ``[check]`` in
    ``checker/data/site_strings.toml`` for the file input's label and the button's, and,
    for a kind with ``learner_data``, the download button's label and the sentence that
    says what to do with the downloaded file."""

    file_label: str
    run_label: str
    download_label: str | None = None
    download_hint: str | None = None


@dataclass(frozen=True)
class ExerciseKind:
    """One kind of graded work."""

    name: str  # what exercise.toml's ``kind`` says; also the command and the JSON ``kind``
    title: str  # the heading of its exercises on the exercise list ("Content plans")
    help: str  # the command's one line in ``smm-check --help``
    description: str  # the command's ``--help`` text
    file_help: str  # what the submission is, for the command's help
    default_exercise: str | None  # what ``--exercise`` defaults to (None: required)
    required_files: tuple[str, ...]  # files every exercise folder of the kind holds
    reference: str  # the solution in the folder that must pass
    finding_fields: tuple[str, ...]  # keys every finding carries in JSON besides rule,
    #                                  status and message; golden files compare them too
    downloads: dict[str, str]  # file in the folder -> its download label on the page (the site copies them)
    panel: Panel
    # What is wrong with an exercise's settings (empty when nothing).
    check: Callable[[Exercise], list[str]]
    # Grade a submission; raises InvalidInput when it cannot be graded.
    grade: Callable[[Exercise, Submission], Result]
    # The "How it is graded" lines of the rubric page; ``link`` turns a docs/ path into
    # a link from the page.
    rubric: Callable[[Exercise, Callable[[str], str]], list[str]]
    # The course data the kind grades with, checked before grading (file: key: what is wrong).
    data_problems: Callable[[], list[str]] = field(default=lambda: [])
    # A learner's own data as CSV text, when each learner works on their own numbers: the
    # panel then asks for the learner's name and offers the download, ``grade-class``
    # grades each file against its learner's data, and the command takes ``--learner``.
    learner_data: Callable[[Exercise, str], str] | None = None
    # Whether work of a kind with ``learner_data`` means anything only against a learner's
    # data (a KPI answer sheet does). When False, work handed in without a name is graded
    # against the exercise's own data: the command needs neither ``--learner`` nor
    # ``--data``, and the panel's name field is optional.
    learner_required: bool = True
    # Files of an exercise folder that grading reads besides ``exercise.toml`` (the KPI
    # kind's data.csv); the browser's grader bundle carries them.
    graded_files: tuple[str, ...] = ()
    # The rules an exercise runs, by finding id (``plan.mix``, ``kpi.er``), in rubric order:
    # the learners' reports show their titles and the class summary weighs failures by
    # weight. A kind without it shows rule ids and weighs every rule alike.
    rules: Callable[[Exercise], dict[str, RuleInfo]] = field(default=lambda exercise: {})

    def __post_init__(self) -> None:
        if self.learner_data is not None and not (self.panel.download_label and self.panel.download_hint):
            raise ValueError(f"exercise kind '{self.name}' has learner_data: its Panel needs download_label "
                             "and download_hint.")

    def settings_problems(self, exercise: Exercise) -> list[str]:
        """What is wrong with an exercise's settings, each naming its ``exercise.toml``."""
        return [f"exercises/{exercise.id}/exercise.toml: {problem}" for problem in self.check(exercise)]

    def problems(self, exercise: Exercise) -> list[str]:
        """What stops ``exercise`` being graded: slips in the data the kind grades with,
        then in the exercise's settings."""
        return self.data_problems() + self.settings_problems(exercise)

    @property
    def golden_fields(self) -> tuple[str, ...]:
        """The finding fields a golden file is compared on."""
        return ("rule", "status", *self.finding_fields)


class UnknownKind(LookupError):
    """A kind no module is registered for; the message lists the kinds there are."""


def exercise_kind(name: str) -> ExerciseKind:
    """The registered kind ``name``. Raises ``UnknownKind``."""
    if name not in KINDS:
        raise UnknownKind(f"there is no exercise kind '{name}'; the kinds are {', '.join(KINDS)}.")
    return importlib.import_module(KINDS[name]).KIND


def all_kinds() -> list[ExerciseKind]:
    """Every registered kind, in registry order."""
    return [exercise_kind(name) for name in KINDS]


def course_exercises(root: Path | None = None) -> list[tuple[Exercise, ExerciseKind]]:
    """Every exercise of the course with its kind, sorted by id. Raises ``ExerciseError``
    for an ``exercise.toml`` that cannot be read, ``UnknownKind`` (naming the file) for a
    kind that is not registered."""
    found = []
    for exercise in list_exercises(root):
        try:
            found.append((exercise, exercise_kind(exercise.kind)))
        except UnknownKind as error:
            raise UnknownKind(f"exercises/{exercise.id}/exercise.toml: {error}") from None
    return found


def finding_fields(name: str) -> tuple[str, ...]:
    """The keys every finding of results of kind ``name`` carries in JSON (none for a
    result that is not an exercise's, such as a quiz's)."""
    return exercise_kind(name).finding_fields if name in KINDS else ()


def exercise_of_kind(exercise_id: str, name: str, root: Path | None = None) -> Exercise:
    """Load an exercise that must be of kind ``name``. Raises ``UnknownExercise`` for a
    wrong id or an exercise of another kind, saying which command grades it."""
    exercise = load_exercise(exercise_id, root)
    if exercise.kind != name:
        raise UnknownExercise(f"'{exercise.id}' is a {exercise.kind} exercise, not a {name} one; "
                              f"grade it with 'smm-check {exercise.kind}'.")
    return exercise
