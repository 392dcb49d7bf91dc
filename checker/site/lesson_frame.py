"""The lesson frame, as a Python-Markdown extension: the "What you will learn" box at the
top of a lesson and its key points and practice links (module quiz, exercises) at the end,
all from the lesson's front matter (CONTRIBUTING.md, "Lessons").

A lesson is a Markdown page whose front matter names ``topics``. The builder hands the
front matter over (``checker.site.rendered_page``), so the frame is the same under MkDocs
and Zensical.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from checker.course import course_root
from checker.exercises import UnknownExercise, load_exercise
from checker.site.rendered_page import rendered_page
from checker.site.rendering import DirectiveError, relative_link


def objectives_box(meta: dict) -> list[str]:
    """The 'what you will learn' box at the top of a lesson."""
    lines = ['!!! abstract "What you will learn"', ""]
    lines += [f"    - {objective}" for objective in meta.get("objectives", [])]
    topics = ", ".join(meta.get("topics", []))
    lines += ["", f"    :material-clock-outline: About {meta.get('minutes', '?')} minutes "
              f"&middot; Topics {topics}"]
    return lines


def closing(meta: dict, path: str, root: Path) -> list[str]:
    """Key points and practice links at the end of the lesson at docs-relative ``path``."""
    page_dir = posixpath.dirname(path)
    lines = ['!!! success "Key points"', ""]
    lines += [f"    - {point}" for point in meta.get("key_points", [])]
    practice = []
    if meta.get("quiz"):
        quiz = relative_link(f"{meta['quiz']}/quiz.md", page_dir)
        practice.append(f"- :material-help-circle-outline: [Module quiz]({quiz}): "
                        "check your understanding, with an explanation for every answer.")
    for exercise_id in meta.get("exercises") or []:
        try:
            title = load_exercise(exercise_id, root).title
        except UnknownExercise as error:
            raise DirectiveError(f"{path}: exercises: {error}") from None
        page = relative_link(f"exercises/{exercise_id}.md", page_dir)
        practice.append(f"- :material-pencil-outline: [Exercise: {title}]({page})")
    if practice:
        lines += ["", "## Practise", "", *practice]
    return lines


class LessonFramePreprocessor(Preprocessor):
    """Puts the objectives box before a lesson's text and the closing boxes after it."""

    def __init__(self, md: Markdown, root: Path):
        super().__init__(md)
        self.root = root

    def run(self, lines: list[str]) -> list[str]:
        page = rendered_page(self.md)
        if page is None or not page.path.endswith(".md") or "topics" not in page.meta:
            return lines
        return [*objectives_box(page.meta), "", *lines, "", *closing(page.meta, page.path, self.root)]


class LessonFrameExtension(Extension):
    """Registers the lesson frame; ``root`` is the course folder (for exercise titles)."""

    def __init__(self, **kwargs):
        self.config = {"root": ["", "Course folder (default: found from the working directory)."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        root = Path(self.getConfig("root")) if self.getConfig("root") else course_root()
        # After snippets (32) and whitespace normalising (30), before the course
        # directives (25) and HTML blocks (20): the frame is plain Markdown.
        md.preprocessors.register(LessonFramePreprocessor(md, root), "lesson-frame", 27)


def makeExtension(**kwargs) -> LessonFrameExtension:
    """Entry point for ``markdown_extensions: - checker.site.lesson_frame``."""
    return LessonFrameExtension(**kwargs)
