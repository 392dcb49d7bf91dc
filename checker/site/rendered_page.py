"""The page a Markdown conversion belongs to, as the site builder tells it.

Both builders strip a page's front matter before Python-Markdown sees the text, and each
leaves the page where an extension can find it: MkDocs in its link processor (the file,
and through it the page), Zensical in its rendering-context preprocessor. Outside a
builder (a test converting a snippet) there is no page.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown import Markdown


@dataclass(frozen=True)
class RenderedPage:
    """A page's source path relative to the docs folder (forward slashes) and its front matter."""

    path: str
    meta: dict


def rendered_page(md: Markdown) -> RenderedPage | None:
    """The page ``md`` is converting, or None when no builder named one."""
    if "relpath" in md.treeprocessors:  # MkDocs
        file = getattr(md.treeprocessors["relpath"], "file", None)
        if file is not None:
            return RenderedPage(file.src_uri, dict(file.page.meta) if file.page is not None else {})
    if "rendering_context" in md.preprocessors:  # Zensical
        page = md.preprocessors["rendering_context"].page
        return RenderedPage(page.path, dict(page.meta))
    return None
