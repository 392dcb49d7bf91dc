"""Exercise pages: the list of exercises and each exercise's rubric and downloads,
rendered from the exercise folders so nothing is copied by hand into docs/."""

from __future__ import annotations

from checker.exercises import ExerciseError, UnknownExercise, list_exercises, load_exercise
from checker.kinds import UnknownKind, all_kinds, exercise_kind
from checker.site.rendering import DirectiveError


def render_exercise_list(argument: str, ctx) -> str:
    """Every exercise, grouped by kind, each linked to its page."""
    out = []
    exercises = list_exercises(ctx.root)
    for kind in all_kinds():
        out += [f"## {kind.title}", "", "| Exercise | Pass mark | Check it with |", "| --- | ---: | --- |"]
        for exercise in (e for e in exercises if e.kind == kind.name):
            out.append(f"| [{exercise.title}]({ctx.link(f'exercises/{exercise.id}.md')}) | {exercise.threshold:g} | "
                       f"`smm-check {kind.name} ... --exercise {exercise.id}` |")
        out.append("")
    return "\n".join(out)


def render_rubric(argument: str, ctx) -> str:
    """An exercise's downloads, then how it is graded, as its kind tells: every rule or
    metric with its weight or formula. For ``docs/exercises/<id>.md``."""
    try:
        exercise = load_exercise(argument, ctx.root)
        kind = exercise_kind(exercise.kind)
    except (UnknownExercise, ExerciseError, UnknownKind) as error:
        raise DirectiveError(f"/// rubric | {argument}: {error}") from None
    out = ["## Downloads", ""]
    out += [f"- :material-download: [{label}]({ctx.link(f'exercises/{exercise.id}/{name}')})"
            for name, label in kind.downloads.items() if exercise.file(name).is_file()]
    out += ["", "## How it is graded", ""]
    out += kind.rubric(exercise, lambda path: ctx.link(path.removeprefix("docs/")))
    return "\n".join(out)
