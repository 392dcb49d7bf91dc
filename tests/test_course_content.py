"""The course as data: every topic taught, every lesson meeting the lesson contract,
and the whole site building with no broken link or anchor."""

from __future__ import annotations

import tomllib

import pytest

from checker.site.glossary import load, slug
from checker.site.lessons import course_lessons, nav_paths
from lesson_lint import lesson_problems, prose_words


@pytest.fixture(scope="module")
def lessons(root):
    return course_lessons(root, root / "docs")


def test_every_topic_id_is_taught_by_a_lesson(root, lessons):
    data = tomllib.loads((root / "topics.toml").read_text(encoding="utf-8"))
    topics = {t["id"] for module in data["module"] for t in module["topics"]}
    taught = {topic for lesson in lessons for topic in lesson.topics}
    assert sorted(topics - taught) == []


def test_every_module_has_lessons_an_overview_and_a_quiz(root, lessons):
    data = tomllib.loads((root / "topics.toml").read_text(encoding="utf-8"))
    paths = set(nav_paths(root))
    for module in data["module"]:
        assert sum(lesson.module == module["id"] for lesson in lessons) >= 3, module["id"]
        assert f"{module['id']}/index.md" in paths
        assert f"{module['id']}/quiz.md" in paths


def test_every_nav_page_exists(root):
    missing = [p for p in nav_paths(root) if not (root / "docs" / p).is_file()]
    assert missing == []


def test_every_lesson_meets_the_lesson_contract(root, lessons):
    problems = {
        lesson.path: lesson_problems(root / "docs" / lesson.path)
        for lesson in lessons if lesson.path.endswith(".md")
    }
    assert {path: found for path, found in problems.items() if found} == {}


def test_glossary_has_sixty_terms_with_unique_anchors(root):
    terms = load(root / "glossary.toml")
    assert len(terms) >= 60
    anchors = [slug(t["term"]) for t in terms]
    assert len(anchors) == len(set(anchors))
    assert all(t["definition"].strip() for t in terms)


def test_word_count_ignores_code_and_link_targets():
    body = "One two three.\n\n```python\nnot counted at all\n```\n\n[four](../five/six.md)"
    assert prose_words(body) == 4


def test_strict_build_is_clean(built_site):
    log = (built_site / ".build.log").read_text(encoding="utf-8")
    assert "WARNING" not in log, log


def test_lint_catches_a_hashtag_line_that_markdown_would_make_a_heading(tmp_path):
    lesson = tmp_path / "lesson.md"
    lesson.write_text("---\ntitle: T\n---\n\nCaption:\n\n    #coffee #latte\n\n`#in-code` is fine\n", encoding="utf-8")
    problems = lesson_problems(lesson)
    assert any("'#coffee #latte' starts with a hashtag" in p for p in problems)
    assert not any("in-code" in p for p in problems)
