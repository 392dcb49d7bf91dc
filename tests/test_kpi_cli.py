"""``smm-check kpi`` and ``smm-check kpi-data``: exit codes, the JSON shape, the golden
samples of every KPI exercise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from checker.exercises import load_exercise
from checker.kpi.grade import grade_files
from checker.problems import InvalidInput

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
KPI_IDS = ["kpi-report", "organic-report", "paid-funnel", "service-report"]
SAMPLES = sorted(p for i in KPI_IDS for p in (EXERCISES / i / "samples").glob("*.csv"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("exercise_id", KPI_IDS)
def test_reference_answers_pass(capsys, exercise_id):
    folder = EXERCISES / exercise_id
    code, out, _ = run(capsys, "kpi", str(folder / "reference-answers.csv"), "--data", str(folder / "data.csv"),
                       "--exercise", exercise_id, "--json")
    result = json.loads(out)
    assert code == 0 and result["score"] == 100 and result["passed"] is True


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_golden_samples(sample):
    exercise_id = sample.parent.parent.name
    golden = json.loads(sample.with_suffix("").with_suffix(".expected.json").read_text())
    if golden.get("error") == "invalid-input":
        with pytest.raises(InvalidInput) as refused:
            grade_files(sample, load_exercise(exercise_id), EXERCISES / exercise_id / "data.csv")
        assert [{"row": p.row, "column": p.column} for p in refused.value.problems] == golden["problems"]
        return
    result = grade_files(sample, load_exercise(exercise_id), EXERCISES / exercise_id / "data.csv").as_dict()
    assert {"exercise": result["exercise"], "passed": result["passed"], "score": result["score"],
            "findings": [{"rule": f["rule"], "status": f["status"], "code": f.get("code")}
                         for f in result["findings"]]} == golden


def test_json_shape_one_finding_per_asked_metric(capsys):
    folder = EXERCISES / "paid-funnel"
    code, out, _ = run(capsys, "kpi", str(folder / "samples" / "funnel-mixups.csv"), "--data",
                       str(folder / "data.csv"), "--exercise", "paid-funnel", "--json")
    result = json.loads(out)
    assert code == 1
    assert list(result) == ["exercise", "kind", "passed", "score", "threshold", "findings"]
    assert (result["exercise"], result["kind"], result["threshold"]) == ("paid-funnel", "kpi", 70)
    assert [f["rule"] for f in result["findings"]] == [f"kpi.{m}" for m in load_exercise("paid-funnel").params["metrics"]]
    for finding in result["findings"]:
        assert set(finding) == {"rule", "status", "message", "code"} and finding["status"] == "fail"


def test_readable_report_lists_failures_first(capsys):
    folder = EXERCISES / "kpi-report"
    code, out, _ = run(capsys, "kpi", str(folder / "samples" / "fractions.csv"), "--data", str(folder / "data.csv"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "kpi-report: PASSED with 71.4/100 (pass mark 70)"
    assert lines[2].startswith("[FAIL]") and lines[-1].startswith("[PASS]")


def test_learner_dataset_round_trip(capsys, tmp_path):
    data = tmp_path / "mine.csv"
    code, _, err = run(capsys, "kpi-data", "--exercise", "paid-funnel", "--learner", "Anna Petrova", "-o", str(data))
    assert code == 0 and "Wrote" in err
    code, printed, _ = run(capsys, "kpi-data", "--exercise", "paid-funnel", "--learner", "anna petrova")
    assert code == 0 and printed == data.read_text()
    # The sample reference answers belong to another dataset, so they fail on Anna's.
    reference = EXERCISES / "paid-funnel" / "reference-answers.csv"
    code, out, _ = run(capsys, "kpi", str(reference), "--learner", "Anna Petrova", "--exercise", "paid-funnel", "--json")
    assert code == 1 and json.loads(out)["score"] < 70
    # Answers computed from Anna's own file pass when graded by her name.
    answers = answers_computed_from(data, "paid-funnel", tmp_path)
    code, out, _ = run(capsys, "kpi", str(answers), "--learner", "Anna Petrova", "--exercise", "paid-funnel")
    assert code == 0, out


def answers_computed_from(data: Path, exercise_id: str, folder: Path) -> Path:
    """An answer sheet with every metric the exercise asks computed by checker.kpi from a
    dataset file, to two decimals."""
    from checker.kpi import METRICS
    from checker.kpi.grade import asked_metrics, load_dataset

    exercise = load_exercise(exercise_id)
    own = load_dataset(exercise, data)
    answers = folder / "answers.csv"
    answers.write_text("metric,value\n" + "".join(f"{m},{METRICS[m].value(own):.2f}\n"
                                                  for m in asked_metrics(exercise)))
    return answers


def test_invalid_dataset_and_answers_exit_2_naming_both_files(capsys, tmp_path):
    data = tmp_path / "data.csv"
    text = (EXERCISES / "paid-funnel" / "data.csv").read_text()
    data.write_text(text.replace(",VK,", ",VK,x", 1).replace("4079.95", "-5"))
    answers = tmp_path / "answers.csv"
    answers.write_text("metric,value\nctr,1\nclick rate,2\n")
    code, out, _ = run(capsys, "kpi", str(answers), "--data", str(data), "--exercise", "paid-funnel", "--json")
    assert code == 2
    problems = json.loads(out)["problems"]
    assert [(p["row"], p["column"]) for p in problems] == [(2, "followers"), (2, "spend"), (3, "metric")]
    assert problems[0]["message"].startswith("in data.csv: ") and problems[2]["message"].startswith("in answers.csv: ")


def test_undefined_metric_exits_2_and_says_which(capsys, tmp_path):
    lines = (EXERCISES / "organic-report" / "data.csv").read_text().splitlines()
    cells = lines[3].split(",")
    cells[5:10] = ["0"] * 5  # reach, and so no likes, comments, shares or saves
    lines[3] = ",".join(cells)
    data = tmp_path / "data.csv"
    data.write_text("\n".join(lines) + "\n")
    code, out, _ = run(capsys, "kpi", str(EXERCISES / "organic-report" / "reference-answers.csv"), "--data",
                       str(data), "--exercise", "organic-report")
    assert code == 2
    assert "row 4, column 'reach': reach is 0 in this post" in out and "er_reach" in out


def test_invalid_messages_exit_2_naming_every_row_and_column(capsys, tmp_path):
    lines = (EXERCISES / "service-report" / "data.csv").read_text().splitlines()
    header = lines[0].split(",")

    def changed(number: int, column: str, value: str) -> None:
        cells = lines[number - 1].split(",")
        cells[header.index(column)] = value
        lines[number - 1] = ",".join(cells)

    changed(2, "type", "comment")
    changed(3, "received_at", "yesterday")
    changed(5, "first_reply_at", "2026-01-01 00:00")  # before every message of the month
    changed(6, "resolved", "maybe")
    data = tmp_path / "data.csv"
    data.write_text("\n".join(lines) + "\n")
    code, out, _ = run(capsys, "kpi", str(EXERCISES / "service-report" / "reference-answers.csv"), "--data",
                       str(data), "--exercise", "service-report", "--json")
    assert code == 2
    problems = json.loads(out)["problems"]
    assert [(p["row"], p["column"]) for p in problems] == [(2, "type"), (3, "received_at"), (5, "first_reply_at"),
                                                           (6, "resolved")]
    assert "not a message type; write one of question, complaint, praise, spam" in problems[0]["message"]
    assert "comes before the message" in problems[2]["message"]


def test_messages_without_a_complaint_leave_the_resolution_rate_undefined(capsys, tmp_path):
    text = (EXERCISES / "service-report" / "data.csv").read_text()
    data = tmp_path / "data.csv"
    data.write_text(text.replace(",complaint,", ",question,").replace(",yes\n", ",\n").replace(",no\n", ",\n"))
    code, out, _ = run(capsys, "kpi", str(EXERCISES / "service-report" / "reference-answers.csv"), "--data",
                       str(data), "--exercise", "service-report")
    assert code == 2
    assert "column 'type': no message is a complaint, so resolution_rate" in out


def test_a_learners_own_messages_round_trip(capsys, tmp_path):
    data = tmp_path / "mine.csv"
    code, _, _ = run(capsys, "kpi-data", "--exercise", "service-report", "--learner", "Anna Petrova", "-o", str(data))
    assert code == 0 and data.read_text().startswith("message_id,platform,type,received_at,first_reply_at,resolved\n")
    answers = answers_computed_from(data, "service-report", tmp_path)
    code, out, _ = run(capsys, "kpi", str(answers), "--learner", "Anna Petrova", "--exercise", "service-report")
    assert code == 0, out
    code, out, _ = run(capsys, "kpi", str(answers), "--learner", "Ivan Sidorov", "--exercise", "service-report")
    assert code == 1, out


@pytest.mark.parametrize("argv, message", [
    (["kpi", "a.csv", "--learner", "  "], "--learner needs your name"),
    (["kpi", "a.csv", "--data", "d.csv", "--exercise", "no-such"], "there is no exercise 'no-such'"),
    (["kpi-data", "--exercise", "kpi-report", "--learner", ""], "--learner needs your name"),
])
def test_usage_errors_exit_2(capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err


def test_data_and_learner_are_exclusive_and_one_is_required(capsys):
    for argv in (["kpi", "a.csv"], ["kpi", "a.csv", "--data", "d.csv", "--learner", "A"]):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2
    capsys.readouterr()


def test_missing_answer_file_exits_2(capsys, tmp_path):
    code, out, _ = run(capsys, "kpi", str(tmp_path / "nope.csv"), "--data",
                       str(EXERCISES / "kpi-report" / "data.csv"))
    assert code == 2 and "there is no file" in out


def test_xlsx_answer_sheet(capsys, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["metric", "value"])
    for line in (EXERCISES / "paid-funnel" / "reference-answers.csv").read_text().splitlines()[1:]:
        metric, value = line.split(",")
        sheet.append([metric, float(value)])
    book.save(tmp_path / "answers.xlsx")
    code, _, _ = run(capsys, "kpi", str(tmp_path / "answers.xlsx"), "--data",
                     str(EXERCISES / "paid-funnel" / "data.csv"), "--exercise", "paid-funnel")
    assert code == 0


def test_validate_passes_for_the_kpi_exercises(capsys):
    code, out, _ = run(capsys, "validate", *KPI_IDS)
    assert code == 0, out
    assert out.count(": ok") == len(KPI_IDS) + 1  # and the course data


@pytest.mark.parametrize("change, complaint", [
    ({"metrics": ["ctr", "click_rate"]}, "'click_rate' in metrics is not a metric id"),
    ({"metrics": []}, "needs 'metrics'"),
    ({"colour": "red"}, "unknown keys: colour"),
])
def test_exercise_settings_are_checked(change, complaint):
    from dataclasses import replace

    from checker.kpi.exercise import check

    exercise = load_exercise("paid-funnel")
    broken = replace(exercise, params={**exercise.params, **change})
    assert any(complaint in problem for problem in check(broken))


@pytest.mark.parametrize("change, complaint", [
    ({"answered_share": [0.5, 1.2]}, "'answered_share' is a share"),
    ({"reply_median_minutes": 30}, "'reply_median_minutes' must be a range"),
    ({"types": {"question": 1, "rant": 1}}, "'types' must give each message type"),
    ({"types": {"question": 1, "spam": 1}}, "above 0 for question and complaint"),
    ({"start": "2026-11-02"}, "'start' must be a date and time: '2026-11-02' has no time of day"),
    ({"messages": 1}, "'messages' must be a whole number"),
    ({"posts": 10}, "'posts' is not used by a community-service dataset"),
    ({"working_hours": [21, 9]}, "'working_hours' must be two whole hours, opening before closing"),
    ({"working_hours": [9, 25]}, "'working_hours' must be two whole hours"),
])
def test_message_ranges_are_checked(change, complaint):
    from checker.kpi.generate import spec_problems

    spec = {**load_exercise("service-report").params["dataset"], **change}
    assert any(complaint in problem for problem in spec_problems(spec, "messages"))
    assert spec_problems(load_exercise("service-report").params["dataset"], "messages") == []


def test_an_exercise_cannot_mix_campaign_and_service_metrics():
    from dataclasses import replace

    from checker.kpi.exercise import check

    exercise = load_exercise("service-report")
    mixed = replace(exercise, params={**exercise.params, "metrics": ["response_rate", "ctr"]})
    assert check(mixed) == ["metrics: the metrics read different tables (messages, posts): "
                            "one exercise computes them from one dataset."]


@pytest.mark.parametrize("change, complaint", [
    ({"ctr": [0.02, 0.01]}, "'ctr' must be a range"),
    ({"reach_share": [0.5, 1.5]}, "'reach_share' is a share"),
    ({"impressions_per_follower": [1, 2]}, "not used by a paid campaign"),
    ({"start": "1 Nov"}, "'start' must be a date: cannot read '1 Nov' as a date"),
    ({"posts": 1}, "'posts' must be a whole number"),
])
def test_dataset_ranges_are_checked(change, complaint):
    from checker.kpi.generate import spec_problems

    spec = {**load_exercise("paid-funnel").params["dataset"], **change}
    assert any(complaint in problem for problem in spec_problems(spec))
    assert spec_problems(load_exercise("paid-funnel").params["dataset"]) == []
