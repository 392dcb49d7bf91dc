"""The ``replies`` exercise kind: an answer sheet of replies to the comments of an
exercise (``comments.csv``). Which files a replies exercise holds, its settings, grading
one sheet, and the rubric page's account of the rules."""

from __future__ import annotations

from typing import Callable

from checker.exercises import Exercise
from checker.kinds import ExerciseKind, Panel, RuleInfo, Submission
from checker.problems import InvalidInput
from checker.replies.comments import COMMENTS, exercise_comments
from checker.replies.data_checks import replies_data_problems
from checker.replies.grade import KIND_NAME, grade_table
from checker.replies.rules import RULES
from checker.replies.settings import Rubric, reply_data, replies_rubric
from checker.report import Result
from checker.tables import read_table


def exercise_rubric(exercise: Exercise) -> Rubric:
    """The exercise's rubric; raises ``ValueError`` when its ``[rubric]`` is wrong."""
    return replies_rubric(exercise.params.get("rubric"), exercise.threshold)


def contacts(exercise: Exercise) -> tuple[str, ...]:
    """The business's own public contacts, which a reply may show (``contacts``)."""
    return tuple(exercise.params.get("contacts", ()))


def check(exercise: Exercise) -> list[str]:
    """What is wrong with a replies exercise's settings and comments (empty when nothing)."""
    problems = []
    try:
        exercise_rubric(exercise)
    except ValueError as error:
        problems.append(str(error))
    own = exercise.params.get("contacts", [])
    if not isinstance(own, list) or not all(isinstance(c, str) for c in own):
        problems.append("contacts must list the business's public contacts as strings.")
    if exercise.file(COMMENTS).is_file():
        try:
            exercise_comments(exercise.folder)
        except InvalidInput as error:
            problems += [f"{COMMENTS}: {problem}" for problem in error.problems]
    return problems


def grade_submission(exercise: Exercise, submission: Submission) -> Result:
    """Grade one answer sheet. Raises ``InvalidInput``."""
    table = read_table(submission.path, submission.encoding)
    return grade_table(table, exercise.id, exercise_comments(exercise.folder), exercise_rubric(exercise),
                       contacts(exercise))


def rubric_lines(exercise: Exercise, link: Callable[[str], str]) -> list[str]:
    """The replies rules with this exercise's weights, and the comments' platforms."""
    rubric = exercise_rubric(exercise)
    total = sum(rubric.weights.values())
    platforms = reply_data()["platforms"]
    used = dict.fromkeys(comment.platform for comment in exercise_comments(exercise.folder))
    out = [
        f"`smm-check replies` scores the answer sheet out of 100 from the rules below; it passes at "
        f"**{rubric.threshold:g}** if no critical rule fails. Each rule gives credit reply by reply, so one "
        f"weak reply costs its share, not the whole rule, and a comment left without the reply it needed earns "
        f"nothing in any rule. Each finding quotes the words that triggered it. The steps behind the rules are "
        f"taught in [the negative-feedback lesson]({link('strategy/negative-feedback.md')}).",
        "",
        "| Rule | What it checks | Weight |",
        "| --- | --- | ---: |",
    ]
    for rule_id, weight in rubric.weights.items():
        rule = RULES[rule_id]
        critical = " **Critical:** failing it fails the sheet." if rule_id in rubric.critical else ""
        summary = rule.explanation.split("\n\n")[0].replace("\n", " ")
        out.append(f"| `{rule_id}`<br>{rule.title} | {summary}{critical} | {100 * weight / total:.0f}% |")
    out += ["", "| Platform | A long reply from | The most a reply may run to |", "| --- | ---: | ---: |"]
    for name in used:
        platform = platforms[name]
        note = f" ({platform['limit_source']})" if "limit_source" in platform else ""
        out.append(f"| {platform['label']} | {platform['long']} characters | {platform['max']} characters{note} |")
    return out


def rule_info(exercise: Exercise) -> dict[str, RuleInfo]:
    """The rules the exercise runs, with their titles and weights, for class reports."""
    return {rule_id: RuleInfo(RULES[rule_id].title, weight) for rule_id, weight in exercise_rubric(exercise).weights.items()}


KIND = ExerciseKind(
    name=KIND_NAME,
    title="Answering comments",
    help="grade an answer sheet of replies to a page's comments (CSV or XLSX)",
    description="Grade an answer sheet of replies to an exercise's comments: one row per comment with "
    "comment_id and reply, and optionally action (reply, reply-and-message, hide, report, ignore) and "
    "reply_at (date and time).",
    file_help="the answer sheet: .csv (comma, semicolon or tab) or .xlsx",
    default_exercise=None,
    required_files=("brief.md", COMMENTS, "starter.csv", "starter.xlsx", "reference.csv"),
    reference="reference.csv",
    finding_fields=("rows", "comments"),
    downloads={COMMENTS: "The comments (CSV)", "starter.csv": "Starter answer sheet (CSV)",
               "starter.xlsx": "Starter answer sheet (Excel)"},
    panel=Panel(file_label="kpi_file", run_label="check_answers"),
    check=check,
    grade=grade_submission,
    rubric=rubric_lines,
    data_problems=replies_data_problems,
    graded_files=(COMMENTS,),
    rules=rule_info,
)
