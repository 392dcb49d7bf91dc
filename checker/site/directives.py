"""Course directives for Python-Markdown, and glossary tooltips on every page.

A page embeds generated content with a directive on lines of its own::

    /// NAME | ARGUMENT
    ///

Each NAME maps to a function ``render(argument, ctx) -> str`` returning Markdown (or a
placeholder from ``ctx.html`` for raw HTML); the modules that render them share
``checker.site.rendering`` and never import this one. Being a plain Markdown extension,
this keeps working with any builder that runs Python-Markdown extensions, not only MkDocs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from checker.course import course_root
from checker.site import check_panel, exercise_pages, glossary, offline_panel, quiz, syllabus
from checker.site.rendering import DirectiveContext, DirectiveError

DIRECTIVE = re.compile(r"^/{3}\s*([a-z][a-z-]*)\s*(?:\|\s*(.*?))?\s*$")
CLOSE = re.compile(r"^/{3}\s*$")

DIRECTIVES: dict[str, Callable[[str, DirectiveContext], str]] = {
    "glossary": glossary.render,
    "syllabus": syllabus.render_syllabus,
    "key-points": syllabus.render_key_points,
    "schedule": syllabus.render_schedule,
    "exercises": exercise_pages.render_exercise_list,
    "rubric": exercise_pages.render_rubric,
    "quiz": quiz.render_quiz,
    "progress": quiz.render_progress,
    "check": check_panel.render_check,
    "offline": offline_panel.render_offline,
}


class DirectivePreprocessor(Preprocessor):
    """Replaces each directive block with what its function renders."""

    def __init__(self, md: Markdown, ctx: DirectiveContext, terms: dict[str, str]):
        super().__init__(md)
        self.ctx = ctx
        self.terms = terms

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        used: set[str] = set()
        index = 0
        while index < len(lines):
            match = DIRECTIVE.match(lines[index])
            if not match:
                out.append(lines[index])
                index += 1
                continue
            name, argument = match.group(1), (match.group(2) or "").strip()
            if name not in DIRECTIVES:
                known = ", ".join(sorted(DIRECTIVES))
                raise DirectiveError(f"unknown directive '/// {name}'; known: {known}.")
            end = next((j for j in range(index + 1, len(lines)) if CLOSE.match(lines[j])), None)
            if end is None:
                raise DirectiveError(f"directive '/// {name}' has no closing '///' line.")
            out.extend(["", *DIRECTIVES[name](argument, self.ctx).split("\n"), ""])
            used.add(name)
            index = end + 1
        # The glossary page spells out every definition beside its term: tooltips there
        # would repeat them, and Material would set up one for each of some 200 terms.
        if "glossary" not in used:
            self.add_tooltips()
        return out

    def add_tooltips(self) -> None:
        # The abbr extension wraps known terms in <abbr title=...>; Material's
        # content.tooltips turns those into tooltips. Its table is reset per document and
        # read by a treeprocessor, after every preprocessor has run.
        if "abbr" in self.md.treeprocessors:
            self.md.treeprocessors["abbr"].abbrs.update(self.terms)


class CourseDirectivesExtension(Extension):
    """Registers the directives; ``glossary`` names the glossary file for tooltips."""

    def __init__(self, **kwargs):
        self.config = {
            "root": ["", "Course folder (default: found from the working directory)."],
            "docs_dir": ["docs", "Docs folder, relative to the course folder."],
            "glossary": ["glossary.toml", "Glossary file, relative to the course folder."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        root = Path(self.getConfig("root")) if self.getConfig("root") else course_root()
        ctx = DirectiveContext(root=root, docs_dir=root / self.getConfig("docs_dir"),
                               glossary=root / self.getConfig("glossary"), md=md)
        terms = glossary.tooltips(glossary.load(ctx.glossary))
        # After whitespace normalising (30), which would strip the raw-HTML placeholders'
        # markers, and before HTML blocks are found (20), so directives can emit any Markdown.
        md.preprocessors.register(DirectivePreprocessor(md, ctx, terms), "course-directives", 25)


def makeExtension(**kwargs) -> CourseDirectivesExtension:
    """Entry point for ``markdown_extensions: - checker.site.directives``."""
    return CourseDirectivesExtension(**kwargs)

