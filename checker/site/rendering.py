"""What every directive renders with: the build context, the error that stops a build,
links relative to the page, the course's TOML data files and the widgets' data attribute.

``directives.py`` registers the directives and the modules that render them import this
one, never ``directives.py``, so no module of the site layer imports another back.
"""

from __future__ import annotations

import json
import posixpath
import tomllib
from dataclasses import dataclass
from html import escape
from pathlib import Path

from markdown import Markdown

from checker.site.rendered_page import rendered_page


class DirectiveError(Exception):
    """An authoring mistake that must stop the build; the message names the file."""


@dataclass
class DirectiveContext:
    """What a directive may use: the course root, the docs folder, the glossary file and
    the Markdown instance (to stash raw HTML)."""

    root: Path
    docs_dir: Path
    glossary: Path
    md: Markdown

    def html(self, raw: str) -> str:
        """Keep raw HTML away from Markdown processing; return its placeholder."""
        return self.md.htmlStash.store(raw)

    @property
    def page_dir(self) -> str:
        """The docs-relative folder of the page being rendered, as the builder tells it;
        without a builder, pages are taken to sit at the top of docs/."""
        page = rendered_page(self.md)
        return posixpath.dirname(page.path) if page is not None else ""

    def link(self, target: str) -> str:
        """A docs-relative ``path#anchor`` made relative to the page being rendered."""
        return relative_link(target, self.page_dir)


def relative_link(target: str, page_dir: str) -> str:
    """A docs-relative ``path#anchor`` as a link from a page in the docs folder ``page_dir``."""
    path, _, anchor = target.partition("#")
    relative = posixpath.relpath(path, page_dir or ".")
    return f"{relative}#{anchor}" if anchor else relative


def read_toml(path: Path) -> dict:
    """A TOML data file, or a DirectiveError naming the file and the syntax error."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise DirectiveError(f"{path}: file not found.") from None
    except tomllib.TOMLDecodeError as error:
        raise DirectiveError(f"{path}: {error}") from None


def data_attribute(data: dict, script: str | None = None) -> str:
    """A widget's data as an HTML attribute. Not a JSON <script>: Material's instant
    navigation re-creates every script of the new page as plain JavaScript, which would
    run the JSON and drop the element. ``script`` names the widget's script in
    ``checker/site/assets``, which ``base.js`` loads only on the pages that show the widget."""
    attributes = f'data-smm="{escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")))}"'
    return attributes + (f' data-smm-script="{escape(script)}"' if script else "")
