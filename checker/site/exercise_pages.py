"""Exercise pages: the list of exercises and each exercise's rubric and downloads,
rendered from the exercise folders so nothing is copied by hand into docs/."""

from __future__ import annotations

from checker.exercises import list_exercises

KIND_TITLES = {"plan": "Content plans", "kpi": "KPI reports"}


def render_exercise_list(argument: str, ctx) -> str:
    """Every exercise, grouped by kind, each linked to its page (links relative to docs/exercises/)."""
    out = []
    exercises = list_exercises(ctx.root)
    for kind, heading in KIND_TITLES.items():
        out += [f"## {heading}", "", "| Exercise | Pass mark | Check it with |", "| --- | ---: | --- |"]
        for exercise in (e for e in exercises if e.kind == kind):
            out.append(f"| [{exercise.title}]({exercise.id}.md) | {exercise.threshold:g} | "
                       f"`smm-check {kind} ... --exercise {exercise.id}` |")
        out.append("")
    return "\n".join(out)
