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


FOLDER = files("checker").joinpath("data")


class DataFileError(ValueError):
    """A data file is missing or is not valid TOML; the message names it."""


def where(name: str) -> str:
    """How a message names a data file."""
    return f"checker/data/{name}"


def parse(folder, name: str) -> dict:
    """The parsed contents of the data file ``name`` in ``folder``. Raises ``DataFileError``."""
    try:
        return tomllib.loads(folder.joinpath(name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(f"{where(name)}: the file is missing.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise DataFileError(f"{where(name)}: not valid TOML: {error}.") from None


@cache
def load(name: str) -> dict:
    """The parsed contents of ``checker/data/<name>``. Raises ``DataFileError``."""
    return parse(FOLDER, name)
