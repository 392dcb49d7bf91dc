"""The notebook lesson is light: mkdocs-jupyter's inlined styles and scripts are dropped
and its chart is a file (checker/site/notebook_page.py)."""

from __future__ import annotations

import re


def test_the_notebook_page_is_light_and_its_chart_a_file(built_site):
    folder = built_site / "kpis" / "computing-kpis"
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert len(html.encode("utf-8")) < 150_000
    article = html[html.index("<article"):html.index("</article>")]
    assert not re.search(r"<style|<script|clipboard-copy|data:image/", article)
    assert 'class="highlight-ipynb hl-python highlight"' in article  # Material's code colours
    charts = re.findall(r'<img [^>]*src="(output-[0-9a-f]{12}\.png)"', article)
    assert charts and all((folder / chart).stat().st_size > 10_000 for chart in charts)
