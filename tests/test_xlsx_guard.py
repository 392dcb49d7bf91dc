"""The XLSX guard: a workbook built to inflate is refused from its central directory,
before anything is decompressed; one whose headers lie is unreadable, never large; the
course's own workbooks still read. Time and memory: ``bench/bench_xlsx.py``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from checker.problems import InvalidInput
from checker.tables import parse_bytes, read_table
from checker.xlsx import MAX_INFLATED_BYTES, MAX_RATIO
from xlsx_bomb import MEGABYTE, inflating_workbook

EXERCISES = Path(__file__).parent.parent / "exercises"


def refusal(data: bytes) -> str:
    """The one problem a workbook is refused with."""
    with pytest.raises(InvalidInput) as caught:
        parse_bytes(data, "plan.xlsx")
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (None, None)
    return problem.message


def test_a_workbook_inflating_to_300_mb_is_refused_before_it_is_unpacked():
    bomb = inflating_workbook()
    assert len(bomb) < 320 * 1024
    assert refusal(bomb) == (
        "this workbook cannot be read safely: it would unpack to 286 MB (xl/worksheets/sheet1.xml alone to "
        "286 MB), and a course table needs at most 32 MB. It may be damaged or made to crash the reader; open "
        "it in your spreadsheet and save it again as .xlsx or CSV.")


def test_the_refusal_exits_2_with_the_invalid_input_shape(tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(inflating_workbook())
    code = main(["plan", str(path), "--exercise", "coffee-shop-plan", "--json"])
    answer = json.loads(capsys.readouterr().out)
    assert code == 2 and answer["error"] == "invalid-input"
    assert "cannot be read safely" in answer["problems"][0]["message"]


def test_a_part_within_the_size_limit_but_compressed_past_the_ratio_is_refused():
    megabytes = 20  # under the 32 MB limit, but spaces deflate about a thousand to one
    assert megabytes * MEGABYTE < MAX_INFLATED_BYTES
    message = refusal(inflating_workbook(megabytes))
    assert "its part xl/worksheets/sheet1.xml would unpack from 21 KB to 20 MB" in message
    assert f"where a sheet unpacks at most {MAX_RATIO} times over" in message


def test_a_sheet_larger_than_its_headers_say_is_unreadable_not_unpacked():
    lying = inflating_workbook(declared=2000)  # 286 MiB of sheet, declared as 2,000 bytes
    assert refusal(lying).startswith("this is not a readable .xlsx workbook")


@pytest.mark.parametrize("workbook", sorted(EXERCISES.glob("*/*.xlsx")) + sorted(EXERCISES.glob("*/samples/*.xlsx")),
                         ids=lambda path: str(path.relative_to(EXERCISES)))
def test_the_course_workbooks_still_read(workbook):
    table = read_table(workbook)
    assert all(table.header) and table.rows
