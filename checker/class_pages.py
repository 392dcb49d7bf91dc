"""The HTML pages ``grade-class`` writes for people rather than programs: each learner's
feedback report and the class summary. Both are single self-contained files (inline
style, no script, no link to anything) so that they open from a zip, an LMS's feedback
area or an e-mail attachment, without the site.

Everything a learner wrote (names, file names, cells quoted in messages) reaches these
pages only through ``escape``.
"""

from __future__ import annotations

from html import escape

from checker.data import load

# The check panel's sentences (verdicts, statuses, problem places) and the pages' own.
PANEL = load("site_strings.toml")["check"]
STRINGS = load("class_report_strings.toml")

# Text on white at least 7:1 (WCAG AAA) for body text, 4.5:1 for the status colours.
STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;
background:#fff;max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #8c8c8c;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#ececec}
td.num,th.num{text-align:right}
code{font-family:ui-monospace,Consolas,monospace;font-size:.9em}
.fail{color:#a3001b;font-weight:600}.warn{color:#6b4500;font-weight:600}.pass{color:#17612a}
.verdict{font-size:1.15rem;font-weight:600}
figure{margin:1rem 0}svg{max-width:100%;height:auto}
.chart-text{font:13px system-ui,sans-serif;fill:#1a1a1a}
""".strip()


def page(title: str, body: str) -> str:
    """A complete HTML document: ``title`` is plain text, ``body`` is HTML already escaped."""
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
            f"{body}\n</main>\n</body>\n</html>\n")


def table(caption: str, headings: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset()) -> str:
    """A table with a caption and column headings (plain text); the cells are HTML
    already escaped; the columns in ``numeric`` align right."""
    def cls(i: int) -> str:
        return ' class="num"' if i in numeric else ""
    head = "".join(f'<th scope="col"{cls(i)}>{escape(h)}</th>' for i, h in enumerate(headings))
    body = "".join("<tr>" + "".join(f"<td{cls(i)}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>"
                   for row in rows)
    return (f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def fill(template: str, **values) -> str:
    """A sentence with its placeholders filled, escaped as HTML text."""
    return escape(template.format(**values))


def score(value: float) -> str:
    """A score as the check panel shows it (``64.5``, ``70``)."""
    return f"{value:g}"
