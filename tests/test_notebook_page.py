"""The notebook lesson is light: mkdocs-jupyter's inlined styles and scripts are dropped
and its chart is a file with the text alternative its notebook stores
(checker/site/notebook_page.py)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from checker.site.notebook_page import PLACEHOLDER_ALT, image_alts, with_alts

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "kpis" / "computing-kpis.ipynb"


def test_the_notebook_page_is_light_and_its_chart_a_file(built_site):
    folder = built_site / "kpis" / "computing-kpis"
    html_text = (folder / "index.html").read_text(encoding="utf-8")
    assert len(html_text.encode("utf-8")) < 150_000
    article = html_text[html_text.index("<article"):html_text.index("</article>")]
    assert not re.search(r"<style|<script|clipboard-copy|data:image/", article)
    assert 'class="highlight-ipynb hl-python highlight"' in article  # Material's code colours
    charts = re.findall(r'<img [^>]*src="(output-[0-9a-f]{12}\.png)"', article)
    assert charts and all((folder / chart).stat().st_size > 10_000 for chart in charts)


def test_the_chart_carries_the_text_alternative_its_notebook_stores(built_site):
    article = (built_site / "kpis" / "computing-kpis" / "index.html").read_text(encoding="utf-8")
    alts = [html.unescape(alt) for alt in re.findall(r'<img alt="([^"]*)"[^>]* src="output-', article)]
    assert alts == image_alts(NOTEBOOK)
    assert alts[0].startswith("Two charts. Left, bars: engagement rate by reach for each of the 12 posts")


def notebook(tmp_path: Path, cell_metadata: dict, *output_metadata: dict) -> Path:
    """A notebook whose second cell shows one chart per ``output_metadata``."""
    path = tmp_path / "chart.ipynb"
    cell = {"cell_type": "code", "metadata": cell_metadata, "source": [], "outputs": [
        {"output_type": "display_data", "data": {"image/png": "iVBOR", "text/plain": "<Figure>"}, "metadata": metadata}
        for metadata in output_metadata]}
    path.write_text(json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": []}, cell]}),
                    encoding="utf-8")
    return path


def test_a_chart_takes_its_alt_from_the_output_or_else_the_cell(tmp_path):
    assert image_alts(notebook(tmp_path, {}, {"image/png": {"alt": "Bars per post"}})) == ["Bars per post"]
    assert image_alts(notebook(tmp_path, {"alt": "From the cell"}, {})) == ["From the cell"]


def test_a_chart_without_a_text_alternative_stops_the_build_naming_its_cell(tmp_path):
    with pytest.raises(PluginError, match=r"chart\.ipynb: cell 2 shows an image without a text alternative"):
        image_alts(notebook(tmp_path, {}, {}))


def test_placeholders_are_replaced_in_order_and_escaped(tmp_path):
    path = notebook(tmp_path, {}, {"image/png": {"alt": "first"}}, {"image/png": {"alt": 'a "quoted" <b>'}})
    article = f'<img src="a.png" {PLACEHOLDER_ALT}><p>x</p><img src="b.png" {PLACEHOLDER_ALT}>'
    assert with_alts(article, path) == (
        '<img src="a.png" alt="first"><p>x</p><img src="b.png" alt="a &quot;quoted&quot; &lt;b&gt;">')
    with pytest.raises(PluginError, match=r"chart\.ipynb: the page shows 3 images without a text alternative, "
                                          r"the notebook stores 2"):
        with_alts(article + f'<img {PLACEHOLDER_ALT}>', path)
