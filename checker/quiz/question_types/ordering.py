"""Ordering questions: put the items in their order. The bank lists them in the right order;
the page shows them shuffled, the same way on every build."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html import escape

from checker.quiz.lms import gift_escape, moodle_answer, moodle_field, moodle_text, percent, qti_condition, qti_text, qti_var
from checker.quiz.question import SETTINGS, Question, Verdict, named_indices, question_type


@question_type
@dataclass(frozen=True)
class Ordering(Question):
    """Correct when every item is in its place; answers are lists of item indices (0-based,
    bank order) in the learner's order."""

    items: tuple[str, ...]
    correct_feedback: str
    wrong_feedback: str

    type = "ordering"
    KEYS = {"items": (list, True), "correct_feedback": (str, True), "wrong_feedback": (str, True)}

    @classmethod
    def entry_problems(cls, raw: dict) -> list[str]:
        items = raw["items"]
        if not all(isinstance(i, str) and i.strip() for i in items):
            return ["every item must be a non-empty string."]
        if len(items) < SETTINGS["min_items"]:
            return [f"an ordering question needs at least {SETTINGS['min_items']} items."]
        if len(set(items)) != len(items):
            return ["two items have the same text; the order would be ambiguous."]
        return []

    @classmethod
    def entry_fields(cls, raw: dict) -> dict:
        return {"items": tuple(i.strip() for i in raw["items"]),
                "correct_feedback": raw["correct_feedback"].strip(), "wrong_feedback": raw["wrong_feedback"].strip()}

    def presented_order(self) -> list[int]:
        """Items as first shown (indices into ``items``, whose order is the answer). Derived
        from the question id, so the page, the CLI's item numbers and every rebuild agree,
        and never the answer itself."""
        order = sorted(range(len(self.items)),
                       key=lambda i: hashlib.sha256(f"{self.id}\0{i}".encode()).hexdigest())
        if order == sorted(order):
            order = order[1:] + order[:1]
        return order

    def read_answer(self, cell) -> list[int]:
        """Every item once, in the learner's order: item numbers as the page first lists
        the items (``presented_order``), or item texts."""
        order = named_indices(cell, list(self.items), self.presented_order(), "item")
        if sorted(order) != list(range(len(self.items))):
            raise ValueError(f"give each of the {len(self.items)} items exactly once, in your order.")
        return order

    def grade(self, answer) -> Verdict:
        correct = list(answer) == list(range(len(self.items)))
        return Verdict(correct, self.correct_feedback if correct else self.wrong_feedback)

    def widget_fields(self) -> dict:
        return {"correct_feedback": self.correct_feedback, "wrong_feedback": self.wrong_feedback,
                "count": len(self.items)}

    def form_html(self, base: str, strings: dict) -> str:
        out = [f'<p class="smm-hint" id="{base}-help">{escape(strings["ordering_help"])}</p>'
               f'<ol class="smm-order" aria-describedby="{base}-help">']
        for index in self.presented_order():
            text = escape(self.items[index])
            out.append(f'<li data-index="{index}"><span class="smm-item">{text}</span>'
                       f'<span class="smm-moves"><button type="button" class="smm-up" '
                       f'aria-label="{escape(strings["move_up"])}: {text}">↑</button>'
                       f'<button type="button" class="smm-down" '
                       f'aria-label="{escape(strings["move_down"])}: {text}">↓</button></span></li>')
        return "".join(out) + "</ol>"

    def to_gift(self) -> list[str]:
        # GIFT has no ordering type: a matching question pairs each item with its position.
        return [f"={gift_escape(item)} -> {position}" for position, item in enumerate(self.items, 1)] + [
            f"####{gift_escape(self.correct_feedback)}"]

    def to_moodle(self, element: ET.Element, shuffle: bool) -> str:
        for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                           ("gradingtype", "ALL_OR_NOTHING"), ("showgrading", "SHOW"),
                           ("numberingstyle", "none")):
            moodle_field(element, tag, value)
        moodle_text(element, "correctfeedback", self.correct_feedback)
        moodle_text(element, "partiallycorrectfeedback", self.wrong_feedback)
        moodle_text(element, "incorrectfeedback", self.wrong_feedback)
        # Items are listed in the correct order; the fraction records each one's position.
        for position, item in enumerate(self.items, 1):
            moodle_answer(element, str(position), item)
        return "ordering"

    def to_qti(self, ident, presentation, processing):
        # Canvas has no ordering type either: matching, with a share of the points per item.
        for index, item_text in enumerate(self.items):
            response = ET.SubElement(presentation, "response_lid", ident=f"response_{index + 1}")
            qti_text(response, item_text)
            choices = ET.SubElement(response, "render_choice")
            for position in range(1, len(self.items) + 1):
                qti_text(ET.SubElement(choices, "response_label", ident=f"{ident}-position-{position}"), str(position))
            qti_condition(processing, qti_var("varequal", f"response_{index + 1}", f"{ident}-position-{index + 1}"),
                          score=percent(100 / len(self.items)), action="Add")
        return "matching_question", [("correct_fb", self.correct_feedback), ("general_incorrect_fb", self.wrong_feedback)]
