"""The data tables the grader and the site read: vocabularies, platform limits, rubric
defaults, phrase patterns, metric definitions, quiz settings and interface strings, all
TOML files in this folder.

They are read through ``importlib.resources`` so the same code works from a checkout, an
installed wheel and a Pyodide bundle; each file is parsed once per process.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files


@cache
def load(name: str) -> dict:
    """The parsed contents of ``checker/data/<name>``."""
    return tomllib.loads(files("checker").joinpath("data", name).read_text(encoding="utf-8"))
