"""The index of one plan's texts that the rules read: the words of each copy, call to
action and note, and the honesty and bait tactics each holds. Built for each plan as it
is graded and handed to every rule, so a text several rules read is worked out once, and
nothing outlives the plan.

Tactics are phrases (``checker/data/honesty.toml``) found by their start words: most
texts hold no start word at all, which one set intersection with the text's words shows,
and a pattern tried where its start word stands costs far less than a search of the
whole text."""

from __future__ import annotations

import re
import string
from collections import defaultdict
from functools import cache

from checker.data import load

KINDS = ("black_hat", "bait")
NONE_FOUND: frozenset[str] = frozenset()
# Punctuation turned into spaces before a text is split into words: ASCII marks through
# a byte table and the typographic marks learners paste from word processors by their
# UTF-8 bytes, both at C speed (a str.translate table is slow on non-ASCII text).
ASCII_PUNCTUATION = bytes.maketrans(string.punctuation.encode(), b" " * len(string.punctuation))
TYPOGRAPHIC = tuple(mark.encode() for mark in "«»“”„‘’—–…•·")


class PlanTexts:
    """The words and tactics of one plan's texts, each worked out the first time a rule
    asks for it and kept for the other rules."""

    def __init__(self) -> None:
        self.found_words: dict[str, frozenset[str]] = {}
        self.found_tactics: dict[str, dict[str, frozenset[str]]] = {}

    def words(self, text: str) -> frozenset[str]:
        """The distinct words of ``text`` (``words_of``)."""
        if text not in self.found_words:
            self.found_words[text] = words_of(text)
        return self.found_words[text]

    def tactics(self, text: str, kind: str) -> frozenset[str]:
        """The tactics of ``kind`` (one of ``KINDS``) whose phrases ``text`` holds."""
        if text not in self.found_tactics:
            self.found_tactics[text] = tactics_in(text, self.words(text))
        return self.found_tactics[text].get(kind, NONE_FOUND)


def words_of(text: str) -> frozenset[str]:
    """The distinct words of a text, in lower case and without punctuation."""
    data = text.lower().encode()
    if not data.isascii():
        for mark in TYPOGRAPHIC:
            data = data.replace(mark, b" ")
    return frozenset(data.translate(ASCII_PUNCTUATION).decode().split())


@cache
def phrases() -> dict[str, list[tuple[str, str, re.Pattern]]]:
    """For each word a phrase can begin with, the (kind, tactic, compiled pattern) entries
    whose matches may begin there (read and compiled once per process)."""
    by_start = defaultdict(list)
    table = load("honesty.toml")
    for kind in KINDS:
        for entry in table[kind]:
            pattern = re.compile(entry["pattern"])
            for word in entry["starts"]:
                by_start[word].append((kind, entry["tactic"], pattern))
    return dict(by_start)


@cache
def start_words() -> frozenset[str]:
    """Every word a phrase can begin with, to pass over a text holding none in one step."""
    return frozenset(phrases())


def tactics_in(text: str, words: frozenset[str]) -> dict[str, frozenset[str]]:
    """The tactics whose phrases ``text`` holds, by kind (kinds with none left out);
    ``words`` are the text's words. Each pattern is tried only where one of its start
    words stands in the text."""
    starts = words & start_words()
    if not starts:
        return {}
    entries = phrases()
    lowered = text.lower()
    found = defaultdict(set)
    for word in starts:
        for kind, tactic, pattern in entries[word]:
            at = lowered.find(word)
            while at >= 0 and tactic not in found[kind]:
                if pattern.match(lowered, at):
                    found[kind].add(tactic)
                at = lowered.find(word, at + 1)
    return {kind: frozenset(tactics) for kind, tactics in found.items() if tactics}
