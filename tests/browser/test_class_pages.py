"""The pages grade-class hands out, opened as a learner or an instructor opens them: from
a folder, with no site and no network. They load nothing else and pass axe-core."""

from __future__ import annotations

import shutil
from pathlib import Path

from checker.cli import main

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "exercises" / "coffee-shop-plan"


def test_reports_and_summary_open_alone_and_pass_axe(browser, axe, tmp_path, capsys):
    download = tmp_path / "download"
    for folder, sample in [("Anna Petrova_12345_assignsubmission_file_", PLAN / "samples" / "mix.csv"),
                           ("Ivan <b>Sidorov_12346_assignsubmission_file_", PLAN / "samples" / "typos.csv")]:
        (download / folder).mkdir(parents=True)
        shutil.copy(sample, download / folder / "plan.csv")
    out = tmp_path / "out"
    main(["grade-class", str(download), "--exercise", "coffee-shop-plan", "-o", str(out), "--quiet"])
    capsys.readouterr()
    pages = [out / "summary.html", *sorted((out / "reports").iterdir())]
    assert len(pages) == 3
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in pages:
        requests.clear()
        page.goto(path.as_uri())
        assert requests == [path.as_uri()], requests  # nothing but the page itself
        assert page.locator("h1").count() == 1 and page.locator("table th").count() > 0
        assert axe(page) == [], path.name
    page.goto((out / "summary.html").as_uri())
    # The charts are images with spoken names; the figures are also in tables.
    assert page.get_by_role("img", name="Bar chart: learners by score band, with the pass mark at 70.").is_visible()
    assert page.get_by_role("img", name="Bar chart: the share of graded learners failing each rule.").is_visible()
    context.close()
