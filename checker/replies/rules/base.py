"""How a replies rule is declared: one function per rule id under ``@rule``
(``checker/rule_registry.py``), with the title the learner reads; its docstring is what
the rubric page shows, its weight is in ``replies_rubric.toml``. A rule is called with the ``Sheet`` (the comments, the learner's
replies, the rubric) and returns a ``Verdict`` made by ``judge`` from notes per comment,
so each reply earns its share of the rule's weight."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Mapping, Sequence

from checker.plan.rules.base import CREDIT
from checker.replies.comments import Comment
from checker.replies.settings import Rubric, group, reply_lexicon
from checker.replies.sheet import Reply
from checker.rule_registry import Rule, rule_decorator
from checker.text import Match, scan


@dataclass
class Sheet:
    """A parsed answer sheet with what it is graded against. ``replies`` holds the public
    replies by comment id; ``handled`` what was done with every comment of the sheet."""

    comments: tuple[Comment, ...]
    rows: list[Reply]
    rubric: Rubric
    contacts: tuple[str, ...] = ()  # the business's own public contacts (exercise.toml)
    matches: dict[str, list[Match]] = field(default_factory=dict)

    @cached_property
    def handled(self) -> dict[str, Reply]:
        """Each comment id the sheet answers -> its row."""
        return {reply.comment.id: reply for reply in self.rows}

    @cached_property
    def replies(self) -> list[Reply]:
        """The replies posted in public, in comment order."""
        order = {comment.id: n for n, comment in enumerate(self.comments)}
        return sorted((r for r in self.rows if r.public), key=lambda r: order[r.comment.id])

    def answered(self, situations: str) -> list[Reply]:
        """The public replies to comments of a ``[groups]`` entry of ``replies.toml``."""
        wanted = group(situations)
        return [reply for reply in self.replies if reply.comment.situation in wanted]

    def unanswered(self, situations: str) -> list[str]:
        """The ids of the comments of a ``[groups]`` entry that needed a public reply and
        have none: they earn no credit in any rule that judges such replies."""
        wanted, needed = group(situations), group("answer")
        return [c.id for c in self.comments if c.situation in wanted and c.situation in needed
                and not (c.id in self.handled and self.handled[c.id].public)]

    def said(self, text: str, concepts: Iterable[str], ignore: Iterable[str] = ("negated",)) -> list[Match]:
        """What ``text`` says of ``concepts``, leaving out matches read in one of the
        ``ignore`` ways (negated, reported, quoted, question)."""
        if text not in self.matches:
            self.matches[text] = scan(text, reply_lexicon())
        wanted, skipped = set(concepts), set(ignore)
        return [m for m in self.matches[text] if m.concept in wanted and m.reading not in skipped]


@dataclass(frozen=True)
class Verdict:
    """A rule's judgement: status, message, the comment ids it names and the share of the
    rule's weight earned."""

    status: str
    message: str
    comments: tuple[str, ...] = ()
    credit: float = 1.0


def judge(total: int, fails: Mapping[str, str], warns: Mapping[str, str], passed: str,
          unanswered: Sequence[str] = ()) -> Verdict:
    """The verdict of a rule judged comment by comment (``fails``, ``warns``: comment id ->
    what is wrong, the comment id first): fail if any comment fails, warn if any warns,
    with credit for the share of the ``total`` replies judged that are fine (a warning
    earns half). ``unanswered`` comments needed a reply the rule would judge and have
    none: each earns nothing and, with nothing else wrong, makes the verdict a warning.
    ``passed`` is the message when nothing is wrong."""
    warns = {key: note for key, note in warns.items() if key not in fails}
    if unanswered:
        warns[unanswered[0]] = (f"{', '.join(unanswered)} {'has' if len(unanswered) == 1 else 'have'} no reply to "
                                "judge here, so earn nothing (see replies.coverage)")
    if not fails and not warns:
        return Verdict("pass", passed)
    status = "fail" if fails else "warn"
    total += len(unanswered)
    lost = len(fails) + CREDIT["warn"] * (len(warns) - bool(unanswered)) + len(unanswered)
    credit = max(0.0, 1 - lost / total) if total else 1.0
    # Each note opens with its comment id, which keeps its case.
    text = "; ".join([*fails.values(), *warns.values()]) + "."
    return Verdict(status, text, tuple(sorted({*fails, *warns, *unanswered})), credit)


def quoted(matches: list[Match]) -> str:
    """The triggering words of matches, quoted and joined: "'sorry you feel', 'obviously'";
    words inside a longer match's quote are not repeated."""
    outer = [m for m in matches if not any(o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
                                           for o in matches)]
    return ", ".join(f"'{quote}'" for quote in dict.fromkeys(m.quote for m in outer))


def excerpt(text: str, words: int = 8) -> str:
    """The opening words of a text, with an ellipsis when it goes on."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


# Every replies rule by id; ``@rule(rule_id, title)`` registers one (its weight and
# whether it is critical are in replies_rubric.toml).
RULES: dict[str, Rule] = {}
rule = rule_decorator(RULES)
