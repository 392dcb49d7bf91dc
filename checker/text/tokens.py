"""Splitting a text into tokens, and the sentences, clauses and quotations they sit in.

A token is a word (hyphens and apostrophes inside it kept: ``auto-liker``, ``don't``,
``5-star``), a number (``2,000`` and ``2 000`` are one token), a punctuation mark, a
line break or any other symbol (an emoji is one token). Tokens keep their character
offsets, so a match can quote the learner's own words exactly."""

from __future__ import annotations

import re
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


class Token(NamedTuple):
    """One token: its normalised form (lower case, ``ё`` read as ``е``, typographic
    apostrophes as ``'``, emoji without variation selectors) and where it stands in the
    text."""

    norm: str
    start: int
    end: int

    @property
    def is_number(self) -> bool:
        """Whether the token is a number (``2,000``, ``10k``, ``5-star``: it starts with a digit)."""
        return self.norm[0].isdigit()

    @property
    def is_mark(self) -> bool:
        """Whether the token is a punctuation mark, a line break or a symbol (an emoji)."""
        return not (self.norm[0].isalnum() or self.norm[0] == "_")

    @property
    def is_punctuation(self) -> bool:
        """Whether the token is a punctuation mark or a line break (not a symbol)."""
        return self.norm == "\n" or unicodedata.category(self.norm[0]).startswith("P")


def normalise(word: str) -> str:
    """The form a word is matched in: lower case, ``ё`` as ``е``, ``’`` as ``'``, no
    emoji variation selector."""
    return word.lower().replace("ё", "е").replace("’", "'").replace("\ufe0f", "")




@dataclass(frozen=True)
class Layout:
    """Where each token's sentence and clause begin and end, and which tokens stand
    inside quotation marks (all as token positions; ``end`` is one past the last)."""

    sentence_start: tuple[int, ...]
    sentence_end: tuple[int, ...]
    clause_start: tuple[int, ...]
    clause_end: tuple[int, ...]
    quote: tuple[tuple[int, int] | None, ...]  # the (start, end) of the quotation a token is in

    def is_question(self, position: int, tokens: Sequence[Token]) -> bool:
        """Whether the sentence holding ``position`` ends with a question mark."""
        end = self.sentence_end[position]
        return end < len(tokens) and tokens[end].norm == "?"


def layout(tokens: Sequence[Token]) -> Layout:
    """The sentences, clauses and quotations of a token list. A sentence ends at ``.``,
    ``!``, ``?``, ``…`` or a line break; a clause also at ``, ; : — – - ( ) [ ] /``. The
    mark itself belongs to no word span: ``end`` points at it."""
    count = len(tokens)
    sentence_start, clause_start = [0] * count, [0] * count
    sentence_end, clause_end = [count] * count, [count] * count
    s_begin = c_begin = 0
    for i, token in enumerate(tokens):
        sentence_start[i], clause_start[i] = s_begin, c_begin
        if token.norm in CLAUSE_ENDS:
            for j in range(c_begin, i + 1):
                clause_end[j] = i
            c_begin = i + 1
            if token.norm in SENTENCE_ENDS:
                for j in range(s_begin, i + 1):
                    sentence_end[j] = i
                s_begin = i + 1
    return Layout(tuple(sentence_start), tuple(sentence_end), tuple(clause_start), tuple(clause_end),
                  quotations(tokens))


def quotations(tokens: Sequence[Token]) -> tuple[tuple[int, int] | None, ...]:
    """For each token, the span of the quotation it stands in (between the marks), or
    None. A quotation left open closes at the end of its sentence."""
    inside: list[tuple[int, int] | None] = [None] * len(tokens)
    i = 0
    while i < len(tokens):
        mark = tokens[i].norm
        closer = mark if mark in SAME_QUOTES else OPEN_QUOTES.get(mark)
        if closer is None:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].norm != closer and tokens[j].norm not in SENTENCE_ENDS - {"."}:
            j += 1
        if j < len(tokens) and tokens[j].norm == closer:
            for k in range(i + 1, j):
                inside[k] = (i + 1, j)
            i = j + 1
        else:
            i += 1  # a lone mark (an apostrophe, inches): no quotation
    return tuple(inside)


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` in order."""
    return [Token(normalise(m.group()), m.start(), m.end()) for m in TOKEN.finditer(text)]


@lru_cache(maxsize=1024)
def tokens_of(text: str) -> tuple[Token, ...]:
    """The tokens of ``text``, kept for the last thousand texts: each text is read by
    several lexicons (a plan's copy by plan.honesty and plan.bait)."""
    return tuple(tokenize(text))
