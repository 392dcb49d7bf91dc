"""Diagrams reach the reader as SVG drawn before the page is served (checker/site/diagrams.py):
every Mermaid fence has its SVG in diagrams/, no SVG is left without a fence, each SVG
is a named image that follows the dark scheme, and the built pages load no Mermaid."""

from __future__ import annotations

import re

import markdown
import pytest

from checker.site.diagrams import FOLDER, RENDER_COMMAND, MissingDiagram, diagram_id, fence_sources, format_diagram

SUPERFENCES = {"pymdownx.superfences": {"custom_fences": [
    {"name": "mermaid", "class": "smm-diagram", "format": format_diagram}]}}


def lesson_fences(root):
    """{diagram id: 'page.md:line'} of every Mermaid fence in the lessons."""
    return {diagram_id(source): f"{page.relative_to(root).as_posix()}:{line}"
            for page in sorted((root / "docs").rglob("*.md"))
            for line, source in fence_sources(page.read_text(encoding="utf-8"))}


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=list(SUPERFENCES), extension_configs=SUPERFENCES)


def test_every_diagram_in_the_lessons_has_its_svg(root):
    fences = lesson_fences(root)
    assert len(fences) > 20
    missing = sorted(where for ident, where in fences.items() if not (root / FOLDER / f"{ident}.svg").is_file())
    assert not missing, f"diagrams changed without their SVG (run `{RENDER_COMMAND}` and commit {FOLDER}/): {missing}"


def test_no_svg_is_left_without_its_diagram(root):
    orphans = sorted(p.name for p in (root / FOLDER).glob("*.svg") if p.stem not in lesson_fences(root))
    assert not orphans, f"SVGs of diagrams no lesson draws (run `{RENDER_COMMAND}` to remove them): {orphans}"


def test_each_svg_is_a_named_image_with_its_own_ids_and_a_dark_scheme(root):
    for path in sorted((root / FOLDER).glob("*.svg")):
        svg = path.read_text(encoding="utf-8")
        opening = svg[:svg.index(">")]
        assert 'role="img"' in opening, path.name
        assert re.search(r'aria-label="[^"]{12,}"', opening), path.name
        assert all(ident.startswith(path.stem) for ident in re.findall(r'\bid="([^"]+)"', svg)), path.name
        assert f'[data-md-color-scheme="slate"] #{path.stem}' in svg, path.name


def test_fences_are_found_at_any_indentation_and_hashed_as_superfences_hands_them():
    text = "Intro\n\n!!! example\n\n    ```mermaid\n    flowchart LR\n        A --> B\n    ```\n"
    assert fence_sources(text) == [(5, "flowchart LR\n    A --> B\n")]
    # Trailing spaces and edge blank lines do not make another diagram.
    assert diagram_id("flowchart LR\n    A --> B\n") == diagram_id("\nflowchart LR  \n    A --> B")
    assert diagram_id("flowchart LR\n    A --> B") != diagram_id("flowchart LR\n    A --> C")


def test_a_diagram_is_inlined_and_a_repeated_one_gets_its_own_ids(root, monkeypatch):
    monkeypatch.chdir(root)
    ident = next(iter(lesson_fences(root)))
    source = next(source for page in sorted((root / "docs").rglob("*.md"))
                  for _, source in fence_sources(page.read_text(encoding="utf-8")) if diagram_id(source) == ident)
    fence = f"```mermaid\n{source}```\n"
    html = convert(f"{fence}\n{fence}")
    assert html.count('<div class="smm-diagram"><svg') == 2
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids repeat when a diagram is drawn twice on a page"
    assert f'id="{ident}"' in html and f'id="{ident}-2"' in html
    assert "mermaid" not in html.split("<svg", 1)[0]  # Material would load Mermaid for class="mermaid"


def test_a_diagram_without_its_svg_stops_the_build_naming_the_command(root, monkeypatch):
    monkeypatch.chdir(root)
    with pytest.raises(MissingDiagram, match=r"flowchart LR.*run `make diagrams`"):
        convert("```mermaid\nflowchart LR\n    Never --> Drawn\n```\n")


def test_built_pages_carry_the_svgs_and_no_mermaid(built_site):
    lesson = (built_site / "tactics" / "content-marketing" / "index.html").read_text(encoding="utf-8")
    assert lesson.count('<div class="smm-diagram"><svg role="img"') == 2
    assert not list(built_site.rglob("mermaid*.js"))
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not re.search(r'<script[^>]*mermaid|class="mermaid"', text), html
