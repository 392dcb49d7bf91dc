"""The glossary: one TOML file feeds the glossary page and the tooltips on every page."""

from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path


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


def render(argument: str, ctx) -> str:
    """The glossary page body: terms grouped by first letter, each with its anchor."""
    from checker.site.directives import DirectiveError

    path = ctx.glossary
    terms = sorted(load(path), key=lambda t: t["term"].casefold())
    seen: dict[str, str] = {}
    for entry in terms:
        anchor = slug(entry["term"])
        if anchor in seen:
            raise DirectiveError(f"{path}: '{entry['term']}' and '{seen[anchor]}' have the same anchor.")
        seen[anchor] = entry["term"]
    blocks: list[str] = []
    letter = None
    for entry in terms:
        first = entry["term"][0].upper()
        if first != letter:
            letter = first
            blocks.append(f"\n## {letter if letter.isalpha() else '#'}\n")
        aliases = entry.get("aliases", [])
        also = f' <span class="smm-glossary__aka">(also: {html.escape(", ".join(aliases))})</span>' if aliases else ""
        blocks.append(ctx.html(
            f'<dl class="smm-glossary"><dt id="{slug(entry["term"])}">{html.escape(entry["term"])}{also}</dt>'
            f'<dd>{html.escape(entry["definition"])}</dd></dl>'
        ))
    return "\n\n".join(blocks)
