"""The notebook lesson made light: an MkDocs hook (``hooks:`` in mkdocs.yml) run on the
pages mkdocs-jupyter converts.

mkdocs-jupyter inlines JupyterLab's whole style sheet (570 KB), its code-highlighting
styles twice, a copy-button script, MathJax and Mermaid loaders, and the chart as a base64
PNG: 765 KB of HTML for one lesson. The course's own style sheet styles the few notebook
parts a reader sees (``course.css``), the highlighted code takes Material's colours
(``highlight_extra_classes: highlight``), and this hook drops the rest and writes each chart
beside the page as a file, so the page is the notebook's text and code. Each chart takes
the text alternative its notebook stores (nbconvert's convention: ``alt`` in the output's
metadata for its image type, or in the cell's metadata); a chart without one stops the build,
as nbconvert would otherwise print a placeholder that tells a screen-reader user nothing.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

INLINED = re.compile(r"<(style|script)\b[^>]*>.*?</\1>\s*", re.S)
# mkdocs-jupyter's copy buttons, and the second copy of each cell's code they copy, work
# only with the script dropped above.
COPY_BUTTON = re.compile(r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*'
                         r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>\s*', re.S)
COMMENTS = re.compile(r"<!-- (?:Load mathjax|MathJax configuration|End of mathjax configuration|"
                      r"End of mermaid configuration) -->\s*")
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif")
IMAGE = re.compile(r'src="data:image/(' + "|".join(kind.removeprefix("image/") for kind in IMAGE_TYPES)
                   + r');base64,([^"]+)"')
# What nbconvert writes where a notebook image has no text alternative.
PLACEHOLDER_ALT = 'alt="No description has been provided for this image"'
# nbconvert's heading permalinks, styled as Material styles its own.
ANCHOR = 'class="anchor-link"'


def image_alts(notebook: Path) -> list[str]:
    """The text alternative of each image the notebook's outputs show, in page order."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    alts = []
    for number, cell in enumerate(cells, start=1):
        for output in cell.get("outputs", []):
            for kind in IMAGE_TYPES:
                if kind not in output.get("data", {}):
                    continue
                alt = output.get("metadata", {}).get(kind, {}).get("alt") or cell["metadata"].get("alt")
                if not alt:
                    raise PluginError(f"{notebook}: cell {number} shows an image without a text alternative; "
                                      f'store one with display(..., metadata={{"{kind}": {{"alt": "..."}}}}).')
                alts.append(alt)
    return alts


def with_alts(article: str, notebook: Path) -> str:
    """The article converted from ``notebook`` with nbconvert's placeholder on each chart
    replaced by the chart's text alternative."""
    alts = image_alts(notebook)
    parts = article.split(PLACEHOLDER_ALT)
    if len(parts) - 1 != len(alts):
        raise PluginError(f"{notebook}: the page shows {len(parts) - 1} images without a text alternative, "
                          f"the notebook stores {len(alts)}.")
    return "".join(part + f'alt="{html.escape(alt)}"' for part, alt in zip(parts, alts)) + parts[-1]


def on_post_page(output: str, page, config) -> str:
    """A notebook page without what mkdocs-jupyter inlines, its images saved as files."""
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    start, end = output.index("<article"), output.index("</article>")
    article = COMMENTS.sub("", COPY_BUTTON.sub("", INLINED.sub("", output[start:end])))
    article = article.replace(ANCHOR, 'class="headerlink"')
    article = with_alts(article, Path(page.file.abs_src_path))
    folder = Path(config.site_dir) / Path(page.file.dest_uri).parent

    def save(match: re.Match) -> str:
        data = base64.b64decode(match.group(2))
        name = f"output-{hashlib.sha256(data).hexdigest()[:12]}.{match.group(1)}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        return f'src="{name}"'

    return output[:start] + IMAGE.sub(save, article) + output[end:]
