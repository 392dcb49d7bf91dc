"""Invalid datasets and answer sheets: refused with every problem named by row and
column, never graded."""

from __future__ import annotations

import pytest

from checker.kpi.answers import answers_from_table
from checker.kpi.dataset import dataset_from_text
from checker.kpi.metrics import METRICS
from checker.problems import InvalidInput
from checker.tables import parse_bytes
from kpi_hand import CAMPAIGN_METRICS, HAND_CSV

HEADER, P1, P2, P3 = HAND_CSV.splitlines()


def problems_of(text: str, metric_ids=CAMPAIGN_METRICS) -> list[tuple]:
    with pytest.raises(InvalidInput) as caught:
        dataset_from_text(text, metric_ids)
    return [(p.row, p.column, p.message) for p in caught.value.problems]


def csv_of(*rows: str) -> str:
    return "\n".join((HEADER, *rows)) + "\n"


def test_every_bad_cell_is_named_at_once():
    found = problems_of(csv_of(P1.replace(",40,", ",lots,"), P2.replace("2026-01-05", "5th Jan"),
                               P3.replace(",1050,", ",-1050,")))
    where = {(row, column) for row, column, _ in found}
    assert where == {(2, "likes"), (3, "date"), (4, "followers")}
    messages = " ".join(m for *_, m in found)
    assert "'lots' is not a number" in messages and "negative" in messages \
        and "cannot read '5th Jan' as a date" in messages


def test_a_formula_cell_is_named_with_the_other_bad_cells():
    found = problems_of(csv_of(P1.replace(",40,", ",=B2*2,"), P2.replace(",30,200,", ",lots,200,"), P3))
    assert [(row, column) for row, column, _ in found] == [(2, "likes"), (3, "clicks")]
    assert "formula" in found[0][2] and "not a number" in found[1][2]


def test_an_answer_sheet_formula_is_named_with_the_other_problems():
    found = answer_problems("metric,value\nctr,=B3/B4\nengagment rate by reach,2\n")
    assert [(row, column) for row, column, _ in found] == [(2, "value"), (3, "metric")]
    assert "formula" in found[0][2]


def test_an_empty_cell_is_named():
    [(row, column, message)] = problems_of(csv_of(P1, P2.replace(",30,200,", ",,200,"), P3))
    assert (row, column) == (3, "clicks") and "empty" in message


def test_numbers_as_people_type_them_are_accepted_in_datasets():
    data = dataset_from_text(csv_of(P1.replace(",100,2,300", ',"100,00",2,"₽300"'), P2, P3), CAMPAIGN_METRICS)
    assert data.columns["spend"][0] == 100.0 and data.columns["revenue"][0] == 300.0


def test_more_engagements_than_reach_is_refused():
    [(row, column, message)] = problems_of(csv_of(P1, P2.replace(",250,15,", ",20,15,"), P3))
    assert (row, column) == (3, "reach") and "make 25, more than reach (20)" in message


def test_reach_above_impressions_is_refused():
    [(row, column, message)] = problems_of(csv_of(P1.replace("2000,1000,", "900,1000,"), P2, P3))
    assert (row, column) == (2, "impressions") and "fewer than reach" in message


def test_zero_reach_names_each_metric_it_leaves_undefined_and_the_post():
    zero = "P4,2026-01-03,0,VK,1000,0,0,0,0,0,0,0,0,0,0"
    found = problems_of(csv_of(P1, P2, P3, zero), ["er_reach", "er_impressions", "frequency", "ctr"])
    by_column = {column: (row, message) for row, column, message in found}
    assert by_column["reach"][0] == 5 and "er_reach" in by_column["reach"][1]
    assert by_column["impressions"][0] == 5 and "er_impressions" in by_column["impressions"][1]
    assert "ctr" not in by_column["impressions"][1]  # the total is not zero, so ctr is defined
    assert len(found) == 2


def test_zero_total_spend_makes_romi_and_roas_undefined():
    rows = [line.rsplit(",", 3)[0] + ",0," + ",".join(line.rsplit(",", 2)[1:]) for line in (P1, P2, P3)]
    [(row, column, message)] = problems_of(csv_of(*rows), ["romi", "roas", "cpc"])
    assert (row, column) == (None, "spend")
    assert "total spend is 0" in message and "romi" in message and "roas" in message and "cpc" not in message


