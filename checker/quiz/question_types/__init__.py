"""The built-in question types; importing this package registers each of them, in the
order messages list them.

A new type is one module here (its class, decorated with ``@question_type``), imported
below, and one object in ``TYPES`` of ``checker/site/assets/quiz.js``; see CONTRIBUTING.md,
"How to add a quiz question type".
"""

from checker.quiz.question_types import choice, true_false, numeric, ordering  # noqa: I001

__all__ = ["choice", "true_false", "numeric", "ordering"]
