"""Exercise pages: the list of exercises and each exercise's rubric and downloads,
rendered from the exercise folders so nothing is copied by hand into docs/."""

from __future__ import annotations

from checker.exercises import Exercise, UnknownExercise, list_exercises, load_exercise
from checker.site.rendering import DirectiveError

KIND_TITLES = {"plan": "Content plans", "kpi": "KPI reports"}
DOWNLOAD_LABELS = {
    "starter.csv": "Starter plan (CSV)",
    "starter.xlsx": "Starter plan (Excel, with drop-down lists)",
    "data.csv": "The campaign data (CSV)",
    "answers-blank.csv": "Blank answer sheet (CSV)",
}


def render_exercise_list(argument: str, ctx) -> str:
    """Every exercise, grouped by kind, each linked to its page."""
    out = []
    exercises = list_exercises(ctx.root)
    for kind, heading in KIND_TITLES.items():
        out += [f"## {heading}", "", "| Exercise | Pass mark | Check it with |", "| --- | ---: | --- |"]
        for exercise in (e for e in exercises if e.kind == kind):
            out.append(f"| [{exercise.title}]({ctx.link(f'exercises/{exercise.id}.md')}) | {exercise.threshold:g} | "
                       f"`smm-check {kind} ... --exercise {exercise.id}` |")
        out.append("")
    return "\n".join(out)


def render_rubric(argument: str, ctx) -> str:
    """An exercise's downloads, then how it is graded: every rule or metric with its
    weight or formula. For ``docs/exercises/<id>.md``."""
    try:
        exercise = load_exercise(argument, ctx.root)
    except UnknownExercise as error:
        raise DirectiveError(f"/// rubric | {argument}: {error}") from None
    out = ["## Downloads", ""]
    out += [f"- :material-download: [{label}]({ctx.link(f'exercises/{exercise.id}/{name}')})"
            for name, label in DOWNLOAD_LABELS.items() if exercise.file(name).is_file()]
    out += ["", "## How it is graded", ""]
    out += plan_rubric(exercise) if exercise.kind == "plan" else kpi_rubric(exercise, ctx)
    return "\n".join(out)


def plan_rubric(exercise: Exercise) -> list[str]:
    """The content-plan rules with this exercise's weights and parameters."""
    from checker.plan.rubric import rubric
    from checker.plan.rules import RULES
    from checker.plan.vocabulary import label

    params = rubric(exercise.params.get("rubric"), exercise.threshold)
    total = sum(params.weights.get(rule_id, 0) for rule_id in RULES)
    mix = ", ".join(f"{group.share:g}% {label(group.name)}" for group in params.mix)
    required = ", ".join(label(p) for p in params.required_platforms) or "any"
    out = [
        f"`smm-check plan` scores the plan out of 100 from the rules below; it passes at "
        f"**{params.threshold:g}** if no critical rule fails. This exercise asks for at least "
        f"{params.min_days} days, at least {params.min_platforms} platforms (required: {required}), "
        f"no gap over {params.max_gap_days} days on a platform, and a mix of {mix} "
        f"(within {params.mix_tolerance:g} points).",
        "",
        "| Rule | What it checks | Weight |",
        "| --- | --- | ---: |",
    ]
    for rule_id, rule in RULES.items():
        weight = params.weights.get(rule_id, 0)
        share = f"{100 * weight / total:.0f}%" if total else "-"
        critical = " **Critical:** failing it fails the plan." if rule.critical else ""
        summary = rule.explanation.split("\n\n")[0].replace("\n", " ")
        out.append(f"| `{rule_id}`<br>{rule.title} | {summary}{critical} | {share} |")
    return out


def kpi_rubric(exercise: Exercise, ctx) -> list[str]:
    """The metrics this KPI exercise asks for, with the course's formulas."""
    from checker.kpi.metrics import METRICS

    asked = exercise.params.get("metrics") or list(METRICS)
    out = [
        f"`smm-check kpi` checks each metric below; the score is the share computed correctly "
        f"(within 0.5% or 0.01, whichever is larger) and it passes at **{exercise.threshold:g}**. "
        "A wrong value comes with the likely mistake behind it.",
        "",
        "| Metric (linked to its lesson) | Formula |",
        "| --- | --- |",
    ]
    for metric_id in asked:
        metric = METRICS[metric_id]
        lesson = ctx.link(metric.lesson.removeprefix("docs/"))
        out.append(f"| `{metric_id}`<br>[{metric.title}]({lesson}) | {metric.formula} |")
    return out
