"""checker.tables: every way a learner's file can be unreadable is reported as a problem
with its row and column, never a traceback; readable files come back as header and rows."""

from __future__ import annotations

import codecs
import datetime as dt
import io

import pytest
from openpyxl import Workbook

from checker.problems import InputProblem, InvalidInput
from checker.tables import MAX_BYTES, MAX_ROWS, parse_bytes, read_table, reports_table_problems


def problems(data: bytes, name: str = "plan.csv", encoding: str | None = None) -> list:
    """The problems parsing ``data`` raises (fails the test if it parses)."""
    with pytest.raises(InvalidInput) as caught:
        parse_bytes(data, name, encoding)
    return caught.value.problems


def workbook(rows: list[list]) -> bytes:
    """An XLSX file whose first sheet holds ``rows``."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_missing_file_is_named(tmp_path):
    with pytest.raises(InvalidInput) as caught:
        read_table(tmp_path / "nowhere.csv")
    assert "there is no file" in caught.value.problems[0].message
    assert "nowhere.csv" in caught.value.problems[0].message


def test_empty_file():
    [problem] = problems(b"")
    assert "empty" in problem.message and problem.row is None


def test_blank_lines_only_count_as_empty():
    [problem] = problems(b"\n\n  \n")
    assert "empty" in problem.message


def test_header_without_rows():
    [problem] = problems(b"date,platform,copy\n")
    assert "no rows" in problem.message


def test_binary_data_is_refused():
    [problem] = problems(bytes(range(256)) * 4)
    assert "binary" in problem.message


def test_bad_encoding_names_the_row_and_suggests_encoding():
    data = "date,copy\n2026-12-01,hello\n2026-12-02,Привет\n".encode("cp1251")
    [problem] = problems(data)
    assert problem.row == 3
    assert "--encoding" in problem.message and "cp1251" in problem.message


def test_encoding_option_reads_a_legacy_file():
    data = "date,copy\n2026-12-02,Привет\n".encode("cp1251")
    table = parse_bytes(data, "plan.csv", "cp1251")
    assert table.rows[0].cells == ["2026-12-02", "Привет"]


def test_unknown_encoding_name():
    [problem] = problems(b"a,b\n1,2\n", encoding="klingon-8")
    assert "unknown encoding 'klingon-8'" in problem.message


def test_utf16_with_bom():
    table = parse_bytes("date;copy\r\n2026-12-01;Привет\r\n".encode("utf-16"), "plan.csv")
    assert table.header == ["date", "copy"]
    assert table.rows[0].cells == ["2026-12-01", "Привет"]


def test_utf8_bom_is_not_part_of_the_first_header():
    table = parse_bytes(codecs.BOM_UTF8 + b"date,copy\n2026-12-01,hi\n", "plan.csv")
    assert table.header[0] == "date"


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_delimiter_is_taken_from_the_header(delimiter):
    text = delimiter.join(["date", "platform", "copy"]) + "\n"
    text += delimiter.join(["01.12.2026", "vk", '"Hello, neighbours; welcome"']) + "\n"
    table = parse_bytes(text.encode(), "plan.csv")
    assert table.header == ["date", "platform", "copy"]
    assert table.rows[0].cells[2] == "Hello, neighbours; welcome"


def test_formula_cells_are_named_by_row_and_column():
    data = b"date,reach,copy\n2026-12-01,=SUM(B1:B2),ok\n2026-12-02,5,=HYPERLINK(\"x\")\n"
    found = parse_bytes(data, "plan.csv").problems
    assert [(p.row, p.column) for p in found] == [(2, "reach"), (3, "copy")]
    assert "formula" in found[0].message


def test_a_parser_reports_formula_cells_with_its_own_problems_in_row_order():
    table = parse_bytes(b"date,reach\n2026-12-01,=B1*2\n2026-12-02,lots\n2026-12-03,=B2\n", "plan.csv")

    @reports_table_problems
    def counts(table):
        problems = [InputProblem(r.number, "reach", "not a number") for r in table.rows if not r.cells[1].isdigit()]
        if problems:
            raise InvalidInput(problems)
        return [int(r.cells[1]) for r in table.rows]

    with pytest.raises(InvalidInput) as caught:
        counts(table)
    # The formula cells are not called numbers as well: the formula is what to fix.
    assert [(p.row, p.message) for p in caught.value.problems] == [
        (2, "this cell holds a spreadsheet formula (=B1*2); paste its value instead."),
        (3, "not a number"),
        (4, "this cell holds a spreadsheet formula (=B2); paste its value instead.")]


def test_a_parser_that_finds_nothing_still_reports_formula_cells():
    table = parse_bytes(b"date,copy\n2026-12-01,=A1\n", "plan.csv")
    with pytest.raises(InvalidInput) as caught:
        reports_table_problems(lambda table: table.rows)(table)
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "copy")]
    assert reports_table_problems(lambda table: "parsed")(parse_bytes(b"date,copy\n2026-12-01,A1\n")) == "parsed"


def test_text_starting_with_equals_and_a_digit_is_not_a_formula():
    table = parse_bytes(b"date,copy\n2026-12-01,=5 reasons to visit\n", "plan.csv")
    assert table.rows[0].cells[1] == "=5 reasons to visit"


def test_blank_rows_are_dropped_but_row_numbers_kept():
    table = parse_bytes(b"date,copy\n2026-12-01,a\n,\n\n2026-12-03,b\n", "plan.csv")
    assert [row.number for row in table.rows] == [2, 5]


def test_too_many_rows():
    data = b"date,copy\n" + b"2026-12-01,x\n" * (MAX_ROWS + 1)
    [problem] = problems(data)
    assert f"{MAX_ROWS + 1:,}" in problem.message and f"{MAX_ROWS:,}" in problem.message


def test_exactly_the_row_limit_is_fine():
    data = b"date,copy\n" + b"2026-12-01,x\n" * MAX_ROWS
    assert len(parse_bytes(data, "plan.csv").rows) == MAX_ROWS


def test_too_big():
    [problem] = problems(b"a" * (MAX_BYTES + 1))
    assert "MB" in problem.message and "limit is 5 MB" in problem.message


def test_old_excel_xls_by_name_and_by_signature():
    assert ".xls" in problems(b"whatever", "plan.xls")[0].message
    assert ".xls" in problems(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "plan.csv")[0].message


def test_broken_xlsx():
    [problem] = problems(b"PK\x03\x04 this is not really a zip", "plan.xlsx")
    assert "not a readable .xlsx" in problem.message


def test_xlsx_keeps_dates_and_row_numbers():
    data = workbook([["Date", "Copy"], [dt.datetime(2026, 12, 1), "hello"], [None, None],
                     [dt.date(2026, 12, 3), "again"]])
    table = parse_bytes(data, "plan.xlsx")
    assert table.header == ["Date", "Copy"]
    assert [row.number for row in table.rows] == [2, 4]
    assert table.rows[0].cells[0] == dt.datetime(2026, 12, 1)


def test_xlsx_without_the_extension_is_recognised_by_signature():
    table = parse_bytes(workbook([["date"], ["2026-12-01"]]), "upload.csv")
    assert table.rows[0].cells == ["2026-12-01"]


def test_xlsx_formulas_are_reported():
    data = workbook([["date", "reach"], ["2026-12-01", "=B1*2"]])
    [problem] = parse_bytes(data, "plan.xlsx").problems
    assert (problem.row, problem.column) == (2, "reach")


def test_bind_reports_missing_columns_and_duplicates_at_once():
    table = parse_bytes(b"Date,Network,Platform,Txt\n2026-12-01,vk,vk,hi\n", "plan.csv")
    with pytest.raises(InvalidInput) as caught:
        table.bind({"date": [], "platform": ["network"], "copy": ["text"]}, ["date", "platform", "copy"])
    found = caught.value.problems
    assert any("two columns mean 'platform'" in p.message for p in found)
    missing = [p for p in found if p.column == "copy"]
    assert missing and missing[0].row == 1 and "required column 'copy'" in missing[0].message


def test_column_name_falls_back_to_the_letter():
    table = parse_bytes(b"date,,copy\n2026-12-01,x,y\n", "plan.csv")
    assert table.column_name(1) == "B"
    assert table.column_name(2) == "copy"


def test_blank_rows_and_formulas_are_found_in_rows_of_any_cell_types():
    """On random rows mixing text, blanks, numbers, dates and formulas, the table check
    drops exactly the blank rows and names exactly the formula cells of the others."""
    from random import Random

    from checker.cells import is_blank
    from checker.tables import FORMULA, Row, Table, check_table

    rng = Random(3)
    pool = ["", "  ", "\t", "text", " a ", "=SUM(A1:A2)", " =IF(1,2)", "=5 reasons", "a=b", None, 0, 2.5,
            dt.date(2026, 12, 1)]
    for _ in range(200):
        rows = [Row(n, [rng.choice(pool) for _ in range(rng.randint(1, 4))]) for n in range(2, 12)]
        if rng.random() < 0.7:  # most tables come from CSV: text only
            rows = [Row(r.number, [c if isinstance(c, str) else "" for c in r.cells]) for r in rows]
        kept = [r.number for r in rows if any(not is_blank(c) for c in r.cells)]
        formulas = [(r.number, i) for r in rows for i, c in enumerate(r.cells)
                    if isinstance(c, str) and FORMULA.match(c) and any(not is_blank(x) for x in r.cells)]
        table = Table(header=["a", "b", "c", "d"], rows=rows)
        if not kept:
            with pytest.raises(InvalidInput, match="no rows"):
                check_table(table)
        else:
            checked = check_table(table)
            assert [r.number for r in checked.rows] == kept
            assert [(p.row, p.column) for p in checked.problems] == [(n, table.column_name(i)) for n, i in formulas]
