"""Rules about a plan's links: a link in a post tells web analytics which platform sent
the visitor only if its UTM tags say so (course topic X1, docs/tactics/tracked-links.md).
The checking itself is ``checker.tracked_links``, shared with media plans."""

from __future__ import annotations

from collections import defaultdict

from checker.plan.rules.base import per_row, rows_text, rule
from checker.tracked_links import link_problems, read_link

# Tags every link of a content plan carries: content plans span many campaigns and formats,
# so utm_content (one per ad) is not asked.
REQUIRED = ("utm_source", "utm_medium", "utm_campaign")


@rule("plan.utm", "Links carry UTM tags that name their platform")
def utm(posts, rubric, texts):
    """Every link in the plan is a web address tagged with utm_source naming the post's
    platform, a utm_medium and a utm_campaign, all in lower case, so web analytics
    credits each visit to the platform and campaign that brought it. Posts without a
    link are not judged. An optional rule: it runs in exercises that give it a weight."""
    linked = [post for post in posts if post.link]
    found = defaultdict(list)  # what is wrong -> rows
    for post in linked:
        for _, why in link_problems(read_link(post.link), post.platform, REQUIRED, paid=False):
            found[why].append(post.row)
    if not found:
        message = ("Every link is tagged for its platform and campaign." if linked
                   else "The plan has no links to tag.")
        return per_row(len(linked), (), (), message)
    notes = [f"{rows_text(rows)}: {why}" for why, rows in found.items()]
    failing = [row for rows in found.values() for row in rows]
    return per_row(len(linked), failing, (), "; ".join(notes) + ". Untagged visits land in analytics as "
                   "'direct' or 'referral', and the platform's work goes uncounted.")
