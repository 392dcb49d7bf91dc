"""Moodle's offline grading worksheet, filled from a graded class.

With the assignment's "Offline grading worksheet" feedback type on, View all submissions
> "Download grading worksheet" gives a CSV with the columns Identifier ("Participant
12345": the participant id the download's folder names carry), Full name, the site's
identity fields (Email address by default), Status, Grade, Maximum Grade, Grade can be
changed, Last modified (submission), Last modified (grade) and Feedback comments.
"Upload grading worksheet" matches rows by the number in Identifier, reads Grade and the
feedback columns by their headings, and leaves out a row whose grade changed in Moodle
after "Last modified (grade)"; so only Grade and Feedback comments are filled here and
the rest goes back as it came. The headings are Moodle's English ones: download and
upload the worksheet with your Moodle language set to English.
"""

from __future__ import annotations

import html
import re
from checker.classroom.lms_csv import Filled, LmsFileError, LmsTable, number, scaled
from checker.gradebook import Entry, Gradebook, problems_summary
from checker.problems import InvalidInput

IDENTIFIER, GRADE, MAXIMUM, CHANGEABLE, FEEDBACK = (
    "Identifier", "Grade", "Maximum Grade", "Grade can be changed", "Feedback comments")
PARTICIPANT = re.compile(r"(\d+)\s*$")


def fill_worksheet(sheet: LmsTable, book: Gradebook) -> Filled:
    """Put each graded learner's grade and feedback in their row of ``sheet`` (changed in
    place). Raises ``LmsFileError`` for a worksheet without Moodle's columns, or a
    Maximum Grade that is not a number."""
    columns = {name: sheet.column(name) for name in (IDENTIFIER, GRADE, MAXIMUM, FEEDBACK)}
    changeable = sheet.column(CHANGEABLE) if any(h.strip() == CHANGEABLE for h in sheet.header) else None
    by_id = {e.lms_id: e for e in book.entries if e.lms_id}
    filled = Filled()
    seen: set[str] = set()
    for number_in_file, row in enumerate(sheet.rows, start=2):
        match = PARTICIPANT.search(sheet.cell(row, columns[IDENTIFIER]))
        entry = by_id.get(match.group(1)) if match else None
        if entry is None:
            continue
        seen.add(entry.lms_id)
        if changeable is not None and sheet.cell(row, changeable).strip().casefold() == "no":
            filled.locked.append(entry.learner)
            continue
        row[columns[FEEDBACK]] = feedback(entry)
        if isinstance(entry.outcome, InvalidInput):
            continue
        maximum_text = sheet.cell(row, columns[MAXIMUM])
        maximum = number(maximum_text)
        if maximum is None:
            raise LmsFileError(f"{sheet.path.name}: row {number_in_file}, column '{MAXIMUM}': "
                               f"'{maximum_text}' is not a number; download the worksheet from Moodle again.")
        # Written as Moodle writes it: two decimals, with the decimal mark its maximum uses.
        grade = f"{scaled(entry.outcome.score, maximum):.2f}"
        row[columns[GRADE]] = grade.replace(".", ",") if "," in maximum_text else grade
        filled.graded += 1
    filled.unmatched = [e.learner for e in book.entries if e.lms_id not in seen]
    return filled


def feedback(entry: Entry) -> str:
    """The learner's feedback comment: the score, then each failed rule's message, or the
    problems that kept the file from being graded. Moodle shows the comment as HTML."""
    outcome = entry.outcome
    if isinstance(outcome, InvalidInput):
        text = f"Your file could not be graded: {problems_summary(outcome)}"
        return html.escape(text, quote=False)
    verdict = "passed" if outcome.passed else "not passed"
    lines = [f"{outcome.score:g}/100, {verdict} (pass mark {outcome.threshold:g})."]
    lines += [f"{f.rule}: {f.message}" + (f" (rows {', '.join(map(str, f.rows))})" if f.rows else "")
              for f in outcome.findings if f.status == "fail"]
    return "<br>".join(html.escape(line, quote=False) for line in lines)
