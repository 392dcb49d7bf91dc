"""The words a content plan may use: column names, platforms, formats, categories, goals
and KPIs, each canonical value with its aliases (``checker/data/vocabulary.toml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from checker.data import load
from checker.tables import normalise_header as normalise

VOCABULARY_FILE = "vocabulary.toml"


@dataclass(frozen=True)
class Vocabulary:
    """One closed list of values: canonical names and the spellings that mean them."""

    field: str
    canonical: tuple[str, ...]
    lookup: dict[str, str]  # normalised spelling -> canonical value

    def find(self, text: str) -> str | None:
        """The canonical value ``text`` names, or None when it is not in the list."""
        return find(self.field, text)

    def spellings(self) -> list[str]:
        """Every accepted spelling, for 'did you mean' suggestions."""
        return list(self.lookup)


@cache
def vocabulary(field: str) -> Vocabulary:
    """The vocabulary of one plan column (``platform``, ``format``, ...)."""
    entries = load(VOCABULARY_FILE)[field]
    lookup = {}
    for canonical, aliases in entries.items():
        for spelling in (canonical, *aliases):
            lookup[normalise(spelling)] = canonical
    return Vocabulary(field, tuple(entries), lookup)


def find(field: str, text: str) -> str | None:
    """The canonical value of ``field`` that ``text`` names, or None."""
    return vocabulary(field).lookup.get(normalise(text))


def columns() -> dict[str, list[str]]:
    """Canonical column names with their header aliases, in the documented order."""
    return load(VOCABULARY_FILE)["columns"]


def required_columns() -> list[str]:
    """The columns every plan must have."""
    return load(VOCABULARY_FILE)["required"]["columns"]


def goal_kpis() -> dict[str, list[str]]:
    """For each goal, the KPIs that measure it."""
    return load(VOCABULARY_FILE)["goal_kpis"]


def label(value: str) -> str:
    """A canonical value as a learner reads it: 'short-video' -> 'short video', 'ctr' -> 'CTR'."""
    return load(VOCABULARY_FILE)["labels"].get(value, value.replace("-", " "))
