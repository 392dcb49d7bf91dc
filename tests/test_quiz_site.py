"""The quiz and progress directives render accessible HTML and stop the build on a
broken bank, naming the file and the question."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import markdown
import pytest

from checker.quiz.bank import load_bank
from checker.site.directives import CourseDirectivesExtension, DirectiveError

FIXTURE = Path(__file__).parent / "fixtures" / "quiz"


def render(text: str, root: Path = FIXTURE) -> str:
    md = markdown.Markdown(extensions=["attr_list", "tables", CourseDirectivesExtension(root=str(root))])
    return md.convert(text)


def test_quiz_renders_real_form_controls_with_labels():
    html = render("/// quiz | sample\n///\n")
    bank = load_bank("sample", FIXTURE)
    assert html.count('<fieldset class="smm-q"') == len(bank.questions) == html.count("<legend>")
    ids = re.findall(r'<input [^>]*id="([^"]+)"', html)
    assert ids and all(f'<label for="{i}">' in html for i in ids)
    assert 'type="radio" name="smm-sample-smm-vs-smo"' in html
    assert 'type="checkbox" name="smm-sample-team-roles"' in html
    assert 'inputmode="decimal"' in html and 'aria-describedby="smm-sample-er-by-reach-unit"' in html
    order = [int(i) for i in re.findall(r'<li data-index="(\d)"', html)]
    assert order == bank.question("campaign-order").presented_order() != sorted(order)
    assert html.count('class="smm-up"') == html.count('class="smm-down"') == 4
    assert '<a class="smm-lesson" href="lessons/basics.md#engagement-rate-by-reach">' in html
    assert html.count('<div class="smm-feedback" role="status">') == len(bank.questions)
    data = json.loads(unescape(re.search(r'data-smm="([^"]+)"', html).group(1)))
    assert data["questions"] == [q.widget_data() for q in bank.questions]
    assert data["strings"]["unanswered"] and data["pass_mark"] == 70
    # Stashed HTML must not be wrapped in paragraphs (a <p> cannot hold a fieldset end).
    assert "<p><div" not in html and "</fieldset></p>" not in html


def test_progress_lists_each_embedded_bank_with_its_page():
    html = render("/// progress\n///\n")
    assert '<a href="sample-quiz.md">Sample: every question type</a>' in html
    assert 'data-progress-best="sample"' in html and 'data-progress-status="sample"' in html
    for label in ("Export my progress", "Import progress", "Erase my data"):
        assert f">{label}</button>" in html


def test_a_broken_bank_stops_the_build_naming_file_and_question(tmp_path):
    course = tmp_path / "course"
    shutil.copytree(FIXTURE, course)
    bank = course / "quizzes" / "sample.toml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("#smm-and-smo", "#gone"), encoding="utf-8")
    with pytest.raises(DirectiveError, match=r"quizzes/sample\.toml, question 'smm-vs-smo': lesson "
                                             r"'lessons/basics\.md#gone' is a dead link"):
        render("/// quiz | sample\n///\n", course)
    with pytest.raises(DirectiveError, match="there is no quiz bank 'nope'"):
        render("/// quiz | nope\n///\n")
