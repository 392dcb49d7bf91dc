"""The site's Markdown directives and plugin, asserted on rendered HTML."""

from __future__ import annotations

import ast
import re

import markdown
import pytest

from checker.exercises import load_exercise
from checker.plan.exercise import exercise_rubric
from checker.plan.rules import RULES
from checker.site.directives import DirectiveError
from checker.site.glossary import load, slug
from checker.site.lessons import course_lessons


def render(text: str, root) -> str:
    md = markdown.Markdown(extensions=["abbr", "attr_list", "def_list", "md_in_html", "tables", "toc",
                                       "checker.site.directives"],
                           extension_configs={"checker.site.directives": {"root": str(root)}})
    return md.convert(text)


def test_glossary_lists_every_term_with_its_anchor(root):
    html = render("/// glossary\n///\n", root)
    ids = set(re.findall(r'<dt id="([^"]+)"', html))
    assert ids == {slug(t["term"]) for t in load(root / "glossary.toml")}


def test_glossary_terms_become_tooltips_on_any_page(root):
    term = load(root / "glossary.toml")[0]
    html = render(f"A paragraph about {term['term']}.", root)
    assert f'<abbr title="{term["definition"]}">{term["term"]}</abbr>' in html.replace("&quot;", '"')


def test_the_glossary_page_itself_has_no_tooltips(root):
    # Its definitions stand beside their terms; tooltips would repeat each of them.
    term = load(root / "glossary.toml")[0]
    html = render(f"Every term of the course, such as {term['term']}.\n\n/// glossary\n///\n", root)
    assert f'<dt id="{slug(term["term"])}">' in html
    assert "<abbr" not in html


def test_unknown_or_unclosed_directives_stop_the_build(root):
    with pytest.raises(DirectiveError, match="unknown directive '/// glosary'"):
        render("/// glosary\n///\n", root)
    with pytest.raises(DirectiveError, match="no closing"):
        render("/// glossary\n", root)


def test_syllabus_shows_every_topic_with_the_lessons_that_teach_it(root):
    html = render("/// syllabus\n///\n", root)
    for topic in ["R1", "P8", "T12", "S7", "K3"]:
        assert f"<td>{topic}</td>" in html
    assert "not yet taught" not in html
    assert 'href="profession/what-is-smm.md"' in html


def test_schedule_sums_the_reading_minutes(root):
    html = render("/// schedule\n///\n", root)
    total = sum(lesson.minutes for lesson in course_lessons(root, root / "docs"))
    assert f"Total reading time: {total} minutes" in html


def test_key_points_collects_every_lesson(root):
    html = render("/// key-points\n///\n", root)
    lessons = course_lessons(root, root / "docs")
    for lesson in lessons:
        assert f'href="{lesson.path}"' in html
    assert html.count("<li>") == sum(len(lesson.key_points) for lesson in lessons)


def test_plan_rubric_lists_every_rule_and_the_downloads(root):
    html = render("/// rubric | coffee-shop-plan\n///\n", root)
    runs = exercise_rubric(load_exercise("coffee-shop-plan")).weights
    for rule_id in RULES:  # every rule the exercise runs, and no optional rule it does not
        assert (f"<code>{rule_id}</code>" in html) == (rule_id in runs)
    assert 'href="exercises/coffee-shop-plan/starter.xlsx"' in html


def test_kpi_rubric_lists_the_metrics_the_exercise_asks(root):
    html = render("/// rubric | paid-funnel\n///\n", root)
    assert "<code>cpm</code>" in html and "<code>er_reach</code>" not in html


def test_rubric_of_an_unknown_exercise_stops_the_build(root):
    with pytest.raises(DirectiveError, match="no exercise 'nope'"):
        render("/// rubric | nope\n///\n", root)


def test_built_lesson_is_framed_by_its_front_matter(built_site):
    html = (built_site / "kpis" / "paid-metrics" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):]
    assert article.index("What you will learn") < article.index("Key points") < article.index("Practise")
    assert 'href="../quiz/"' in html
    assert 'href="../../exercises/paid-funnel/"' in html


def test_built_site_carries_downloads_and_no_mermaid(built_site):
    assert not (built_site / "assets" / "vendor" / "mermaid.min.js").exists()  # diagrams come drawn
    assert (built_site / "exercises" / "coffee-shop-plan" / "starter.xlsx").is_file()


def imports(path) -> list[tuple[str, bool]]:
    """Every module a Python file imports, and whether the import sits inside a function."""
    found = []

    def visit(node, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ImportFrom) and child.module:
                found.append((child.module, in_function))
            elif isinstance(child, ast.Import):
                found.extend((alias.name, in_function) for alias in child.names)
            visit(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)))

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def test_the_site_layer_imports_nothing_back_and_the_grader_imports_no_site(root):
    site = sorted((root / "checker" / "site").glob("*.py"))
    for path in site:
        found = imports(path)
        assert not [m for m, inside in found if inside and m.startswith("checker.site")], path.name
        if path.name not in ("directives.py", "plugin.py"):
            assert "checker.site.directives" not in [m for m, _ in found], path.name
    for path in sorted((root / "checker" / "quiz").rglob("*.py")):
        assert not [m for m, _ in imports(path) if m.startswith(("checker.site", "markdown"))], path.name
