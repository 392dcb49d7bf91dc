"""The ``kpi`` exercise kind: a sheet of KPI answers graded against a dataset (a
campaign's posts, or a community's messages for the service metrics), each learner's own
or a file. The files a KPI exercise holds, its settings, grading one
answer sheet, and the rubric page's account of the metrics."""

from __future__ import annotations

from typing import Callable

from checker.exercises import Exercise
from checker.kinds import ExerciseKind, Panel, RuleInfo, Submission
from checker.kpi.data_checks import kpi_data_problems
from checker.kpi.generate import learner_dataset_csv, spec_problems
from checker.kpi.grade import grade_files
from checker.kpi.metrics import METRICS, asked_metrics, dataset_table
from checker.report import Result

DATA = "data.csv"


def check(exercise: Exercise) -> list[str]:
    """What is wrong with a KPI exercise's settings (empty when nothing)."""
    problems = []
    unknown = set(exercise.params) - {"metrics", "dataset"}
    if unknown:
        problems.append(f"it has unknown keys: {', '.join(sorted(unknown))}; a KPI exercise takes metrics and [dataset].")
    metrics = exercise.params.get("metrics")
    if not (isinstance(metrics, list) and metrics):
        problems.append("it needs 'metrics', the list of metric ids the exercise asks.")
    else:
        problems += [f"'{m}' in metrics is not a metric id; known: {', '.join(METRICS)}."
                     for m in metrics if m not in METRICS]
        if len(set(metrics)) != len(metrics):
            problems.append("metrics lists a metric twice.")
    if problems:
        return problems
    try:
        table = dataset_table(metrics)
    except ValueError as error:
        return [f"metrics: {error}"]
    return spec_problems(exercise.params.get("dataset"), table)


def grade_submission(exercise: Exercise, submission: Submission) -> Result:
    """Grade an answer sheet against the learner's own dataset, the data file given, or
    (neither) the exercise's ``data.csv``. Raises ``InvalidInput``."""
    data = submission.data
    if data is None and submission.learner is None:
        data = exercise.file(DATA)
    return grade_files(submission.path, exercise, data, submission.learner, submission.encoding)


def rubric_lines(exercise: Exercise, link: Callable[[str], str]) -> list[str]:
    """The metrics this KPI exercise asks for, with the course's formulas."""
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
        out.append(f"| `{metric_id}`<br>[{metric.title}]({link(metric.lesson)}) | {metric.formula} |")
    return out


def rule_info(exercise: Exercise) -> dict[str, RuleInfo]:
    """The metrics the exercise asks, each a rule of equal weight (the score is the share
    answered right)."""
    return {f"kpi.{metric_id}": RuleInfo(METRICS[metric_id].title, 1.0) for metric_id in asked_metrics(exercise)
            if metric_id in METRICS}


KIND = ExerciseKind(
    name="kpi",
    title="KPI reports",
    help="grade a KPI answer sheet (metric,value) against a campaign or community dataset",
    description="Grade a KPI answer sheet against a dataset: your own (--learner NAME, as "
    "written by kpi-data) or a file (--data).",
    file_help="answer sheet, CSV or XLSX, columns metric,value",
    default_exercise="kpi-report",
    required_files=("brief.md", DATA, "answers-blank.csv", "reference-answers.csv"),
    reference="reference-answers.csv",
    finding_fields=("code",),
    downloads={DATA: "The sample data (CSV)", "answers-blank.csv": "Blank answer sheet (CSV)"},
    panel=Panel(file_label="kpi_file", run_label="check_answers", download_label="download_dataset",
                download_hint="dataset_ready"),
    check=check,
    grade=grade_submission,
    rubric=rubric_lines,
    rules=rule_info,
    data_problems=kpi_data_problems,
    learner_data=learner_dataset_csv,
    graded_files=(DATA,),  # a sheet given neither a learner nor a dataset is graded against it
    learner_required=True,  # an answer sheet means nothing without the dataset it was computed from
)
