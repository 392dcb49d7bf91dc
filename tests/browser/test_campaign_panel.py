"""The check panel of a media-plan exercise in a real browser: the learner types their
name, downloads their own figures, uploads a media plan and sees what
``smm-check campaign --learner NAME --json`` says for the same file."""

from __future__ import annotations

import json

import pytest

from checker.cli import main
from checker.site.check_panel import STRINGS as S
from test_campaign import learner_plan, plan_text

pytestmark = pytest.mark.browser
BOOT_MS = 120_000
EXERCISE = "gift-set-campaign"
LEARNER = "Anna Petrova"


def cli_json(capsys, *argv: str) -> dict:
    main([*argv, "--json"])
    return json.loads(capsys.readouterr().out)


def check_file(page, path) -> None:
    """Choose a file, press the check button and wait for this check's verdict."""
    page.locator(".smm-cp-result").evaluate("area => { area.textContent = ''; }")
    page.set_input_files(".smm-cp-file", str(path))
    page.click(".smm-cp-run")
    page.wait_for_selector(".smm-cp-result .smm-cp-verdict", timeout=BOOT_MS)


def test_a_learner_downloads_their_figures_and_gets_the_cli_findings(page, site_url, root, capsys, tmp_path, axe):
    main(["campaign-data", "--exercise", EXERCISE, "--learner", LEARNER])
    figures = capsys.readouterr().out
    page.goto(f"{site_url}exercises/{EXERCISE}/")
    assert page.get_by_label(S["campaign_file"]).count() == 1
    page.get_by_label(S["learner"]).fill(LEARNER)
    with page.expect_download(timeout=BOOT_MS) as download:
        page.get_by_role("button", name=S["download"]).click()
    assert open(download.value.path(), encoding="utf-8").read() == figures

    own = tmp_path / "my-plan.csv"
    own.write_text(plan_text(learner_plan(EXERCISE, LEARNER)), encoding="utf-8")
    samples = root / "exercises" / EXERCISE / "samples"
    for path in (own, samples / "utm.csv", samples / "workbook.xlsx"):
        result = cli_json(capsys, "campaign", str(path), "--exercise", EXERCISE, "--learner", LEARNER)
        check_file(page, path)
        verdict = S["passed" if result["passed"] else "not_passed"].format(
            score=f"{result['score']:g}", threshold=f"{result['threshold']:g}")
        assert page.locator(".smm-cp-verdict").inner_text() == verdict, path.name
        shown = page.locator(".smm-cp-findings li")
        assert shown.count() == len(result["findings"])
        failures = [f for f in result["findings"] if f["status"] == "fail"]
        for index, finding in enumerate(failures):
            item = shown.nth(index)
            assert item.get_attribute("data-rule") == finding["rule"]
            assert finding["message"] in item.inner_text()
            if finding["rows"]:
                assert item.locator(".smm-cp-rows").inner_text().strip() == "({})".format(
                    S["rows" if len(finding["rows"]) > 1 else "row"].format(rows=", ".join(map(str, finding["rows"]))))

    invalid = samples / "invalid.csv"
    problems = cli_json(capsys, "campaign", str(invalid), "--exercise", EXERCISE, "--learner", LEARNER)["problems"]
    check_file(page, invalid)
    items = page.locator(".smm-cp-problems li")
    assert items.count() == len(problems)
    for index, problem in enumerate(problems):
        assert problem["message"] in items.nth(index).inner_text()

    page.mouse.move(0, 0)
    page.wait_for_function("() => document.getAnimations().length === 0")
    assert axe(page) == []
