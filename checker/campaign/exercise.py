"""The ``campaign`` exercise kind: a media plan graded against the exercise's figures,
or a learner's own variant of them. Which files a campaign exercise holds, its settings,
grading one plan, and the rubric page's account of the rules."""

from __future__ import annotations

from typing import Callable

from checker.campaign.data_checks import campaign_data_problems
from checker.campaign.figures import (Figures, exercise_figures, learner_figures, learner_figures_csv, read_figures,
                                      settings_problems)
from checker.campaign.grade import grade_table
from checker.campaign.parse import plan_data
from checker.campaign.rubric import Rubric, campaign_rubric
from checker.campaign.rules import RULES
from checker.exercises import Exercise
from checker.kinds import ExerciseKind, Panel, RuleInfo, Submission
from checker.report import Result
from checker.tables import read_table

# The brief's figures, named as the KPI kind names its own data (the site offers it for
# download and the browser bundle carries it).
FIGURES = "data.csv"


def exercise_rubric(exercise: Exercise) -> Rubric:
    """The exercise's rubric; raises ``ValueError`` when its ``[rubric]`` is wrong."""
    return campaign_rubric(exercise.params.get("rubric"), exercise.threshold)


def check(exercise: Exercise) -> list[str]:
    """What is wrong with a campaign exercise's settings (empty when nothing)."""
    problems = settings_problems(exercise, plan_data()["market"])
    try:
        exercise_rubric(exercise)
    except ValueError as error:
        problems.append(str(error))
    return problems


def figures_for(exercise: Exercise, submission: Submission) -> Figures:
    """What the plan is graded against: the learner's own figures, the figures file
    given, or (neither) the exercise's own. Raises ``InvalidInput`` for a bad file."""
    if submission.learner is not None:
        return learner_figures(exercise, submission.learner)
    if submission.data is not None:
        return read_figures(submission.data, exercise, submission.encoding)
    return exercise_figures(exercise)


def grade_submission(exercise: Exercise, submission: Submission) -> Result:
    """Grade one media plan. Raises ``InvalidInput``."""
    figures = figures_for(exercise, submission)
    table = read_table(submission.path, submission.encoding)
    return grade_table(table, exercise.id, figures, exercise_rubric(exercise))


def rubric_lines(exercise: Exercise, link: Callable[[str], str]) -> list[str]:
    """The media-plan rules with this exercise's weights, and the figures of its brief."""
    rubric = exercise_rubric(exercise)
    figures = exercise_figures(exercise)
    total = sum(rubric.weights.values())
    out = [
        f"`smm-check campaign` scores the media plan out of 100 from the rules below; it passes at "
        f"**{rubric.threshold:g}** if no critical rule fails. The brief's figures: a budget of "
        f"{figures.total_budget:,.0f} {figures.currency} from {figures.start} to {figures.end}, a goal of "
        f"{figures.goal:,.0f} {figures.goal_unit}; your own variant changes the budget, goal and benchmarks.",
        "",
        "| Rule | What it checks | Weight |",
        "| --- | --- | ---: |",
    ]
    for rule_id, weight in rubric.weights.items():
        rule = RULES[rule_id]
        critical = " **Critical:** failing it fails the plan." if rule.critical else ""
        summary = rule.explanation.split("\n\n")[0].replace("\n", " ")
        out.append(f"| `{rule_id}`<br>{rule.title} | {summary}{critical} | {100 * weight / total:.0f}% |")
    out += ["", "| Platform | CPM | CPC | CTR, % | Conversion rate, % | Source |", "| --- | --- | --- | --- | --- | --- |"]
    for platform, table in figures.benchmarks.items():
        ranges = " | ".join(f"{table[name][0]:g}-{table[name][1]:g}" for name in ("cpm", "cpc", "ctr", "conversion_rate"))
        out.append(f"| {platform} | {ranges} | {figures.sources[platform]} |")
    return out


def rule_info(exercise: Exercise) -> dict[str, RuleInfo]:
    """The media-plan rules with their titles and this exercise's weights, in rubric order."""
    return {rule_id: RuleInfo(RULES[rule_id].title, weight) for rule_id, weight in exercise_rubric(exercise).weights.items()}


KIND = ExerciseKind(
    name="campaign",
    title="Media plans",
    help="grade a paid campaign's media plan (CSV or XLSX)",
    description="Grade a paid campaign's media plan: one row per line item with platform, objective, "
    "audience, dates, budget, buying model, rate, assumptions, forecast and tracked link, against the brief's "
    "figures, your own (--learner NAME, as written by campaign-data) or a figures file (--data).",
    file_help="the media plan: .csv (comma, semicolon or tab) or .xlsx",
    default_exercise=None,
    required_files=("brief.md", FIGURES, "starter.csv", "starter.xlsx", "reference.csv"),
    reference="reference.csv",
    finding_fields=("rows", "code"),
    downloads={FIGURES: "The brief's figures (CSV)", "starter.csv": "Starter media plan (CSV)",
               "starter.xlsx": "Starter media plan (Excel)"},
    panel=Panel(file_label="campaign_file", run_label="check_campaign", download_label="download_figures",
                download_hint="figures_ready"),
    check=check,
    grade=grade_submission,
    rubric=rubric_lines,
    rules=rule_info,
    data_problems=campaign_data_problems,
    learner_data=learner_figures_csv,
    learner_required=False,  # a media plan can be made for the brief's own figures
)
