"""The notebook lesson runs from top to bottom without an error, and what it stores
(the chart and the checker's verdict) is what it produces."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "kpis" / "computing-kpis.ipynb"

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")
pytest.importorskip("ipykernel")


def outputs_of(notebook) -> list:
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


def chart_alts(outputs) -> list[str]:
    return [o.metadata["image/png"]["alt"] for o in outputs if "image/png" in o.get("data", {})]


def test_notebook_runs_without_error():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = outputs_of(notebook)
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)
    # The chart's text alternative is computed from the data: the stored one is current.
    assert chart_alts(outputs) == chart_alts(outputs_of(nbformat.read(NOTEBOOK, as_version=4)))
    text = "".join(o.get("text", "") for o in outputs)
    assert "DIFFERENT" not in text and text.count(" same ") == 14
    assert "[wrong-denominator]" in text and "[missing-x1000]" in text and "[revenue-not-margin]" in text


def test_stored_outputs_include_the_chart_and_no_errors():
    # mkdocs-jupyter renders without executing (execute: false), so the stored outputs
    # are what readers see.
    outputs = outputs_of(nbformat.read(NOTEBOOK, as_version=4))
    assert outputs and not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)
