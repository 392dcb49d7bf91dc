"""What the quizzes cost: the widget's weight on the wire, and the CPU time to validate
every bank and grade an answer file.

The widget is one script and one stylesheet, with the helpers it shares with the check
panel (base.js), shared by every page and cached after the first; the issue compares it with mkdocs-quiz's ~63 KB of script inlined into each page.
The machine may be shared, so CPU time of this process is measured and the best of
several rounds is reported, as ``timeit`` does.
Run: ``python bench/bench_quiz.py [rounds]``.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
import time
from pathlib import Path

from checker.quiz.answers import read_answers
from checker.quiz.bank import list_banks, load_bank
from checker.quiz.grade import grade_bank
from checker.site.lesson_links import LessonLinks

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "checker" / "site" / "assets"


def answer_csv(bank) -> str:
    """An answer file giving the first option / item order / the answer to every question."""
    lines = ["question,answer"]
    for q in bank.questions:
        if q.type in ("single", "multiple"):
            value = "1"
        elif q.type == "ordering":
            value = ";".join(q.items)
        else:
            value = str(q.answer).lower()
        lines.append(f'{q.id},"{value}"')
    return "\n".join(lines) + "\n"


def best_of(rounds: int, work) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def main(rounds: int = 5) -> None:
    """Print the widget's size and the validation and grading times."""
    for name in ("quiz.js", "quiz.css", "base.js"):
        data = (ASSETS / name).read_bytes()
        print(f"{name}: {len(data):,} bytes, {len(gzip.compress(data, 9)):,} gzipped")
    ids = list_banks(ROOT)
    banks = [load_bank(b, ROOT) for b in ids]
    count = sum(len(b.questions) for b in banks)
    # As the site build validates them: each round reads the lessons afresh for their anchors.
    seconds = best_of(rounds, lambda: [load_bank(b, ROOT, lesson_check=LessonLinks(ROOT / "docs").check)
                                       for b in ids])
    print(f"validate {len(ids)} banks ({count} questions, lesson anchors included): {seconds * 1000:.1f} ms")
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for bank in banks:
            path = Path(folder) / f"{bank.id}.csv"
            path.write_text(answer_csv(bank), encoding="utf-8")
            files.append((bank, path))
        seconds = best_of(rounds, lambda: [grade_bank(b, read_answers(p, b)) for b, p in files])
    print(f"read and grade one answer file per bank: {seconds / len(files) * 1000:.2f} ms a file "
          f"(one core, best of {rounds} rounds)")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
