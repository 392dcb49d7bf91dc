"""Rules about honesty: no black-hat tactics (course topic S6) and no engagement bait,
which platforms demote. The phrases live in ``checker/data/honesty.toml``; finding them
in a text is the plan's ``PlanTexts``' work."""

from __future__ import annotations

from checker.plan.rules.base import agree, per_row, rows_text, rule
from checker.plan.texts import PlanTexts


def scan(posts, texts: PlanTexts, kind: str) -> dict[int, frozenset[str]]:
    """Rows whose copy, call to action or notes hold a phrase of ``kind``, with the
    tactics seen."""
    found = {}
    for post in posts:
        seen = texts.tactics(post.copy, kind)
        if post.cta:
            seen = seen | texts.tactics(post.cta, kind)
        if post.notes:
            seen = seen | texts.tactics(post.notes, kind)
        if seen:
            found[post.row] = seen
    return found


@rule("plan.honesty", "No black-hat tactics", critical=True)
def honesty(posts, rubric, texts):
    """Bought or fake followers, likes, views and reviews, bots and artificial inflation
    ruin trust in the brand and in its marketer, and platforms remove them. A plan that
    relies on one fails whatever its score."""
    found = scan(posts, texts, "black_hat")
    if not found:
        return per_row(len(posts), (), (), "No black-hat tactics: the plan grows its audience honestly.")
    tactics = sorted({t for ts in found.values() for t in ts})
    return per_row(len(posts), list(found), (), f"{rows_text(sorted(found)).capitalize()} {agree(found, 'plans', 'plan')} a black-hat tactic "
                   f"({'; '.join(tactics)}). Faked numbers deceive customers, get accounts penalised and "
                   "teach you nothing about what works; remove them and earn the audience with content. "
                   "This rule is critical: while it fails, the plan does not pass whatever its score.")


@rule("plan.bait", "No engagement bait")
def bait(posts, rubric, texts):
    """'Like if you agree', 'tag 3 friends', 'share to win': platforms detect engagement
    bait and show such posts to fewer people. A warning, not a failure: ask a real
    question instead."""
    found = scan(posts, texts, "bait")
    if not found:
        return per_row(len(posts), (), (), "No engagement bait: the posts invite real conversation.")
    tactics = sorted({t for ts in found.values() for t in ts})
    return per_row(len(posts), (), list(found), f"{rows_text(sorted(found)).capitalize()} {agree(found, 'uses', 'use')} engagement bait "
                   f"({', '.join(tactics)}). Platforms show baiting posts to fewer people; ask a genuine "
                   "question or give a reason to comment instead.")
