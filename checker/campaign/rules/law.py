"""The law of the market the campaign runs in: where ads may run and how they are marked."""

from __future__ import annotations

import re

from checker.campaign.parse import plan_data
from checker.campaign.rules.audience import names_any, words
from checker.campaign.rules.base import Campaign, Judgement, Verdict, agree, judged, per_row, rows_text, rule, sentences


def label_gap(label: str, market: dict) -> str | None:
    """None when ``label`` has what the market's ad label needs; else what it lacks."""
    text = words(label)
    if not names_any(text, market["label_words"]):
        return f"no ad label; write {market['label_help']}"
    rest = label
    if market["token"]:
        token = re.search(rf"{market['token']}\s*[:=]?\s*[A-Za-z0-9]{{4,}}", label, re.IGNORECASE)
        if not token:
            return f"no {market['token']} token; write {market['label_help']}"
        rest = rest.replace(token.group(0), " ")
    if market["advertiser"]:
        for word in market["label_words"]:
            rest = re.sub(re.escape(word), " ", rest, flags=re.IGNORECASE)
        if len(re.findall(r"\w", rest)) < 2:
            return f"no advertiser; write {market['label_help']}"
    return None


@rule("campaign.compliance", "Every line is legal where it runs and marked as an ad", critical=True)
def compliance(campaign: Campaign) -> Judgement:
    """No line runs on a platform where the exercise's market forbids ads, or on one the
    brief does not allow, and every line notes the ad label the market requires (in
    Russia "Реклама", the advertiser and the erid token; in the EU a clear "Ad" or
    "Sponsored"). Critical: a forbidden or unmarked ad fails the plan whatever its score."""
    figures = campaign.figures
    market = plan_data()["market"][figures.market]
    codes: dict[int, str] = {}
    notes = []
    unmarked: dict[str, list[int]] = {}  # what a label lacks -> the rows it is lacking on
    for line in campaign.lines:
        if line.platform in market["forbidden"]:
            codes[line.row] = "forbidden-platform"
            notes.append(f"row {line.row} advertises on {line.platform}, where ads for {market['name']} are "
                         f"forbidden: {market['forbidden_why']}")
        elif line.platform not in figures.platforms:
            codes[line.row] = "platform-not-allowed"
            notes.append(f"row {line.row} advertises on {line.platform}; the brief allows "
                         f"{', '.join(figures.platforms)}")
        gap = label_gap(line.ad_label, market)
        if gap:
            codes.setdefault(line.row, "no-ad-label")
            unmarked.setdefault(gap, []).append(line.row)
    notes += [f"{rows_text(rows)} {agree(rows, 'has', 'have')} {gap}" for gap, rows in unmarked.items()]
    if not codes:
        return Judgement(Verdict("pass", f"Every line runs where ads are allowed in {market['name']} and is marked "
                                         "as the law requires."))
    return judged(per_row(len(campaign.lines), list(codes), [], sentences(notes)), codes)
