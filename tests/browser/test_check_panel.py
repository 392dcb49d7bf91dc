"""The check panel of the exercise pages in a real browser: the page grades a plan or a KPI
answer sheet with Pyodide and shows what ``smm-check --json`` says for the same file,
keeps the last file and result across a reload, and nothing is fetched from another host
(the ``page`` fixture fails the test on any such request or console error).

Pyodide boots in 5-20 s in headless Chromium on a small machine, once per page load, so
each test checks several files on one page."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from checker.cli import main
from checker.site.check_panel import STRINGS as S
from checker.exercises import load_exercise
from conftest import SAVE_DATA, assert_same_document, open_for_instant_navigation
from test_browser_entry import correct_answers

pytestmark = pytest.mark.browser
BOOT_MS = 120_000
PLAN = "coffee-shop-plan"
KEY = f"smm-check:v1:{PLAN}"


def cli_json(capsys, *argv: str) -> dict:
    main([*argv, "--json"])
    return json.loads(capsys.readouterr().out)


def check_file(page, files) -> None:
    """Choose a file, press the check button and wait for this check's verdict."""
    page.locator(".smm-cp-result").evaluate("area => { area.textContent = ''; }")
    page.set_input_files(".smm-cp-file", files)
    page.click(".smm-cp-run")
    page.wait_for_selector(".smm-cp-result .smm-cp-verdict", timeout=BOOT_MS)


def verdict(result: dict) -> str:
    return S["passed" if result["passed"] else "not_passed"].format(
        score=f"{result['score']:g}", threshold=f"{result['threshold']:g}")


def assert_findings_shown(page, result: dict) -> None:
    """The panel lists every finding of the CLI's ``result`` in order of severity, each
    with its rule and the CLI's message."""
    shown = page.locator(".smm-cp-findings li")
    order = {"fail": 0, "warn": 1, "pass": 2}
    expected = sorted(result["findings"], key=lambda f: order[f["status"]])
    assert [shown.nth(i).get_attribute("data-rule") for i in range(shown.count())] == [f["rule"] for f in expected]
    for index, finding in enumerate(expected):
        assert finding["message"] in shown.nth(index).inner_text()


def test_plans_get_the_cli_verdicts_and_findings(page, site_url, root, capsys, axe, tmp_path):
    folder = root / "exercises" / PLAN
    page.goto(f"{site_url}exercises/{PLAN}/")

    garbage = tmp_path / "plan.csv"
    garbage.write_bytes(b"\x00\x01\x02\x03 not a table \xff\xfe" * 50)
    (problem,) = cli_json(capsys, "plan", str(garbage), "--exercise", PLAN)["problems"]
    check_file(page, str(garbage))
    assert page.locator(".smm-cp-verdict").inner_text() == S["invalid_one"]
    assert page.locator(".smm-cp-problems li").inner_text() == problem["message"]

    for path in (folder / "reference.csv", folder / "samples" / "workbook.xlsx", folder / "samples" / "mix.csv"):
        result = cli_json(capsys, "plan", str(path), "--exercise", PLAN)
        check_file(page, str(path))
        assert page.locator(".smm-cp-verdict").inner_text() == verdict(result), path.name
        shown = page.locator(".smm-cp-findings li")
        assert shown.count() == len(result["findings"])
        # Failures come first, each with its rule id, the rows the CLI names and its message.
        failures = [f for f in result["findings"] if f["status"] == "fail"]
        for index, finding in enumerate(failures):
            item = shown.nth(index)
            assert item.get_attribute("data-rule") == finding["rule"]
            assert item.locator("code").first.inner_text() == finding["rule"]
            assert finding["message"] in item.inner_text()
            if finding["rows"]:
                assert item.locator(".smm-cp-rows").inner_text().strip() == "({})".format(
                    S["rows" if len(finding["rows"]) > 1 else "row"].format(rows=", ".join(map(str, finding["rows"]))))

    # The last check shown (mix.csv) has a failure: the rendered result passes axe-core.
    assert page.locator(".smm-cp-findings li.smm-cp-fail").count() >= 1
    # A pointer left over a button shows its hover colour, which is the theme's, not ours;
    # the colour fades back in a transition that must end before axe measures contrast.
    page.mouse.move(0, 0)
    page.wait_for_function("() => document.getAnimations().length === 0")
    assert axe(page) == []


