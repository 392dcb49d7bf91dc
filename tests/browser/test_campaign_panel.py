"""The check panel of a media-plan exercise in a real browser: a plan checked without a
name is graded against the brief's figures; the learner then types their name, downloads
their own figures, uploads a media plan and sees what
``smm-check campaign --learner NAME --json`` says for the same file."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from checker.cli import main
from checker.site.check_panel import STRINGS as S
from test_campaign import learner_plan, plan_text
from test_check_panel import BOOT_MS, assert_findings_shown, check_file, cli_json, verdict

pytestmark = pytest.mark.browser
EXERCISE = "gift-set-campaign"
LEARNER = "Anna Petrova"


def test_a_learner_downloads_their_figures_and_gets_the_cli_findings(page, site_url, root, capsys, tmp_path, axe):
    main(["campaign-data", "--exercise", EXERCISE, "--learner", LEARNER])
    figures = capsys.readouterr().out
    page.goto(f"{site_url}exercises/{EXERCISE}/")
    assert page.get_by_label(S["campaign_file"]).count() == 1
    # Without a name the plan is checked against the brief's own figures, as the CLI
    # without --learner checks it.
    reference = root / "exercises" / EXERCISE / "reference.csv"
    brief = cli_json(capsys, "campaign", str(reference), "--exercise", EXERCISE)
    check_file(page, str(reference))
    assert page.locator(".smm-cp-verdict").inner_text() == verdict(brief) and brief["score"] == 100
    assert_findings_shown(page, brief)
    page.get_by_label(S["learner"]).fill(LEARNER)
    with page.expect_download(timeout=BOOT_MS) as download:
        page.get_by_role("button", name=S["download_figures"]).click()
    assert open(download.value.path(), encoding="utf-8").read() == figures
    # The panel speaks of the media plan's figures, not of a KPI dataset.
    expect(page.locator(".smm-cp-status")).to_have_text(S["figures_ready"].format(name=f"{EXERCISE}-anna-petrova.csv"))

    own = tmp_path / "my-plan.csv"
    own.write_text(plan_text(learner_plan(EXERCISE, LEARNER)), encoding="utf-8")
    samples = root / "exercises" / EXERCISE / "samples"
    for path in (own, samples / "utm.csv", samples / "workbook.xlsx"):
        result = cli_json(capsys, "campaign", str(path), "--exercise", EXERCISE, "--learner", LEARNER)
        check_file(page, str(path))
        assert page.locator(".smm-cp-verdict").inner_text() == verdict(result), path.name
        assert_findings_shown(page, result)

    invalid = samples / "invalid.csv"
    problems = cli_json(capsys, "campaign", str(invalid), "--exercise", EXERCISE, "--learner", LEARNER)["problems"]
    check_file(page, str(invalid))
    items = page.locator(".smm-cp-problems li")
    assert items.count() == len(problems)
    for index, problem in enumerate(problems):
        assert problem["message"] in items.nth(index).inner_text()

    page.mouse.move(0, 0)
    page.wait_for_function("() => document.getAnimations().length === 0")
    assert axe(page) == []
