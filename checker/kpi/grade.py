"""Grade a KPI answer sheet against a dataset: one finding per asked metric, the score
is the share of metrics answered correctly (0-100)."""

from __future__ import annotations

from pathlib import Path

from checker.cells import NotANumber, Number, is_blank, read_number
from checker.exercises import Exercise
from checker.kpi.answers import Answer, read_answers
from checker.kpi.dataset import Dataset, dataset_from_text, read_dataset
from checker.kpi.diagnose import MISSING, NOT_A_NUMBER, explain
from checker.kpi.generate import learner_dataset_csv
from checker.kpi.messages import messages_from_text, read_messages
from checker.kpi.metrics import METRICS, Metric, asked_metrics, close_enough, dataset_table
from checker.problems import InputProblem, InvalidInput
from checker.report import Finding, Result


def answered_value(metric: Metric, typed: Number) -> float:
    """The number an answer means in the metric's unit: a percent sign on a ratio
    divides by 100 (ROAS ``320%`` is 3.2); on a percentage it is just the unit."""
    return typed.value / 100 if typed.percent and metric.unit == "ratio" else typed.value


def judge(metric: Metric, data: Dataset, answer: Answer | None) -> Finding:
    """The finding for one metric."""
    rule = f"kpi.{metric.id}"
    if answer is None or is_blank(answer.cell):
        return Finding(rule, "fail", f"{metric.title} is not answered. Compute {metric.formula}, and "
                       f"write it on the row '{metric.id}'.", code=MISSING)
    try:
        value = answered_value(metric, read_number(answer.cell))
    except NotANumber:
        return Finding(rule, "fail", f"{metric.title}: '{answer.cell}' (row {answer.row}) is not a number. "
                       "Write the value alone, such as 2.35, 2,35 or 2.35%.", code=NOT_A_NUMBER)
    if close_enough(value, metric.value(data)):
        return Finding(rule, "pass", f"{metric.title}: {answer.cell} is right.")
    code, why = explain(metric, data, value)
    return Finding(rule, "fail", f"{metric.title}: {answer.cell} is not right; {why}", code=code)


def grade(exercise: Exercise, data: Dataset, answers: dict[str, Answer]) -> Result:
    """Grade parsed answers against a valid dataset. Answers to metrics the exercise
    does not ask are ignored, so one sheet can serve several exercises."""
    findings = [judge(METRICS[m], data, answers.get(m)) for m in asked_metrics(exercise)]
    right = sum(f.status == "pass" for f in findings)
    score = round(100 * right / len(findings), 1)
    return Result(exercise.id, "kpi", score, exercise.threshold, score >= exercise.threshold, findings)


def load_dataset(exercise: Exercise, data_path: str | Path | None = None, learner: str | None = None,
                 encoding: str | None = None) -> Dataset:
    """The dataset to grade against: a file, or the learner's own generated one, read as
    campaign posts or as community messages, whichever the asked metrics need."""
    ids = asked_metrics(exercise)
    if data_path is None:
        return dataset_from_csv(learner_dataset_csv(exercise, learner or ""), ids)
    reader = read_messages if dataset_table(ids) == "messages" else read_dataset
    return reader(data_path, ids, encoding)


def dataset_from_csv(text: str, metric_ids: list[str]) -> Dataset:
    """A dataset held as CSV text, read as campaign posts or as community messages,
    whichever the metrics need."""
    reader = messages_from_text if dataset_table(metric_ids) == "messages" else dataset_from_text
    return reader(text, metric_ids)


def grade_files(answers_path: str | Path, exercise: Exercise, data_path: str | Path | None = None,
                learner: str | None = None, encoding: str | None = None) -> Result:
    """Read a dataset and an answer sheet and grade them. Raises ``InvalidInput`` with the
    problems of both files together, each named by its file when both have some."""
    found: dict[str, list[InputProblem]] = {}
    data = answers = None
    try:
        data = load_dataset(exercise, data_path, learner, encoding)
    except InvalidInput as error:
        found[Path(data_path).name if data_path else f"the dataset of {learner}"] = error.problems
    try:
        answers = read_answers(answers_path, encoding)
    except InvalidInput as error:
        found[Path(answers_path).name] = error.problems
    if len(found) == 1:
        raise InvalidInput(next(iter(found.values())))
    if found:
        raise InvalidInput([InputProblem(p.row, p.column, f"in {name}: {p.message}")
                            for name, problems in found.items() for p in problems])
    return grade(exercise, data, answers)
