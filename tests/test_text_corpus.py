"""plan.honesty and plan.bait on their labelled corpus (tests/corpus/*.tsv), as
bench/bench_text.py measures them: the quality targets of issue 12, per rule and per
language. Recall is the share of sentences to catch that are caught; false alarms the
share of innocent look-alikes that are flagged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# rule: (least recall, most false alarms), in per cent
TARGETS = {"plan.honesty": (97.0, 1.0), "plan.bait": (95.0, 2.0)}
# The corpus sizes the issue asks for: sentences in all, and the least share of innocent ones.
SIZES = {"plan.honesty": (300, 1 / 3), "plan.bait": (120, 0.0)}


@pytest.fixture(scope="module")
def figures() -> dict:
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_text.py"), "--json"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return {result["rule"]: result for result in json.loads(run.stdout)}


@pytest.mark.parametrize("rule", TARGETS)
@pytest.mark.parametrize("language", ["all", "en", "ru"])
def test_each_rule_meets_its_targets_in_each_language(figures, rule, language):
    least_recall, most_alarms = TARGETS[rule]
    group = figures[rule]["groups"][language]
    wrong = [row["text"] for row in figures[rule]["wrong"] if language in ("all", row["language"])]
    assert group["recall"] >= least_recall and group["false_alarms"] <= most_alarms, wrong


@pytest.mark.parametrize("rule", TARGETS)
def test_the_corpus_is_as_large_as_the_issue_asks(figures, rule):
    least, innocent_share = SIZES[rule]
    group = figures[rule]["groups"]["all"]
    assert group["flag"] + group["pass"] >= least and group["pass"] >= innocent_share * (group["flag"] + group["pass"])
    assert figures[rule]["groups"]["en"]["flag"] and figures[rule]["groups"]["ru"]["flag"]


def test_the_issue_sentences_are_in_the_corpus(figures):
    lines = (ROOT / "tests" / "corpus" / "honesty.tsv").read_text(encoding="utf-8").splitlines()
    rows = {line.split("\t")[0]: line.split("\t")[1] for line in lines[1:]}
    assert rows["Попросить сотрудников написать отзывы от имени клиентов."] == "flag"
    assert rows["We never buy followers or likes: every one of you found us yourself."] == "pass"
    assert sum(1 for line in lines if line.endswith("\tissue")) == 6
