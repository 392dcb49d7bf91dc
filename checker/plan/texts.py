"""The index of one plan's texts that the rules read: the words of each copy, call to
action and note, and what the text engine (``checker.text``) finds in each. Built for
each plan as it is graded and handed to every rule, so a text several rules read is
worked out once, and nothing outlives the plan."""

from __future__ import annotations

from checker.text import Match, find, lexicon
from checker.text.tokens import words_of


class PlanTexts:
    """The words and text-engine matches of one plan's texts, each worked out the first
    time a rule asks for it and kept for the other rules."""

    def __init__(self) -> None:
        self.found_words: dict[str, frozenset[str]] = {}
        self.found_matches: dict[tuple[str, str], tuple[Match, ...]] = {}

    def words(self, text: str) -> frozenset[str]:
        """The distinct words of ``text`` (``checker.text.tokens.words_of``)."""
        if text not in self.found_words:
            self.found_words[text] = words_of(text)
        return self.found_words[text]

    def matches(self, text: str, name: str) -> tuple[Match, ...]:
        """What the lexicon ``name`` (``checker/data/text_<name>.toml``) finds said outright
        in ``text``: not negated, reported, quoted or asked about."""
        key = (text, name)
        if key not in self.found_matches:
            self.found_matches[key] = tuple(find(text, lexicon(name)))
        return self.found_matches[key]
