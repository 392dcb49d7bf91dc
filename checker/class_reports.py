"""Feedback each learner can read: one HTML report per submission of a graded class.

A report says what the exercise page's check panel would have said about the file (the
verdict, then every rule with its title, status, message and the fields its kind's
findings carry, failures first), or for a file that could not be graded, every problem
with its row and column. ``write_reports`` puts them in ``reports/`` of the output
folder, one file per learner, and, for a class downloaded from Moodle, also in
``feedback-moodle.zip``, laid out as Moodle's "Upload multiple feedback files in a zip"
expects: the folder each learner's submission came in (``Full Name_12345_assignsubmission_file_``)
holding ``feedback.html``. Moodle reads the participant id from the folder name.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from html import escape
from pathlib import Path

from checker.class_pages import PANEL, STRINGS, fill, page, score, table
from checker.gradebook import Entry, Gradebook
from checker.kinds import exercise_kind, finding_fields
from checker.problems import InvalidInput
from checker.report import STATUS_ORDER, Finding

REPORTS = "reports"
MOODLE_ZIP = "feedback-moodle.zip"
FEEDBACK_FILE = "feedback.html"
# What a file name keeps of a learner's name: letters and digits of any script, spaces,
# dots, hyphens, underscores. Everything else (slashes, quotes, angle brackets, control
# characters) becomes "_", so no name can leave its folder or trouble a file system.
UNSAFE = re.compile(r"[^\w .\-]", re.UNICODE)
LONGEST_NAME = 80


def report_html(book: Gradebook, entry: Entry) -> str:
    """The learner's report as a complete HTML page."""
    s = STRINGS["report"]
    exercise = book.exercise
    parts = [f"<h1>{escape(exercise.title)}</h1>",
             f"<p>{fill(s['for_learner'], learner=entry.learner, file=entry.file)}</p>"]
    if entry.late:
        parts.append(f"<p>{escape(s['late'])}</p>")
    if isinstance(entry.outcome, InvalidInput):
        parts += invalid_parts(entry.outcome)
    else:
        result = entry.outcome
        verdict = PANEL["passed"] if result.passed else PANEL["not_passed"]
        parts += [f'<p class="verdict">{fill(verdict, score=score(result.score), threshold=score(result.threshold))}</p>',
                  f"<h2>{escape(PANEL['findings'])}</h2>",
                  findings_table(book, result.kind, result.findings)]
    parts.append(f"<p>{fill(s['again'], exercise=exercise.title)}</p>")
    return page(s["title"].format(exercise=exercise.title, learner=entry.learner), "\n".join(parts))


def invalid_parts(error: InvalidInput) -> list[str]:
    """The verdict and problem table of a file that could not be graded."""
    s = STRINGS["report"]
    count = len(error.problems)
    verdict = PANEL["invalid_one"] if count == 1 else PANEL["invalid"].format(count=count)
    rows = [[escape(str(p.row)) if p.row is not None else escape(s["whole_file"]),
             escape(p.column or ""), escape(p.message)] for p in error.problems]
    return [f'<p class="verdict">{escape(verdict)}</p>', f"<h2>{escape(s['problems'])}</h2>",
            table(s["problems_caption"], [s["row"], s["column"], s["problem"]], rows)]


def findings_table(book: Gradebook, kind: str, findings: list[Finding]) -> str:
    """Every finding, failures first: status, the rule's title and id, the kind's finding
    fields (rows, code...), and the message."""
    s = STRINGS["report"]
    fields = finding_fields(kind)
    titles = exercise_kind(kind).rules(book.exercise)
    rows = []
    for finding in sorted(findings, key=lambda f: STATUS_ORDER[f.status]):
        info = titles.get(finding.rule)
        rule = (f"{escape(info.title)}<br>" if info else "") + f"<code>{escape(finding.rule)}</code>"
        values = finding.as_dict(fields)
        rows.append([f'<span class="{finding.status}">{escape(PANEL[finding.status])}</span>', rule,
                     *(field_cell(values.get(name)) for name in fields), escape(finding.message)])
    headings = [s["status"], s["rule"], *(s["fields"].get(name, name) for name in fields), s["message"]]
    return table(s["caption"], headings, rows)


def field_cell(value) -> str:
    """A finding field as a table cell: a list joined by commas, a code as code."""
    if value is None or value == []:
        return ""
    if isinstance(value, list):
        return escape(", ".join(map(str, value)))
    return f"<code>{escape(str(value))}</code>"


def safe_name(text: str) -> str:
    """``text`` as a single file or folder name: no separators, no leading dot, not empty."""
    name = UNSAFE.sub("_", unicodedata.normalize("NFC", text)).strip(" .")[:LONGEST_NAME].strip(" .")
    return name or "learner"


def report_names(entries: list[Entry]) -> list[str]:
    """A distinct file name per entry: the learner's name, with the LMS id when there is
    one (two learners may share a name), numbered when they still clash."""
    names, taken = [], set()
    for entry in entries:
        base = safe_name(f"{entry.learner}_{entry.lms_id}" if entry.lms_id else entry.learner)
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name.casefold())
        names.append(name + ".html")
    return names


def moodle_folder(entry: Entry) -> str | None:
    """The folder Moodle's feedback import reads this learner's participant id from, or
    None when the entry has no Moodle participant id."""
    if not entry.lms_id.isdigit():
        return None
    # Moodle splits the folder name at "_", so the name part keeps none.
    person = " ".join(safe_name(entry.learner).replace("_", " ").split()) or "learner"
    return f"{person}_{entry.lms_id}_assignsubmission_file_"


def write_reports(book: Gradebook, folder: str | Path) -> list[Path]:
    """Write every learner's report into ``folder/reports/`` and, for a Moodle class,
    ``folder/feedback-moodle.zip``; returns the paths written. Nothing is written
    outside ``folder``."""
    folder = Path(folder)
    reports = folder / REPORTS
    reports.mkdir(parents=True, exist_ok=True)
    written = []
    pages = [(entry, report_html(book, entry)) for entry in book.entries]
    for (_, html), name in zip(pages, report_names(book.entries)):
        path = reports / name
        path.write_text(html, encoding="utf-8")
        written.append(path)
    # One folder per participant: a learner with several files has one entry per file,
    # all saying the same.
    moodle = {moodle_folder(entry): html for entry, html in reversed(pages)} if book.layout == "moodle" else {}
    moodle.pop(None, None)
    if moodle:
        path = folder / MOODLE_ZIP
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for where, html in sorted(moodle.items()):
                archive.writestr(f"{where}/{FEEDBACK_FILE}", html)
        written.append(path)
    return written
