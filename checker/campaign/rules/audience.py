"""Who each line is shown to: an audience narrow enough to mean something."""

from __future__ import annotations

import re
from functools import cache

from checker.campaign.parse import plan_data
from checker.campaign.rules.base import Campaign, Judgement, Verdict, judged, per_row, rule, sentences

# A word, with the inner marks of 'look-alike', 'y.o' and 'o'clock', and an age's '18+'.
WORDS = re.compile(r"\w+(?:[.'-]\w+)*\+?")


def words(text: str) -> str:
    """Text as space-separated lower-case words, padded, so a phrase is found as
    ' phrase ' and never inside another word ('ad' is not in 'adults')."""
    return " " + " ".join(WORDS.findall(text.casefold())) + " "


@cache
def age_pattern() -> re.Pattern:
    """An age range or lower bound written with digits."""
    return re.compile(plan_data()["targeting"]["age_pattern"], re.IGNORECASE)


@cache
def padded(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """Each phrase of a word list as ``words`` pads it, worked out once per list."""
    return tuple(words(phrase) for phrase in phrases)


def names_any(text: str, phrases: list[str]) -> bool:
    """Whether the word-padded ``text`` contains one of ``phrases`` as whole words."""
    return any(phrase in text for phrase in padded(tuple(phrases)))


def audience_gap(audience: str) -> tuple[str, str] | None:
    """None when the audience names a place, an age and an interest or custom audience;
    else the code and what it lacks."""
    lists = plan_data()["targeting"]
    text = words(audience)
    if not audience.strip() or text.strip() in lists["everyone"]:
        return "everyone", "shows the ads to everyone, which spends the budget on people who will never buy"
    missing = []
    if not names_any(text, lists["place"]):
        missing.append(("no-place", "a place (city, region or radius)"))
    if not (names_any(text, lists["age"]) or age_pattern().search(audience)):
        missing.append(("no-age", "an age range (25-45)"))
    if not names_any(text, lists["interest"]):
        missing.append(("no-interest", "an interest or a custom audience (lookalike, site visitors)"))
    if not missing:
        return None
    return missing[0][0], "does not name " + " or ".join(what for _, what in missing)


@rule("campaign.targeting", "Every line names its audience")
def targeting(campaign: Campaign) -> Judgement:
    """Every line's audience names at least a place, an age and an interest or a custom
    audience (customers, site visitors, a lookalike), in English or Russian. An audience
    of "everyone" fails: the platform then spends the budget on whoever is cheapest to
    reach, not on who buys."""
    codes: dict[int, str] = {}
    notes = []
    for line in campaign.lines:
        gap = audience_gap(line.audience)
        if gap:
            codes[line.row] = gap[0]
            notes.append(f"row {line.row}'s audience {gap[1]}")
    if not codes:
        return Judgement(Verdict("pass", "Every line names a place, an age and an interest or custom audience."))
    return judged(per_row(len(campaign.lines), list(codes), [], sentences(notes)), codes)
