"""The ``/// offline`` directive: the progress page's panel that saves the whole course
for offline use.

The server renders a real button, a labelled ``<progress>`` and a status line that
screen readers announce; the script (``assets/offline.js``) asks the service worker how
large the course is and how much of it is saved, and has it save the rest.
"""

from __future__ import annotations

from html import escape

from checker.data import load
from checker.site.rendering import DirectiveContext, data_attribute

# The panel's sentences.
STRINGS = load("site_strings.toml")["offline"]


def render_offline(argument: str, ctx: DirectiveContext) -> str:
    """The panel; the button stays disabled until the worker has told the course's size."""
    s = STRINGS
    return ctx.html(
        f'<div class="smm-offline" {data_attribute({"strings": s})}>'
        f'<p>{escape(s["intro"])}</p>'
        f'<p><button type="button" class="md-button smm-offline-save" disabled>{escape(s["save_plain"])}</button></p>'
        f'<p><label for="smm-offline-progress">{escape(s["progress"])}</label> '
        '<progress id="smm-offline-progress" max="1" value="0"></progress></p>'
        '<p class="smm-offline-status" role="status"></p></div>')
