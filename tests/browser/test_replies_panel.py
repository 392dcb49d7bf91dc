"""The check panel of an answering-comments exercise in a real browser: the learner
downloads the comments, uploads an answer sheet and sees what ``smm-check replies --json``
says for the same file, findings with their comment ids and quoted words included."""

from __future__ import annotations

import pytest

from checker.site.check_panel import STRINGS as S
from test_check_panel import assert_findings_shown, check_file, cli_json, verdict

pytestmark = pytest.mark.browser
EXERCISE = "coffee-shop-replies"


def test_a_reply_sheet_gets_the_cli_verdict_findings_and_problems(page, site_url, root, capsys, axe):
    folder = root / "exercises" / EXERCISE
    page.goto(f"{site_url}exercises/{EXERCISE}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="The comments (CSV)").click()
    assert open(download.value.path(), encoding="utf-8").read() == (folder / "comments.csv").read_text(encoding="utf-8")
    assert page.get_by_label(S["kpi_file"]).count() == 1

    for path in (folder / "reference.csv", folder / "samples" / "honesty.csv", folder / "samples" / "workbook.xlsx",
                 folder / "samples" / "tone.csv"):
        result = cli_json(capsys, "replies", str(path), "--exercise", EXERCISE)
        check_file(page, str(path))
        assert page.locator(".smm-cp-verdict").inner_text() == verdict(result), path.name
        assert_findings_shown(page, result)
    # The tone sample's finding quotes the learner's words, as the CLI does.
    assert "'you should have' reads as blaming the customer" in page.locator(".smm-cp-findings").inner_text()

    invalid = folder / "samples" / "invalid.csv"
    problems = cli_json(capsys, "replies", str(invalid), "--exercise", EXERCISE)["problems"]
    check_file(page, str(invalid))
    items = page.locator(".smm-cp-problems li")
    assert items.count() == len(problems) == 5
    for index, problem in enumerate(problems):
        assert problem["message"] in items.nth(index).inner_text()

    page.mouse.move(0, 0)
    page.wait_for_function("() => document.getAnimations().length === 0")
    assert axe(page) == []
