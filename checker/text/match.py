"""Finding a lexicon's concepts in a text, and reading how each is said.

Each concept is found where its parts stand close together (``Concept``). Each place
found is then read in its sentence:

- **negated**: a negator (``never``, ``don't``, ``no``, ``не``, ``без``...) stands before
  it in the same clause, within the lexicon's negation window, and is not part of a
  phrase that does not negate (``don't forget to``, ``not only``, ``почему бы не``); or
  an ``after_negation`` phrase follows it in its sentence (``bought followers: not for us``).
- **reported**: a reporting or discussing phrase stands before it in its sentence
  (``someone offered us``, ``people ask whether``, ``how to spot``, ``предлагают``).
- **quoted**: it stands inside quotation marks and its sentence holds a reporting
  phrase outside them (``an agency DM'd us "10k real followers for $50"``).
- **question**: its sentence ends with ``?`` and does not open with a suggestion
  (``why not``, ``how about``, ``почему бы не``).

Anything else is **asserted**. A lexicon lists in its settings which readings discount a
match (bait is still bait in a question, so ``bait`` does not discount questions)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from checker.text.lexicon import (AFTER_NEGATION, LEAD_IN, LINK_BREAK, MODIFIER, NEGATOR, NOT_NEGATION,
                                  REPORTING, SUGGESTION, Concept, Lexicon)
from checker.text.tokens import CLAUSE_ENDS, Layout, is_mark, is_number, layout, norms_of, offsets_of


@dataclass(frozen=True)
class Match:
    """One concept found in a text: ``quote`` is the text's own characters from the first
    to the last triggering word (``start``/``end`` are their offsets), ``reading`` how it
    is said (``asserted``, ``negated``, ``reported``, ``quoted`` or ``question``)."""

    concept: str
    label: str
    quote: str
    start: int
    end: int
    reading: str
    language: str

    @property
    def counts(self) -> bool:
        """Whether the match counts against the text (it is asserted)."""
        return self.reading == "asserted"

    def describe(self) -> str:
        """The finding's words: "'fake five-star reviews' reads as faking reviews"."""
        return f"'{self.quote}' reads as {self.label}"


