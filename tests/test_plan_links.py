"""``plan.utm``, the optional content-plan rule on tracked links, and the UTM checking it
shares with ``campaign.utm`` (``checker.tracked_links``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from checker.plan.grade import grade_posts
from checker.plan.parse import Post
from checker.plan.rubric import rubric
from checker.tracked_links import link_problems, read_link

ROOT = Path(__file__).resolve().parent.parent
B2B = "b2b-software-plan"
TAGGED = "https://ledgerly.example/demo?utm_source=linkedin&utm_medium=social&utm_campaign=feb"


def post(row: int, platform: str, link: str) -> Post:
    from datetime import date
    return Post(row, date(2027, 1, row), platform, "text", "educational", "traffic", ("clicks",), "Copy.", link=link)


def utm_finding(posts: list[Post]):
    findings, _, _ = grade_posts(posts, rubric({"weights": {"plan.utm": 5}}))
    return next(f for f in findings if f.rule == "plan.utm")


def test_plan_utm_passes_tagged_links_and_posts_without_links():
    found = utm_finding([post(2, "linkedin", TAGGED), post(3, "x", ""),
                         post(4, "vk", "https://shop.example/?utm_source=vkontakte&utm_medium=social&utm_campaign=feb")])
    assert (found.status, found.rows) == ("pass", [])


@pytest.mark.parametrize("link, words", [
    ("https://ledgerly.example/demo", "it lacks utm_source, utm_medium, utm_campaign"),
    (TAGGED.replace("linkedin", "facebook"), "utm_source=facebook does not name linkedin; write utm_source=linkedin"),
    (TAGGED.replace("feb", "Feb"), "capital letters"),
    ("ledgerly.example/demo", "is not a web address"),
])
def test_plan_utm_fails_a_link_on_its_row(link, words):
    found = utm_finding([post(2, "linkedin", TAGGED), post(3, "linkedin", link)])
    assert (found.status, found.rows) == ("fail", [3])
    assert words in found.message


def test_plan_utm_runs_only_where_an_exercise_weighs_it(capsys):
    untagged = [post(2, "linkedin", "https://ledgerly.example/demo")]
    findings, _, _ = grade_posts(untagged, rubric())
    assert "plan.utm" not in [f.rule for f in findings]
    # The b2b exercise weighs it: its reference is tagged, its golden sample is not.
    code = main(["plan", str(ROOT / "exercises" / B2B / "samples" / "utm.csv"), "--exercise", B2B, "--json"])
    result = json.loads(capsys.readouterr().out)
    got = next(f for f in result["findings"] if f["rule"] == "plan.utm")
    assert code == 0 and (got["status"], got["rows"]) == ("fail", [5, 7])
    main(["plan", str(ROOT / "exercises" / B2B / "reference.csv"), "--exercise", B2B, "--json"])
    result = json.loads(capsys.readouterr().out)
    assert next(f for f in result["findings"] if f["rule"] == "plan.utm")["status"] == "pass"


def test_paid_links_need_a_paid_medium_and_organic_ones_do_not():
    link = read_link("https://zerno.example/?utm_source=vk&utm_medium=social&utm_campaign=dec&utm_content=a")
    assert link_problems(link, "vk", ("utm_source",), paid=False) == []
    assert [code for code, _ in link_problems(link, "vk", ("utm_source",), paid=True)] == ["not-paid-medium"]


def test_tag_names_are_read_whatever_their_case_but_capitals_are_flagged():
    link = read_link("https://zerno.example/?UTM_Source=vk&utm_medium=cpc&utm_campaign=dec")
    assert link.tags["utm_source"] == "vk"
    assert [code for code, _ in link_problems(link, "vk", ("utm_source",), paid=True)] == ["upper-case"]


def test_the_rubric_page_lists_plan_utm_only_where_it_runs():
    from checker.exercises import load_exercise
    from checker.plan.exercise import KIND
    b2b = "\n".join(KIND.rubric(load_exercise(B2B), lambda path: path))
    coffee = "\n".join(KIND.rubric(load_exercise("coffee-shop-plan"), lambda path: path))
    assert "`plan.utm`" in b2b and "`plan.utm`" not in coffee
