"""Rules about the calendar as a whole: how far ahead it reaches, where it publishes, and
how regularly each platform hears from the brand (course topics S4 and P1-P7)."""

from __future__ import annotations

from collections import defaultdict
from operator import attrgetter

from checker.data import load
from checker.plan.rules.base import Verdict, plural, rule, rows_text


def platform_name(platform: str) -> str:
    """A platform's display name from the platform table."""
    return load("platforms.toml")[platform]["name"]


def when(day) -> str:
    """A date as a learner reads it in a message: 'Tue 1 Dec'."""
    return f"{day:%a} {day.day} {day:%b}"


@rule("plan.horizon", "The plan covers a month", critical=True)
def horizon(posts, rubric, texts):
    """A content plan is prepared about a month ahead, so posts are ready before they are
    due and the rhythm of publishing never depends on a good day. The span counts from
    the first post's date to the last one's, both included. Critical: a plan of a few
    days is not yet a content plan, however good its posts."""
    first = min(posts, key=attrgetter("date", "row"))
    end = max(map(attrgetter("date"), posts))
    last = min((p for p in posts if p.date == end), key=attrgetter("row"))
    days = (last.date - first.date).days + 1
    span = f"{plural(days, 'day')}, {when(first.date)} {first.date.year} to {when(last.date)} {last.date.year}"
    if days >= rubric.min_days:
        return Verdict("pass", f"The plan covers {span}: a full month prepared in advance.")
    rows = tuple(sorted({first.row, last.row}))
    return Verdict("fail", f"The plan covers only {span} ({rows_text(rows)}); plan at least "
                           f"{rubric.min_days} days ahead so every post is written, checked and scheduled "
                           "before it is due. Add posts for the rest of the month: until then the plan does not "
                           "pass, whatever its score.", rows)


@rule("plan.platforms", "The plan uses the platforms it needs")
def platforms(posts, rubric, texts):
    """Different audiences live on different platforms, so a plan reaches at least the
    minimum number of them and every platform the brief requires."""
    used = {p.platform for p in posts}
    missing = [p for p in rubric.required_platforms if p not in used]
    names = ", ".join(sorted(platform_name(p) for p in used))
    problems = []
    if len(used) < rubric.min_platforms:
        problems.append(f"it uses {plural(len(used), 'platform')} ({names}), fewer than the "
                        f"{rubric.min_platforms} required")
    if missing:
        problems.append(f"the brief asks for {', '.join(platform_name(p) for p in missing)}, "
                        "which the plan never posts to")
    if problems:
        return Verdict("fail", f"The plan falls short on platforms: {'; '.join(problems)}. Each platform "
                               "reaches a different audience; add posts adapted to each one the brief names.")
    return Verdict("pass", f"The plan publishes on {plural(len(used), 'platform')}: {names}.")


@rule("plan.cadence", "Each platform hears from you regularly")
def cadence(posts, rubric, texts):
    """An audience that hears nothing for over a week drifts away, and a burst of posts in
    one day buries each of them. On every platform the gap between consecutive posts
    (and from the plan's first day to the first post there, and from the last post there
    to the plan's last day) stays within the limit, as does the number of posts a day."""
    dates = list(map(attrgetter("date"), posts))
    start, end = min(dates), max(dates)
    by_platform = defaultdict(list)
    for post in posts:
        by_platform[post.platform].append(post)
    problems, rows, troubled = [], set(), set()
    for platform, own in by_platform.items():
        own.sort(key=attrgetter("date", "row"))
        name = platform_name(platform)
        if (own[0].date - start).days > rubric.max_gap_days:
            troubled.add(platform)
            rows.add(own[0].row)
            problems.append(f"{name} stays silent for {(own[0].date - start).days} days after the plan "
                            f"starts on {when(start)}, until row {own[0].row} on {when(own[0].date)}")
        for before, after in zip(own, own[1:]):
            gap = (after.date - before.date).days
            if gap > rubric.max_gap_days:
                troubled.add(platform)
                rows.update((before.row, after.row))
                problems.append(f"{name} has a {gap}-day gap between {when(before.date)} (row {before.row}) "
                                f"and {when(after.date)} (row {after.row})")
        if (end - own[-1].date).days > rubric.max_gap_days:
            troubled.add(platform)
            rows.add(own[-1].row)
            problems.append(f"{name} goes quiet after row {own[-1].row} on {when(own[-1].date)}, "
                            f"{(end - own[-1].date).days} days before the plan ends on {when(end)}")
        per_day = defaultdict(list)
        for post in own:
            per_day[post.date].append(post.row)
        for day, day_rows in per_day.items():
            if len(day_rows) > rubric.max_posts_per_day:
                troubled.add(platform)
                rows.update(day_rows)
                problems.append(f"{name} gets {len(day_rows)} posts on {when(day)} ({rows_text(day_rows)}), "
                                f"more than {rubric.max_posts_per_day}")
    if not problems:
        return Verdict("pass", f"Every platform gets a post at least every {rubric.max_gap_days} days and "
                               f"never more than {rubric.max_posts_per_day} a day: a steady rhythm the "
                               "audience can count on.")
    shown = "; ".join(problems[:4]) + (f"; and {len(problems) - 4} more" if len(problems) > 4 else "")
    return Verdict("fail", f"The rhythm breaks: {shown}. Followers forget a page that falls silent for "
                           f"over {rubric.max_gap_days} days, and a flood of posts in one day buries "
                           "them; spread the posts out.", tuple(sorted(rows)),
                   credit=1 - len(troubled) / len(by_platform))
