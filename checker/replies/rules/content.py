"""Rules about what a reply says: that it names the problem, apologises where the
business was at fault, offers a next step, and takes complex cases to private messages."""

from __future__ import annotations

from functools import cache

from checker.replies.rules.base import Sheet, Verdict, excerpt, judge, quoted, rule
from checker.replies.settings import group, reply_words
from checker.text import tokenize

NON_APOLOGIES = ("non-apology", "excuse")


def stems(text: str, shortest: int, ending: int) -> list[str]:
    """The stems of the words of a text that may name a problem: words of ``shortest``
    letters or more outside the ignore list, each without its last ``ending`` letters but
    never shorter than ``shortest`` (``cold``, ``lattes`` -> ``latt``, ``улицы`` ->
    ``улиц``), and numbers of two digits or more as they are (``40 minutes``)."""
    ignore = ignored()
    return [t.norm if t.is_number else t.norm[:max(shortest, len(t.norm) - ending)] for t in tokenize(text)
            if not t.is_mark and ((t.is_number and len(t.norm) >= 2) or
                                  (not t.is_number and len(t.norm) >= shortest and t.norm not in ignore))]


@cache
def ignored() -> frozenset[str]:
    """The words that never name a problem on their own (``reply_words.toml``)."""
    return frozenset(reply_words()["acknowledge"]["ignore"])


@cache
def problem_stems(comment: str, shortest: int, ending: int) -> dict[str, tuple[str, ...]]:
    """A comment's problem stems by their first ``shortest`` letters (comments are the
    exercise's own, so each is read once)."""
    found: dict[str, list[str]] = {}
    for stem in stems(comment, shortest, ending):
        found.setdefault(stem[:shortest], []).append(stem)
    return {key: tuple(values) for key, values in found.items()}


def named(comment: str, reply: str, params: dict) -> list[str]:
    """The stems of the comment's problem the reply names again: one stem begins the
    other (``cold``/``colder``, ``улиц``/``улицу``), so both share their first letters."""
    shortest, ending = params["problem_word"], params["ending"]
    wanted = problem_stems(comment, shortest, ending)
    return [stem for stem in dict.fromkeys(stems(reply, shortest, ending))
            if any(other.startswith(stem) or stem.startswith(other) for other in wanted.get(stem[:shortest], ()))]


@rule("replies.acknowledge", "A complaint's reply names the actual problem")
def acknowledge(sheet: Sheet) -> Verdict:
    """A reply to a complaint names the customer's actual problem (the cold latte, the
    40-minute wait, the app that would not open), so the customer and everyone reading
    see it was read. "Sorry for any inconvenience" names nothing: a
    reply that shares no word of the complaint's problem fails, quoting its vague words."""
    replies = sheet.answered("complaints")
    fails = {}
    for reply in replies:
        if named(reply.comment.text, reply.text, sheet.rubric.params):
            continue
        vague = sheet.said(reply.text, ["vague"])
        what = f"says only {quoted(vague)}" if vague else "does not name the problem"
        fails[reply.comment.id] = (f"{reply.comment.id} (row {reply.row}) {what}; say what went wrong "
                                   f"('{excerpt(reply.comment.text)}')")
    return judge(len(replies), fails, {}, "Every complaint's reply names the customer's problem.",
                 sheet.unanswered("complaints"))


@rule("replies.apology", "A real apology where the business was at fault; no non-apologies")
def apology(sheet: Sheet) -> Verdict:
    """Where the business was at fault, the reply says sorry (or "our mistake") plainly.
    Nowhere does it use a non-apology: sorry for the customer's feelings ("sorry you feel
    that way"), sorry only if ("sorry if anyone was upset"), or sorry followed by "but".
    Where the business was not at fault, no apology is owed, but none is taken back."""
    fails = {}
    for reply in sheet.replies:
        excuses = sheet.said(reply.text, NON_APOLOGIES, ignore=("negated", "quoted"))
        if excuses:
            fails[reply.comment.id] = (f"{reply.comment.id} (row {reply.row}): {quoted(excuses)} is a non-apology; "
                                       "apologise for what happened, without 'if' or 'but'")
        elif reply.comment.situation in group("at_fault") and not sheet.said(reply.text, ["apology"]):
            fails[reply.comment.id] = (f"{reply.comment.id} (row {reply.row}) does not apologise, though the "
                                       "business was at fault")
    return judge(len(sheet.replies), fails, {}, "Every reply owed an apology gives one, and no reply takes one back.",
                 sheet.unanswered("at_fault"))


@rule("replies.next-step", "A concrete next step or channel")
def next_step(sheet: Sheet) -> Verdict:
    """A reply to a complaint, a question or black PR ends with something the person can
    hold on to: what the business will do (a refund, a replacement, a fix and when), where
    to go (private messages, a phone line, a link), or the answer itself. Sympathy alone
    leaves the problem where it was."""
    replies = sheet.answered("next_step")
    fails = {}
    for reply in replies:
        if not sheet.said(reply.text, ["next-step", "private"]):
            fails[reply.comment.id] = (f"{reply.comment.id} (row {reply.row}) offers no next step "
                                       f"('{excerpt(reply.text)}'); say what happens now or where to write")
    return judge(len(replies), fails, {}, "Every reply that needs one offers a next step or a channel.",
                 sheet.unanswered("next_step"))


@rule("replies.offline", "Complex complaints moved to private messages")
def offline(sheet: Sheet) -> Verdict:
    """A complaint about money, an order, an account or someone's health needs details
    nobody should post in public: the reply moves it to private messages or a call (the
    action ``reply-and-message``, or a reply that invites the person to write or call).
    A complaint that is not complex is not judged."""
    fails, judged = {}, 0
    for reply in sheet.answered("complaints"):
        complex_words = sheet.said(reply.comment.text, ["complex"], ignore=())
        if not complex_words:
            continue
        judged += 1
        if reply.action != "reply-and-message" and not sheet.said(reply.text, ["private"]):
            fails[reply.comment.id] = (f"{reply.comment.id} (row {reply.row}) is about {quoted(complex_words[:2])} "
                                       "but stays in public; invite the person to private messages or a call")
    complex_ids = {c.id for c in sheet.comments if sheet.said(c.text, ["complex"], ignore=())}
    missing = [c for c in sheet.unanswered("complaints") if c in complex_ids]
    return judge(judged, fails, {}, "Every complex complaint is taken to private messages.", missing)
