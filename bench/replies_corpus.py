"""Agreement of the replies rules with a labelled corpus of replies.

    .venv/bin/python bench/replies_corpus.py [--show-misses]

``tests/corpus/replies.tsv`` holds replies written as learners write them, good and bad,
in English and Russian, each labelled with one rule and the status that rule should
give it (``pass``, ``warn`` or ``fail``), with the comment it answers (its situation,
author, platform and text), the action taken and, for ``replies.speed``, the minutes
the reply took, and its batch: ``tuned`` rows were written while the word lists were
(their misses fixed in the lists), ``held-out`` rows after, and never tuned on. Each row is graded alone as a one-comment sheet with the default
rubric and the public contacts of the course's replies exercises, so the rules that
compare replies with each other (templates) are left to the tests. Prints agreement per rule and language; the target is at least 90% for each rule
(``tests/test_replies_corpus.py`` asserts it).
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

from checker.exercises import list_exercises
from checker.replies.comments import Comment
from checker.replies.exercise import contacts
from checker.replies.rules import RULES
from checker.replies.rules.base import Sheet
from checker.replies.settings import replies_rubric
from checker.replies.sheet import Reply
from checker.text.match import language_of

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "replies.tsv"
POSTED = datetime(2026, 11, 28, 9, 0)
TARGET = 0.90
# The businesses' own contacts a reply may show: those of every replies exercise.
CONTACTS = tuple(c for exercise in list_exercises() if exercise.kind == "replies" for c in contacts(exercise))


def read_corpus(path: Path = CORPUS) -> list[dict]:
    """The labelled rows of the corpus."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def status_of(row: dict) -> str:
    """The status the row's rule gives its reply, graded as a one-comment sheet."""
    comment = Comment("c1", row["author"], row["platform"], POSTED, row["comment"], row["situation"])
    replied = POSTED + timedelta(minutes=int(row["minutes"])) if row["minutes"] else None
    reply = Reply(2, comment, row["action"], row["reply"], replied)
    sheet = Sheet((comment,), [reply], replies_rubric(None, 70), CONTACTS)
    return RULES[row["rule"]].check(sheet).status


def agreement(rows: list[dict]) -> tuple[dict[tuple[str, str], list[int]], list[tuple[dict, str]]]:
    """(rule, language) -> [agreeing, total], with language "all" for the rule's total
    and ("batch", batch) for each batch over every rule, and the rows the rules disagree
    with (each with the status given)."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for row in rows:
        got = status_of(row)
        language = language_of(row["reply"] or row["comment"])
        for key in ((row["rule"], language), (row["rule"], "all"), ("batch", row["batch"])):
            counts[key][0] += got == row["expected"]
            counts[key][1] += 1
        if got != row["expected"]:
            misses.append((row, got))
    return dict(counts), misses


def main() -> None:
    """Print the agreement table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-misses", action="store_true", help="list every row the rules disagree with")
    args = parser.parse_args()
    rows = read_corpus()
    counts, misses = agreement(rows)
    print(f"{len(rows)} labelled replies in {CORPUS.relative_to(CORPUS.parents[2])}")
    print(f"{'rule':<22} {'all':>14} {'en':>12} {'ru':>12}")
    for rule_id in RULES:
        cells = []
        for language in ("all", "en", "ru"):
            agree, total = counts.get((rule_id, language), (0, 0))
            cells.append(f"{agree}/{total} {100 * agree / total:.0f}%" if total else "-")
        print(f"{rule_id:<22} {cells[0]:>14} {cells[1]:>12} {cells[2]:>12}")
    for batch in ("tuned", "held-out"):
        agree, total = counts.get(("batch", batch), (0, 0))
        if total:
            print(f"{batch} rows, every rule: {agree}/{total} {100 * agree / total:.0f}%")
    if args.show_misses:
        for row, got in misses:
            print(f"- {row['rule']} ({row['batch']}): expected {row['expected']}, got {got}: "
                  f"{row['reply'] or row['action']}")


if __name__ == "__main__":
    main()
