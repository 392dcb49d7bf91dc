"""The JSON and text shapes every grader prints."""

from checker.report import Finding, Result


def test_every_kpi_finding_carries_a_code_even_when_it_passes():
    result = Result("kpi-report", "kpi", 50, 70, False, [
        Finding("kpi.ctr", "pass", "right"),
        Finding("kpi.cpm", "fail", "wrong", code="missing-x1000"),
    ])
    findings = result.as_dict()["findings"]
    assert [f["code"] for f in findings] == [None, "missing-x1000"]
    assert all("rows" not in f for f in findings)


def test_every_plan_finding_carries_rows():
    result = Result("content-plan", "plan", 100, 70, True, [Finding("plan.horizon", "pass", "ok")])
    assert result.as_dict()["findings"] == [
        {"rule": "plan.horizon", "status": "pass", "message": "ok", "rows": []}]


def test_text_report_lists_failures_first_with_their_rows():
    result = Result("content-plan", "plan", 62.5, 70, False, [
        Finding("plan.horizon", "pass", "ok", []),
        Finding("plan.mix", "fail", "too promotional", [4, 9]),
        Finding("plan.bait", "warn", "bait", [7]),
    ])
    lines = result.as_text().splitlines()
    assert lines[0] == "content-plan: NOT PASSED with 62.5/100 (pass mark 70)"
    assert lines[2] == "[FAIL] plan.mix (rows 4, 9): too promotional"
    assert lines[3] == "[WARN] plan.bait (row 7): bait"
    assert lines[4].startswith("[PASS] plan.horizon")
