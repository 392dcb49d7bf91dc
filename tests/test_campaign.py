"""The ``campaign`` exercise kind, as its issue specifies it: every rule passing and
failing with its rows and code, every input problem with its row and column, XLSX plans,
each learner's own figures, ``smm-check validate``, the browser's answer equal to the
CLI's, and ``grade-class`` over a class of media plans."""

from __future__ import annotations

import csv
import io
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from checker import browser, data_checks
from checker.campaign.figures import (exercise_figures, figures_csv, learner_figures, learner_figures_csv,
                                     settings_problems)
from checker.cli import main
from checker.exercises import load_exercise
from checker.kinds import Submission, exercise_kind

ROOT = Path(__file__).resolve().parent.parent
GIFT, WEBINAR = "gift-set-campaign", "webinar-campaign"
LEARNER = "Anna  Petrova"
KIND = exercise_kind("campaign")


def reference(exercise_id: str) -> list[dict]:
    """The exercise's reference plan as rows of column -> text."""
    with (ROOT / "exercises" / exercise_id / "reference.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def plan_text(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def forecast(row: dict) -> dict:
    """The row with its forecast worked out by hand from budget, rate and assumptions."""
    budget, rate, ctr = float(row["budget"]), float(row["rate"]), float(row["ctr"]) / 100
    clicks = budget / rate * 1000 * ctr if row["buying_model"] == "cpm" else budget / rate
    impressions = budget / rate * 1000 if row["buying_model"] == "cpm" else clicks / ctr
    row.update(impressions=f"{impressions:.0f}", clicks=f"{clicks:.0f}")
    if row["conversion_rate"]:
        conversions = clicks * float(row["conversion_rate"]) / 100
        row.update(conversions=f"{conversions:.2f}", cpa=f"{budget / conversions:.2f}")
    return row


def grade(tmp_path, exercise_id: str, rows: list[dict], learner: str | None = None):
    path = tmp_path / "plan.csv"
    path.write_text(plan_text(rows), encoding="utf-8")
    return KIND.grade(load_exercise(exercise_id), Submission(path, learner))


def finding(result, rule: str) -> dict:
    return next(f for f in result.as_dict()["findings"] if f["rule"] == rule)


def changed(exercise_id: str, changes: dict[int, dict], recompute: bool = False) -> list[dict]:
    """The reference with the given cells changed on (spreadsheet) rows."""
    rows = reference(exercise_id)
    for row_number, cells in changes.items():
        rows[row_number - 2].update(cells)
        if recompute:
            forecast(rows[row_number - 2])
    return rows


def cli_json(capsys, *argv: str) -> tuple[int, dict]:
    code = main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


# The reference plans.

@pytest.mark.parametrize("exercise_id", [GIFT, WEBINAR])
def test_the_reference_plan_passes_every_rule(tmp_path, exercise_id):
    result = grade(tmp_path, exercise_id, reference(exercise_id))
    assert result.passed and result.score == 100
    assert [f.rule for f in result.findings] == ["campaign.budget", "campaign.arithmetic", "campaign.assumptions",
                                                 "campaign.objective-fit", "campaign.goal", "campaign.targeting",
                                                 "campaign.utm", "campaign.compliance"]
    assert {f.status for f in result.findings} == {"pass"}


def test_validate_checks_both_exercises_and_their_golden_samples(capsys):
    code = main(["validate", GIFT, WEBINAR])
    out = capsys.readouterr().out
    assert code == 0
    assert f"{GIFT}: ok" in out and "13 of 13 samples give their expected findings" in out
    assert f"{WEBINAR}: ok" in out and "10 of 10 samples give their expected findings" in out


def test_validate_names_a_golden_sample_that_gets_other_findings(capsys, tmp_path, monkeypatch):
    folder = tmp_path / "exercises" / GIFT
    (folder / "samples").mkdir(parents=True)
    for name in ("exercise.toml", "brief.md", "data.csv", "starter.csv", "starter.xlsx", "reference.csv"):
        (folder / name).write_bytes((ROOT / "exercises" / GIFT / name).read_bytes())
    (folder / "samples" / "goal.csv").write_text(plan_text(reference(GIFT)), encoding="utf-8")
    (folder / "samples" / "goal.expected.json").write_bytes(
        (ROOT / "exercises" / GIFT / "samples" / "goal.expected.json").read_bytes())
    monkeypatch.setenv("SMM_COURSE_DIR", str(tmp_path))
    assert main(["validate", GIFT]) == 1
    out = capsys.readouterr().out
    assert "samples/goal.csv: campaign.goal: expected status 'fail', got 'pass'" in out


# campaign.budget

def test_budget_fails_a_plan_that_spends_more_than_the_total(tmp_path):
    result = grade(tmp_path, WEBINAR, changed(WEBINAR, {4: {"budget": "2400"}}, recompute=True))
    got = finding(result, "campaign.budget")
    assert (got["status"], got["rows"], got["code"]) == ("fail", [], "total-mismatch")
    assert "12,600 EUR, 5.0% over the budget of 12,000 EUR" in got["message"]


def test_budget_allows_one_percent_either_way(tmp_path):
    result = grade(tmp_path, WEBINAR, changed(WEBINAR, {4: {"budget": "1900"}}, recompute=True))
    assert finding(result, "campaign.budget")["status"] == "pass"


def test_budget_fails_lines_outside_the_campaign_period(tmp_path):
    rows = changed(GIFT, {2: {"start": "2026-11-25"}, 4: {"end": "2027-01-10"}})
    got = finding(grade(tmp_path, GIFT, rows), "campaign.budget")
    assert (got["status"], got["rows"], got["code"]) == ("fail", [2, 4], "outside-period")
    assert "2026-12-01 to 2026-12-28" in got["message"]


def test_budget_fails_a_line_too_small_to_leave_the_learning_phase(tmp_path):
    rows = changed(GIFT, {2: {"budget": "15000"}}, recompute=True)
    small = forecast(dict(rows[1], line_id="vk-small", budget="15000",
                          link=rows[1]["link"].replace("vk_sales_lookalike", "vk_small")))
    got = finding(grade(tmp_path, GIFT, rows + [small]), "campaign.budget")
    assert (got["status"], got["rows"], got["code"]) == ("fail", [5], "learning-phase")
    assert "0.6 conversions a day, short of the 3 a day vk needs" in got["message"]
    assert "VK Ads Insights" in got["message"]


def test_a_platform_without_a_published_learning_figure_is_not_held_to_one(tmp_path):
    # LinkedIn: 60 sign-ups in three weeks would starve a Facebook line, not a LinkedIn one.
    rows = changed(WEBINAR, {2: {"conversion_rate": "6"}}, recompute=True)
    assert finding(grade(tmp_path, WEBINAR, rows), "campaign.budget")["status"] == "pass"


# campaign.arithmetic

@pytest.mark.parametrize("row, cells, code", [
    (2, {"impressions": "120"}, "missing-x1000"),                 # 30,000 / 250, no × 1,000
    (2, {"clicks": "72000"}, "percent-as-fraction"),              # 120,000 × 0.6, not × 0.006
    (3, {"conversions": "8750"}, "percent-as-fraction"),          # 2,500 × 3.5
    (3, {"cpa": "0.0012"}, "inverted"),                           # 87.5 / 75,000
    (3, {"conversions": "9722"}, "wrong-base"),                   # 277,778 impressions × 3.5%
    (4, {"cpa": "25"}, "wrong-base"),                             # 45,000 / 1,800 clicks
    (4, {"clicks": "1555"}, "unknown"),
])
def test_arithmetic_diagnoses_the_mistake_on_its_row(tmp_path, row, cells, code):
    got = finding(grade(tmp_path, GIFT, changed(GIFT, {row: cells})), "campaign.arithmetic")
    assert (got["status"], got["rows"], got["code"]) == ("fail", [row], code)
    assert got["message"].startswith(f"Row {row}, {next(iter(cells))} should be")


def test_arithmetic_follows_through_a_slip_so_it_costs_one_finding(tmp_path):
    # Impressions missing × 1,000, and clicks rightly 0.6% of those wrong impressions.
    rows = changed(GIFT, {2: {"impressions": "120", "clicks": "0.72"}})
    got = finding(grade(tmp_path, GIFT, rows), "campaign.arithmetic")
    assert (got["rows"], got["code"]) == ([2], "missing-x1000")
    assert got["message"].count("should be") == 1


def test_arithmetic_allows_rounding_and_names_the_first_rows_code(tmp_path):
    rounded = changed(GIFT, {3: {"impressions": "277800", "conversions": "88", "cpa": "852.27"}})
    assert finding(grade(tmp_path, GIFT, rounded), "campaign.arithmetic")["status"] == "pass"
    two = changed(WEBINAR, {2: {"cpa": "0.025"}, 3: {"conversions": "14583"}})
    got = finding(grade(tmp_path, WEBINAR, two), "campaign.arithmetic")
    assert (got["rows"], got["code"]) == ([2, 3], "inverted")


# campaign.assumptions

def test_assumptions_outside_the_benchmarks_warn_with_range_and_source(tmp_path):
    rows = changed(GIFT, {4: {"ctr": "2.5"}}, recompute=True)
    got = finding(grade(tmp_path, GIFT, rows), "campaign.assumptions")
    assert (got["status"], got["rows"], got["code"]) == ("warn", [4], "outside-benchmark")
    assert "ctr 2.5% is outside 0.3-1.2%" in got["message"]
    assert "the course's working assumptions for VK Ads on OK, not market statistics, checked 2026-12-06" in got["message"]


def test_a_rate_outside_its_range_warns_in_the_currency(tmp_path):
    rows = changed(WEBINAR, {2: {"rate": "3"}}, recompute=True)
    got = finding(grade(tmp_path, WEBINAR, rows), "campaign.assumptions")
    assert (got["status"], got["rows"]) == ("warn", [2])
    assert "cpc 3 EUR is outside 4-10 EUR" in got["message"]


# campaign.objective-fit

def test_awareness_bought_on_clicks_and_traffic_on_impressions_fail(tmp_path):
    rows = changed(GIFT, {2: {"buying_model": "cpc", "rate": "30"}, 4: {"buying_model": "cpm", "rate": "200"}},
                   recompute=True)
    got = finding(grade(tmp_path, GIFT, rows), "campaign.objective-fit")
    assert (got["status"], got["rows"], got["code"]) == ("fail", [2, 4], "buying-model")
    assert "Row 2 buys awareness on CPC; buy it on CPM, so you pay for impressions" in got["message"]
    assert "row 4 buys traffic on CPM; buy it on CPC, so you pay for clicks" in got["message"]


def test_a_leads_line_without_cpa_is_not_measured_as_it_should_be(tmp_path):
    got = finding(grade(tmp_path, WEBINAR, changed(WEBINAR, {3: {"cpa": ""}})), "campaign.objective-fit")
    assert (got["status"], got["rows"], got["code"]) == ("fail", [3], "no-conversions")


# campaign.goal

def test_a_forecast_short_of_the_goal_says_by_how_much_and_which_lever(tmp_path):
    rows = changed(GIFT, {4: {"conversion_rate": "0.8"}}, recompute=True)
    result = grade(tmp_path, GIFT, rows)
    got = finding(result, "campaign.goal")
    assert (got["status"], got["rows"], got["code"]) == ("fail", [], "short-of-goal")
    assert "forecasts 112.7 gift-set orders, 7.3 short of the goal of 120 (6%)" in got["message"]
    assert "budget: move money to row 3, whose cost per conversion is lowest (857 RUB)" in got["message"]
    assert "CTR: 6% higher on every line" in got["message"]
    # Partial credit: 112.7 of 120 of the goal's 15 points.
    assert result.score == pytest.approx(100 - 15 * (1 - 112.7 / 120), abs=0.1)


def test_a_lever_beyond_the_benchmarks_is_called_hard_to_defend(tmp_path):
    # 10.8 + 25 + 14.4 = 50.2 orders of 120: every line would need 2.39 times its rates,
    # beyond VK's 1.5% CTR but within its 6% conversion rate; and even all the budget on
    # the cheapest line buys 54, so moving budget is no lever.
    rows = changed(GIFT, {3: {"conversion_rate": "1"}, 4: {"conversion_rate": "0.8"}}, recompute=True)
    got = finding(grade(tmp_path, GIFT, rows), "campaign.goal")
    assert got["status"] == "fail"
    assert "forecasts 50.2 gift-set orders, 69.8 short" in got["message"]
    assert ("To close the gap: CTR: 139% higher on every line, beyond the benchmarks, so hard to defend; or "
            "conversion rate: 139% higher on every line.") in got["message"]


# campaign.targeting

@pytest.mark.parametrize("audience, code", [
    ("everyone", "everyone"), ("Все пользователи", "everyone"), ("", "everyone"),
    ("Coffee lovers aged 25-45", "no-place"),
    ("Kazan, interests: coffee, tea", "no-age"),
    ("Kazan, 25-45", "no-interest"),
])
def test_targeting_fails_an_audience_without_place_age_and_interest(tmp_path, audience, code):
    got = finding(grade(tmp_path, GIFT, changed(GIFT, {3: {"audience": audience}})), "campaign.targeting")
    assert (got["status"], got["rows"], got["code"]) == ("fail", [3], code)


def test_targeting_reads_russian_audiences(tmp_path):
    rows = changed(GIFT, {3: {"audience": "Казань, 25-45 лет, похожая аудитория на покупателей"},
                          4: {"audience": "Казань и радиус 5 км, возраст от 30, интересы: кофе"}})
    assert finding(grade(tmp_path, GIFT, rows), "campaign.targeting")["status"] == "pass"


# campaign.utm

@pytest.mark.parametrize("link, code", [
    ("zerno.example/gift-set", "not-a-url"),
    ("", "not-a-url"),
    ("https://zerno.example/gift-set?utm_source=vk&utm_medium=cpc&utm_campaign=gift_set_dec_2026", "missing-tag"),
    ("https://zerno.example/gift-set?utm_source=ok&utm_medium=cpc&utm_campaign=gift_set_dec_2026&utm_content=x",
     "source-mismatch"),
    ("https://zerno.example/gift-set?utm_source=vk&utm_medium=social&utm_campaign=gift_set_dec_2026&utm_content=x",
     "not-paid-medium"),
    ("https://zerno.example/gift-set?utm_source=vk&utm_medium=CPC&utm_campaign=gift_set_dec_2026&utm_content=x",
     "upper-case"),
])
def test_utm_fails_a_badly_tagged_link_on_its_row(tmp_path, link, code):
    got = finding(grade(tmp_path, GIFT, changed(GIFT, {3: {"link": link}})), "campaign.utm")
    assert (got["status"], got["rows"], got["code"]) == ("fail", [3], code)


def test_utm_wants_one_campaign_name_and_a_content_name_per_line(tmp_path):
    rows = reference(GIFT)
    rows[2]["link"] = rows[2]["link"].replace("gift_set_dec_2026", "ok_gifts")
    got = finding(grade(tmp_path, GIFT, rows), "campaign.utm")
    assert (got["rows"], got["code"]) == ([4], "campaign-mixed")
    assert "another utm_campaign than 'gift_set_dec_2026'" in got["message"]
    rows = reference(GIFT)
    rows[2]["link"] = rows[2]["link"].replace("ok_traffic", "vk_awareness")
    got = finding(grade(tmp_path, GIFT, rows), "campaign.utm")
    assert (got["rows"], got["code"]) == ([4], "content-repeated")
    assert "row 4 repeats the utm_content of row 2" in got["message"].lower()


# campaign.compliance

def test_a_line_on_a_platform_the_market_forbids_fails_the_plan(tmp_path):
    rows = changed(GIFT, {4: {"platform": "Telegram"}})
    rows[2]["link"] = rows[2]["link"].replace("utm_source=ok", "utm_source=telegram")
    result = grade(tmp_path, GIFT, rows)
    got = finding(result, "campaign.compliance")
    assert (got["status"], got["rows"], got["code"]) == ("fail", [4], "forbidden-platform")
    assert "FAS reads the ban as covering YouTube and Telegram" in got["message"]
    assert result.score >= 70 and not result.passed  # critical


def test_a_platform_the_brief_does_not_allow_fails(tmp_path):
    rows = changed(WEBINAR, {4: {"platform": "tiktok"}})
    rows[2]["link"] = rows[2]["link"].replace("utm_source=facebook", "utm_source=tiktok")
    got = finding(grade(tmp_path, WEBINAR, rows), "campaign.compliance")
    assert (got["rows"], got["code"]) == ([4], "platform-not-allowed")


@pytest.mark.parametrize("label, missing", [
    ("", "no ad label"), ("Реклама", "no erid token"), ("Реклама, erid: 2VtzqwXbR1e", "no advertiser"),
    ("ООО «Зерно», erid: 2VtzqwXbR1e", "no ad label"),
])
def test_a_russian_ad_needs_the_label_the_advertiser_and_the_token(tmp_path, label, missing):
    got = finding(grade(tmp_path, GIFT, changed(GIFT, {3: {"ad_label": label}})), "campaign.compliance")
    assert (got["status"], got["rows"], got["code"]) == ("fail", [3], "no-ad-label")
    assert f"row 3 has {missing}" in got["message"].lower()


def test_an_eu_ad_needs_a_clear_label(tmp_path):
    assert finding(grade(tmp_path, WEBINAR, changed(WEBINAR, {2: {"ad_label": "Ad"}})),
                   "campaign.compliance")["status"] == "pass"
    got = finding(grade(tmp_path, WEBINAR, changed(WEBINAR, {2: {"ad_label": "adults only"}})),
                  "campaign.compliance")
    assert (got["rows"], got["code"]) == ([2], "no-ad-label")


def test_a_plan_without_an_ad_label_column_fails_compliance_on_every_line(tmp_path):
    rows = [{k: v for k, v in row.items() if k != "ad_label"} for row in reference(WEBINAR)]
    got = finding(grade(tmp_path, WEBINAR, rows), "campaign.compliance")
    assert (got["rows"], got["code"]) == ([2, 3, 4], "no-ad-label")


# Input problems: never graded, each named by row and column, exit code 2.

@pytest.mark.parametrize("row, cells, column, words", [
    (2, {"budget": "-30000"}, "budget", "it must be above 0"),
    (3, {"platform": "Telegramm"}, "platform", "Did you mean 'telegram'?"),
    (3, {"objective": "purchases now"}, "objective", "not one of the objectives"),
    (3, {"buying_model": "cpv"}, "buying_model", "not one of the buying models"),
    (4, {"start": "2026-12-20", "end": "2026-12-10"}, "end", "before it starts"),
    (4, {"ctr": "high"}, "ctr", "'high' is not a number"),
    (4, {"start": "03/04/2026"}, "start", "day and month are both 12 or less"),
    (4, {"rate": ""}, "rate", "this cell is empty"),
    (4, {"ctr": "120"}, "ctr", "more than all of them"),
    (4, {"line_id": "vk-sales"}, "line_id", "already used on row 3"),
])
def test_an_input_problem_is_named_by_row_and_column(capsys, tmp_path, row, cells, column, words):
    path = tmp_path / "plan.csv"
    path.write_text(plan_text(changed(GIFT, {row: cells})), encoding="utf-8")
    code, out = cli_json(capsys, "campaign", str(path), "--exercise", GIFT, "--data",
                         str(ROOT / "exercises" / GIFT / "data.csv"))
    assert code == 2 and out["error"] == "invalid-input"
    (problem,) = out["problems"]
    assert (problem["row"], problem["column"]) == (row, column)
    assert words in problem["message"]


def test_missing_columns_are_named_at_once(capsys, tmp_path):
    rows = [{k: v for k, v in row.items() if k not in ("rate", "link")} for row in reference(GIFT)]
    path = tmp_path / "plan.csv"
    path.write_text(plan_text(rows), encoding="utf-8")
    code, out = cli_json(capsys, "campaign", str(path), "--exercise", GIFT, "--learner", LEARNER)
    assert code == 2
    assert [(p["row"], p["column"]) for p in out["problems"]] == [(1, "rate"), (1, "link")]


def test_numbers_and_dates_in_the_courses_other_formats_are_read(tmp_path):
    sample = ROOT / "exercises" / GIFT / "samples" / "excel-semicolon.csv"
    assert "30 000 ₽" in sample.read_text(encoding="utf-8-sig") and "01.12.2026" in sample.read_text(encoding="utf-8-sig")
    result = KIND.grade(load_exercise(GIFT), Submission(sample))
    assert result.passed and result.score == 100


# XLSX

@pytest.mark.parametrize("exercise_id", [GIFT, WEBINAR])
def test_an_xlsx_plan_grades_as_its_csv_does(tmp_path, exercise_id):
    folder = ROOT / "exercises" / exercise_id
    workbook = KIND.grade(load_exercise(exercise_id), Submission(folder / "samples" / "workbook.xlsx"))
    text = KIND.grade(load_exercise(exercise_id), Submission(folder / "reference.csv"))
    assert workbook.as_dict() == text.as_dict()


def test_the_starter_workbook_has_the_columns_and_is_read(tmp_path):
    starter = ROOT / "exercises" / GIFT / "starter.xlsx"
    result = KIND.grade(load_exercise(GIFT), Submission(starter))
    # One example line of the reference: graded, and far from the budget and the goal.
    assert finding(result, "campaign.budget")["code"] == "total-mismatch"
    assert finding(result, "campaign.goal")["code"] == "short-of-goal"


# Each learner's own figures.

def test_each_learner_gets_figures_of_their_own_and_the_same_each_time():
    exercise = load_exercise(GIFT)
    anna, again, boris = (learner_figures(exercise, name) for name in (LEARNER, "anna petrova", "Boris Ivanov"))
    base = exercise_figures(exercise)
    assert anna == again
    assert anna != boris
    for figures in (anna, boris):
        assert figures.total_budget % 1000 == 0 and 0.8 * 150000 <= figures.total_budget <= 1.3 * 150000
        assert figures.benchmarks != base.benchmarks
        assert (figures.start, figures.end, figures.market) == (base.start, base.end, base.market)


def learner_plan(exercise_id: str, learner: str) -> list[dict]:
    """The reference rescaled to the learner's budget, each assumption at the middle of
    the learner's ranges, and the budget tilted to the selling lines until the goal is met."""
    figures = learner_figures(load_exercise(exercise_id), learner)
    rows = reference(exercise_id)
    scale = figures.total_budget / sum(float(r["budget"]) for r in rows)
    for row in rows:
        ranges = figures.benchmarks[row["platform"].lower()]
        row["budget"] = f"{float(row['budget']) * scale:.2f}"
        row["rate"] = f"{sum(ranges[row['buying_model']]) / 2:.2f}"
        row["ctr"] = f"{sum(ranges['ctr']) / 2:.2f}"
        if row["conversion_rate"]:
            row["conversion_rate"] = f"{ranges['conversion_rate'][1]:.2f}"
        forecast(row)
    return rows


def test_a_plan_graded_with_learner_is_graded_against_their_figures(capsys, tmp_path):
    rows = learner_plan(GIFT, LEARNER)
    path = tmp_path / "plan.csv"
    path.write_text(plan_text(rows), encoding="utf-8")
    _, own = cli_json(capsys, "campaign", str(path), "--exercise", GIFT, "--learner", LEARNER)
    assert finding_status(own, "campaign.budget") == "pass"
    assert finding_status(own, "campaign.assumptions") == "pass"
    _, other = cli_json(capsys, "campaign", str(path), "--exercise", GIFT, "--learner", "Boris Ivanov")
    assert finding_status(other, "campaign.budget") == "fail"
    # The learner's downloaded figures, given with --data, grade alike.
    figures = tmp_path / "my-figures.csv"
    assert main(["campaign-data", "--exercise", GIFT, "--learner", LEARNER, "-o", str(figures)]) == 0
    capsys.readouterr()
    assert figures.read_text(encoding="utf-8") == learner_figures_csv(load_exercise(GIFT), LEARNER)
    _, from_file = cli_json(capsys, "campaign", str(path), "--exercise", GIFT, "--data", str(figures))
    assert from_file == own


def test_without_learner_a_plan_is_graded_against_the_briefs_own_figures(capsys, tmp_path):
    path = ROOT / "exercises" / GIFT / "reference.csv"
    code, brief = cli_json(capsys, "campaign", str(path), "--exercise", GIFT)
    assert code == 0 and brief["score"] == 100
    # The same plan graded with --learner is graded against that learner's variant.
    _, variant = cli_json(capsys, "campaign", str(path), "--exercise", GIFT, "--learner", "Boris Ivanov")
    budget = learner_figures(load_exercise(GIFT), "Boris Ivanov").total_budget
    assert budget != exercise_figures(load_exercise(GIFT)).total_budget and variant["score"] < 100
    (budget_finding,) = [f for f in variant["findings"] if f["rule"] == "campaign.budget"]
    assert budget_finding["status"] == "fail" and f"the budget of {budget:,.0f} RUB" in budget_finding["message"]
    # The browser, given no name (or a blank one), grades against the brief's figures too.
    for learner in (None, "  "):
        assert browser.grade("campaign", GIFT, path.name, path.read_bytes(), learner=learner) == brief


def test_a_kpi_sheet_still_needs_a_learner_or_a_dataset(capsys):
    sheet = str(ROOT / "exercises" / "paid-funnel" / "reference-answers.csv")
    with pytest.raises(SystemExit) as stop:
        main(["kpi", sheet, "--exercise", "paid-funnel"])
    assert stop.value.code == 2 and "one of the arguments --data --learner is required" in capsys.readouterr().err
    assert browser.grade("kpi", "paid-funnel", "answers.csv", b"metric,value\n") == {
        "error": "usage", "message": "this exercise is graded against your own data: give your name."}


def finding_status(result: dict, rule: str) -> str:
    return next(f["status"] for f in result["findings"] if f["rule"] == rule)


def test_a_broken_figures_file_is_an_input_problem(capsys, tmp_path):
    figures = tmp_path / "figures.csv"
    figures.write_text("figure,platform,value,low,high\ntotal_budget,,lots,,\nbudget_typo,,1,,\n", encoding="utf-8")
    code, out = cli_json(capsys, "campaign", str(ROOT / "exercises" / GIFT / "reference.csv"), "--exercise", GIFT,
                         "--data", str(figures))
    assert code == 2
    assert [(p["row"], p["column"]) for p in out["problems"]] == [(2, "value"), (3, "figure")]


def test_the_exercises_data_csv_is_the_briefs_figures():
    for exercise_id in (GIFT, WEBINAR):
        exercise = load_exercise(exercise_id)
        assert (ROOT / "exercises" / exercise_id / "data.csv").read_text(encoding="utf-8") == figures_csv(
            exercise_figures(exercise))


# The CLI, the browser and grade-class agree.

@pytest.mark.parametrize("exercise_id", [GIFT, WEBINAR])
def test_the_browser_grades_a_campaign_as_the_cli_does(capsys, exercise_id):
    for path in (ROOT / "exercises" / exercise_id / "samples").glob("*"):
        if path.name.endswith(".json"):
            continue
        _, expected = cli_json(capsys, "campaign", str(path), "--exercise", exercise_id, "--learner", LEARNER)
        assert browser.grade("campaign", exercise_id, path.name, path.read_bytes(), learner=LEARNER) == expected
    assert browser.dataset(exercise_id, LEARNER) == learner_figures_csv(load_exercise(exercise_id), LEARNER)


def test_grade_class_grades_a_class_of_media_plans(capsys, tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "Anna Petrova.csv").write_text(plan_text(learner_plan(GIFT, "Anna Petrova")), encoding="utf-8")
    (folder / "Boris Ivanov.xlsx").write_bytes((ROOT / "exercises" / GIFT / "samples" / "workbook.xlsx").read_bytes())
    (folder / "Vera.csv").write_bytes((ROOT / "exercises" / GIFT / "samples" / "invalid.csv").read_bytes())
    code = main(["grade-class", str(folder), "--exercise", GIFT, "--json"])
    book = json.loads(capsys.readouterr().out)
    assert code == 2 and book["kind"] == "campaign"  # 2: one file could not be graded
    learners = {entry["learner"]: entry for entry in book["learners"]}
    assert set(learners) == {"Anna Petrova", "Boris Ivanov", "Vera"}
    for name, path in (("Anna Petrova", folder / "Anna Petrova.csv"), ("Boris Ivanov", folder / "Boris Ivanov.xlsx")):
        _, single = cli_json(capsys, "campaign", str(path), "--exercise", GIFT, "--learner", name)
        assert (learners[name]["score"], learners[name]["findings"]) == (single["score"], single["findings"])
    assert learners["Vera"]["status"] == "invalid"
    assert learners["Vera"]["problems"][0] == {"row": 2, "column": "budget", "message":
                                               "-30000 is not a budget a line can have; it must be above 0."}


def test_the_kind_gives_each_rule_its_title_and_weight_for_class_reports():
    rules = KIND.rules(load_exercise(GIFT))
    assert list(rules) == [f.rule for f in KIND.grade(load_exercise(GIFT), Submission(
        ROOT / "exercises" / GIFT / "reference.csv")).findings]
    assert (rules["campaign.arithmetic"].title, rules["campaign.arithmetic"].weight) == (
        "Each forecast follows from its line's budget, rate and assumptions", 20)


def test_validate_names_a_slip_in_the_campaign_data(capsys, tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "checker" / "data", folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(data_checks, "FOLDER", folder)
    rubric = folder / "campaign_rubric.toml"
    rubric.write_text(rubric.read_text(encoding="utf-8").replace('"campaign.utm" = 10\n', ""), encoding="utf-8")
    facts = folder / "campaign.toml"
    facts.write_text(facts.read_text(encoding="utf-8").replace('forbidden = ["instagram",', 'forbidden = ["myspace", "instagram",'),
                     encoding="utf-8")
    code = main(["validate", GIFT])
    out = capsys.readouterr().out
    assert code == 2
    assert ('checker/data/campaign_rubric.toml: [weights] "campaign.utm" is missing: the rule is declared in '
            "checker/campaign/rules/, so give it a weight.") in out
    assert "checker/data/campaign.toml: [market.ru] forbidden names 'myspace'" in out
    # A grading command refuses to grade with such data, naming the slip.
    code, result = cli_json(capsys, "campaign", str(ROOT / "exercises" / GIFT / "reference.csv"), "--exercise", GIFT,
                            "--learner", LEARNER)
    assert code == 2 and "campaign.utm" in result["message"]


def test_validate_names_what_is_wrong_with_a_campaign_exercises_settings(capsys, tmp_path, monkeypatch):
    folder = tmp_path / "exercises" / GIFT
    shutil.copytree(ROOT / "exercises" / GIFT, folder)
    settings = folder / "exercise.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('market = "ru"', 'market = "mars"').replace("cpm = [100, 350]", "cpm = [350, 100]")
                        .replace('end = "2026-12-28"', 'end = "2026-11-28"'), encoding="utf-8")
    monkeypatch.setenv("SMM_COURSE_DIR", str(tmp_path))
    code = main(["validate", GIFT])
    out = capsys.readouterr().out
    assert code == 2 and f"{GIFT}: BROKEN" in out
    where = f"exercises/{GIFT}/exercise.toml: "
    assert f"{where}market 'mars' is not a market of campaign.toml (ru, eu)." in out
    assert f"{where}start is after end." in out
    assert f"{where}[benchmarks.ok] cpm must be a range [low, high] of numbers above 0." in out


@pytest.mark.parametrize("dates, problems", [
    ({"start": "01.12.2026", "end": "28.12.2026"}, []),   # the dates the cell reader reads
    ({"start": "2026-13-01"}, ["start must be a date: '2026-13-01' is not a day in the calendar; check the day and month."]),
    ({"end": "03/04/2027"}, ["end must be a date: '03/04/2027' could be 3 April 2027 or 4 March 2027: day and month "
                             "are both 12 or less, so it is not guessed; write dates as 2026-12-01 or 01.12.2026."]),
    ({"start": "2026-12-29"}, ["start is after end."]),
])
def test_campaign_dates_are_read_as_cells_are(dates, problems):
    exercise = load_exercise(GIFT)
    settings = replace(exercise, params={**exercise.params, **dates})
    assert settings_problems(settings, {"ru": {}, "eu": {}}) == problems
