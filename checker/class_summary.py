"""A picture of the class for its instructor: ``summary.html`` in the output folder.

The page shows how the scores spread and which rules the class fails, each as a bar chart
drawn here as inline SVG (a spoken title and description, and the same figures in a table
beside it, so nothing depends on seeing the chart or running a script); the three
findings most worth a lesson in class; the submissions that could not be graded, with
their problems; and the files left out, with why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape
from pathlib import Path
from statistics import fmean, median

from checker.class_pages import PANEL, STRINGS, fill, page, score, table
from checker.gradebook import Gradebook
from checker.kinds import exercise_kind
from checker.problems import InputProblem
from checker.report import Result

SUMMARY = "summary.html"
LESSONS = 3
BANDS = [(low, low + 9.999) for low in range(0, 90, 10)] + [(90, 100)]
# Chart colours, each at least 3:1 against white (WCAG non-text contrast).
BAR, FAILING_BAR, MARK = "#1f5fa8", "#a3001b", "#1a1a1a"


@dataclass(frozen=True)
class RuleFailures:
    """How the class did on one rule."""

    rule: str
    title: str
    weight: float
    failing: int  # graded learners whose finding for the rule is a fail
    example: str  # the message most of them were given ("" when none failed)


def band_label(band: tuple[float, float]) -> str:
    """``0-9``, ..., ``90-100``."""
    low, high = band
    return f"{low:g}-{int(high) if high < 100 else 100}"


def score_bands(results: list[Result]) -> list[tuple[str, int]]:
    """Learners per score band of ten points."""
    counts = Counter(min(int(r.score // 10), 9) for r in results)
    return [(band_label(band), counts[i]) for i, band in enumerate(BANDS)]


def rule_failures(book: Gradebook) -> list[RuleFailures]:
    """Every rule the exercise runs (its kind's order), then any other rule the findings
    name, with how many graded learners fail it."""
    infos = exercise_kind(book.exercise.kind).rules(book.exercise)
    messages: dict[str, list[str]] = {rule: [] for rule in infos}
    for result in book.graded:
        for finding in result.findings:
            failed = messages.setdefault(finding.rule, [])
            if finding.status == "fail":
                failed.append(finding.message)
    out = []
    for rule, failed in messages.items():
        info = infos.get(rule)
        example = Counter(failed).most_common(1)[0][0] if failed else ""
        out.append(RuleFailures(rule, info.title if info else rule, info.weight if info else 1.0, len(failed), example))
    return out


def lesson_worthy(failures: list[RuleFailures]) -> list[RuleFailures]:
    """The rules most worth a lesson: failed by the most learners, weighed by the rule's
    weight, so a failure that costs much of the score comes before a cheap one."""
    failed = [f for f in failures if f.failing]
    return sorted(failed, key=lambda f: -f.failing * f.weight)[:LESSONS]


def share(part: int, whole: int) -> str:
    """A share as a whole percentage."""
    return f"{round(100 * part / whole)}%" if whole else "0%"


def svg_chart(chart_id: str, title: str, description: str, width: int, height: int, shapes: list[str]) -> str:
    """An SVG image with a spoken name (its title) and description."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">'
            f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>'
            + "".join(shapes) + "</svg>")


def distribution_chart(bands: list[tuple[str, int]], threshold: float) -> str:
    """Vertical bars, one per score band, with the pass mark drawn as a dashed line."""
    s = STRINGS["summary"]
    width, height, left, bottom, top, slot = 600, 240, 40, 40, 20, 55
    tallest = max((count for _, count in bands), default=0) or 1
    plot = height - bottom - top
    shapes = [f'<line x1="{left}" y1="{height - bottom}" x2="{left + slot * len(bands)}" y2="{height - bottom}" '
              f'stroke="{MARK}"/>']
    for i, (label, count) in enumerate(bands):
        x = left + i * slot + 8
        bar = round(plot * count / tallest)
        y = height - bottom - bar
        shapes.append(f'<rect x="{x}" y="{y}" width="{slot - 16}" height="{bar}" fill="{BAR}"/>')
        shapes.append(f'<text class="chart-text" x="{x + (slot - 16) / 2}" y="{y - 4}" text-anchor="middle">{count}</text>')
        shapes.append(f'<text class="chart-text" x="{x + (slot - 16) / 2}" y="{height - bottom + 16}" '
                      f'text-anchor="middle">{escape(label)}</text>')
    mark = left + slot * min(threshold, 100) / 10
    shapes.append(f'<line x1="{mark:g}" y1="{top - 10}" x2="{mark:g}" y2="{height - bottom}" stroke="{MARK}" '
                  f'stroke-width="2" stroke-dasharray="6 4"/>')
    shapes.append(f'<text class="chart-text" x="{mark + 4:g}" y="{top - 2}">{fill(s["pass_mark"], threshold=score(threshold))}</text>')
    shapes.append(f'<text class="chart-text" x="{left}" y="{height - 6}">{escape(s["band"])}</text>')
    description = "; ".join(f"{label}: {count}" for label, count in bands)
    return svg_chart("distribution", s["distribution_chart"].format(threshold=score(threshold)), description,
                     width, height, shapes)


