"""The notebook lesson made light: an MkDocs hook (``hooks:`` in mkdocs.yml) run on the
pages mkdocs-jupyter converts.

mkdocs-jupyter inlines JupyterLab's whole style sheet (570 KB), its code-highlighting
styles twice, a copy-button script, MathJax and Mermaid loaders, and the chart as a base64
PNG: 765 KB of HTML for one lesson. The course's own style sheet styles the few notebook
parts a reader sees (``course.css``), the highlighted code takes Material's colours
(``highlight_extra_classes: highlight``), and this hook drops the rest and writes each chart
beside the page as a file, so the page is the notebook's text and code.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINED = re.compile(r"<(style|script)\b[^>]*>.*?</\1>\s*", re.S)
# mkdocs-jupyter's copy buttons, and the second copy of each cell's code they copy, work
# only with the script dropped above.
COPY_BUTTON = re.compile(r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*'
                         r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>\s*', re.S)
COMMENTS = re.compile(r"<!-- (?:Load mathjax|MathJax configuration|End of mathjax configuration|"
                      r"End of mermaid configuration) -->\s*")
IMAGE = re.compile(r'src="data:image/(png|jpeg|gif);base64,([^"]+)"')
# nbconvert's heading permalinks, styled as Material styles its own.
ANCHOR = 'class="anchor-link"'



def on_post_page(output: str, page, config) -> str:
    """A notebook page without what mkdocs-jupyter inlines, its images saved as files."""
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    start, end = output.index("<article"), output.index("</article>")
    article = COMMENTS.sub("", COPY_BUTTON.sub("", INLINED.sub("", output[start:end])))
    article = article.replace(ANCHOR, 'class="headerlink"')
    folder = Path(config.site_dir) / Path(page.file.dest_uri).parent

    def save(match: re.Match) -> str:
        data = base64.b64decode(match.group(2))
        name = f"output-{hashlib.sha256(data).hexdigest()[:12]}.{match.group(1)}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        return f'src="{name}"'

    return output[:start] + IMAGE.sub(save, article) + output[end:]
