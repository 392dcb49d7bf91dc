"""Benchmark: the XLSX guard on a workbook built to inflate (about 300 KB that unpack to
300 MB), on one whose headers understate its sheet, and on a course starter workbook:
wall time to refuse or read each, and the peak of Python's memory while doing it.

    .venv/bin/python bench/bench_xlsx.py

The issue's figures before the guard: the 300 MB workbook was decompressed in full,
taking 5 s and 630 MB, before it was refused as empty. Process memory as a whole:
run the script under ``/usr/bin/time -v`` (maximum resident set size).
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

COURSE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(COURSE / "tests"))

from checker.problems import InvalidInput  # noqa: E402
from checker.tables import parse_bytes  # noqa: E402
from xlsx_bomb import inflating_workbook  # noqa: E402  (the workbook the guard's test refuses)


def measure(data: bytes) -> tuple[float, float, str]:
    """Seconds and peak traced MB to read ``data`` as a workbook, and the outcome."""
    tracemalloc.start()
    began = time.perf_counter()
    try:
        table = parse_bytes(data, "plan.xlsx")
        outcome = f"read, {len(table.rows)} rows"
    except InvalidInput as error:
        outcome = "refused: " + error.problems[0].message[:60] + "..."
    seconds = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1] / 1048576
    tracemalloc.stop()
    return seconds, peak, outcome


def main() -> None:
    """Build the workbooks and print one row per case."""
    cases = {
        "300 MB sheet in a 300 KB workbook": inflating_workbook(),
        "300 MB sheet declared as 2 KB": inflating_workbook(declared=2000),
        "course starter (coffee-shop-plan)": (COURSE / "exercises/coffee-shop-plan/starter.xlsx").read_bytes(),
    }
    parse_bytes(cases["course starter (coffee-shop-plan)"], "plan.xlsx")  # openpyxl imported outside the timing
    print(f"{'workbook':<36}{'KB':>7}{'seconds':>9}{'peak MB':>9}  outcome")
    for name, data in cases.items():
        seconds, peak, outcome = measure(data)
        print(f"{name:<36}{len(data) / 1024:>7.0f}{seconds:>9.3f}{peak:>9.1f}  {outcome}")


if __name__ == "__main__":
    main()
