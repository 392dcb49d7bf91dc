"""The text engine on its labelled corpus: recall and false alarms of plan.honesty and
plan.bait per language, and how long judging a plan's worth of texts takes.

    .venv/bin/python bench/bench_text.py [--json] [--show]

The corpus is ``tests/corpus/<lexicon>.tsv`` (columns text, label, language, note; label
``flag`` for a sentence the rule must catch, ``pass`` for an innocent look-alike).
Recall is the share of ``flag`` sentences with at least one match; a false alarm is a
``pass`` sentence with one. ``--show`` lists every miss and false alarm with the words
that triggered it; ``--json`` prints the figures only (tests/test_text_corpus.py reads
them). Speed: both lexicons judging the corpus sentences (nearly every one read token by
token) and the texts of the exercises' reference plans (mostly ruled out by a quick look),
per 60 texts, about a 60-row plan's copies.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from pathlib import Path

from checker.text import find, lexicon
from checker.text.tokens import norms_of, plain_words_of, words_of

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
RULES = {"honesty": "plan.honesty", "bait": "plan.bait"}


def read_corpus(name: str) -> list[dict]:
    """The rows of ``tests/corpus/<name>.tsv`` as dictionaries (tab separated, no quoting)."""
    lines = (CORPUS / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]


def measure(name: str) -> dict:
    """Recall and false alarms of lexicon ``name`` on its corpus, overall and per language,
    with the sentences it got wrong."""
    words = lexicon(name)
    groups: dict[str, dict] = {}
    wrong = []
    for row in read_corpus(name):
        matches = find(row["text"], words)
        for key in ("all", row["language"]):
            group = groups.setdefault(key, {"flag": 0, "caught": 0, "pass": 0, "alarms": 0})
            group[row["label"]] += 1
            if matches:
                group["caught" if row["label"] == "flag" else "alarms"] += 1
        if bool(matches) != (row["label"] == "flag"):
            wrong.append({"text": row["text"], "label": row["label"], "language": row["language"],
                          "matches": [m.describe() for m in matches]})
    for group in groups.values():
        group["recall"] = round(100 * group["caught"] / group["flag"], 1) if group["flag"] else None
        group["false_alarms"] = round(100 * group["alarms"] / group["pass"], 1) if group["pass"] else None
    return {"rule": RULES[name], "groups": groups, "wrong": wrong}


def plan_texts() -> list[str]:
    """The copies, calls to action and notes of the exercises' reference plans: texts as
    plans hold them, mostly innocent."""
    texts = []
    for path in sorted(CORPUS.parent.parent.glob("exercises/*/reference.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                texts += [row.get(column) or "" for column in ("copy", "cta", "notes")]
    return [text for text in texts if text]


def speed(texts: list[str], rounds: int = 5) -> float:
    """Best milliseconds to judge 60 of ``texts`` with both lexicons, each text read
    afresh (the engine's caches of split texts emptied before each round)."""
    lexicons = [lexicon(name) for name in RULES]
    best = float("inf")
    for _ in range(rounds):
        for cached in (norms_of, words_of, plain_words_of):
            cached.cache_clear()
        began = time.process_time()
        for text in texts:
            for words in lexicons:
                find(text, words)
        best = min(best, time.process_time() - began)
    return 1000 * best * 60 / len(texts)


def main() -> None:
    """Print the table (or the JSON figures)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the corpus figures as JSON")
    parser.add_argument("--show", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()
    results = [measure(name) for name in RULES]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return
    print(f"{'rule':<14}{'language':<10}{'to catch':>9}{'recall':>9}{'innocent':>10}{'false alarms':>14}")
    for result in results:
        for key, group in result["groups"].items():
            print(f"{result['rule']:<14}{key:<10}{group['flag']:>9}{group['recall']:>8}%{group['pass']:>10}"
                  f"{group['false_alarms']:>13}%")
        if args.show:
            for row in result["wrong"]:
                kind = "missed" if row["label"] == "flag" else "false alarm"
                print(f"  {kind}: {row['text']}  {'; '.join(row['matches'])}")
    corpus = [row["text"] for name in RULES for row in read_corpus(name)]
    print("judging 60 texts with both lexicons (best CPU time of 5 rounds):")
    print(f"  corpus sentences, nearly all holding a concept: {speed(corpus):.2f} ms")
    print(f"  the reference plans' copies, calls to action and notes: {speed(plan_texts()):.2f} ms")


if __name__ == "__main__":
    main()
