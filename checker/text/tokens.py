"""Splitting a text into tokens, and the sentences, clauses and quotations they sit in.

A token is a word (hyphens and apostrophes inside it kept: ``auto-liker``, ``don't``,
``5-star``), a number (``2,000`` and ``2 000`` are one token), a punctuation mark, a
line break or any other symbol (an emoji is one token). The matcher works on the tokens'
normalised forms (``norms_of``), which the regular expression finds at C speed; where
each token stands in the text (``offsets_of``) is worked out only for a text in which
something is found, to quote the learner's own words exactly."""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Sequence

TOKEN = re.compile(
    r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![\d])"  # 2,000 / 2 000 / 10.000
    r"|\w+(?:[-'’]\w+)*"                          # words, 5-star, auto-liker, don't, 10k
    r"|\n"                                          # a line break ends a sentence
    r"|[^\w\s][\ufe0f\u200d\U0001F3FB-\U0001F3FF]*"  # a mark or a symbol with its modifiers
)
SENTENCE_ENDS = frozenset(".!?…\n")
# Marks that end a clause: a negation, a reporting verb or a pair of linked words does
# not reach across them.
CLAUSE_ENDS = SENTENCE_ENDS | frozenset(",;:—–-()[]/")
# Quotation marks: those that open and close alike, and pairs.
SAME_QUOTES = frozenset("\"'")
OPEN_QUOTES = {"«": "»", "“": "”", "„": "“", "‘": "’"}


def is_number(norm: str) -> bool:
    """Whether a token is a number (``2,000``, ``10k``, ``5-star``: it starts with a digit)."""
    return norm[0].isdigit()


def is_mark(norm: str) -> bool:
    """Whether a token is a punctuation mark, a line break or a symbol (an emoji)."""
    return not (norm[0].isalnum() or norm[0] == "_")


def is_punctuation(norm: str) -> bool:
    """Whether a token is a punctuation mark or a line break (not a symbol)."""
    return norm == "\n" or unicodedata.category(norm[0]).startswith("P")


class Token(NamedTuple):
    """One token: its normalised form (lower case, ``ё`` read as ``е``, typographic
    apostrophes as ``'``, emoji without variation selectors) and where it stands in the
    text."""

    norm: str
    start: int
    end: int

    @property
    def is_number(self) -> bool:
        """Whether the token is a number (see ``is_number``)."""
        return is_number(self.norm)

    @property
    def is_mark(self) -> bool:
        """Whether the token is a mark or a symbol (see ``is_mark``)."""
        return is_mark(self.norm)


def normalise(word: str) -> str:
    """The form a word is matched in: lower case, ``ё`` as ``е``, ``’`` as ``'``, no
    emoji variation selector."""
    return word.lower().replace("ё", "е").replace("’", "'").replace("\ufe0f", "")


@lru_cache(maxsize=1024)
def norms_of(text: str) -> tuple[str, ...]:
    """The normalised forms of the tokens of ``text``, in order. Kept for the last
    thousand texts: each text is read by several lexicons (a plan's copy by plan.honesty
    and plan.bait)."""
    lowered = text.lower().replace("ё", "е").replace("’", "'")
    if len(lowered) != len(text):
        # A letter whose lower case is longer ("İ") may split differently once lowered:
        # split the text itself, as offsets_of does.
        return tuple(normalise(word) for word in TOKEN.findall(text))
    norms = TOKEN.findall(lowered)
    if "\ufe0f" in lowered:
        norms = [norm.replace("\ufe0f", "") for norm in norms]
    return tuple(norms)


# For the quick split into words (``words_of``): punctuation turned into spaces, ASCII
# marks through a byte table and the typographic marks learners paste from word
# processors by their UTF-8 bytes, both at C speed (a str.translate table is slow on
# non-ASCII text).
ASCII_PUNCTUATION = bytes.maketrans(string.punctuation.encode(), b" " * len(string.punctuation))
TYPOGRAPHIC = tuple(mark.encode() for mark in "«»“”„‘’—–…•·")
# A character that is neither a letter, a digit, a space nor one of those marks: an emoji
# or another symbol, which the quick split leaves glued to its neighbours.
SYMBOL = re.compile("[^\\w\\s" + re.escape(string.punctuation + "«»“”„‘’—–…•·") + "]")