class Reading:
    """One text's tokens, layout and family hits, and the questions the matcher asks of
    them. Only the concept families are looked up at once; the layout and the families
    that say how a concept is read are worked out when a concept is found."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lexicon = lexicon
        self.norms = norms_of(text)
        self.hits = lexicon.parts.hits(self.norms)

    @cached_property
    def offsets(self) -> list[tuple[int, int]]:
        """Where each token begins and ends in the text, to quote it."""
        return offsets_of(self.text)

    @cached_property
    def layout(self) -> Layout:
        """The sentences, clauses and quotations of the text."""
        return layout(self.norms)

    @cached_property
    def helper_hits(self) -> dict[str, list[tuple[int, int]]]:
        """The hits of the families no concept names (negators, modifiers...)."""
        return self.lexicon.helpers.hits(self.norms)

    def found(self, family: str) -> list[tuple[int, int]]:
        """The hits of ``family``, whichever index holds it."""
        return self.hits.get(family) or self.helper_hits.get(family, [])

    def positions(self, family: str) -> frozenset[int]:
        """Every token position covered by a hit of ``family``."""
        return frozenset(i for start, end in self.found(family) for i in range(start, end))

    @cached_property
    def free(self) -> frozenset[int]:
        """Positions of modifiers, which a link between parts may cross freely."""
        return self.positions(MODIFIER)

    @cached_property
    def breaks(self) -> frozenset[int]:
        """Positions of the words a link never crosses."""
        return self.positions(LINK_BREAK)

    @cached_property
    def leads(self) -> frozenset[int]:
        """Positions of the words that may open a clause before an imperative."""
        return self.positions(LEAD_IN)

    @cached_property
    def suggests(self) -> frozenset[int]:
        """Positions of suggestion openers, which no reporting word inside them overrides
        ("почему бы не" holds "почему", "why")."""
        return self.positions(SUGGESTION)

    @cached_property
    def cancelled(self) -> frozenset[int]:
        """Positions of the phrases that hold a negator but do not negate."""
        return self.positions(NOT_NEGATION)

    def linked(self, left: tuple[int, int], right: tuple[int, int], concept: Concept) -> bool:
        """Whether ``right`` follows ``left`` closely enough, in the same clause, for
        them to be read together."""
        first, last = left[1], right[0]
        if last < first or last - first > concept.window:
            return False
        between = range(first, last)
        if any(i in self.breaks or self.norms[i] in CLAUSE_ENDS for i in between):
            return False
        words = sum(1 for i in between if i not in self.free and not is_number(self.norms[i])
                    and not is_mark(self.norms[i]))
        return words <= concept.gap

    def opens_clause(self, position: int) -> bool:
        """Whether only lead-in words (``please``, ``don't forget to``) or symbols stand
        between the start of its clause and ``position``."""
        opening = range(self.layout.clause_start[position], position)
        return all(i in self.leads or is_mark(self.norms[i]) for i in opening)

    def places(self, concept: Concept) -> list[tuple[int, int]]:
        """The token spans where the concept's parts stand linked, first to last part."""
        chains = [[span] for span in self.hits.get(concept.parts[0], ())]
        for part in concept.parts[1:]:
            chains = [chain + [span] for chain in chains for span in self.hits.get(part, ())
                      if self.linked(chain[-1], span, concept)]
        found = [(chain[0][0], chain[-1][1]) for chain in chains]
        if concept.any_order and len(concept.parts) == 2:
            found += [(b[0], a[1]) for a in self.hits.get(concept.parts[0], ())
                      for b in self.hits.get(concept.parts[1], ()) if self.linked(b, a, concept)]
        if concept.imperative:
            found = [span for span in found if self.opens_clause(span[0])]
        if concept.context:
            found = [span for span in found if self.in_context(span, concept)]
        return sorted(set(found))

    def in_context(self, span: tuple[int, int], concept: Concept) -> bool:
        """Whether a hit of the concept's context family stands where the concept asks:
        in the clause of ``span``, before or after it in that clause, or in its sentence."""
        where = concept.context_where
        if where == "sentence":
            first, last = self.layout.sentence_start[span[0]], self.layout.sentence_end[span[0]]
        else:
            first = span[1] if where == "after" else self.layout.clause_start[span[0]]
            last = span[0] if where == "before" else self.layout.clause_end[span[0]]
        return any(first <= start and end <= last for start, end in self.hits.get(concept.context, ()))

    def read(self, span: tuple[int, int]) -> str:
        """How the words at ``span`` are said (see the module docstring)."""
        start, end = span
        if self.negated(start, end):
            return "negated"
        sentence_start = self.layout.sentence_start[start]
        if any(sentence_start <= s < start and s not in self.suggests for s, _ in self.found(REPORTING)):
            return "reported"
        quote = self.layout.quote[start]
        if quote and quote[1] >= end and any(
                self.layout.sentence_start[start] <= s < self.layout.sentence_end[start] and not
                (quote[0] <= s < quote[1]) for s, _ in self.found(REPORTING)):
            return "quoted"
        if self.layout.is_question(start, self.norms) and not any(
                s == sentence_start for s, _ in self.found(SUGGESTION)):
            return "question"
        return "asserted"

    def negated(self, start: int, end: int) -> bool:
        """Whether a negator governs the words at ``start``..``end``."""
        clause_start = max(self.layout.clause_start[start], start - self.lexicon.negation_window)
        if any(clause_start <= s < start and s not in self.cancelled for s, _ in self.found(NEGATOR)):
            return True
        sentence_end = self.layout.sentence_end[start]
        return any(end <= s < sentence_end for s, _ in self.found(AFTER_NEGATION))


def scan(text: str, lexicon: Lexicon) -> list[Match]:
    """Every place ``lexicon``'s concepts are found in ``text``, however said, in text
    order. Places of one concept id never overlap: a concept listed earlier in the data
    file wins over a later one with the same id, and then the earliest and longest place."""
    if not lexicon.may_match(text):
        return []
    reading = Reading(text, lexicon)
    present = reading.hits.keys()
    taken: dict[str, list[tuple[int, int]]] = {}
    matches = []
    for concept, needs in lexicon.needs:
        if not needs <= present or concept.unless in present:
            continue
        spans = taken.setdefault(concept.id, [])
        for start, end in sorted(reading.places(concept), key=lambda span: (span[0], -span[1])):
            if any(start < other_end and other_start < end for other_start, other_end in spans):
                continue
            spans.append((start, end))
            first, last = reading.offsets[start][0], reading.offsets[end - 1][1]
            quote = text[first:last]
            how = reading.read((start, end))
            matches.append(Match(concept.id, concept.label, quote, first, last,
                                 how if how in lexicon.discount else "asserted", language_of(quote)))
    return sorted(matches, key=lambda m: (m.start, m.concept))


def find(text: str, lexicon: Lexicon) -> list[Match]:
    """The matches that count against ``text``: those said outright, not negated,
    reported, quoted or asked about (as far as the lexicon discounts each)."""
    return [match for match in scan(text, lexicon) if match.counts]


def language_of(words: str) -> str:
    """'ru' when the words hold Cyrillic letters, else 'en'."""
    return "ru" if any("а" <= c <= "я" or c in "ёЁ" or "А" <= c <= "Я" for c in words) else "en"
