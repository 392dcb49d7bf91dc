"""What the replies kind reads from its data files: the situations, actions, columns and
platforms (``replies.toml``), the rubric (``replies_rubric.toml``, with an exercise's own
weights over the defaults), the word lists and patterns (``reply_words.toml``), and the
text engine's ``replies`` lexicon (``text_replies.toml``)."""

from __future__ import annotations

from dataclasses import dataclass
from checker.data import load
from checker.text.lexicon import Lexicon, lexicon

DATA_FILE = "replies.toml"
RUBRIC_FILE = "replies_rubric.toml"
WORDS_FILE = "reply_words.toml"
LEXICON = "replies"  # checker/data/text_replies.toml


def reply_data() -> dict:
    """The situations, actions, columns and platforms (``replies.toml``)."""
    return load(DATA_FILE)


def reply_words() -> dict:
    """The word lists and patterns (``reply_words.toml``)."""
    return load(WORDS_FILE)


def reply_lexicon() -> Lexicon:
    """The replies lexicon with the text engine's shared language file, built once.
    Raises ``DataFileError`` or ``LexiconError``."""
    return lexicon(LEXICON)


def group(name: str) -> frozenset[str]:
    """The situations of a ``[groups]`` entry (``complaints``, ``answer``...)."""
    return frozenset(reply_data()["groups"][name])


@dataclass(frozen=True)
class Rubric:
    """What a reply sheet is scored with: the pass mark, each rule's weight, the
    critical rules and the thresholds the rules read (``[params]``)."""

    threshold: float
    weights: dict[str, float]
    critical: tuple[str, ...]
    params: dict


def replies_rubric(exercise_rubric: dict | None, threshold: float) -> Rubric:
    """The defaults with an exercise's ``[rubric.weights]`` over them. Raises ``ValueError``
    naming anything else in ``[rubric]`` or a weight for a rule the defaults lack."""
    data = load(RUBRIC_FILE)
    weights = dict(data["weights"])
    own = dict(exercise_rubric or {})
    extra = sorted(set(own) - {"weights"}) + sorted(set(own.get("weights", {})) - set(weights))
    if extra:
        raise ValueError(f"[rubric] takes only [rubric.weights] of the rules {', '.join(weights)}; "
                         f"{', '.join(extra)} is not one.")
    weights.update(own.get("weights", {}))
    return Rubric(threshold, weights, tuple(data["critical"]), dict(data["params"]))
