"""The glossary: one TOML file feeds the glossary page and the tooltips on every page."""

from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path

from checker.site.rendering import DirectiveContext, DirectiveError


def slug(term: str) -> str:
    """The glossary anchor of a term: lower case, every run of other characters one hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def load(path: Path) -> list[dict]:
    """The glossary's terms, in file order. A missing file is an empty glossary."""
    if not path.is_file():
        return []
    with path.open("rb") as handle:
        return tomllib.load(handle).get("term", [])


def tooltips(terms: list[dict]) -> dict[str, str]:
    """Every term and alias, mapped to its one-sentence definition."""
    table: dict[str, str] = {}
    for entry in terms:
        for name in (entry["term"], *entry.get("aliases", [])):
            table[name] = entry["definition"]
    return table


def render(argument: str, ctx: DirectiveContext) -> str:
    """The glossary page body: terms grouped by first letter, each with its anchor."""
    path = ctx.glossary
    terms = sorted(load(path), key=lambda t: t["term"].casefold())
    seen: dict[str, str] = {}
    for entry in terms:
        anchor = slug(entry["term"])
        if anchor in seen:
            raise DirectiveError(f"{path}: '{entry['term']}' and '{seen[anchor]}' have the same anchor.")
        seen[anchor] = entry["term"]
    # Definition-list Markdown, not raw HTML, so MkDocs sees the anchors it validates.
    blocks: list[str] = []
    letter = None
    for entry in terms:
        first = entry["term"][0].upper()
        first = first if first.isalpha() else "0-9"
        if first != letter:
            if letter is not None:
                blocks.append("</div>")
            letter = first
            blocks += [f"## {letter}", '<div class="smm-glossary" markdown>']
        aliases = entry.get("aliases", [])
        also = f' <span class="smm-glossary__aka">(also: {html.escape(", ".join(aliases))})</span>' if aliases else ""
        blocks.append(f'{entry["term"]}{also} {{ #{slug(entry["term"])} }}\n:   {entry["definition"]}')
    if letter is not None:
        blocks.append("</div>")
    return "\n\n".join(blocks)
