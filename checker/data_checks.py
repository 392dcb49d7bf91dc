"""Reading the course's data files for checking them against each other and the code.

Each kind of exercise checks the data it grades with (``ExerciseKind.data_problems``):
``smm-check validate`` reports every slip, and a grading command refuses to grade with
data that do not hold together, so a slip is a message naming the file and the key,
never a traceback in the middle of grading. A problem reads
``checker/data/<file>: [table] key: what is wrong and what to do``.
"""

from __future__ import annotations

from checker.data import FOLDER, DataFileError, parse


def read(name: str) -> dict:
    """The data file ``name`` of ``FOLDER``, read afresh (a test points ``FOLDER`` at a
    copy to make a slip without touching the course). Raises ``DataFileError``."""
    return parse(FOLDER, name)


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
