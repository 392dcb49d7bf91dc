"""Rules about honesty: no black-hat tactics (course topic S6) and no engagement bait,
which platforms demote. The phrase patterns live in ``checker/data/honesty.toml``."""

from __future__ import annotations

import re
from functools import cache

from checker.data import load
from checker.plan.rules.base import agree, per_row, rows_text, rule, words


@cache
def patterns(kind: str) -> list[tuple[str, frozenset[str], re.Pattern]]:
    """The (tactic, keywords, compiled pattern) entries of one kind: ``black_hat`` or
    ``bait``."""
    return [(e["tactic"], frozenset(e["keywords"]), re.compile(e["pattern"]))
            for e in load("honesty.toml")[kind]]


@cache
def keywords_of(kind: str) -> frozenset[str]:
    """Every keyword of one kind, to pass over a post holding none in one lookup."""
    return frozenset().union(*(keywords for _, keywords, _ in patterns(kind)))


def scan(posts, kind: str) -> dict[int, list[str]]:
    """Rows whose copy, call to action or notes match a pattern, with the tactics seen.
    A pattern only runs on a text holding one of its keywords: most posts hold none, and
    a set lookup costs far less than a regular-expression search."""
    entries = patterns(kind)
    keywords = keywords_of(kind)
    found = {}
    for post in posts:
        # Each text on its own first: no union to build for the many posts without a keyword.
        if keywords.isdisjoint(words(post.copy)) and (not post.cta or keywords.isdisjoint(words(post.cta))) \
                and (not post.notes or keywords.isdisjoint(words(post.notes))):
            continue
        texts = [t for t in (post.copy, post.cta, post.notes) if t]
        present = frozenset().union(*map(words, texts))
        lowered = [t.lower() for t in texts]
        tactics = [tactic for tactic, own, pattern in entries
                   if not own.isdisjoint(present) and any(pattern.search(t) for t in lowered)]
        if tactics:
            found[post.row] = tactics
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