def test_zero_conversions_make_cpa_undefined_but_not_ctr():
    rows = [line.rsplit(",", 2)[0] + ",0,0" for line in (P1, P2, P3)]
    [(row, column, message)] = problems_of(csv_of(*rows), ["cpa", "ctr"])
    assert column == "conversions" and "cpa" in message
    assert dataset_from_text(csv_of(*rows), ["ctr"]).columns["conversions"] == [0, 0, 0]


def test_growth_from_zero_followers_is_undefined():
    [(row, column, message)] = problems_of(csv_of(P1.replace("VK,1000,", "VK,0,"), P2, P3), ["follower_growth"])
    assert (row, column) == (2, "followers") and "growth from 0" in message


def test_missing_columns_are_named_with_a_hint():
    text = HAND_CSV.replace("impressions", "impresions").replace("clicks", "taps")
    found = problems_of(text)
    assert {column for _, column, _ in found} == {"impressions", "clicks"}
    assert any("Is it 'impresions'?" in m for *_, m in found)


def test_only_the_columns_the_metrics_use_are_required():
    text = "date,followers\n2026-01-01,100\n2026-01-09,150\n"
    assert dataset_from_text(text, ["follower_growth"]).columns["followers"] == [100, 150]


def test_header_aliases_are_accepted():
    text = HAND_CSV.replace("shares", "reposts").replace("impressions", "Views")
    assert dataset_from_text(text, CAMPAIGN_METRICS).columns["shares"] == [3, 3, 4]


def answer_problems(text: str) -> list[tuple]:
    with pytest.raises(InvalidInput) as caught:
        answers_from_table(parse_bytes(text.encode()))
    return [(p.row, p.column, p.message) for p in caught.value.problems]


def test_answer_names_are_ids_or_common_names_in_any_case():
    answers = answers_from_table(parse_bytes("Metric,Value\nCTR,2.5\ncost per click,4\nER_REACH,6.67\n"
                                             "Return On Ad Spend,2\n".encode()))
    assert {m: a.cell for m, a in answers.items()} == {"ctr": "2.5", "cpc": "4", "er_reach": "6.67", "roas": "2"}


def test_an_answer_sheet_with_semicolons_and_decimal_commas():
    answers = answers_from_table(parse_bytes("metric;value\nctr;2,5\n".encode()))
    assert answers["ctr"].cell == "2,5"


def test_unknown_and_repeated_metrics_are_all_named():
    found = answer_problems("metric,value\nctr,1\nengagment rate by reach,2\nCTR,3\n,4\ncpm,\n")
    assert [(row, column) for row, column, _ in found] == [(3, "metric"), (4, "metric"), (5, "metric")]
    assert "Did you mean 'engagement rate by reach'?" in found[0][2]
    assert "answered twice (rows 2 and 4)" in found[1][2]
    assert "no metric name" in found[2][2]


def test_an_answer_sheet_without_its_columns_is_refused():
    found = answer_problems("kpi,number\nctr,1\n")
    assert [(row, column) for row, column, _ in found] == [(1, "value")]


def test_a_dataset_with_only_the_needed_columns_is_graded_and_diagnosed():
    from checker.kpi.answers import Answer
    from checker.kpi.grade import judge

    text = "date,reach,likes,comments,shares,saves\n2026-01-01,100,5,0,0,0\n2026-01-02,50,10,0,0,0\n"
    data = dataset_from_text(text, ["er_reach"])
    # Mean of 5% and 20% is 12.5%; the totals give 10%. Followers and impressions,
    # which another diagnosis would try, are absent and simply not tried.
    assert judge(METRICS["er_reach"], data, Answer(2, "12.5")).status == "pass"
    assert judge(METRICS["er_reach"], data, Answer(2, "10")).code == "ratio-of-totals"
    assert judge(METRICS["er_reach"], data, Answer(2, "55")).code == "unknown"
