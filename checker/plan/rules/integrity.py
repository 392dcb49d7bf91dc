"""Rules about honesty: no black-hat tactics (course topic S6) and no engagement bait,
which platforms demote. The phrase patterns live in ``checker/data/honesty.toml``."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from checker.data import load
from checker.plan.rules.base import agree, per_row, plan_cache, rows_text, rule, words


KINDS = ("black_hat", "bait")
NONE_FOUND = (frozenset(), frozenset())


@cache
def patterns() -> dict[str, list[tuple[int, str, re.Pattern]]]:
    """For each word a match can begin with, the (kind, tactic, compiled pattern) entries
    whose matches may begin there; a kind is its position in ``KINDS``."""
    by_start = defaultdict(list)
    table = load("honesty.toml")
    for kind, name in enumerate(KINDS):
        for entry in table[name]:
            pattern = re.compile(entry["pattern"])
            for word in entry["starts"]:
                by_start[word].append((kind, entry["tactic"], pattern))
    return dict(by_start)


@cache
def start_words() -> frozenset[str]:
    """Every word a match can begin with, to pass over a text holding none in one lookup."""
    return frozenset(patterns())


@plan_cache
def tactics_in(text: str) -> tuple[frozenset[str], ...]:
    """For each kind in ``KINDS``, the tactics whose pattern matches ``text`` (cached: the
    honesty and the bait rule read the same texts). A pattern is only tried where one of
    its start words stands: most texts hold none, a word lookup costs far less than a
    search, and a match tried at a known place far less than a search of the whole text."""
    starts = start_words() & words(text)
    if not starts:
        return NONE_FOUND
    entries = patterns()
    lowered = text.lower()
    found = tuple(set() for _ in KINDS)
    for word in starts:
        for kind, tactic, pattern in entries[word]:
            at = lowered.find(word)
            while at >= 0 and tactic not in found[kind]:
                if pattern.match(lowered, at):
                    found[kind].add(tactic)
                at = lowered.find(word, at + 1)
    return tuple(map(frozenset, found))


def scan(posts, kind: str) -> dict[int, frozenset[str]]:
    """Rows whose copy, call to action or notes match a pattern of ``kind``, with the
    tactics seen."""
    which = KINDS.index(kind)
    found = {}
    for post in posts:
        seen = tactics_in(post.copy)[which]
        if post.cta:
            seen = seen | tactics_in(post.cta)[which]
        if post.notes:
            seen = seen | tactics_in(post.notes)[which]
        if seen:
            found[post.row] = seen
    return found


@rule("plan.honesty", "No black-hat tactics", critical=True)
def honesty(posts, rubric):
    """Bought or fake followers, likes, views and reviews, bots and artificial inflation
    ruin trust in the brand and in its marketer, and platforms remove them. A plan that
    relies on one fails whatever its score."""
    found = scan(posts, "black_hat")
    if not found:
        return per_row(len(posts), (), (), "No black-hat tactics: the plan grows its audience honestly.")
    tactics = sorted({t for ts in found.values() for t in ts})
    return per_row(len(posts), list(found), (), f"{rows_text(sorted(found)).capitalize()} {agree(found, 'plans', 'plan')} a black-hat tactic "
                   f"({'; '.join(tactics)}). Faked numbers deceive customers, get accounts penalised and "
                   "teach you nothing about what works; remove them and earn the audience with content. "
                   "This rule is critical: while it fails, the plan does not pass whatever its score.")


@rule("plan.bait", "No engagement bait")
def bait(posts, rubric):
    """'Like if you agree', 'tag 3 friends', 'share to win': platforms detect engagement
    bait and show such posts to fewer people. A warning, not a failure: ask a real
    question instead."""
    found = scan(posts, "bait")
    if not found:
        return per_row(len(posts), (), (), "No engagement bait: the posts invite real conversation.")
    tactics = sorted({t for ts in found.values() for t in ts})
    return per_row(len(posts), (), list(found), f"{rows_text(sorted(found)).capitalize()} {agree(found, 'uses', 'use')} engagement bait "
                   f"({', '.join(tactics)}). Platforms show baiting posts to fewer people; ask a genuine "
                   "question or give a reason to comment instead.")
