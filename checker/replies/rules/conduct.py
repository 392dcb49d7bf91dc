"""Rules about how a reply behaves: its tone, the customer's privacy, and honesty."""

from __future__ import annotations

import re
from functools import cache

from checker.replies.rules.base import Sheet, Verdict, judge, quoted, rule
from checker.replies.settings import reply_words

# Blame and threats can be denied ("we will never ban you"); a mocking emoji or "calm
# down" cannot be taken back by a "not" before it.
DENIABLE, UNDENIABLE = ("blame", "threat"), ("sarcasm", "arguing")


def shouting(text: str, params: dict) -> list[str]:
    """The shouting in a text: words in capitals (when there are ``caps_words`` of them,
    acronyms aside) and runs of ``exclamations`` exclamation marks or more."""
    acronyms = {word.upper() for word in reply_words()["shouting"]["acronyms"]}
    caps = [t for t in re.findall(r"[^\W\d_]+", text)
            if len(t) >= params["caps_letters"] and t.isupper() and t not in acronyms]
    marks = re.findall("!{%d,}" % params["exclamations"], text)
    return (caps if len(caps) >= params["caps_words"] else []) + marks


@rule("replies.tone", "No blame, sarcasm, arguing, shouting or threats")
def tone(sheet: Sheet) -> Verdict:
    """Everyone else on the page reads the reply, not only the critic. It never blames
    the customer ("you should have read the menu"), mocks them, argues ("you're wrong",
    "calm down"), shouts (words in capitals, "!!!") or threatens to delete, ban or sue.
    Black PR and trolls included: calm facts win the readers, a fight loses them."""
    fails = {}
    for reply in sheet.replies:
        found = sheet.said(reply.text, DENIABLE, ignore=("negated", "quoted"))
        found += sheet.said(reply.text, UNDENIABLE, ignore=("quoted",))
        loud = shouting(reply.text, sheet.rubric.params)
        if found or loud:
            what = [f"{quoted([m])} reads as {m.label}" for m in found]
            what += [f"'{' '.join(loud)}' reads as shouting"] if loud else []
            fails[reply.comment.id] = f"{reply.comment.id} (row {reply.row}): {', '.join(what)}"
    return judge(len(sheet.replies), fails, {}, "Every reply keeps a calm, respectful tone.",
                 sheet.unanswered("answer"))


@cache
def patterns() -> dict[str, re.Pattern]:
    """The privacy patterns of ``reply_words.toml``, compiled."""
    words = reply_words()["privacy"]
    return {name: re.compile(words[name], re.IGNORECASE) for name in words["labels"]}


def digits(text: str) -> str:
    """A text's letters and digits only, lower case: how a contact is compared."""
    return "".join(c for c in text.lower() if c.isalnum())


def exposed(text: str, contacts: tuple[str, ...]) -> list[tuple[str, str]]:
    """(what, words) for each piece of personal data in a public reply, leaving out the
    business's own contacts and free-call lines."""
    words = reply_words()["privacy"]
    own = [digits(contact) for contact in contacts]
    found = []
    for name, pattern in patterns().items():
        for match in pattern.finditer(text):
            value = digits(match.group())
            if any(value and value in contact for contact in own):
                continue
            if name == "phone" and value.lstrip("+").startswith(tuple(words["free_call"])):
                continue
            found.append((words["labels"][name], match.group().strip()))
    return found


@rule("replies.privacy", "No customer's phone, address or order details in public")
def privacy(sheet: Sheet) -> Verdict:
    """A public reply never shows a customer's phone number, email, home address, card
    digits or order number, and never asks for them in public: ask in private messages.
    The business's own contacts (``contacts`` of the exercise) and free-call lines are fine."""
    fails = {}
    for reply in sheet.replies:
        found = exposed(reply.text, sheet.contacts)
        asked = [] if sheet.said(reply.text, ["private"]) else sheet.said(reply.text, ["ask-details"])
        notes = [f"shows {', '.join(f'{words!r} ({label})' for label, words in found)} in public"] if found else []
        notes += [f"asks in public for {quoted(asked)}; ask in private messages"] if asked else []
        if notes:
            fails[reply.comment.id] = f"{reply.comment.id} (row {reply.row}) {'; '.join(notes)}"
    return judge(len(sheet.replies), fails, {}, "No reply shows a customer's personal data in public.",
                 sheet.unanswered("answer"))


@rule("replies.honesty", "No reviews bought back, no fake customer voices")
def honesty(sheet: Sheet) -> Verdict:
    """A reply never offers a reward (a free drink, a discount, a refund) for deleting or
    changing a review, and the business never speaks as a customer ("as a regular
    customer, I...") or brings in staff, friends or bought reviews to drown the critic.
    Both are deception the readers and the platforms punish. Critical: failing it fails
    the sheet."""
    fails = {}
    for reply in sheet.replies:
        asked = sheet.said(reply.text, ["review-change"], ignore=("negated", "quoted"))
        reward = sheet.said(reply.text, ["reward"]) if asked else []
        fake = sheet.said(reply.text, ["customer-voice"], ignore=("quoted", "reported"))
        fake += sheet.said(reply.text, ["staged-reviews", "fake-reviews"], ignore=("negated", "quoted", "reported"))
        notes = []
        if asked and reward:
            notes.append(f"{quoted(asked)} with {quoted(reward)} trades a reward for the review")
        if fake:
            notes.append(f"{', '.join(f'{quoted([m])} reads as {m.label}' for m in fake)}")
        if notes:
            fails[reply.comment.id] = f"{reply.comment.id} (row {reply.row}): {'; '.join(notes)}"
    return judge(len(sheet.replies), fails, {}, "No reply trades a reward for a review or fakes a customer's voice.",
                 sheet.unanswered("answer"))
