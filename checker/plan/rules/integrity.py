"""Rules about honesty: no black-hat tactics (course topic S6) and no engagement bait,
which platforms demote. What counts as either is the text engine's lexicons
(``checker/data/text_honesty.toml``, ``text_bait.toml``); each finding quotes the words
that triggered it."""

from __future__ import annotations

from checker.plan.rules.base import per_row, rows_text, rule
from checker.plan.texts import PlanTexts
from checker.text import Match

COLUMNS = ("copy", "cta", "notes")
QUOTED = 3  # findings quote this many rows; the rest are counted


def scan(posts, texts: PlanTexts, name: str) -> dict[int, list[tuple[str, Match]]]:
    """Rows whose copy, call to action or notes say something lexicon ``name`` finds, with
    the column and match of each."""
    found = {}
    for post in posts:
        seen = [(column, match) for column in COLUMNS if getattr(post, column)
                for match in texts.matches(getattr(post, column), name)]
        if seen:
            found[post.row] = seen
    return found


def quotes(found: dict[int, list[tuple[str, Match]]]) -> str:
    """The triggering words of the first few rows, "row 3: 'fake five-star reviews' reads
    as faking reviews or testimonials" (with the column when it is not the copy), and the
    other rows by number."""
    rows = sorted(found)
    parts = []
    for row in rows[:QUOTED]:
        column, match = found[row][0]
        parts.append(f"row {row}{'' if column == 'copy' else f' ({column})'}: {match.describe()}")
    if len(rows) > QUOTED:
        parts.append(f"and {rows_text(rows[QUOTED:])}")
    return "; ".join(parts)


@rule("plan.honesty", "No black-hat tactics", critical=True)
def honesty(posts, rubric, texts):
    """Bought or fake followers, likes, views and reviews, reviews written by the business
    itself or rewarded only when they are positive, bots, engagement pods, artificial
    inflation and advertising passed off as a customer's opinion ruin trust in the brand
    and in its marketer, and platforms remove them. A plan that relies on one fails
    whatever its score. Saying that you do not use them ("we never buy followers"), or
    teaching how to spot them, is fine."""
    found = scan(posts, texts, "honesty")
    if not found:
        return per_row(len(posts), (), (), "No black-hat tactics: the plan grows its audience honestly.")
    return per_row(len(posts), list(found), (), f"The plan relies on black-hat tactics: {quotes(found)}. Faked numbers "
                   "deceive customers, get accounts penalised and teach you nothing about what works; "
                   "remove them and earn the audience with content. This rule is critical: while it "
                   "fails, the plan does not pass whatever its score.")


@rule("plan.bait", "No engagement bait")
def bait(posts, rubric, texts):
    """'Like if you agree', 'tag 3 friends', 'share to win': platforms detect engagement
    bait and show such posts to fewer people. A warning, not a failure: ask a real
    question instead. A contest that asks for comments is fine when its rules are
    published."""
    found = scan(posts, texts, "bait")
    if not found:
        return per_row(len(posts), (), (), "No engagement bait: the posts invite real conversation.")
    return per_row(len(posts), (), list(found), f"Engagement bait: {quotes(found)}. Platforms show "
                   "baiting posts to fewer people; ask a genuine question or give a reason to comment "
                   "instead.")
