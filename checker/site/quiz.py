"""The ``/// quiz | ID`` and ``/// progress`` directives.

The server renders every question as real HTML (a fieldset and legend here, the labelled
controls by the question's type), so the page reads well before any script runs; the
widget (``assets/quiz.js``) adds checking, scoring and storage, grading with the data in
the quiz's data-smm attribute by the same rules as ``checker.quiz.grade``. Lesson links
are Markdown links, so MkDocs resolves and validates them like any other, and the bank's
links are checked against the lessons' headings before that (``lesson_links.py``).
"""

from __future__ import annotations

import re
from html import escape

from checker.cells import MARKS
from checker.quiz.bank import Bank, BankError, UnknownBank, list_banks, load_bank
from checker.quiz.question import SETTINGS, STRINGS, Question
from checker.site.lesson_links import LessonLinks
from checker.site.rendering import DirectiveContext, DirectiveError, data_attribute, read_toml

# Bumped when the shape of what the widget stores in localStorage changes.
STORAGE_VERSION = 1
QUIZ_DIRECTIVE = re.compile(r"^/{3}\s*quiz\s*\|\s*([a-z0-9-]+)\s*$", re.MULTILINE)


def _bank(bank_id: str, ctx: DirectiveContext) -> Bank:
    """The bank, validated with its lesson links; a broken one stops the build."""
    try:
        return load_bank(bank_id, ctx.root, lesson_check=LessonLinks(ctx.docs_dir).check)
    except (UnknownBank, BankError) as error:
        raise DirectiveError(f"/// quiz | {bank_id}: {error}") from None


def render_quiz(argument: str, ctx: DirectiveContext) -> str:
    """The interactive quiz for bank ``argument``, as Markdown with stashed HTML."""
    bank = _bank(argument.strip(), ctx)
    s = STRINGS["quiz"]
    data = {"bank": bank.id, "version": STORAGE_VERSION, "pass_mark": bank.pass_mark,
            "shuffle": bank.shuffle, "float_slack": SETTINGS["float_slack"],
            "questions": [q.widget_data() for q in bank.questions],
            "strings": {**s, **STRINGS["grading"]}, "number_marks": MARKS}
    parts = [ctx.html(f'<div class="smm-quiz" data-quiz="{bank.id}" {data_attribute(data, "quiz.js")}>'
                      f'<p class="smm-quiz-best" hidden></p>')]
    total = len(bank.questions)
    for number, question in enumerate(bank.questions, 1):
        parts.append(ctx.html(_question_open(bank, question, number, total)))
        parts.append(f"[{s['lesson']}]({ctx.link(question.lesson)}){{ .smm-lesson }}")
        # Raw HTML stays unwrapped by <p> only when it starts with a block element.
        parts.append(ctx.html(f'<div class="smm-q-end"><button type="button" class="md-button smm-check">'
                              f'{escape(s["check"])}</button><div class="smm-feedback" role="status"></div>'
                              '</div></fieldset>'))
    parts.append(ctx.html('<div class="smm-quiz-end"><p class="smm-score" role="status"></p>'
                          f'<button type="button" class="md-button smm-retry" hidden>{escape(s["retry"])}</button>'
                          '</div></div>'))
    return "\n\n".join(parts)


def _question_open(bank: Bank, q: Question, number: int, total: int) -> str:
    """A question's fieldset up to (not including) its lesson link; its type renders the
    form controls."""
    s = STRINGS["quiz"]
    base = f"smm-{bank.id}-{q.id}"
    heading = escape(s["question_number"].format(number=number, total=total))
    return (f'<fieldset class="smm-q" id="{base}" data-qid="{q.id}" data-type="{q.type}">'
            f'<legend><span class="smm-q-number">{heading}</span> '
            f'<span class="smm-prompt">{escape(q.prompt)}</span></legend>{q.form_html(base, s)}')


def quiz_pages(ctx: DirectiveContext) -> dict[str, str]:
    """Which page (docs-relative) embeds each bank, found from the directives themselves."""
    pages: dict[str, str] = {}
    for path in sorted(ctx.docs_dir.rglob("*.md")):
        for bank_id in QUIZ_DIRECTIVE.findall(path.read_text(encoding="utf-8")):
            pages.setdefault(bank_id, path.relative_to(ctx.docs_dir).as_posix())
    return pages


def _course_order(bank_ids: list[str], ctx: DirectiveContext) -> list[str]:
    """Banks in the order of the syllabus modules (topics.toml), any others after."""
    modules = [m["id"] for m in read_toml(ctx.root / "topics.toml").get("module", [])]
    return sorted(bank_ids, key=lambda b: (modules.index(b) if b in modules else len(modules), b))


def render_progress(argument: str, ctx: DirectiveContext) -> str:
    """The learner's progress over every bank, with export, import and erase buttons."""
    s = STRINGS["progress"]
    pages = quiz_pages(ctx)
    banks = [_bank(bank_id, ctx) for bank_id in _course_order(list_banks(ctx.root), ctx) if bank_id in pages]
    data = {"version": STORAGE_VERSION, "strings": s,
            "banks": [{"id": b.id, "title": b.title, "pass_mark": b.pass_mark} for b in banks]}
    rows = [f"| {escape(s['quiz'])} | {escape(s['best'])} | {escape(s['status'])} |", "| --- | --- | --- |"]
    for bank in banks:
        rows.append(f"| [{escape(bank.title)}]({ctx.link(pages[bank.id])}) "
                    f'| <span data-progress-best="{bank.id}">–</span> '
                    f'| <span data-progress-status="{bank.id}">{escape(s["not_started"])}</span> |')
    buttons = ('<div class="smm-progress-actions">'
               f'<button type="button" class="md-button smm-export">{escape(s["export"])}</button>'
               f'<button type="button" class="md-button smm-import">{escape(s["import"])}</button>'
               '<input type="file" class="smm-import-file" accept=".json,application/json" hidden>'
               f'<button type="button" class="md-button smm-erase">{escape(s["erase"])}</button>'
               '<p class="smm-progress-status" role="status"></p></div></div>')
    return "\n\n".join([
        ctx.html(f'<div class="smm-progress" {data_attribute(data, "quiz.js")}>'
                 f'<p class="smm-progress-summary" role="status"></p>'),
        "\n".join(rows),
        ctx.html(buttons),
    ])
