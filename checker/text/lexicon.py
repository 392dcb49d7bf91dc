"""Word families and concepts read from the data files, and the index that finds a
family's words at each token.

A lexicon is ``checker/data/text_<name>.toml`` together with the shared
``checker/data/text_language.toml``. Each family lists its entries per language; an
entry is one or more token patterns separated by spaces:

- ``buy``: the word itself; ``купи*``: any word beginning with ``купи``; ``*ых``: any word
  ending in ``ых``; ``*`` alone: any one word, number or emoji; a mark stands for itself.

A concept is a sequence of families (its parts) that must stand close together; see
``Concept``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache, reduce
from itertools import islice
from operator import or_
from typing import Sequence

from checker.data import DataFileError, load, where
from checker.data_checks import read
from checker.text.tokens import (has_symbols, is_mark, is_punctuation, normalise, norms_of, pieces_of,
                                  plain_words_of)

LANGUAGE_FILE = "text_language.toml"
# Families the matcher itself reads from the shared file.
NEGATOR, NOT_NEGATION, AFTER_NEGATION = "negator", "not_negation", "after_negation"
REPORTING, SUGGESTION, MODIFIER, LINK_BREAK, LEAD_IN = "reporting", "suggestion", "modifier", "link_break", "lead_in"
SILENT_WORDS = 1 << 16  # how many words an index remembers as beginning no entry
CONTEXT_WHERE = ("clause", "before", "after", "sentence")
READINGS = ("negated", "reported", "quoted", "question")


class LexiconError(ValueError):
    """A lexicon data file names a family it does not define, or holds a malformed entry;
    the message names the file and the key."""


@dataclass(frozen=True)
class Concept:
    """What a text may say, found as its parts standing close together.

    - ``parts``: family names, matched in the order written (or either order for two
      parts when ``any_order``).
    - ``gap``: how many words other than modifiers (numbers, articles, quantities, the
      adjectives of the ``modifier`` family) may stand between two parts; ``window``:
      how many tokens of any kind. A link never crosses a clause mark or a word of the
      ``link_break`` family.
    - ``context``: a family that must also stand near the parts (None: none needed), where
      ``context_where`` says: ``clause`` (the same clause), ``before`` or ``after`` (the
      same clause, before the first part or after the last) or ``sentence``.
    - ``unless``: a family whose presence anywhere in the text cancels the concept.
    - ``imperative``: the first part must open its clause (after the ``lead_in`` words).
    """

    id: str
    label: str
    parts: tuple[str, ...]
    gap: int = 0
    window: int = 6
    any_order: bool = False
    context: str | None = None
    context_where: str = "clause"
    unless: str | None = None
    imperative: bool = False


# A token pattern: ("word", "buy"), ("prefix", "купи"), ("suffix", "ых") or ("any", "").
Pattern = tuple[str, str]


def parse_entry(entry: str) -> tuple[Pattern, ...]:
    """The token patterns of one family entry. Parts without a star are split as a text
    is (``«до`` is two tokens, a mark and a word), so an entry matches what it shows."""
    patterns = []
    for part in entry.split():
        if part == "*":
            patterns.append(("any", ""))
        elif len(part) > 1 and part.endswith("*"):
            patterns.append(("prefix", normalise(part[:-1])))
        elif len(part) > 1 and part.startswith("*"):
            patterns.append(("suffix", normalise(part[1:])))
        else:
            patterns += [("word", norm) for norm in norms_of(part)]
    return tuple(patterns)


def fits(pattern: Pattern, norm: str) -> bool:
    """Whether one token pattern matches the token of normalised form ``norm``."""
    kind, text = pattern
    if kind == "word":
        return norm == text
    if kind == "prefix":
        return norm.startswith(text)
    if kind == "suffix":
        return norm.endswith(text) and not is_mark(norm)
    return not is_punctuation(norm)


def glance_key(patterns: tuple[Pattern, ...]) -> tuple[Pattern | None, frozenset[str]]:
    """What the quick split of a text (``pieces_of``) must hold for an entry to be there:
    every word the entry names (the longest, likely the rarest, as the key to look it up
    by, the others as a set that must also be in the text), or failing those its first
    prefix or suffix, or failing those its first mark (``"`` of ``" *``), which the text
    must hold. The key is None when any text may hold the entry (``*`` alone), or
    ("symbol", "") when it names an emoji (a text with one is never ruled out by a
    glance)."""
    words = [piece for kind, text in patterns if kind == "word" for piece in pieces_of(text)]
    if any(has_symbols(word) for word in words):
        return ("symbol", ""), frozenset()
    if words:
        key = max(words, key=len)
        return ("word", key), frozenset(words) - {key}
    for kind, text in patterns:
        if kind in ("prefix", "suffix") and pieces_of(text) == [text]:
            return (kind, text), frozenset()
        if kind in ("prefix", "suffix"):
            return ("word", pieces_of(text)[0 if kind == "prefix" else -1]), frozenset()
    marks = [text for kind, text in patterns if kind == "word"]
    return (("mark", marks[0]) if marks else None), frozenset()


class Index:
    """Family entries indexed by their first pattern, so that a token is looked up in a
    few dictionaries, not tried against every entry."""

    def __init__(self, families: dict[str, list[str]]) -> None:
        self.families = frozenset(families)
        self.exact: dict[str, list] = defaultdict(list)
        self.prefixes: dict[str, list] = defaultdict(list)
        self.suffixes: dict[str, list] = defaultdict(list)
        self.any_word: list = []
        # Entries that begin with two given words ("to win", "pay for"), by both: most
        # tokens followed by the wrong word never see them.
        self.pairs: dict[tuple[str, str], list] = defaultdict(list)
        for family, entries in families.items():
            for entry in entries:
                patterns = parse_entry(entry)
                (kind, text), rest = patterns[0], patterns[1:]
                if kind == "word" and rest and rest[0][0] == "word":
                    self.pairs[text, rest[0][1]].append((family, rest[1:]))
                elif kind == "word":
                    self.exact[text].append((family, rest))
                elif kind == "prefix":
                    self.prefixes[text].append((family, rest))
                elif kind == "suffix":
                    self.suffixes[text].append((family, rest))
                else:
                    self.any_word.append((family, rest))
        self.pair_keys = frozenset(self.pairs)
        # Each family as one bit, so that the families in a text are an OR of integers.
        self.bits = {family: 1 << n for n, family in enumerate(sorted(families))}
        self.pair_masks = {pair: reduce(or_, (self.bits[f] for f, _ in entries))
                           for pair, entries in self.pairs.items()}
        self.prefix_lengths = sorted({len(p) for p in self.prefixes})
        self.suffix_lengths = sorted({len(s) for s in self.suffixes})
        # The words of a language repeat: each distinct word is looked up once (bounded,
        # so a long grading run cannot grow it without limit).
        self.first_words = lru_cache(maxsize=1 << 15)(self.starting)
        self.mask_of = lru_cache(maxsize=1 << 15)(self.mask_of)
        # Words known to begin no entry: most words of most texts, set aside at C speed.
        self.silent: set[str] = set()
        self.glance_keys: dict[str, dict[str, list]] = {"word": defaultdict(list), "prefix": defaultdict(list),
                                                        "suffix": defaultdict(list)}
        self.glance_always = 0
        self.glance_marks: dict[str, int] = defaultdict(int)
        for family, entries in families.items():
            for entry in entries:
                key, others = glance_key(parse_entry(entry))
                if key is None:
                    self.glance_always |= self.bits[family]
                elif key[0] == "mark":
                    self.glance_marks[key[1]] |= self.bits[family]
                elif key[0] in self.glance_keys:
                    self.glance_keys[key[0]][key[1]].append((self.bits[family], others))
        self.glance_lengths = {kind: sorted({len(k) for k in keys}) for kind, keys in self.glance_keys.items()}
        self.glance_entries = lru_cache(maxsize=1 << 15)(self.glance_entries)
        self.unseen: set[str] = set()

    def starting(self, word: str) -> tuple[tuple[str, tuple[Pattern, ...]], ...]:
        """The (family, rest of the entry) pairs whose entry's first pattern matches a
        token of normalised form ``word``, except the entries kept in ``pairs``."""
        candidates = list(self.exact.get(word, ()))
        if not is_mark(word):
            for length in self.prefix_lengths:
                if length > len(word):
                    break
                candidates += self.prefixes.get(word[:length], ())
            for length in self.suffix_lengths:
                if length >= len(word):
                    break
                candidates += self.suffixes.get(word[-length:], ())
        if not is_punctuation(word):
            candidates += self.any_word
        return tuple(candidates)

    def mask_of(self, word: str) -> int:
        """The families with an entry not kept in ``pairs`` whose first pattern matches
        ``word``, as a bit mask (``bits``)."""
        mask = 0
        for family, _ in self.first_words(word):
            mask |= self.bits[family]
        return mask

    def glance_entries(self, word: str) -> tuple[tuple[int, frozenset[str]], ...]:
        """The entries looked up by ``word`` (a word of the quick split): each as its
        family's bit and the other words it needs."""
        word = word.replace("ё", "е")
        found = list(self.glance_keys["word"].get(word, ()))
        for length in self.glance_lengths["prefix"]:
            if length > len(word):
                break
            found += self.glance_keys["prefix"].get(word[:length], ())
        for length in self.glance_lengths["suffix"]:
            if length >= len(word):
                break
            found += self.glance_keys["suffix"].get(word[-length:], ())
        return tuple(found)

    def glance(self, text: str) -> int:
        """The families that may be in ``text``, as a bit mask, from its quick split into
        words (``words_of``, which a plan has made for its cross-post rule already): the
        first and cheapest look. A text with a symbol in it (a word of the split that is
        not all letters and digits) may hide an entry the split cannot see, so every
        family may be there."""
        words = plain_words_of(text)
        if words is None:
            return -1  # an emoji or another symbol: the split may hide an entry glued to it
        mask = self.glance_always
        for mark, bits in self.glance_marks.items():
            if mark in text or mark == "'" and "’" in text:  # the tokens read ’ as '
                mask |= bits
        for word in words.difference(self.unseen):
            entries = self.glance_entries(word)
            if not entries and len(self.unseen) < SILENT_WORDS:
                self.unseen.add(word)
            for bit, others in entries:
                if others <= words:
                    mask |= bit
        return mask

    def hits(self, norms: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
        """Every place a family's entry matches in a text's tokens (their normalised
        forms): family name to (first, past last) token positions, in text order."""
        found: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, (norm, following) in enumerate(zip(norms, (*norms[1:], None))):
            for family, rest in self.first_words(norm):
                self.extend(found, family, norms, i, i + 1, rest)
            for family, rest in self.pairs.get((norm, following), ()):
                self.extend(found, family, norms, i, i + 2, rest)
        return found

    def present(self, text: str) -> int:
        """The families with an entry that may begin somewhere in ``text``, as a bit mask:
        a quick look at its words and pairs of words, enough to skip a text that holds no
        concept."""
        norms = norms_of(text)
        pairs = self.pair_keys.intersection(zip(norms, islice(norms, 1, None)))
        mask = reduce(or_, map(self.pair_masks.__getitem__, pairs), 0)
        for word in set(norms).difference(self.silent):
            found = self.mask_of(word)
            if found:
                mask |= found
            elif len(self.silent) < SILENT_WORDS:
                self.silent.add(word)
        return mask

    @staticmethod
    def extend(found: dict, family: str, norms: Sequence[str], first: int, at: int,
               rest: tuple[Pattern, ...]) -> None:
        """Record the hit of an entry that began at ``first`` and matched up to ``at`` if
        its ``rest`` matches the tokens from ``at`` on."""
        end = at + len(rest)
        if rest and (end > len(norms) or not all(map(fits, rest, norms[at:end]))):
            return
        spans = found[family]
        if (first, end) not in spans:
            spans.append((first, end))


class Lexicon:
    """The concepts of one data file and two indexes of its families: those the concepts
    name, looked up in every text, and the shared ones that only say how a concept found
    is read (negators, modifiers...), looked up only in a text where a concept is found."""

    def __init__(self, name: str, families: dict[str, list[str]], concepts: list[Concept],
                 settings: dict) -> None:
        self.name = name
        self.concepts = concepts
        self.discount = frozenset(settings.get("discount", READINGS))
        self.negation_window = int(settings.get("negation_window", 5))
        named = {f for c in concepts for f in (*c.parts, c.context, c.unless) if f}
        # What must be in a text for each concept to be found there: its parts and context.
        self.needs = [(concept, frozenset(concept.parts) | ({concept.context} if concept.context else set()))
                      for concept in concepts]
        self.parts = Index({f: e for f, e in families.items() if f in named})
        self.helpers = Index({f: e for f, e in families.items() if f not in named})
        self.need_masks = {reduce(or_, (self.parts.bits[f] for f in needs)) for _, needs in self.needs}
        # Texts share their masks: each is judged once (a pure function, bounded).
        self.holds_a_concept = lru_cache(maxsize=1 << 12)(self.holds_a_concept)

    def may_match(self, text: str) -> bool:
        """False when, for every concept, a part or its context has no entry that could
        begin anywhere in ``text``: most texts hold no concept, and this tells so from the
        sets of their words and word pairs, without walking the text. The first look is at
        the quick split into words; the second, for a text that passes it, at the tokens."""
        return self.holds_a_concept(self.parts.glance(text)) and self.holds_a_concept(self.parts.present(text))

    def holds_a_concept(self, present: int) -> bool:
        """Whether the families of the bit mask ``present`` cover every part and context
        of some concept."""
        return any(needs & present == needs for needs in self.need_masks)


def is_entry_list(value) -> bool:
    """Whether a family's entries for one language are a list of non-blank strings."""
    return isinstance(value, list) and all(isinstance(entry, str) and entry.strip() for entry in value)


def build(name: str, table: dict, shared: dict) -> Lexicon:
    """A lexicon from its parsed data file and the shared language file; raises
    ``LexiconError`` naming what is wrong."""
    source = where(f"text_{name}.toml")
    families: dict[str, list[str]] = {}
    for origin, data in ((where(LANGUAGE_FILE), shared), (source, table)):
        for family, languages in data.get("families", {}).items():
            if not (isinstance(languages, dict) and all(map(is_entry_list, languages.values()))):
                raise LexiconError(f"{origin}: [families.{family}] must list its entries (strings) per language.")
            # A lexicon's own entries for a shared family add to the shared ones.
            families[family] = families.get(family, []) + [e for entries in languages.values() for e in entries]
    concepts = []
    for n, raw in enumerate(table.get("concepts", []), 1):
        try:
            concept = Concept(id=raw["id"], label=raw["label"], parts=tuple(raw["parts"]),
                              **{k: v for k, v in raw.items() if k not in ("id", "label", "parts")})
        except (KeyError, TypeError) as error:
            raise LexiconError(f"{source}: concept {n} is malformed ({error}); it needs id, label and "
                               "parts.") from None
        if concept.context_where not in CONTEXT_WHERE:
            raise LexiconError(f"{source}: concept {concept.id}: context_where must be one of "
                               f"{', '.join(CONTEXT_WHERE)}.")
        for family in (*concept.parts, concept.context, concept.unless):
            if family is not None and family not in families:
                raise LexiconError(f"{source}: concept {concept.id} names the family {family!r}, which no "
                                   f"[families] table defines.")
        concepts.append(concept)
    for family in (NEGATOR, NOT_NEGATION, AFTER_NEGATION, REPORTING, SUGGESTION, MODIFIER, LINK_BREAK, LEAD_IN):
        families.setdefault(family, [])
    return Lexicon(name, families, concepts, table.get("settings", {}))


def lexicon_problems(name: str) -> list[str]:
    """What stops the lexicon ``name`` being built from the data files as they are now
    (for ``smm-check validate``): a missing or broken file, an unknown family, a
    malformed concept. Empty when all is well."""
    try:
        build(name, read(f"text_{name}.toml"), read(LANGUAGE_FILE))
    except (DataFileError, LexiconError) as error:
        return [str(error)]
    return []


@cache
def lexicon(name: str) -> Lexicon:
    """The lexicon ``checker/data/text_<name>.toml`` with the shared language file, read
    and indexed once per process. Raises ``DataFileError`` or ``LexiconError``."""
    return build(name, load(f"text_{name}.toml"), load(LANGUAGE_FILE))
