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
from functools import cache, lru_cache
from typing import Sequence

from checker.data import load, where
from checker.text.tokens import Token, normalise, tokenize

LANGUAGE_FILE = "text_language.toml"
# Families the matcher itself reads from the shared file.
NEGATOR, NOT_NEGATION, AFTER_NEGATION = "negator", "not_negation", "after_negation"
REPORTING, SUGGESTION, MODIFIER, LINK_BREAK, LEAD_IN = "reporting", "suggestion", "modifier", "link_break", "lead_in"
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
            patterns += [("word", token.norm) for token in tokenize(part)]
    return tuple(patterns)


def fits(pattern: Pattern, token: Token) -> bool:
    """Whether one token pattern matches ``token``."""
    kind, text = pattern
    if kind == "word":
        return token.norm == text
    if kind == "prefix":
        return token.norm.startswith(text)
    if kind == "suffix":
        return token.norm.endswith(text) and not token.is_mark
    return not token.is_punctuation


class Index:
    """Family entries indexed by their first pattern, so that a token is looked up in a
    few dictionaries, not tried against every entry."""

    def __init__(self, families: dict[str, list[str]]) -> None:
        self.families = frozenset(families)
        self.exact: dict[str, list] = defaultdict(list)
        self.prefixes: dict[str, list] = defaultdict(list)
        self.suffixes: dict[str, list] = defaultdict(list)
        self.any_word: list = []
        for family, entries in families.items():
            for entry in entries:
                patterns = parse_entry(entry)
                (kind, text), rest = patterns[0], patterns[1:]
                if kind == "word":
                    self.exact[text].append((family, rest))
                elif kind == "prefix":
                    self.prefixes[text].append((family, rest))
                elif kind == "suffix":
                    self.suffixes[text].append((family, rest))
                else:
                    self.any_word.append((family, rest))
        self.prefix_lengths = sorted({len(p) for p in self.prefixes})
        self.suffix_lengths = sorted({len(s) for s in self.suffixes})
        # The words of a language repeat: each distinct word is looked up once (bounded,
        # so a long grading run cannot grow it without limit).
        self.first_words = lru_cache(maxsize=1 << 15)(self.starting)

    def starting(self, word: str) -> tuple[tuple[str, tuple[Pattern, ...]], ...]:
        """The (family, rest of the entry) pairs whose entry's first pattern matches a
        token of normalised form ``word``."""
        candidates = list(self.exact.get(word, ()))
        token = Token(word, 0, len(word))
        if not token.is_mark:
            for length in self.prefix_lengths:
                if length > len(word):
                    break
                candidates += self.prefixes.get(word[:length], ())
            for length in self.suffix_lengths:
                if length >= len(word):
                    break
                candidates += self.suffixes.get(word[-length:], ())
        if not token.is_punctuation:
            candidates += self.any_word
        return tuple(candidates)

    def hits(self, tokens: Sequence[Token]) -> dict[str, list[tuple[int, int]]]:
        """Every place a family's entry matches: family name to (first, past last) token
        positions, in text order."""
        found: dict[str, list[tuple[int, int]]] = defaultdict(list)
        last = len(tokens) - 1
        for i, token in enumerate(tokens):
            following = tokens[i + 1].norm if i < last else None
            for family, rest in self.first_words(token.norm):
                end = i + 1 + len(rest)
                if rest:
                    # Most entries of two words or more fail at their second word: test that
                    # one cheaply before the whole rest.
                    kind, text = rest[0]
                    if end - 1 > last or (kind == "word" and text != following) or \
                            not all(map(fits, rest, tokens[i + 1:end])):
                        continue
                spans = found[family]
                if (i, end) not in spans:
                    spans.append((i, end))
        return found


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
        self.needs = [(concept, frozenset(concept.parts)) for concept in concepts]
        self.parts = Index({f: e for f, e in families.items() if f in named})
        self.helpers = Index({f: e for f, e in families.items() if f not in named})


def build(name: str, table: dict, shared: dict) -> Lexicon:
    """A lexicon from its parsed data file and the shared language file; raises
    ``LexiconError`` naming what is wrong."""
    source = where(f"text_{name}.toml")
    families: dict[str, list[str]] = {}
    for origin, data in ((where(LANGUAGE_FILE), shared), (source, table)):
        for family, languages in data.get("families", {}).items():
            if not isinstance(languages, dict) or not all(
                    isinstance(v, list) and all(isinstance(e, str) and e.strip() for e in v) for v in languages.values()):
                raise LexiconError(f"{origin}: [families.{family}] must list its entries (strings) per language.")
            # A lexicon's own entries for a shared family add to the shared ones.
            families[family] = families.get(family, []) + [e for entries in languages.values() for e in entries]
    concepts = []
    for n, raw in enumerate(table.get("concepts", []), 1):
        try:
            concept = Concept(id=raw["id"], label=raw["label"], parts=tuple(raw["parts"]),
                              **{k: v for k, v in raw.items() if k not in ("id", "label", "parts")})
        except (KeyError, TypeError) as error:
            raise LexiconError(f"{source}: concept {n} is malformed ({error}); it needs id, label and parts.") from None
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


@cache
def lexicon(name: str) -> Lexicon:
    """The lexicon ``checker/data/text_<name>.toml`` with the shared language file, read
    and indexed once per process. Raises ``DataFileError`` or ``LexiconError``."""
    return build(name, load(f"text_{name}.toml"), load(LANGUAGE_FILE))
