"""The XLSX edge: the first sheet of a workbook as a ``Table``, through openpyxl.

Kept apart from the standard-library core so grading needs openpyxl only when a
learner actually uploads a workbook.

A workbook is a zip archive, and a few hundred kilobytes of it can inflate to gigabytes
(a "zip bomb"); in the browser that kills the worker. So before openpyxl decompresses
anything, ``check_inflation`` refuses a workbook whose parts declare more than a course
table needs, or a large part compressed far past what a sheet allows
(``checker.zip_limits``, which the class archive reader shares).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree import ElementTree

from checker.problems import InputProblem, InvalidInput
from checker.tables import MAX_ROWS, Row, Table
from checker.zip_limits import Limits, inflation_problem

# Everything a workbook holds, once inflated. A full plan of MAX_ROWS rows with long
# copies is about 15 MB of sheet XML; openpyxl keeps the shared strings in memory.
MAX_INFLATED_BYTES = 32 * 1024 * 1024
# Sheet XML deflates about ten to one, and a sheet of repeated rows rarely past a
# hundred to one; a part of over a megabyte that claims more is built to inflate.
MAX_RATIO = 150
WORKBOOK = Limits(MAX_INFLATED_BYTES, MAX_RATIO, whole="a course table", member="a sheet")
UNREADABLE = ("this is not a readable .xlsx workbook; open it in your spreadsheet and save it again as "
              ".xlsx or CSV.")


def read_xlsx(data: bytes) -> Table:
    """Cells keep their spreadsheet types (dates stay dates). Formulas come back as
    their text (``=SUM(...)``) so the table check can name them. Raises ``InvalidInput``
    for a workbook that cannot be read or would inflate past the limits."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_inflation(archive)
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            return first_sheet(book)
        finally:
            book.close()
    # A part is inflated as its rows are read: a damaged one fails there, not on opening.
    except (zipfile.BadZipFile, zlib.error, ElementTree.ParseError, InvalidFileException, KeyError, OSError,
            ValueError):
        raise InvalidInput([InputProblem(None, None, UNREADABLE)]) from None


def first_sheet(book) -> Table:
    """The first sheet of an open workbook, up to one row past ``MAX_ROWS``."""
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = next(rows, ())
    table = Table(header=["" if h is None else str(h).strip() for h in header])
    for number, values in enumerate(rows, start=2):
        # One row past the limit is enough to report it; a huge sheet is not read whole.
        if len(table.rows) > MAX_ROWS:
            break
        table.rows.append(Row(number, list(values)))
    return table


def check_inflation(archive: zipfile.ZipFile) -> None:
    """Refuse (``InvalidInput``) a workbook whose parts declare more than
    ``MAX_INFLATED_BYTES`` in all, or a part of over a megabyte compressed past
    ``MAX_RATIO``, from its central directory alone: nothing is decompressed."""
    why = inflation_problem(archive, WORKBOOK)
    if why:
        raise InvalidInput([InputProblem(None, None, f"this workbook cannot be read safely: {why}. It may be "
                                         "damaged or made to crash the reader; open it in your spreadsheet and "
                                         "save it again as .xlsx or CSV.")])