def rules_chart(failures: list[RuleFailures], graded: int) -> str:
    """Horizontal bars, one per rule, as long as the share of learners failing it."""
    s = STRINGS["summary"]
    left, bar_room, row = 190, 330, 26
    width, height = left + bar_room + 60, row * len(failures) + 10
    shapes = []
    for i, f in enumerate(failures):
        y = 5 + i * row
        length = round(bar_room * f.failing / graded) if graded else 0
        shapes.append(f'<text class="chart-text" x="{left - 8}" y="{y + 16}" text-anchor="end">{escape(f.rule)}</text>')
        shapes.append(f'<rect x="{left}" y="{y + 3}" width="{length}" height="{row - 8}" fill="{FAILING_BAR}"/>')
        shapes.append(f'<text class="chart-text" x="{left + length + 6}" y="{y + 16}">{share(f.failing, graded)}</text>')
    description = "; ".join(f"{f.rule}: {share(f.failing, graded)}" for f in failures)
    return svg_chart("rules", s["rules_chart"], description, width, height, shapes)


def problem_text(problem: InputProblem) -> str:
    """A problem with its place, worded as the check panel words it."""
    where = []
    if problem.row is not None:
        where.append(PANEL["problem_row"].format(row=problem.row))
    if problem.column is not None:
        where.append(PANEL["problem_column"].format(column=problem.column))
    return (", ".join(where) + ": " if where else "") + problem.message


def summary_html(book: Gradebook) -> str:
    """The class summary as a complete HTML page."""
    s = STRINGS["summary"]
    exercise = book.exercise
    results = book.graded
    parts = [f"<h1>{fill(s['title'], exercise=exercise.title)}</h1>",
             f"<p>{fill(s['counts'], entries=len(book.entries), graded=len(results), passed=sum(r.passed for r in results), invalid=len(book.invalid), skipped=len(book.skipped))}</p>"]
    if results:
        scores = [r.score for r in results]
        parts.append(f"<p>{fill(s['mean'], mean=f'{fmean(scores):.1f}', median=score(median(scores)), threshold=score(exercise.threshold))}</p>")
    else:
        parts.append(f"<p>{escape(s['no_scores'])}</p>")
    failures = rule_failures(book)
    parts += lessons_parts(failures, len(results))
    if results:
        bands = score_bands(results)
        parts += [f"<h2>{escape(s['distribution'])}</h2>",
                  f"<figure>{distribution_chart(bands, exercise.threshold)}</figure>",
                  table(s["distribution_caption"], [s["band"], s["learners"]],
                        [[escape(label), str(count)] for label, count in bands], numeric=frozenset({1}))]
    if results and failures:
        parts += [f"<h2>{escape(s['rules'])}</h2>",
                  f"<figure>{rules_chart(failures, len(results))}</figure>",
                  table(s["rules_caption"], [STRINGS["report"]["rule"], s["failing"], s["share"]],
                        [[f"{escape(f.title)}<br><code>{escape(f.rule)}</code>", str(f.failing),
                          share(f.failing, len(results))] for f in failures], numeric=frozenset({1, 2}))]
    parts.append(f"<h2>{escape(s['invalid'])}</h2>")
    if book.invalid:
        rows = [[escape(e.learner), escape(e.file),
                 "<ul>" + "".join(f"<li>{escape(problem_text(p))}</li>" for p in e.outcome.problems) + "</ul>"]
                for e in book.invalid]
        parts.append(table(s["invalid_caption"], [s["learner"], s["file"], STRINGS["report"]["problems"]], rows))
    else:
        parts.append(f"<p>{escape(s['none_invalid'])}</p>")
    parts.append(f"<h2>{escape(s['skipped'])}</h2>")
    if book.skipped:
        parts.append(table(s["skipped_caption"], [s["file"], s["reason"]],
                           [[escape(name), escape(why)] for name, why in book.skipped.items()]))
    else:
        parts.append(f"<p>{escape(s['none_skipped'])}</p>")
    return page(s["title"].format(exercise=exercise.title), "\n".join(parts))


def lessons_parts(failures: list[RuleFailures], graded: int) -> list[str]:
    """The three findings most worth a lesson, each with how many learners and an example."""
    s = STRINGS["summary"]
    worthy = lesson_worthy(failures)
    parts = [f"<h2>{escape(s['lessons'])}</h2>"]
    if not worthy:
        return parts + [f"<p>{escape(s['no_lessons'])}</p>"]
    items = "".join(
        f"<li><p>{fill(s['lesson'], title=f.title, count=f.failing, graded=graded, share=share(f.failing, graded))} "
        f"<code>{escape(f.rule)}</code></p><p>{escape(s['lesson_example'])}</p><blockquote>{escape(f.example)}</blockquote></li>"
        for f in worthy)
    return parts + [f"<p>{escape(s['lessons_intro'])}</p>", f"<ol>{items}</ol>"]


def write_summary(book: Gradebook, folder: str | Path) -> Path:
    """Write ``summary.html`` into ``folder``; returns its path."""
    path = Path(folder) / SUMMARY
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(summary_html(book), encoding="utf-8")
    return path
