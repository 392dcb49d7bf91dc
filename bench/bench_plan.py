"""Benchmark: grade 1,000 generated 60-row content plans in one process, beside merely
reading the same files with the ``csv`` module, in the same run.

    .venv/bin/python bench/bench_plan.py [--plans 1000] [--rows 60] [--rounds 3]

Target (issue 11, which gave up the plan path's speed tricks for plain code): grading at
no less than 0.05 of the reading speed, measured in the same run. The plans are
realistic rather than trivial: three platforms, varied formats, goals and KPIs, copies
of 12-60 words drawn from the exercises' reference plans, hashtags and links, so every
rule does its full work. One more pass is a floor for any grader of this rubric: it
reads the files and splits each copy into its set of words, which plan.cross-post
compares and the text engine glances at before plan.honesty and plan.bait read a copy.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from checker.exercises import list_exercises
from checker.plan.grade import grade_table
from checker.plan.rubric import rubric
from checker.tables import read_table

COURSE = Path(__file__).resolve().parent.parent
COPY = 6  # the copy column of the generated plans
POSTS = [  # platform, format, category, goal, kpi
    ("instagram", "carousel", "engaging", "engagement", "comments"),
    ("instagram", "image", "ugc", "loyalty", "user-generated posts"),
    ("vk", "poll", "engaging", "engagement", "engagement rate"),
    ("vk", "image", "educational", "awareness", "reach"),
    ("telegram", "text", "educational", "traffic", "clicks"),
    ("telegram", "image", "promotional", "conversion", "leads, conversions"),
]


def vocabulary() -> list[str]:
    """Every word of the exercises' reference plans, as often as it occurs there: drawing
    from this list gives copies the word frequencies of real posts (common words shared by
    many copies, rare ones by few), which is what the cross-post search works on."""
    words = []
    for exercise in list_exercises(COURSE):
        if exercise.kind != "plan":
            continue
        with exercise.file("reference.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                words += [w.strip(".,:;!?'\"()") for w in row["copy"].split()]
    return [w for w in words if w]


def make_plan(rng: random.Random, rows: int, words: list[str]) -> str:
    """One plan as CSV text: ``rows`` posts spread over 30 days."""
    lines = ["date,platform,format,category,goal,kpi,copy,cta,link,hashtags"]
    start = date(2026, 12, 1)
    for n in range(rows):
        platform, fmt, category, goal, kpi = POSTS[n % len(POSTS)]
        copy = " ".join(rng.choice(words) for _ in range(rng.randint(12, 60))).capitalize() + "."
        cta, link = ("Read more", "https://shop.example/p") if goal in ("traffic", "conversion") else ("", "")
        tags = " ".join(f"#{rng.choice(words).lower()}" for _ in range(rng.randint(0, 4)))
        day = start + timedelta(days=n * 30 // rows)
        lines.append(f'{day.isoformat()},{platform},{fmt},{category},{goal},"{kpi}","{copy}",{cta},{link},{tags}')
    return "\n".join(lines) + "\n"


def read_only(paths: list[Path]) -> None:
    """The baseline: open each file and split it into rows with the csv module."""
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            list(csv.reader(handle))


def read_words(paths: list[Path]) -> None:
    """A floor for any grader of these rules: read each file and split every copy into its
    set of lower-case words, the least that plan.cross-post's similarity and the text
    engine's first look for plan.honesty and plan.bait need."""
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                frozenset(row[COPY].lower().split())


def grade_all(paths: list[Path]) -> None:
    """The full pipeline per file: read, check, parse and grade every rule."""
    params = rubric()
    for path in paths:
        grade_table(read_table(path), "content-plan", params)


def timed(passes: dict, paths: list[Path], rounds: int) -> dict[str, float]:
    """Best process CPU time of each pass over ``rounds`` rounds, in seconds. The passes
    take turns within a round, so a busy machine slows both alike; CPU time rather than
    wall time, because other processes on a shared machine steal wall time unevenly."""
    best = dict.fromkeys(passes, float("inf"))
    for _ in range(rounds):
        for name, function in passes.items():
            began = time.process_time()
            function(paths)
            best[name] = min(best[name], time.process_time() - began)
    return best


def main() -> None:
    """Generate the plans, time both passes and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(2026)
    words = vocabulary()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n in range(args.plans):
            path = Path(folder) / f"plan-{n:04d}.csv"
            path.write_text(make_plan(rng, args.rows, words), encoding="utf-8")
            paths.append(path)
        grade_all(paths[:5])  # load data tables and compile patterns outside the timing
        best = timed({"read": read_only, "words": read_words, "grade": grade_all},
                     paths, args.rounds)
    reading, grading = best["read"], best["grade"]
    print(f"{args.plans} plans x {args.rows} rows, best CPU time of {args.rounds} rounds")
    print(f"{'pass':<36}{'seconds':>10}{'plans/s':>12}{'of reading':>12}")
    for name, seconds in (("read with csv module", reading), ("read + word sets of the copies", best["words"]),
                          ("grade (read+parse+rules)", grading)):
        print(f"{name:<36}{seconds:>10.3f}{args.plans / seconds:>12,.0f}{reading / seconds:>12.2f}")
    print(f"grading runs at {reading / grading:.3f} of reading speed (target: 0.05 or more)")


if __name__ == "__main__":
    main()
