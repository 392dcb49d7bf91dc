"""Draw every Mermaid fence of the lessons into diagrams/<id>.svg (``make diagrams``).

Draws the diagrams that have no SVG yet and removes the SVGs no lesson uses any more;
``--all`` draws every diagram again (after a change to how they are drawn). Debian's
Chromium, driven by Playwright, runs the Mermaid that ``npm ci`` installed; the pages
then carry the SVG and load no Mermaid (``checker/site/diagrams.py``).

Each SVG follows Material's colour schemes: it is drawn with Mermaid's light and dark
themes, and the dark theme's rules are kept under ``[data-md-color-scheme="slate"]``.
It is an image with an accessible name: the diagram's title, then what it says.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from checker.site.diagrams import FOLDER, diagram_id, fence_sources  # noqa: E402
from site_harness import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the tests' Chromium)

MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
DARK_SCHEME = '[data-md-color-scheme="slate"]'
# Arial's metrics (Liberation Sans here), so labels fit their boxes on readers' machines.
FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif'
# Pie slices take their colours from attributes, not from the style sheet, so both themes
# share these mid-tone colours (readable on white and on Material's slate).
PIE_COLOURS = {f"pie{n}": colour for n, colour in enumerate(
    ["#5c6bc0", "#ff7043", "#26a69a", "#ab47bc", "#ffca28", "#8d6e63",
     "#42a5f5", "#ec407a", "#9ccc65", "#78909c", "#7e57c2", "#26c6da"], start=1)}
STRAY_ATTRIBUTES = {"g": ("dy", "name"), "rect": ("name",), "line": ("name",), "circle": ("width", "height")}
KINDS = {"flowchart-v2": "Flowchart", "pie": "Pie chart", "mindmap": "Mind map",
         "sequence": "Sequence diagram", "timeline": "Timeline"}

# Runs in the page: draws one diagram with one theme and says what it shows, in words.
DRAW = """async ([id, source, theme, font, pie]) => {
    mermaid.initialize({startOnLoad: false, securityLevel: 'strict', theme, fontFamily: font,
                        htmlLabels: false, flowchart: {htmlLabels: false},
                        themeVariables: {fontFamily: font, ...pie}});
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    const {svg} = await mermaid.render(id, source);
    const db = diagram.db;
    const common = db.getCommonDb ? db.getCommonDb() : db;  // a timeline keeps its title there
    const title = (db.getAccTitle && db.getAccTitle()) || (common.getDiagramTitle && common.getDiagramTitle()) || '';
    let parts;
    if (db.getEdges) {
        const names = new Map([...db.getVertices().entries()].map(([key, v]) => [key, v.text || key]));
        const edges = db.getEdges();
        const linked = new Set(edges.flatMap(e => [e.start, e.end]));
        parts = edges.map(e => `${names.get(e.start)} → ${e.text ? e.text + ' → ' : ''}${names.get(e.end)}`)
            .concat([...names.keys()].filter(key => !linked.has(key)).map(key => names.get(key)));
    } else if (diagram.type === 'pie') {
        parts = [...db.getSections().entries()].map(([label, value]) => `${label} ${value}`);
    } else if (diagram.type === 'mindmap') {
        const say = node => node.descr + (node.children.length ? ` (${node.children.map(say).join(', ')})` : '');
        parts = [say(db.getMindmap())];
    } else if (diagram.type === 'timeline') {
        parts = db.getTasks().map(t => [t.task, ...t.events].join(': ').replace(/\s+:\s+/g, ': '));
    } else {
        // A label's lines and words are separate tspans: join them with spaces.
        const holder = document.createElement('div');
        holder.innerHTML = svg;
        parts = [...holder.querySelectorAll('text')]
            .map(t => [...t.querySelectorAll('tspan:not(:has(tspan))')].map(s => s.textContent).join(' ')
                      || t.textContent)
            .map(text => text.replace(/\s+/g, ' ').trim())
            .filter((text, i, all) => text && text !== title && all.indexOf(text) === i);
    }
    // Some diagram kinds keep what they parsed across drawings: say each part once.
    return {svg, type: diagram.type, title, parts: [...new Set(parts)]};
}"""


def lesson_diagrams(docs: Path) -> dict[str, tuple[str, str]]:
    """{id: (source, where)} of every fence under ``docs``; ``where`` is 'page.md:line'."""
    found = {}
    for page in sorted(docs.rglob("*.md")):
        for line, source in fence_sources(page.read_text(encoding="utf-8")):
            found.setdefault(diagram_id(source), (source, f"{page.relative_to(ROOT).as_posix()}:{line}"))
    return found


def split_style(svg: str) -> tuple[str, str]:
    """(the SVG's <style> text, the SVG without it)."""
    match = re.search(r"<style>(.*?)</style>", svg, re.S)
    return match.group(1), svg[:match.start()] + svg[match.end():]


def dark_rules(ident: str, light: str, dark: str) -> str:
    """The dark theme's rules that differ from the light ones, for the slate scheme only."""
    rule = re.compile(r"(#" + re.escape(ident) + r"[^{}]*)\{([^{}]*)\}")
    light_rules = dict(rule.findall(light))
    return "".join(
        ",".join(f"{DARK_SCHEME} {part.strip()}" for part in selector.split(",")) + "{" + body + "}"
        for selector, body in rule.findall(dark) if light_rules.get(selector) != body)


def prefix_ids(svg: str, ident: str) -> str:
    """Every id inside the SVG starts with the diagram's id (Mermaid leaves some, such as
    a sequence diagram's actors, unprefixed), and references follow."""
    for old in sorted(set(re.findall(r'\bid="([^"]+)"', svg)) - {ident}, key=len, reverse=True):
        if old.startswith(ident):
            continue
        new = f"{ident}-{old}"
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f"#{old})", f"#{new})") \
                 .replace(f'"#{old}"', f'"#{new}"')
    return svg


