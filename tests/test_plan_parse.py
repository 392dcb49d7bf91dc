"""The parse step of the plan checker: headers with aliases, vocabularies with aliases,
dates in every accepted form, and every input problem reported at once with row and
column."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.plan.parse import parse_posts
from checker.problems import InvalidInput
from checker.tables import Row, Table, parse_bytes

HEADER = "date,platform,format,category,goal,kpi,copy"


def posts_of(*lines: str, header: str = HEADER):
    """Posts parsed from CSV lines under ``header``."""
    return parse_posts(parse_bytes("\n".join([header, *lines]).encode(), "plan.csv"))


def problems_of(*lines: str, header: str = HEADER):
    """(row, column, message) of every problem the lines raise."""
    with pytest.raises(InvalidInput) as caught:
        posts_of(*lines, header=header)
    return [(p.row, p.column, p.message) for p in caught.value.problems]


def test_a_row_becomes_a_post_with_canonical_values():
    [post] = posts_of("2026-12-01,Instagram,Reels,Advertising,Sales,CTR,Our winter menu is here")
    assert (post.row, post.date, post.platform, post.format, post.category, post.goal, post.kpis) == (
        2, dt.date(2026, 12, 1), "instagram", "short-video", "promotional", "conversion", ("ctr",))
    assert post.copy == "Our winter menu is here" and post.cta == "" and post.notes == ""


def test_headers_match_aliases_in_any_case_and_order():
    [post] = posts_of("Hi there,vk,Photo,UGC,reach,Reach,01.12.2026,Book now",
                      header="TEXT,Network,Post type,Content type,Objective,Metric,Date,Call to action")
    assert (post.platform, post.format, post.category, post.goal, post.cta) == (
        "vk", "image", "ugc", "awareness", "Book now")


@pytest.mark.parametrize("spelling, canonical", [
    ("Twitter", "x"), ("X", "x"), ("ВКонтакте", "vk"), ("Одноклассники", "ok"), ("TG", "telegram"),
    ("  YouTube ", "youtube"), ("Linked-In", "linkedin"), ("tik_tok", "tiktok"),
])
def test_platform_aliases(spelling, canonical):
    [post] = posts_of(f"2026-12-01,{spelling},video,engaging,engagement,likes,Hello")
    assert post.platform == canonical


def test_russian_category_and_several_kpis():
    [post] = posts_of('2026-12-01,vk,image,рекламный,conversion,"leads; CR, revenue",Скидка')
    assert post.category == "promotional"
    assert post.kpis == ("leads", "conversion-rate", "revenue")


def test_unknown_values_get_suggestions():
    found = problems_of("2026-12-01,Instagarm,image,engaging,engagement,likes,Hi",
                        "2026-12-02,vk,imgae,engaging,engagment,likes,Hi")
    assert [(row, column) for row, column, _ in found] == [(2, "platform"), (3, "format"), (3, "goal")]
    assert "Did you mean 'instagram'?" in found[0][2]
    assert "Did you mean 'image'?" in found[1][2]
    assert "Did you mean 'engagement'?" in found[2][2]


def test_unknown_kpi_names_the_bad_part_only():
    [(row, column, message)] = problems_of('2026-12-01,vk,image,engaging,engagement,"likes, vibes",Hi')
    assert (row, column) == (2, "kpi")
    assert "'vibes'" in message and "'likes'" not in message


def test_empty_required_cells_each_reported():
    found = problems_of("2026-12-01,vk,image,,engagement,likes,",
                        ",vk,image,engaging,engagement,likes,Hi")
    assert [(row, column) for row, column, _ in found] == [(2, "category"), (2, "copy"), (3, "date")]
    assert "every post needs its copy" in found[1][2]


def test_problems_name_the_learners_own_header():
    [(row, column, _)] = problems_of("2026-12-01,Instagarm,image,engaging,engagement,likes,Hi",
                                     header="date,Social network,format,category,goal,kpi,copy")
    assert (row, column) == (2, "Social network")


def test_missing_columns_are_reported_on_row_one():
    found = problems_of("2026-12-01,vk,Hi", header="date,platform,copy")
    assert {(row, column) for row, column, _ in found} == {
        (1, "format"), (1, "category"), (1, "goal"), (1, "kpi")}


def test_every_problem_of_a_file_at_once():
    found = problems_of("31.11.2026,Instagarm,image,engaging,engagement,likes,Hi",
                        "2026-12-02,vk,image,engaging,engagement,likes,",
                        "2026-12-03,vk,image,engaging,engagement,vibes,Hi")
    assert [(row, column) for row, column, _ in found] == [
        (2, "platform"), (2, "date"), (3, "copy"), (4, "kpi")]


def test_formula_cells_are_reported_with_the_other_problems():
    found = problems_of("2026-12-01,=A1,image,engaging,engagement,likes,Hi",
                        "2026-12-02,Instagarm,image,engaging,engagement,likes,=CONCAT(B2)",
                        "2026-12-03,vk,image,engaging,engagement,likes,Hi")
    # In row order, formulas first within a row; the formula in row 2 is not also called
    # an unknown platform.
    assert [(row, column) for row, column, _ in found] == [(2, "platform"), (3, "copy"), (3, "platform")]
    assert [("formula" in message) for _, _, message in found] == [True, True, False]


def test_formula_cells_alone_are_reported():
    [(row, column, message)] = problems_of("2026-12-01,vk,image,engaging,engagement,likes,=HYPERLINK(\"x\")")
    assert (row, column) == (2, "copy") and "paste its value instead" in message


def test_formula_cells_are_reported_with_missing_columns():
    found = problems_of("2026-12-01,vk,=B1", header="date,platform,copy")
    assert (2, "copy") in {(row, column) for row, column, _ in found}
    assert {column for row, column, _ in found if row == 1} == {"format", "category", "goal", "kpi"}


def test_xlsx_cells_of_other_types_are_read_as_text():
    table = Table(header=HEADER.split(","), rows=[
        Row(2, [dt.datetime(2026, 12, 1), "vk", "image", "engaging", "engagement", "likes", 2026])])
    [post] = parse_posts(table)
    assert post.date == dt.date(2026, 12, 1) and post.copy == "2026"


def test_date_problem_in_a_workbook_row():
    table = Table(header=HEADER.split(","), rows=[
        Row(7, [45000, "vk", "image", "engaging", "engagement", "likes", "Hi"])])
    with pytest.raises(InvalidInput) as caught:
        parse_posts(table)
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (7, "date") and "number, not a date" in problem.message


# Cells of a plan row under HEADER and a cta column, as (usual values, odd ones): text,
# blanks, typos, a workbook's numbers and dates.
ROW_POOLS = [
    (["2026-12-01", "01.12.2026"], [" 2026-12-02 ", "31.11.2026", "03/04/2027", "", None, 45000,
                                    dt.date(2026, 12, 3), dt.datetime(2026, 12, 3, 9, 0)]),
    (["vk", "VK"], [" Instagram ", "Instagarm", "", None, 1, 1.0, True]),
    (["image"], ["Reels", "photo ", "hologram", ""]),
    (["engaging"], ["UGC", "Advertising", "gossip", ""]),
    (["engagement"], ["Sales", "reach ", "fame", None]),
    (["likes"], ["reach, follower growth", "CTR", "vibes", "likes; vibes", "", ","]),
    (["Hi"], [" Hello there ", "", None, 2026]),
    (["Book now", ""], [None, 7]),
]


def test_a_row_is_a_post_exactly_when_its_cells_read_well():
    """On random rows of text, blanks, typos and a workbook's numbers and dates, a row
    whose every required cell is filled, every vocabulary cell known and date readable
    becomes the post its cells name; any other is refused."""
    from random import Random

    from checker.cells import UnreadableCell, cell_text, read_date
    from checker.plan.parse import Post, kpi_cell
    from checker.plan.vocabulary import find

    rng = Random(12)
    header = [*HEADER.split(","), "cta"]
    for _ in range(2000):
        cells = [rng.choice(usual if rng.random() < 0.5 else odd) for usual, odd in ROW_POOLS]
        date, platform, format, category, goal, kpi, copy, cta = cells
        values = [find(name, cell_text(cell)) for name, cell in
                  zip(("platform", "format", "category", "goal"), (platform, format, category, goal))]
        kpis, unknown = kpi_cell(cell_text(kpi))
        try:
            day = read_date(date)
        except UnreadableCell:
            day = None
        table = Table(header=header, rows=[Row(2, cells)])
        if None in values or unknown or day is None or not cell_text(kpi) or not cell_text(copy):
            with pytest.raises(InvalidInput):
                parse_posts(table)
        else:
            assert parse_posts(table) == [Post(2, day, *values, kpis, cell_text(copy), cta=cell_text(cta))]


def test_rows_parse_as_if_each_were_alone_on_random_plans():
    """Parsing reads each distinct spelling, KPI cell and date once per plan and reuses it: on random plans full of repeats, good and bad, typed
    cells and blanks, the posts and problems must be exactly those of parsing every row
    as a plan of its own."""
    from random import Random

    rng = Random(11)
    header = [*HEADER.split(","), "cta"]
    for _ in range(200):
        rows = [Row(n, [rng.choice(usual if rng.random() < 0.85 else odd) for usual, odd in ROW_POOLS])
                for n in range(2, 2 + rng.randint(1, 30))]
        if rng.random() < 0.5:  # rows cut short, as a spreadsheet leaves trailing cells out
            rows = [Row(r.number, r.cells[:rng.randint(7, 8)]) for r in rows]
        expected_posts, expected_problems = [], []
        for row in rows:
            try:
                expected_posts += parse_posts(Table(header=header, rows=[row]))
            except InvalidInput as error:
                expected_problems += error.problems
        try:
            posts = parse_posts(Table(header=header, rows=rows))
        except InvalidInput as error:
            assert error.problems == expected_problems
        else:
            assert not expected_problems and posts == expected_posts
