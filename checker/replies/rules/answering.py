"""Rules about answering at all: which comments get a reply, how fast, to whom, and at
what length."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from checker.replies.rules.base import Sheet, Verdict, excerpt, judge, rule
from checker.replies.settings import group, reply_data
from checker.replies.sheet import Reply
from checker.text import tokenize

# How the messages name what was done with a comment.
DONE = {"hide": "hidden", "report": "reported", "ignore": "ignored"}


@rule("replies.coverage", "Every complaint, question and black-PR comment answered; spam and trolls left alone")
def coverage(sheet: Sheet) -> Verdict:
    """Every complaint, question and black-PR comment gets a public reply: an unanswered
    complaint collects agreement from everyone who reads it, and a hidden one becomes
    the story. Spam and trolls are hidden, reported or ignored, never argued with: an
    answer feeds them. Praise may be thanked or left; hiding it makes no sense."""
    answer, leave = group("answer"), group("leave")
    fails = {}
    for comment in sheet.comments:
        reply = sheet.handled.get(comment.id)
        action = reply.action if reply else "ignore"
        where = f"{comment.id} ({comment.situation})"
        done = DONE.get(action, action)
        if comment.situation in answer and not (reply and reply.public):
            fails[comment.id] = (f"{where} is left unanswered; it needs a public reply" if action == "ignore"
                                 else f"{where} is {done} instead of answered; criticism is answered, never removed")
        elif comment.situation in leave and reply and reply.public:
            fails[comment.id] = f"{where} gets a reply; hide or report it, or leave it: an answer feeds it"
        elif comment.situation == "praise" and action in ("hide", "report"):
            fails[comment.id] = f"{where} is {done}; thank the person or leave it"
    return judge(len(sheet.comments), fails, {}, "Every complaint, question and black-PR comment has a reply, "
                                                  "and no spam or troll is argued with.")


@rule("replies.speed", "Complaints answered within the hour, the rest within a working day")
def speed(sheet: Sheet) -> Verdict:
    """When the sheet gives ``reply_at``: a complaint is answered within an hour of being
    posted (the lesson's working standard), anything else within a working day (24
    hours). A late complaint fails; another late reply is a warning. Replies without a
    time are not judged."""
    params = sheet.rubric.params
    urgent = group("urgent")
    timed = [reply for reply in sheet.replies if reply.reply_at is not None]
    fails, warns = {}, {}
    for reply in timed:
        comment = reply.comment
        minutes = (reply.reply_at - comment.posted_at).total_seconds() / 60
        limit = params["complaint_minutes"] if comment.situation in urgent else params["other_minutes"]
        if minutes > limit:
            note = (f"{comment.id} (row {reply.row}) is answered after {waited(minutes)}; "
                    f"{'a complaint' if comment.situation in urgent else 'a reply'} should come within {waited(limit)}")
            (fails if comment.situation in urgent else warns)[comment.id] = note
    if not timed:
        return Verdict("pass", "No reply gives a reply_at time, so speed is not judged.")
    return judge(len(timed), fails, warns, "Every timed reply comes in time: complaints within the hour, "
                                           "the rest within a working day.")


def waited(minutes: float) -> str:
    """'45 minutes', '3 h 10 min', '2 days 4 h'."""
    minutes = round(minutes)
    if minutes < 60:
        return f"{minutes} minutes"
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h" + (f" {rest} min" if rest else "")
    days, hours = divmod(hours, 24)
    return f"{days} day{'s' if days > 1 else ''}" + (f" {hours} h" if hours else "")


def handle(author: str) -> bool:
    """Whether an author is a handle (``@latte_lover``, ``kate88``) rather than a name."""
    return author.startswith("@") or any(c.isdigit() or c == "_" for c in author)


def addresses(reply: Reply) -> bool:
    """Whether the reply names its author: the handle, or the first name in any case
    ending (``Анна``, ``Анне``, ``Анну``; ``Anna`` as written)."""
    author = reply.comment.author.strip()
    words = [token.norm for token in tokenize(reply.text)]
    if handle(author):
        return author.lstrip("@").lower() in reply.text.lower()
    name = tokenize(author)[0].norm if tokenize(author) else ""
    if not name:
        return True
    if name.isascii():
        return name in words
    stem = name[:-1] if len(name) > 3 else name
    return any(word.startswith(stem) and len(word) <= len(name) + 2 for word in words)


def without_names(reply: Reply) -> list[str]:
    """The reply's words without its author's name or any number, for comparing replies."""
    name = {token.norm for token in tokenize(reply.comment.author)}
    return [t.norm for t in tokenize(reply.text) if not t.is_mark and not t.is_number and t.norm not in name]


def similar(one: list[str], other: list[str], threshold: float) -> bool:
    """Whether two replies' words are at least ``threshold`` alike (difflib's ratio over
    words; its cheap upper bound first, which rules out most pairs)."""
    matcher = SequenceMatcher(None, one, other, autojunk=False)
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold and \
        matcher.ratio() >= threshold


@rule("replies.personal", "Each reply speaks to its person, not a template pasted under every comment")
def personal(sheet: Sheet) -> Verdict:
    """Each reply addresses its author, by name or handle, and is written for that
    comment: the same text pasted under several comments tells every reader that nobody
    read them. Two replies that are nearly the same once names are left out fail; a reply
    that names nobody is a warning. Short thanks are never counted as templates."""
    params = sheet.rubric.params
    replies = sheet.replies
    fails, warns = {}, {}
    texts = {reply.comment.id: without_names(reply) for reply in replies}
    long_enough = [r for r in replies if len(r.text) >= params["template_chars"]]
    for n, first in enumerate(long_enough):
        for second in long_enough[n + 1:]:
            if similar(texts[first.comment.id], texts[second.comment.id], params["template_similarity"]):
                for one, other in ((first, second), (second, first)):
                    fails.setdefault(one.comment.id, f"{one.comment.id} (row {one.row}) repeats the reply to "
                                                     f"{other.comment.id} ('{excerpt(one.text)}'); write each "
                                                     "reply for its comment")
    for reply in replies:
        if not addresses(reply):
            warns[reply.comment.id] = (f"{reply.comment.id} (row {reply.row}) does not address "
                                       f"{reply.comment.author.strip()} by name")
    return judge(len(replies), fails, warns, "Every reply speaks to its author and is written for its comment.",
                 sheet.unanswered("answer"))


@rule("replies.length", "Each reply fits its platform: no wall of text")
def length(sheet: Sheet) -> Verdict:
    """Each reply is short enough to be read to the end where it is posted: above the
    platform's guideline (``replies.toml``) it is a warning, above its maximum it fails
    (for X the maximum is the platform's own limit for a post). Say the essentials and
    take the rest to private messages."""
    platforms = reply_data()["platforms"]
    fails, warns = {}, {}
    for reply in sheet.replies:
        platform = platforms[reply.comment.platform]
        size = len(re.sub(r"\s+", " ", reply.text))
        note = (f"{reply.comment.id} (row {reply.row}) runs to {size} characters on {platform['label']}, "
                f"past {{limit}} ('{excerpt(reply.text)}')")
        if size > platform["max"]:
            fails[reply.comment.id] = note.format(limit=f"the maximum of {platform['max']}")
        elif size > platform["long"]:
            warns[reply.comment.id] = note.format(limit=f"the {platform['long']} a reply is read to the end at")
    return judge(len(sheet.replies), fails, warns, "Every reply fits its platform.",
                 sheet.unanswered("answer"))