def test_the_last_file_and_result_survive_a_reload_until_forgotten(page, site_url, root, capsys):
    sample = root / "exercises" / PLAN / "samples" / "mix.csv"
    result = cli_json(capsys, "plan", str(sample), "--exercise", PLAN)
    # Reached by instant navigation: the panel must come alive on a swapped-in page.
    open_for_instant_navigation(page, f"{site_url}exercises/")
    page.locator(f"a[href$='{PLAN}/']").first.click()
    page.wait_for_selector(".smm-checkpanel[data-ready]")
    assert_same_document(page)
    check_file(page, str(sample))

    page.reload()
    panel = page.locator(".smm-checkpanel")
    assert panel.locator(".smm-cp-verdict").inner_text() == verdict(result)
    assert panel.locator(".smm-cp-kept-text").inner_text() == S["kept"].format(
        name="mix.csv", size=round(sample.stat().st_size / 1024))
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")
    assert stored["file"]["name"] == "mix.csv" and stored["result"] == result

    panel.locator(".smm-cp-result").evaluate("area => { area.textContent = ''; }")
    panel.get_by_role("button", name=S["check_again"]).click()
    page.wait_for_selector(".smm-cp-result .smm-cp-verdict", timeout=BOOT_MS)
    assert panel.locator(".smm-cp-verdict").inner_text() == verdict(result)

    panel.get_by_role("button", name=S["forget"]).click()
    assert panel.locator(".smm-cp-status").inner_text() == S["forgotten"]
    assert panel.locator(".smm-cp-result").inner_text() == ""
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    page.reload()
    assert panel.locator(".smm-cp-kept").is_hidden() and panel.locator(".smm-cp-result").inner_text() == ""


# A campaign of ads, and a community's messages (the service metrics read another table).
@pytest.mark.parametrize("exercise_id", ["paid-funnel", "service-report"])
def test_kpi_learner_downloads_their_dataset_and_scores_100(page, site_url, capsys, tmp_path, exercise_id):
    learner = "Anna Petrova"
    main(["kpi-data", "--exercise", exercise_id, "--learner", learner])
    expected_data = capsys.readouterr().out
    page.goto(f"{site_url}exercises/{exercise_id}/")
    page.get_by_label(S["learner"]).fill(learner)
    with page.expect_download(timeout=BOOT_MS) as download:
        page.get_by_role("button", name=S["download_dataset"]).click()
    assert download.value.suggested_filename == f"{exercise_id}-anna-petrova.csv"
    assert open(download.value.path(), encoding="utf-8").read() == expected_data
    expect(page.locator(".smm-cp-status")).to_have_text(S["dataset_ready"].format(name=f"{exercise_id}-anna-petrova.csv"))

    sheet = tmp_path / "answers.csv"
    sheet.write_text(correct_answers(exercise_id, learner), encoding="utf-8")
    check_file(page, str(sheet))
    exercise = load_exercise(exercise_id)
    assert page.locator(".smm-cp-verdict").inner_text() == S["passed"].format(score=100, threshold=f"{exercise.threshold:g}")
    asked = len(exercise.params["metrics"])
    assert page.locator(".smm-cp-findings li.smm-cp-pass").count() == page.locator(".smm-cp-findings li").count() == asked


def test_a_file_chosen_early_gets_the_checker_ready_before_the_click(page, site_url, root, capsys):
    """Choosing the file starts the checker: the panel says when it is ready, and a click
    then gets the CLI's verdict (bench/bench_browser.py times it)."""
    path = root / "exercises" / PLAN / "reference.csv"
    result = cli_json(capsys, "plan", str(path), "--exercise", PLAN)
    page.goto(f"{site_url}exercises/{PLAN}/")
    panel = page.locator(".smm-checkpanel")
    assert panel.get_attribute("data-checker") is None  # nothing started on arrival
    page.set_input_files(".smm-cp-file", str(path))
    assert panel.get_attribute("data-checker") in ("starting", "ready")
    expect(panel).to_have_attribute("data-checker", "ready", timeout=BOOT_MS)
    expect(panel.locator(".smm-cp-status")).to_have_text(S["ready"])
    page.click(".smm-cp-run")
    expect(panel.locator(".smm-cp-verdict")).to_have_text(verdict(result), timeout=BOOT_MS)


@pytest.mark.parametrize("save_data", [False, True], ids=["any-connection", "save-data"])
def test_pointing_at_the_panel_starts_the_checker_unless_saving_data(page, site_url, root, save_data):
    if save_data:
        page.context.add_init_script(SAVE_DATA)
    page.goto(f"{site_url}exercises/{PLAN}/")
    panel = page.locator(".smm-checkpanel")
    panel.hover()
    assert panel.get_attribute("data-checker") == (None if save_data else "starting")
    # Choosing a file is asking for a check: it starts the checker under save-data too.
    page.set_input_files(".smm-cp-file", str(root / "exercises" / PLAN / "reference.csv"))
    assert panel.get_attribute("data-checker") in ("starting", "ready")
