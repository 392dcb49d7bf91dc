"""Every diagnosis code, on the hand-computed campaign and messages: the value each
mistake gives is diagnosed as that mistake, and rounding within tolerance is never a
mistake."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checker.exercises import Exercise
from checker.kpi.answers import Answer
from checker.kpi.diagnose import DIAGNOSES
from checker.kpi.grade import grade, judge
from checker.kpi.metrics import METRICS, tolerance
from kpi_hand import HAND_VALUES, hand_data, hand_dataset

ROOT = Path(__file__).resolve().parent.parent
ISSUE_CODES = {"percent-as-fraction", "fraction-as-percent", "wrong-denominator", "ratio-of-totals",
               "mean-of-ratios", "missing-x1000", "inverted", "roi-roas-swap", "revenue-not-net",
               "revenue-not-margin", "all-messages", "mean-not-median", "hours-not-minutes",
               "missing", "not-a-number", "unknown"}


def verdict(metric_id: str, cell) -> tuple[str, str | None, str]:
    finding = judge(METRICS[metric_id], hand_data(metric_id), None if cell is None else Answer(2, cell))
    return finding.status, finding.code, finding.message


@pytest.mark.parametrize("metric_id, cell, code", [
    ("er_reach", "0.0667", "percent-as-fraction"),       # 6.67% written as a fraction
    ("ctr", "0,025", "percent-as-fraction"),
    ("follower_growth", "0.1", "percent-as-fraction"),
    ("roas", "200", "fraction-as-percent"),               # ratio 2 written as 200
    ("frequency", "195.12", "fraction-as-percent"),
    ("er_reach", "3.69", "wrong-denominator"),            # divided by followers
    ("er_followers", "6.67", "wrong-denominator"),        # divided by reach
    ("ctr", "4.88", "wrong-denominator"),                 # clicks / reach
    ("conversion_rate", "0.1", "wrong-denominator"),      # conversions / impressions
    ("follower_growth", "9.09", "wrong-denominator"),     # 100 / 1100, the latest followers
    ("er_reach", "5.61", "ratio-of-totals"),              # 115 / 2050
    ("virality_rate", "0.25", "ratio-of-totals"),         # 10 / 4000
    ("ctr", "3", "mean-of-ratios"),                       # (1% + 3% + 5%) / 3
    ("cpc", "4.56", "mean-of-ratios"),                    # (5 + 6.67 + 2) / 3
    ("cpm", "0.1", "missing-x1000"),
    ("cpc", "0.25", "inverted"),                          # clicks / spend
    ("cpa", "0.01", "inverted"),                          # conversions / spend
    ("romi", "2", "roi-roas-swap"),                       # ROAS given for ROMI
    ("romi", "200", "roi-roas-swap"),                     # ... and as a percentage
    ("roas", "-12.5", "roi-roas-swap"),                   # ROMI given for ROAS
    ("roas", "-12.5%", "roi-roas-swap"),                  # ... read as -0.125, ROMI as a fraction
    ("romi", "100", "revenue-not-margin"),                # (revenue - spend) / spend × 100
    ("romi", "87.5", "revenue-not-net"),                  # gross margin / spend × 100
    ("response_rate", "75", "all-messages"),              # 9 answered / 12 messages, spam included
    ("resolution_rate", "25", "all-messages"),            # 3 resolved / 12 messages, not 4 complaints
    ("response_rate", "0.9", "percent-as-fraction"),
    ("first_response_time", "104", "mean-not-median"),    # 936 / 9
    ("first_response_time", "0.3", "hours-not-minutes"),  # 18 minutes in hours
    ("resolution_rate", "133.33", "inverted"),            # complaints / resolved
    ("first_response_time", "30", "unknown"),
    ("cpa", None, "missing"),
    ("cpa", "  ", "missing"),
    ("cpa", "n/a", "not-a-number"),
    ("cpa", "77", "unknown"),
])
def test_each_mistake_is_diagnosed(metric_id, cell, code):
    status, found, _ = verdict(metric_id, cell)
    assert (status, found) == ("fail", code)


def test_every_issue_code_is_declared_and_tested_here():
    declared = {unit.code for unit in DIAGNOSES} | {"missing", "not-a-number", "unknown"}
    assert declared == ISSUE_CODES


@pytest.mark.parametrize("metric_id", sorted(HAND_VALUES))
@pytest.mark.parametrize("factor", [0.996, 1.0, 1.004])
def test_rounding_within_tolerance_is_correct_never_a_mistake(metric_id, factor):
    correct = HAND_VALUES[metric_id]
    status, code, _ = verdict(metric_id, f"{correct * factor:.6f}")
    assert (status, code) == ("pass", None)


@pytest.mark.parametrize("metric_id", sorted(HAND_VALUES))
def test_just_outside_tolerance_is_wrong(metric_id):
    correct = HAND_VALUES[metric_id]
    status, _, _ = verdict(metric_id, repr(correct + tolerance(correct) * 1.5))
    assert status == "fail"


def test_two_decimal_rounding_passes_every_metric():
    for metric_id, correct in HAND_VALUES.items():
        assert verdict(metric_id, f"{correct:.2f}")[0] == "pass", metric_id


def test_a_percent_sign_on_a_ratio_divides_by_100():
    assert verdict("roas", "200%")[0] == "pass"
    assert verdict("frequency", "195.12%")[0] == "pass"


def test_messages_explain_without_giving_the_number_away():
    _, _, message = verdict("er_reach", "3.69")
    assert "you divided by followers; er_reach divides by reach" in message
    for metric_id, cell in [("er_reach", "3.69"), ("cpm", "0.1"), ("cpa", "77"), ("romi", "100"), ("ctr", "3"),
                            ("response_rate", "75"), ("first_response_time", "104"), ("resolution_rate", "25")]:
        correct = HAND_VALUES[metric_id]
        _, _, message = verdict(metric_id, cell)
        for shown in {f"{correct:.2f}", f"{correct:.1f}", f"{correct:g}"} - {cell}:
            number = rf"(?<![\d.]){re.escape(shown)}(?![\d])"
            assert not re.search(number, message.replace(cell, "")), (metric_id, message)


def test_revenue_romi_is_named_as_roas_minus_one_and_the_margin_asked_for():
    _, _, message = verdict("romi", "100")
    assert "(ROAS - 1) × 100" in message and "gross_margin" in message


def test_service_messages_name_no_internal_count():
    # The learner's file has type, received_at, first_reply_at and resolved; the counts
    # the reader derives from them (to_answer, resolved_complaints) mean nothing to them.
    for metric_id, cell in [("response_rate", "75"), ("response_rate", "111.11"), ("resolution_rate", "25"),
                            ("resolution_rate", "133.33"), ("first_response_time", "30")]:
        _, _, message = verdict(metric_id, cell)
        assert not re.search(r"to_answer|resolved_complaints|reply_minutes", message), message


def test_score_is_the_share_of_metrics_right():
    exercise = Exercise("t", "kpi", "t", 70, ROOT, {"metrics": ["ctr", "cpc", "cpm"]})
    answers = {"ctr": Answer(2, "2.5"), "cpc": Answer(3, "4"), "cpm": Answer(4, "0.1")}
    result = grade(exercise, hand_dataset(), answers)
    assert (result.score, result.passed) == (66.7, False)
    assert [f.rule for f in result.findings] == ["kpi.ctr", "kpi.cpc", "kpi.cpm"]


def test_golden_samples_cover_every_code():
    codes = {finding["code"]
             for exercise in ("kpi-report", "organic-report", "paid-funnel", "service-report")
             for golden in (ROOT / "exercises" / exercise / "samples").glob("*.expected.json")
             for finding in json.loads(golden.read_text()).get("findings", [])}
    assert ISSUE_CODES <= codes
