"""Mermaid diagrams as SVG made before the page is served: no page loads Mermaid.

A lesson writes a diagram as a ```` ```mermaid ```` fence. ``diagrams/render.py`` (``make
diagrams``) draws each fence once, with Debian's Chromium and the vendored Mermaid, into
``diagrams/<id>.svg``, where the id is a hash of the fence's source. At build time the
SuperFences formatter ``format_diagram`` puts that SVG in the page in place of the fence.
Being a SuperFences formatter, it works with any builder that runs Python-Markdown
extensions (MkDocs, Zensical)::

    - pymdownx.superfences:
        custom_fences:
          - name: mermaid
            class: smm-diagram
            format: !!python/name:checker.site.diagrams.format_diagram
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

from pymdownx.superfences import SuperFencesException

from checker.course import course_root

FOLDER = "diagrams"
RENDER_COMMAND = "make diagrams"
# A fence at any indentation (inside an admonition or a list too); SuperFences hands the
# formatter the lines without that indentation, and so does ``fence_sources``.
FENCE = re.compile(r"^(?P<indent>[ \t]*)```mermaid[ \t]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.S | re.M)


class MissingDiagram(SuperFencesException):
    """A diagram has no pre-rendered SVG: the build stops and says how to make it (SuperFences
    lets only its own exception through; others would turn the fence into a code block)."""


def normalise(source: str) -> str:
    """The fence's source as hashed: trailing spaces and blank edge lines do not count."""
    return "\n".join(line.rstrip() for line in source.strip("\n").split("\n")).strip("\n")


def diagram_id(source: str) -> str:
    """The diagram's id: its SVG's file name and the prefix of every id inside it."""
    return "d-" + hashlib.sha256(normalise(source).encode("utf-8")).hexdigest()[:12]


def fence_sources(markdown: str) -> list[tuple[int, str]]:
    """(line number, source) of each Mermaid fence in a Markdown text, dedented as
    SuperFences hands it to ``format_diagram``."""
    found = []
    for match in FENCE.finditer(markdown):
        indent = len(match.group("indent"))
        body = "\n".join(line[indent:] for line in match.group("body").split("\n"))
        found.append((markdown.count("\n", 0, match.start()) + 1, body))
    return found


def svg_path(source: str, root: Path | None = None) -> Path:
    """Where the SVG of a diagram with this source is kept."""
    return (root or course_root()) / FOLDER / f"{diagram_id(source)}.svg"


def format_diagram(source, language, class_name, options, md, **kwargs) -> str:
    """SuperFences formatter: the diagram's pre-rendered SVG, inline. A source drawn twice
    on one page gets its ids suffixed the second time, so ids stay unique."""
    path = svg_path(source)
    if not path.is_file():
        first_line = normalise(source).split("\n", 1)[0]
        raise MissingDiagram(f"the diagram starting '{first_line}' has no SVG ({FOLDER}/{path.name}): "
                             f"run `{RENDER_COMMAND}` and commit {FOLDER}/.")
    svg = path.read_text(encoding="utf-8")
    # One Markdown instance converts one page under MkDocs; a builder that reuses it
    # only keeps counting, and ids still never repeat.
    drawn = md.__dict__.setdefault("_smm_diagrams_drawn", Counter())
    ident = diagram_id(source)
    drawn[ident] += 1
    if drawn[ident] > 1:
        svg = svg.replace(ident, f"{ident}-{drawn[ident]}")
    return f'<div class="{class_name}">{svg}</div>'
