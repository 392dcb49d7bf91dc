"""Tracked links: whether a link carries the UTM tags web analytics needs, named the way
one campaign names them. One implementation for media plans (``campaign.utm``) and
content plans (``plan.utm``); the values that name each platform and the paid mediums
are data (``checker/data/utm.toml``).

Each problem comes with a code, so a rule can say which mistake a row made:
``not-a-url``, ``missing-tag``, ``source-mismatch``, ``not-paid-medium`` and
``upper-case``. Whether several rows share one ``utm_campaign`` or repeat a
``utm_content`` is for the rule that sees them all to judge.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import parse_qsl, urlsplit

from checker.data import load

UTM_FILE = "utm.toml"


@dataclass(frozen=True)
class TrackedLink:
    """A link's text and its UTM tags (names in lower case, values as written); ``url``
    is False for text that is not a web address, ``capitals`` True when a tag's name or
    value has a capital letter."""

    text: str
    url: bool
    tags: dict[str, str]
    capitals: bool = False


@cache
def sources() -> dict[str, tuple[str, ...]]:
    """For each platform, the ``utm_source`` values that name it; a platform not listed
    is named by its own id."""
    return {platform: tuple(names) for platform, names in load(UTM_FILE)["source"].items()}


def paid_mediums() -> list[str]:
    """The ``utm_medium`` values that file a click under paid traffic."""
    return load(UTM_FILE)["paid_mediums"]


def read_link(text: str) -> TrackedLink:
    """The link in ``text``: whether it is an http(s) address with a host, and its UTM tags."""
    text = text.strip()
    try:
        parts = urlsplit(text)
    except ValueError:  # a malformed address, such as an unclosed [ in the host
        return TrackedLink(text, False, {})
    url = parts.scheme.lower() in ("http", "https") and "." in (parts.hostname or "")
    pairs = [(name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True)
             if name.lower().startswith("utm_")]
    capitals = any(f"{name}{value}" != f"{name}{value}".lower() for name, value in pairs)
    return TrackedLink(text, url, {name.lower(): value for name, value in pairs}, capitals)


def link_problems(link: TrackedLink, platform: str, required: tuple[str, ...], paid: bool) -> list[tuple[str, str]]:
    """(code, sentence) for each thing wrong with one row's link: not a web address, a
    ``required`` tag missing or empty, a ``utm_source`` that does not name ``platform``,
    a medium that is not a paid one (``paid``), capital letters in the tags."""
    if not link.url:
        return [("not-a-url", f"'{link.text[:60]}' is not a web address starting with https://")]
    problems = []
    missing = [tag for tag in required if not link.tags.get(tag)]
    if missing:
        problems.append(("missing-tag", f"it lacks {', '.join(missing)}"))
    source = link.tags.get("utm_source", "")
    names = sources().get(platform, (platform,))
    if source and source.lower() not in names:
        problems.append(("source-mismatch", f"utm_source={source} does not name {platform}; write "
                                            f"utm_source={names[0]}"))
    medium = link.tags.get("utm_medium", "")
    if paid and medium and medium.lower() not in paid_mediums():
        problems.append(("not-paid-medium", f"utm_medium={medium} does not say the click was paid for; "
                                            f"use one of {', '.join(paid_mediums()[:4])}"))
    if link.capitals:
        problems.append(("upper-case", "its tags have capital letters, which analytics counts as "
                                       "different values; write them in lower case"))
    return problems
