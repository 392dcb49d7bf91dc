"""The XLSX edge: the first sheet of a workbook as a ``Table``, through openpyxl.

Kept apart from the standard-library core so grading needs openpyxl only when a
learner actually uploads a workbook.
"""

from __future__ import annotations

import io
import zipfile

from checker.problems import InputProblem, InvalidInput
from checker.tables import MAX_ROWS, Row, Table


def read_xlsx(data: bytes) -> Table:
    """Cells keep their spreadsheet types (dates stay dates). Formulas come back as
    their text (``=SUM(...)``) so the table check can name them."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise InvalidInput([InputProblem(None, None, "this is not a readable .xlsx workbook; open it "
                                         "in your spreadsheet and save it again as .xlsx or CSV.")]) from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, ())
        table = Table(header=["" if h is None else str(h).strip() for h in header])
        for number, values in enumerate(rows, start=2):
            # One row past the limit is enough to report it; a huge sheet is not read whole.
            if len(table.rows) > MAX_ROWS:
                break
            table.rows.append(Row(number, list(values)))
    finally:
        book.close()
    return table