def valid_svg(svg: str) -> str:
    """The SVG without what the HTML validator rejects in Mermaid's output: attributes SVG
    does not define on those elements (a mind map's dy on groups, a sequence diagram's
    name on actors, a circle's width and height) and repeated ids (a timeline's)."""
    def clean(match: re.Match) -> str:
        tag = match.group(0)
        for attribute in STRAY_ATTRIBUTES[match.group(1)]:
            tag = re.sub(rf'\s{attribute}="[^"]*"', "", tag)
        return tag

    seen = set()

    def first_only(match: re.Match) -> str:
        if match.group(1) in seen:
            return ""
        seen.add(match.group(1))
        return match.group(0)

    svg = re.sub(r"<(g|rect|line|circle)\b[^>]*>", clean, svg)
    return re.sub(r'\sid="([^"]+)"', first_only, svg)


def accessible_name(drawn: dict) -> str:
    """'Flowchart: A → B; B → C', the title first when the diagram has one; labels'
    line breaks and markup become spaces."""
    kind = KINDS.get(drawn["type"], "Diagram")
    title = f"{drawn['title']}. " if drawn["title"] else ""
    text = re.sub(r"<[^>]*>", " ", f"{kind}: {title}{'; '.join(drawn['parts'])}")
    return re.sub(r"\s+", " ", text).strip()


def merge(ident: str, light: dict, dark: dict, where: str) -> str:
    """One SVG from the light and dark drawings: an image named in words, whose colours
    follow the page's scheme."""
    light_style, light_body = split_style(light["svg"])
    dark_style, dark_body = split_style(dark["svg"])
    if light_body != dark_body:
        raise SystemExit(f"{where}: Mermaid put theme colours outside its style sheet in this "
                         f"{light['type']} diagram; give both themes the same colours for it in "
                         f"diagrams/render.py (as PIE_COLOURS does for pies).")
    if "Unsupported markdown" in light_body:
        raise SystemExit(f"{where}: Mermaid read a label as Markdown ('Unsupported markdown'); "
                         "a label starting '1. ' is a list to it: reword the label.")
    svg = light["svg"].replace(light_style, light_style + dark_rules(ident, light_style, dark_style), 1)
    name = html.escape(accessible_name(light), quote=True)
    svg = re.sub(r'\s(?:role|aria-roledescription|aria-labelledby)="[^"]*"', "", svg)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{name}" ', 1)
    return valid_svg(prefix_ids(svg, ident)) + "\n"


def draw(todo: dict[str, tuple[str, str]], folder: Path) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for ident, (source, where) in sorted(todo.items(), key=lambda item: item[1][1]):
            drawings = {}
            for theme in ("default", "dark"):
                # A fresh document for every drawing: Mermaid numbers some ids per document.
                page.set_content("<!doctype html><html><body></body></html>")
                page.add_script_tag(path=str(MERMAID))
                try:
                    drawings[theme] = page.evaluate(DRAW, [ident, source, theme, FONT, PIE_COLOURS])
                except Exception as error:  # Mermaid's parse error, with its line
                    raise SystemExit(f"{where}: Mermaid cannot draw this diagram: {error}") from None
            (folder / f"{ident}.svg").write_text(merge(ident, drawings["default"], drawings["dark"], where),
                                                 encoding="utf-8")
            print(f"drew {FOLDER}/{ident}.svg  ({where})")
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="draw every diagram again")
    args = parser.parse_args(argv)
    if not MERMAID.is_file():
        raise SystemExit(f"{MERMAID} is missing: run `npm ci` (make does it).")
    folder = ROOT / FOLDER
    wanted = lesson_diagrams(ROOT / "docs")
    kept = {path.stem for path in folder.glob("*.svg")}
    for orphan in sorted(kept - wanted.keys()):
        (folder / f"{orphan}.svg").unlink()
        print(f"removed {FOLDER}/{orphan}.svg (no lesson draws it any more)")
    todo = {ident: found for ident, found in wanted.items() if args.all or ident not in kept}
    draw(todo, folder)
    print(f"{len(wanted)} diagrams, {len(todo)} drawn.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
