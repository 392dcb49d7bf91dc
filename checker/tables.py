"""Read a learner's table (CSV or XLSX) into rows, or say exactly what is wrong with it.

Reading is the ``parse`` step: it never grades. Every problem found is collected and
raised together as ``InvalidInput`` so a learner fixes a file in one pass: a file that
cannot be read as a table at all is refused here; cells holding formulas are kept on the
table and reported with whatever the parser of its columns finds (``reports_table_problems``).
Row numbers are the spreadsheet's: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Callable, Iterable, Mapping, NamedTuple, Sequence, TypeVar

from checker.cells import is_blank
from checker.problems import InputProblem, InvalidInput, suggestion

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
DELIMITERS = ",;\t"
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
# A cell a spreadsheet would evaluate: = followed by a function name, reference or bracket.
FORMULA = re.compile(r"^\s*=\s*[A-Za-z_(]")


class Row(NamedTuple):
    """One data row: its spreadsheet row number and its cells in header order."""

    number: int
    cells: list


@dataclass
class Table:
    """A header and the non-blank rows under it. Cells are ``str`` from CSV; from XLSX
    they may also be numbers, dates, datetimes or None. ``problems`` names the cells that
    hold a spreadsheet formula."""

    header: list[str]
    rows: list[Row] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)

    def column_name(self, index: int) -> str:
        """The header text of a column, or its spreadsheet letter when the header is blank."""
        name = self.header[index].strip() if index < len(self.header) else ""
        return name or column_letter(index)

    def bind(self, columns: Mapping[str, Sequence[str]], required: Iterable[str]) -> dict[str, int]:
        """Map canonical column names to positions, matching headers case-insensitively
        against each name and its aliases. Raises ``InvalidInput`` naming every missing
        required column (with a suggestion) and every column given twice."""
        lookup: dict[str, str] = {}
        for canonical, aliases in columns.items():
            for name in (canonical, *aliases):
                lookup[normalise_header(name)] = canonical
        found: dict[str, int] = {}
        problems = []
        for index, text in enumerate(self.header):
            canonical = lookup.get(normalise_header(text))
            if canonical is None:
                continue
            if canonical in found:
                problems.append(InputProblem(1, text, f"two columns mean '{canonical}' "
                                             f"('{self.header[found[canonical]]}' and '{text}'); keep one."))
            else:
                found[canonical] = index
        for canonical in required:
            if canonical not in found:
                close = suggestion(canonical, [normalise_header(h) for h in self.header if h.strip()])
                hint = close.replace("Did you mean", "Is it") if close else ""
                problems.append(InputProblem(1, canonical, f"required column '{canonical}' is missing "
                                             f"from the header row.{hint}"))
        if problems:
            raise InvalidInput(problems)
        return found


Parsed = TypeVar("Parsed")


def reports_table_problems(parse: Callable[..., Parsed]) -> Callable[..., Parsed]:
    """Decorate a parser whose first argument is a ``Table``: the ``InvalidInput`` it raises
    comes out with the table's own problems added, in row order, and those alone are raised
    when it finds nothing, so a learner sees a formula cell and a misspelt value in one
    report. The parser's complaint about a formula cell is left out: the formula is the cause."""
    @wraps(parse)
    def parse_and_report(table: Table, *args, **kwargs) -> Parsed:
        try:
            parsed = parse(table, *args, **kwargs)
        except InvalidInput as error:
            taken = {(p.row, p.column) for p in table.problems}
            found = table.problems + [p for p in error.problems if (p.row, p.column) not in taken]
            raise InvalidInput(sorted(found, key=lambda p: p.row or 0)) from None
        if table.problems:
            raise InvalidInput(list(table.problems))
        return parsed
    return parse_and_report


