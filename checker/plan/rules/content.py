"""Rules about what the posts say and what they are for: the content mix, adaptation to
each platform, goals measured by the right KPI, and a call to action where one is needed
(course topics T3, S3, S5 and K1)."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from itertools import chain
from operator import attrgetter

from checker.plan.rules.base import Verdict, agree, per_row, plural, rows_text, rule
from checker.plan.rules.calendar import platform_name
from checker.plan.vocabulary import goal_kpis, label

URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|ru|org|net|io|co|shop|online|site|store|me|app)\b", re.I)


@rule("plan.mix", "The content mix matches the target")
def mix(posts, rubric, texts):
    """A feed of nothing but offers tires followers; a feed with no offer sells nothing.
    Each group of categories stays within the tolerance of its target share."""
    counts = Counter(map(attrgetter("category"), posts))
    total = len(posts)
    parts, over, off = [], [], False
    for group in rubric.mix:
        share = 100 * sum(counts[c] for c in group.categories) / total
        gap = share - group.share
        parts.append(f"{label(group.name)} {share:.0f}% (target {group.share:g}%)")
        if abs(gap) > rubric.mix_tolerance:
            off = True
            if gap > 0:
                over.append(group)
    summary = ", ".join(parts)
    if not off:
        return Verdict("pass", f"The mix is balanced: {summary}, all within {rubric.mix_tolerance:g} points "
                               "of the target.")
    crowded = {c for g in over for c in g.categories}
    rows = tuple(p.row for p in posts if p.category in crowded)
    advice = (f"Too many {' and '.join(label(g.name) for g in over)} posts ({rows_text(rows)}): turn some of "
              "them into the categories that fall short." if over else "Add posts in the categories that fall short.")
    return Verdict("fail", f"The mix is off target: {summary}; each share should be within "
                           f"{rubric.mix_tolerance:g} points of its target. {advice} A varied feed keeps "
                           "followers interested enough to stay for the occasional offer.", rows)


@rule("plan.cross-post", "Each platform gets its own copy")
def cross_post(posts, rubric, texts):
    """Posting the same text everywhere is the classic beginner's mistake: each network has
    its own audience, length and tone. Copies of at least the minimum length that are the
    same or near-identical on two or more platforms fail. Near-identical means sharing at
    least the similarity threshold of their words (the Dice coefficient of the two sets of
    words, compared without case or punctuation)."""
    entries = [(p, texts.words(p.copy)) for p in posts if len(p.copy) >= rubric.cross_post_min_chars]
    copies = [g for g in shared_copies(entries, rubric.cross_post_similarity)
              if len(g) > 1 and len({p.platform for p in g}) > 1]
    if not copies:
        return Verdict("pass", "Every platform gets its own wording: no copy is repeated across networks.")
    rows = sorted(p.row for g in copies for p in g)
    described = "; ".join(
        f"{rows_text(sorted(p.row for p in g))} ({', '.join(sorted({platform_name(p.platform) for p in g}))})"
        for g in sorted(copies, key=lambda g: min(p.row for p in g))[:3])
    return per_row(len(posts), rows, (), f"The same copy appears on several platforms: {described}. Each "
                   "network has its own audience, length and tone; rewrite each version for its platform.")


def shared_copies(entries: list, threshold: float) -> list[list]:
    """Groups of posts linked by copies on different platforms whose word sets reach the
    Dice threshold; ``entries`` are (post, word set) pairs.

    Comparing every pair would cost the square of the plan's length, so candidates come
    from prefix filtering: order each copy's words rarest first (the same order for every
    copy); two sets reaching the threshold share a word among each one's first
    ``len - overlap + 1``, where ``overlap`` is the fewest words in common the threshold
    allows. Words found in one copy only come first and match nothing, so they are
    skipped. Each word's rank is its place in the plan's words sorted by the number of
    copies holding them: sorting a copy's ranks is a sort of small integers, and equally
    rare words are ordered the same way in every copy, as the method requires."""
    frequency = Counter(chain.from_iterable(tokens for _, tokens in entries))
    rarest_first = sorted(frequency, key=frequency.__getitem__)
    rank = dict(zip(rarest_first, range(len(rarest_first))))
    shared_from = list(frequency.values()).count(1)  # the rank of the first word in two copies or more
    index = {}
    candidates = set()
    for position, (_, tokens) in enumerate(entries):
        overlap = math.ceil(threshold * len(tokens) / (2 - threshold) - 1e-9)
        ranks = sorted([rank[word] for word in tokens])
        for key in ranks[bisect_left(ranks, shared_from):len(ranks) - overlap + 1]:
            others = index.get(key)
            if others is None:  # most prefix words are in no earlier prefix
                index[key] = [position]
            else:
                candidates.update([(other, position) for other in others])
                others.append(position)
    group_of = list(range(len(entries)))

    def root(i: int) -> int:
        while group_of[i] != i:
            group_of[i] = group_of[group_of[i]]
            i = group_of[i]
        return i

    linked = False
    for i, j in candidates:
        (first, a), (second, b) = entries[i], entries[j]
        if first.platform != second.platform and 2 * len(a & b) >= threshold * (len(a) + len(b)):
            group_of[root(i)] = root(j)
            linked = True
    if not linked:  # the usual case: every post is a group of its own
        return [[post] for post, _ in entries]
    groups = defaultdict(list)
    for i, (post, _) in enumerate(entries):
        groups[root(i)].append(post)
    return list(groups.values())


@rule("plan.goal-kpi", "Each post's KPI measures its goal")
def goal_kpi(posts, rubric, texts):
    """A KPI follows from the goal: reach shows awareness, clicks show traffic, conversions
    show sales. A post whose KPIs measure none of its goal cannot tell you whether it
    worked."""
    measures = goal_kpis()
    measured_by = {goal: frozenset(kpis) for goal, kpis in measures.items()}
    failing, examples = [], []
    for post in posts:
        if measured_by[post.goal].isdisjoint(post.kpis):
            failing.append(post.row)
            if len(examples) < 3:
                examples.append(f"row {post.row} aims at {post.goal} but measures "
                                f"{', '.join(label(k) for k in post.kpis)}; {post.goal} shows in "
                                f"{', '.join(label(k) for k in measures[post.goal])}")
    if not failing:
        return per_row(len(posts), (), (), "Every post's KPI measures its goal, so each result will "
                       "tell you whether the post worked.")
    return per_row(len(posts), failing, (), f"{plural(len(failing), 'post')} {agree(failing, 'measures', 'measure')} the wrong thing: "
                   f"{'; '.join(examples)}. Pick a KPI that moves when the goal is reached.")


@rule("plan.cta", "Traffic and sales posts ask for the action")
def cta(posts, rubric, texts):
    """A post meant to bring visitors or sales says what to do next: a call to action in
    the cta column, or a link in the link column or in the copy."""
    due = [p for p in posts if p.goal in rubric.cta_goals]
    failing = [p.row for p in due if not (p.cta.strip() or p.link.strip() or URL.search(p.copy))]
    goals = " or ".join(rubric.cta_goals)
    if not failing:
        detail = f"all {plural(len(due), 'post')} aimed at {goals} carry" if due else "no post aims at " \
                 f"{goals}, so none needs"
        return per_row(len(posts), (), (), f"Calls to action are in place: {detail} a call to action or link.")
    return per_row(len(posts), failing, (), f"{rows_text(failing).capitalize()} {agree(failing, 'aims', 'aim')} at {goals} but "
                   f"{agree(failing, 'tells', 'tell')} the reader nothing to do: add a call to action ('Book a table', 'Read the guide') in the cta "
                   "column, or a link. Followers rarely go looking for a site on their own.")
