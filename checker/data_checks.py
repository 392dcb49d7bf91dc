"""Reading the course's data files for checking them against each other and the code.

Each kind of exercise checks the data it grades with (``ExerciseKind.data_problems``):
``smm-check validate`` reports every slip, and a grading command refuses to grade with
data that do not hold together, so a slip is a message naming the file and the key,
never a traceback in the middle of grading. A problem reads
``checker/data/<file>: [table] key: what is wrong and what to do``.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files

# The data folder; a test points it at a copy to make a slip without touching the course.
FOLDER = files("checker").joinpath("data")


class DataFileError(ValueError):
    """A data file is missing or is not valid TOML; the message names it."""


def where(name: str) -> str:
    """How a problem names a data file."""
    return f"checker/data/{name}"


def read(name: str) -> dict:
    """The parsed data file ``name`` of ``FOLDER``, read afresh. Raises ``DataFileError``."""
    try:
        return tomllib.loads(FOLDER.joinpath(name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(f"{where(name)}: the file is missing.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise DataFileError(f"{where(name)}: not valid TOML: {error}.") from None


def names(value) -> list[str] | None:
    """``value`` as a list of strings, or None when it is not one."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


def checked_tables(names_: tuple[str, ...], check) -> list[str]:
    """Run ``check(*tables)`` on the data files ``names_``; a file that cannot be read is
    the only problem reported for it."""
    try:
        tables = [read(name) for name in names_]
    except DataFileError as error:
        return [str(error)]
    return check(*tables)