def normalise_header(text: str) -> str:
    """Header text compared without case, outer spaces, or the difference between
    spaces, hyphens and underscores."""
    return " ".join(str(text).replace("_", " ").replace("-", " ").split()).lower()


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def read_table(path: str | Path, encoding: str | None = None) -> Table:
    """Read a CSV or XLSX file (first sheet). Raises ``InvalidInput`` for a file that
    cannot be read, is too large, binary, wrongly encoded or empty; formula cells are noted
    on the table (``reports_table_problems``)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput([InputProblem(None, None, f"there is no file at '{path}'.")]) from None
    except OSError as error:
        raise InvalidInput([InputProblem(None, None, f"cannot read '{path}': {error.strerror}.")]) from None
    return parse_bytes(data, path.name, encoding)


def parse_bytes(data: bytes, name: str = "upload.csv", encoding: str | None = None) -> Table:
    """Parse a file's bytes; ``name`` decides CSV or XLSX by its extension. This is the
    entry point the browser uses, where there is no path."""
    if len(data) > MAX_BYTES:
        raise InvalidInput([InputProblem(None, None, f"the file is {len(data) / 1048576:.1f} MB; "
                                         f"the limit is {MAX_BYTES // 1048576} MB. Split it or remove "
                                         "embedded images.")])
    suffix = Path(name).suffix.lower()
    if suffix in XLSX_SUFFIXES or (data[:4] == b"PK\x03\x04" and encoding is None):
        from checker.xlsx import read_xlsx  # the heavy reader stays at the edge

        table = read_xlsx(data)
    elif suffix == ".xls" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InvalidInput([InputProblem(None, None, "this is an old Excel .xls file; save it as "
                                         ".xlsx or as CSV and try again.")])
    else:
        text = decode(data, encoding)
        # Cells are pieces of the text: without an '=' in it, none can hold a formula.
        return check_table(parse_csv(text), formulas="=" in text)
    return check_table(table)


def decode(data: bytes, encoding: str | None) -> str:
    """Text of a CSV file: the given encoding, else by BOM (UTF-8, UTF-16), else UTF-8.
    Names the row where decoding fails and suggests ``--encoding``."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InvalidInput([InputProblem(None, None, f"unknown encoding '{encoding}'; try utf-8, "
                                             "cp1251, latin-1 or utf-16.")]) from None
        chosen = encoding
    elif data.startswith(codecs.BOM_UTF8):
        chosen = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        chosen = "utf-16"
    else:
        if data.find(b"\x00", 0, 8192) >= 0:
            raise InvalidInput([InputProblem(None, None, "this is not a text table (it holds binary "
                                             "data); upload a CSV or XLSX file.")])
        chosen = "utf-8"
    try:
        return data.decode(chosen)
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise InvalidInput([InputProblem(row, None, f"this text is not valid {chosen}. Save the file "
                                         "as 'CSV UTF-8', or name its encoding with --encoding "
                                         "(for example cp1251 for Cyrillic Windows files).")]) from None


def parse_csv(text: str) -> Table:
    """Split CSV text on the delimiter its header row uses (comma, semicolon or tab)."""
    text = text.lstrip("\ufeff")
    end = text.find("\n")
    first_line = text[:end] if end >= 0 else text
    delimiter = max(DELIMITERS, key=first_line.count)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise InvalidInput([InputProblem(None, None, f"the CSV is malformed ({error}); check for an "
                                         "unclosed quotation mark.")]) from None
    if not records:
        return Table(header=[])
    rows = [Row(number, cells) for number, cells in enumerate(records[1:], start=2)]
    return Table(header=[name.strip() for name in records[0]], rows=rows)


def check_table(table: Table, formulas: bool = True) -> Table:
    """Drop blank rows, refuse an empty or oversized table and note every formula cell in
    ``table.problems``. ``formulas`` is False when the source cannot hold a formula at all,
    which spares searching for one."""
    if not any(map(str.strip, map(str, table.header))):
        raise InvalidInput([InputProblem(None, None, "the file is empty: the first row must name the "
                                         "columns.")])
    table.rows = non_blank_rows(table.rows)
    if not table.rows:
        raise InvalidInput([InputProblem(None, None, "the table has a header but no rows under it.")])
    if len(table.rows) > MAX_ROWS:
        raise InvalidInput([InputProblem(None, None, f"the table has {len(table.rows):,} rows; the "
                                         f"limit is {MAX_ROWS:,}.")])
    table.problems = formula_problems(table) if formulas else []
    return table


def non_blank_rows(rows: list[Row]) -> list[Row]:
    """The rows holding anything but white space."""
    return [row for row in rows if not all(map(is_blank, row.cells))]


def formula_problems(table: Table) -> list[InputProblem]:
    """A problem for every cell holding a spreadsheet formula."""
    return [
        InputProblem(row.number, table.column_name(index),
                     f"this cell holds a spreadsheet formula ({str(cell)[:40]}); paste its value instead.")
        for row in table.rows
        for index, cell in enumerate(row.cells)
        # The substring test first: it rules out almost every cell at C speed.
        if isinstance(cell, str) and "=" in cell and FORMULA.match(cell)
    ]
