"""The ``plan`` exercise kind: a month's content plan graded against the exercise's
rubric. Which files a plan exercise holds, its settings, grading one file, and the
rubric page's account of the rules."""

from __future__ import annotations

from typing import Callable

from checker.exercises import Exercise
from checker.kinds import ExerciseKind, Panel, RuleInfo, Submission
from checker.plan.data_checks import plan_data_problems
from checker.plan.grade import grade_table
from checker.plan.rubric import Rubric, RubricError, rubric
from checker.plan.rules import RULES
from checker.plan.vocabulary import label
from checker.report import Result
from checker.tables import read_table


def exercise_rubric(exercise: Exercise) -> Rubric:
    """The exercise's rubric; raises ``RubricError`` when its parameters are wrong."""
    unknown = set(exercise.params) - {"rubric"}
    if unknown:
        raise RubricError(f"it has unknown keys: {', '.join(sorted(unknown))}; a plan exercise takes [rubric].")
    return rubric(exercise.params.get("rubric"), exercise.threshold)


def check(exercise: Exercise) -> list[str]:
    """What is wrong with a plan exercise's settings (empty when nothing)."""
    try:
        exercise_rubric(exercise)
    except RubricError as error:
        return [str(error)]
    return []


def grade_submission(exercise: Exercise, submission: Submission) -> Result:
    """Grade one plan file against the exercise (a plan is all the learner's own work: no
    learner or data file plays a part). Raises ``InvalidInput``."""
    table = read_table(submission.path, submission.encoding)
    return grade_table(table, exercise.id, exercise_rubric(exercise))


def rubric_lines(exercise: Exercise, link: Callable[[str], str]) -> list[str]:
    """The content-plan rules with this exercise's weights and parameters."""
    params = exercise_rubric(exercise)
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
        if rule_id not in params.weights:  # an optional rule this exercise does not run
            continue
        weight = params.weights[rule_id]
        share = f"{100 * weight / total:.0f}%" if total else "-"
        critical = " **Critical:** failing it fails the plan." if rule.critical else ""
        summary = rule.explanation.split("\n\n")[0].replace("\n", " ")
        out.append(f"| `{rule_id}`<br>{rule.title} | {summary}{critical} | {share} |")
    return out


def rule_info(exercise: Exercise) -> dict[str, RuleInfo]:
    """The rules the exercise weighs, with their titles and weights."""
    weights = exercise_rubric(exercise).weights
    return {rule_id: RuleInfo(rule.title, weights[rule_id]) for rule_id, rule in RULES.items()
            if weights.get(rule_id)}


KIND = ExerciseKind(
    name="plan",
    title="Content plans",
    help="grade a content plan (CSV or XLSX)",
    description="Grade a month's content plan: one row per post with date, platform, format, "
    "category, goal, kpi and copy.",
    file_help="the plan: .csv (comma, semicolon or tab) or .xlsx",
    default_exercise="content-plan",
    required_files=("brief.md", "starter.csv", "starter.xlsx", "reference.csv"),
    reference="reference.csv",
    finding_fields=("rows",),
    downloads={"starter.csv": "Starter plan (CSV)",
               "starter.xlsx": "Starter plan (Excel, with drop-down lists)"},
    panel=Panel(file_label="plan_file", run_label="check_plan"),
    check=check,
    grade=grade_submission,
    rubric=rubric_lines,
    rules=rule_info,
    data_problems=plan_data_problems,
)