def pieces_of(text: str) -> list[str]:
    """The words of a text in lower case, split at spaces and punctuation (``auto-liker``
    and ``don't`` are two words each), in order."""
    data = text.lower().encode()
    if not data.isascii():
        for mark in TYPOGRAPHIC:
            data = data.replace(mark, b" ")
    return data.translate(ASCII_PUNCTUATION).decode().split()


@lru_cache(maxsize=1024)
def words_of(text: str) -> frozenset[str]:
    """The distinct words of a text (``pieces_of``): the plan's cross-post rule compares
    them, and a lexicon glances at them before it reads a text token by token."""
    return frozenset(pieces_of(text))


@lru_cache(maxsize=1024)
def plain_words_of(text: str) -> frozenset[str] | None:
    """The words of ``text`` (``words_of``) when each is letters and digits only; None when
    one holds an emoji or another symbol, which the quick split leaves glued to its
    neighbours, so that a word there may hide another."""
    words = words_of(text)
    return words if all(map(str.isalnum, words)) else None


def has_symbols(text: str) -> bool:
    """Whether ``text`` holds an emoji or another symbol (see ``SYMBOL``)."""
    return SYMBOL.search(text) is not None


def offsets_of(text: str) -> list[tuple[int, int]]:
    """Where each token of ``text`` begins and ends, in the order of ``norms_of``."""
    return [match.span() for match in TOKEN.finditer(text)]


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` in order, with their places."""
    return [Token(norm, start, end) for norm, (start, end) in zip(norms_of(text), offsets_of(text))]


@dataclass(frozen=True)
class Layout:
    """Where each token's sentence and clause begin and end, and which tokens stand
    inside quotation marks (all as token positions; ``end`` is one past the last)."""

    sentence_start: tuple[int, ...]
    sentence_end: tuple[int, ...]
    clause_start: tuple[int, ...]
    clause_end: tuple[int, ...]
    quote: tuple[tuple[int, int] | None, ...]  # the (start, end) of the quotation a token is in

    def is_question(self, position: int, norms: Sequence[str]) -> bool:
        """Whether the sentence holding ``position`` ends with a question mark."""
        end = self.sentence_end[position]
        return end < len(norms) and norms[end] == "?"


def layout(norms: Sequence[str]) -> Layout:
    """The sentences, clauses and quotations of a text's tokens (their normalised forms).
    A sentence ends at ``.``, ``!``, ``?``, ``…`` or a line break; a clause also at
    ``, ; : — – - ( ) [ ] /``. The mark itself belongs to no word span: ``end`` points at it."""
    count = len(norms)
    sentence_start, clause_start = [0] * count, [0] * count
    sentence_end, clause_end = [count] * count, [count] * count
    s_begin = c_begin = 0
    for i, norm in enumerate(norms):
        sentence_start[i], clause_start[i] = s_begin, c_begin
        if norm in CLAUSE_ENDS:
            for j in range(c_begin, i + 1):
                clause_end[j] = i
            c_begin = i + 1
            if norm in SENTENCE_ENDS:
                for j in range(s_begin, i + 1):
                    sentence_end[j] = i
                s_begin = i + 1
    return Layout(tuple(sentence_start), tuple(sentence_end), tuple(clause_start), tuple(clause_end),
                  quotations(norms))


def quotations(norms: Sequence[str]) -> tuple[tuple[int, int] | None, ...]:
    """For each token, the span of the quotation it stands in (between the marks), or
    None. A quotation left open closes at the end of its sentence."""
    inside: list[tuple[int, int] | None] = [None] * len(norms)
    i = 0
    while i < len(norms):
        mark = norms[i]
        closer = mark if mark in SAME_QUOTES else OPEN_QUOTES.get(mark)
        if closer is None:
            i += 1
            continue
        j = i + 1
        while j < len(norms) and norms[j] != closer and norms[j] not in SENTENCE_ENDS - {"."}:
            j += 1
        if j < len(norms) and norms[j] == closer:
            for k in range(i + 1, j):
                inside[k] = (i + 1, j)
            i = j + 1
        else:
            i += 1  # a lone mark (an apostrophe, inches): no quotation
    return tuple(inside)
