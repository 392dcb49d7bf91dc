"""The ``/// check | ID`` directive: the panel where a learner checks their work on the
exercise page itself.

The server renders the form as real, labelled HTML; the widget (``assets/check.js``)
grades the chosen file in the browser, with the package itself running under Pyodide
(``checker.browser``), so the page says exactly what ``smm-check`` would.
"""

from __future__ import annotations

from html import escape

from checker.data import load
from checker.exercises import ExerciseError, UnknownExercise, load_exercise
from checker.kinds import UnknownKind, exercise_kind
from checker.site.rendering import DirectiveContext, DirectiveError, data_attribute
from checker.tables import MAX_BYTES

# Bumped when the shape of what the widget stores in localStorage changes.
STORAGE_VERSION = 1
# The largest upload the widget keeps on the device: the largest file the grader reads.
KEEP_LIMIT = MAX_BYTES


# The panel's sentences.
STRINGS = load("site_strings.toml")["check"]


def render_check(argument: str, ctx: DirectiveContext) -> str:
    """The check panel of exercise ``argument``: a file input and a check button with its
    kind's labels, and for a kind whose learners have their own data, the learner's name
    and their data's download first."""
    try:
        exercise = load_exercise(argument.strip(), ctx.root)
        kind = exercise_kind(exercise.kind)
    except (UnknownExercise, ExerciseError, UnknownKind) as error:
        raise DirectiveError(f"/// check | {argument}: {error}") from None
    s = STRINGS
    base = f"smm-check-{exercise.id}"
    data = {"exercise": exercise.id, "kind": exercise.kind, "version": STORAGE_VERSION,
            "keep_limit": KEEP_LIMIT, "learner_required": kind.learner_required,
            "download_hint": kind.panel.download_hint, "strings": s}
    out = [f'<div class="smm-checkpanel" id="{base}" {data_attribute(data, "check.js")}>',
           f'<p class="smm-cp-intro">{escape(s["intro"])}</p>']
    if kind.learner_data is not None:
        # Where the exercise's own data stand in for a missing name, the field says so.
        hint = "" if kind.learner_required else (f'<span id="{base}-learner-hint" class="smm-cp-hint">'
                                                  f'{escape(s["learner_optional"])}</span>')
        described = "" if kind.learner_required else f' aria-describedby="{base}-learner-hint"'
        out.append(f'<p class="smm-cp-field"><label for="{base}-learner">{escape(s["learner"])}</label>'
                   f'<input type="text" id="{base}-learner" class="smm-cp-learner" autocomplete="name"{described}>'
                   f'{hint}</p>'
                   f'<p><button type="button" class="md-button smm-cp-download">{escape(s[kind.panel.download_label])}</button></p>')
    out.append(f'<p class="smm-cp-field"><label for="{base}-file">{escape(s[kind.panel.file_label])}</label>'
               f'<input type="file" id="{base}-file" class="smm-cp-file" accept=".csv,.xlsx"></p>'
               f'<p class="smm-cp-actions"><button type="button" class="md-button smm-cp-run">'
               f'{escape(s[kind.panel.run_label])}</button></p>'
               f'<div class="smm-cp-kept" hidden><p class="smm-cp-kept-text"></p><p>'
               f'<button type="button" class="md-button smm-cp-again">{escape(s["check_again"])}</button> '
               f'<button type="button" class="md-button smm-cp-forget">{escape(s["forget"])}</button></p></div>'
               '<p class="smm-cp-status" role="status" aria-live="polite"></p>'
               '<div class="smm-cp-result"></div></div>')
    return ctx.html("".join(out))
