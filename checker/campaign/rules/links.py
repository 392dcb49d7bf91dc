"""Tracked links: every line's link tells web analytics where its visitors came from."""

from __future__ import annotations

from collections import Counter

from checker.campaign.rules.base import Campaign, Judgement, Verdict, judged, per_row, rows_text, rule, sentences
from checker.tracked_links import link_problems, read_link

REQUIRED = ("utm_source", "utm_medium", "utm_campaign", "utm_content")


@rule("campaign.utm", "Every link is tagged, one campaign name, one content name per line")
def utm(campaign: Campaign) -> Judgement:
    """Every line's link is a web address with utm_source naming the line's platform,
    a paid utm_medium (cpc, cpm, paid_social), the same utm_campaign on every line so
    analytics adds the campaign up, a utm_content of its own so each line can be told
    apart, and no capital letters (analytics counts 'VK' and 'vk' as two sources)."""
    codes: dict[int, str] = {}
    notes = []
    links = {line.row: read_link(line.link) for line in campaign.lines}
    for line in campaign.lines:
        problems = link_problems(links[line.row], line.platform, REQUIRED, paid=True) if line.link else [
            ("not-a-url", "there is no link")]
        if problems:
            codes[line.row] = problems[0][0]
            notes.append(f"row {line.row}: " + "; ".join(why for _, why in problems))
    names = Counter(link.tags["utm_campaign"] for link in links.values() if link.tags.get("utm_campaign"))
    if len(names) > 1:
        usual = names.most_common(1)[0][0]
        odd = [row for row, link in links.items() if link.tags.get("utm_campaign", usual) != usual]
        for row in odd:
            codes.setdefault(row, "campaign-mixed")
        notes.append(f"{rows_text(odd)} name{'s' if len(odd) == 1 else ''} another utm_campaign than "
                     f"'{usual}'; one campaign has one name, or analytics splits it")
    first: dict[str, int] = {}
    for row, link in links.items():
        content = link.tags.get("utm_content")
        if content and content in first:
            codes.setdefault(row, "content-repeated")
            notes.append(f"row {row} repeats the utm_content of row {first[content]}; give each line its own")
        elif content:
            first[content] = row
    if not codes:
        return Judgement(Verdict("pass", "Every link is tagged for its platform, with one campaign name and a content "
                                         "name per line."))
    return judged(per_row(len(campaign.lines), list(codes), [], sentences(notes)), codes)
