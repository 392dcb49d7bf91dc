"""Every metric's formula on datasets computed by hand, and the metric definitions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.kpi.metrics import METRICS, SETTINGS, close_enough, tolerance
from kpi_hand import HAND_MESSAGES_CSV, HAND_VALUES, SERVICE_METRICS, hand_data, hand_dataset, hand_messages

ROOT = Path(__file__).resolve().parent.parent
ISSUE_IDS = {"er_reach", "er_followers", "er_impressions", "ctr", "cpc", "cpm", "conversion_rate", "cpa",
             "romi", "roas", "follower_growth", "amplification_rate", "virality_rate", "frequency",
             "response_rate", "first_response_time", "resolution_rate"}


@pytest.mark.parametrize("metric_id", sorted(HAND_VALUES))
def test_metric_matches_hand_computation(metric_id):
    assert METRICS[metric_id].value(hand_data(metric_id)) == pytest.approx(HAND_VALUES[metric_id], rel=1e-12)


def test_every_metric_is_computed_by_hand():
    assert set(HAND_VALUES) == set(METRICS)


def test_romi_counts_the_gross_margin_not_the_revenue():
    # ROAS 2.0 looks healthy, but 350 of gross margin on 400 of spend is a loss.
    data = hand_dataset()
    assert METRICS["roas"].value(data) == pytest.approx(2.0)
    assert METRICS["romi"].value(data) == pytest.approx(-12.5)


def test_first_response_time_is_the_median_of_the_answered_messages_in_clock_minutes():
    data = hand_messages()
    # The overnight wait (21:30 to 09:30) counts 720 clock minutes; the unanswered
    # question (row 11) and the spam are in no wait.
    waits = sorted(w for w, answered in zip(data.columns["reply_minutes"], data.columns["answered"]) if answered)
    assert waits == [4, 7, 12, 15, 18, 25, 40, 95, 720]
    assert METRICS["first_response_time"].value(data) == 18


def test_an_even_number_of_waits_takes_the_mean_of_the_two_middle_ones():
    text = HAND_MESSAGES_CSV.replace("2026-11-02 21:30,2026-11-03 09:30,yes", "2026-11-02 21:30,,no")
    assert METRICS["first_response_time"].value(hand_messages(text)) == (15 + 18) / 2


def test_spam_is_neither_answered_nor_needing_an_answer():
    # Answering a spam message does not raise the response rate.
    text = HAND_MESSAGES_CSV.replace("3,VK,spam,2026-11-02 10:02,,", "3,VK,spam,2026-11-02 10:02,2026-11-02 10:03,")
    assert METRICS["response_rate"].value(hand_messages(text)) == pytest.approx(90.0)


def test_metrics_name_the_table_they_read():
    assert SERVICE_METRICS == ["response_rate", "first_response_time", "resolution_rate"]
    assert {METRICS[m].table for m in METRICS} == {"posts", "messages"}


def test_the_registry_is_exactly_the_contracted_ids_and_the_data_file():
    assert set(METRICS) == ISSUE_IDS == set(SETTINGS["metrics"])


@pytest.mark.parametrize("metric_id", sorted(ISSUE_IDS))
def test_each_metric_is_described_for_learners(metric_id):
    metric = METRICS[metric_id]
    assert metric.title and metric.formula and metric.about
    assert metric.unit in {"%", "money", "ratio", "minutes"}
    assert re.fullmatch(r"docs/kpis/[a-z-]+\.md", metric.lesson)


def test_lessons_named_in_the_data_file_exist():
    lessons = {m.lesson for m in METRICS.values()}
    assert lessons == {"docs/kpis/engagement-metrics.md", "docs/kpis/paid-metrics.md",
                       "docs/kpis/return-metrics.md", "docs/kpis/growth-and-variants.md",
                       "docs/kpis/service-metrics.md"}
    missing = [lesson for lesson in lessons if not (ROOT / lesson).is_file()]
    assert not missing


def test_no_two_metrics_share_a_name():
    names = [n.lower() for m in METRICS.values() for n in (m.id, *m.names)]
    assert len(names) == len(set(names))


def test_follower_growth_orders_posts_by_date_not_by_row():
    # The last row (P3, 1050 followers) is not the latest post (P2, 1100 followers).
    assert METRICS["follower_growth"].value(hand_dataset()) == pytest.approx(10.0)


@pytest.mark.parametrize("correct, value, right", [
    (2.0, 2.0099, True),        # absolute 0.01 is larger than 0.5% of 2
    (2.0, 2.011, False),
    (1000.0, 1004.9, True),     # 0.5% of 1000 is larger than 0.01
    (1000.0, 1005.1, False),
    (-12.0, -12.05, True),      # a negative ROMI keeps the same tolerance
])
def test_tolerance_is_half_a_percent_or_a_hundredth_whichever_is_larger(correct, value, right):
    assert close_enough(value, correct) is right
    assert tolerance(correct) == max(abs(correct) * 0.005, 0.01)


def test_the_kpi_core_imports_the_standard_library_only():
    import ast
    import sys

    for module in (ROOT / "checker" / "kpi").glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top == "checker" or top in sys.stdlib_module_names, (module.name, name)
                assert name not in ("checker.xlsx", "checker.site"), (module.name, name)


def test_grading_a_csv_sheet_never_loads_openpyxl():
    import subprocess
    import sys

    script = ("import sys; from checker.exercises import load_exercise; from checker.kpi import grade_files; "
              "e = load_exercise('paid-funnel'); grade_files(e.file('reference-answers.csv'), e, e.file('data.csv')); "
              "print('openpyxl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"
