"""Regenerate the derived files of the content-plan exercises from their reference plans.

    .venv/bin/python exercises/make_plan_files.py

For every exercise of kind "plan" it writes:

- ``starter.csv`` and ``starter.xlsx``: the columns and the first three posts of the
  reference as examples; the workbook offers the vocabularies as dropdowns.
- ``samples/<rule>.csv`` with ``samples/<rule>.expected.json``: the reference broken in
  one way, and the finding that break must produce. The expected rows come from the
  mutation itself (which rows it changed or isolated), never from running the checker,
  so the golden files test the checker rather than copy it.
- for the coffee shop, also the real-world files: an Excel-style semicolon CSV with BOM,
  CRLF and DD.MM.YYYY dates, a workbook with real date cells, and a file of typos.

Needs openpyxl (the XLSX edge); the checker itself does not.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from checker.plan.vocabulary import columns, vocabulary

HERE = Path(__file__).resolve().parent
COLUMNS = list(columns())

# Per exercise: the post that breaks platform-fit (platform, wrong format), the one made
# too long (platform, format, repeats, character: X counts CJK double, Telegram allows
# 1,024 under a photo) and the one given too many hashtags (platform, count, status).
SETTINGS = {
    "content-plan": {"fit": ("instagram", "text"), "long": ("facebook", "text", 63300, "a"),
                     "tags": ("instagram", 6, "fail")},
    "coffee-shop-plan": {"fit": ("instagram", "text"), "long": ("telegram", "image", 1100, "a"),
                         "tags": ("instagram", 6, "fail")},
    "b2b-software-plan": {"fit": ("linkedin", "story"), "long": ("x", "text", 150, "界"),
                          "tags": ("x", 3, "warn")},
    "course-launch-plan": {"fit": ("youtube", "text"), "long": ("telegram", "image", 1100, "a"),
                           "tags": ("youtube", 16, "fail")},
}


def read_plan(path: Path) -> tuple[list[str], list[dict]]:
    """A reference plan's header and rows."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


def write_plan(path: Path, header: list[str], rows: list[dict], delimiter: str = ",",
               encoding: str = "utf-8", line_end: str = "\n") -> None:
    """Write rows as CSV in the given dialect."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, header, delimiter=delimiter, lineterminator=line_end,
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


def day(row: dict) -> date:
    """A reference row's date (references use ISO dates)."""
    return date.fromisoformat(row["date"])


def number(rows: list[dict], row: dict) -> int:
    """A row's spreadsheet row number (header = 1)."""
    return rows.index(row) + 2


def finding(rule: str, status: str, rows: list[int]) -> dict:
    """One expected finding."""
    return {"rule": rule, "status": status, "rows": sorted(rows)}


def first(rows: list[dict], **wanted) -> dict:
    """The first row whose fields have the wanted values (a value may be a tuple of choices)."""
    for row in rows:
        if all(row[k] in (v if isinstance(v, tuple) else (v,)) for k, v in wanted.items()):
            return row
    raise LookupError(f"no row with {wanted}")


def samples(exercise_id: str, header: list[str], reference: list[dict]) -> dict[str, tuple]:
    """Every known-bad sample of one exercise: name -> (header, rows, expected)."""
    settings = SETTINGS[exercise_id]
    out = {}
    copy = lambda: [dict(r) for r in reference]  # noqa: E731  (a fresh copy per sample)
    start = min(day(r) for r in reference)

    rows = [r for r in copy() if day(r) < start + timedelta(days=14)]
    last_day = max(day(r) for r in rows)
    ends = [number(rows, rows[0]), number(rows, next(r for r in rows if day(r) == last_day))]
    out["horizon"] = (header, rows, {"findings": [finding("plan.horizon", "fail", ends)]})

    dropped = reference[-1]["platform"]
    rows = [r for r in copy() if r["platform"] != dropped]
    out["platforms"] = (header, rows, {"findings": [finding("plan.platforms", "fail", [])]})

    platform = reference[0]["platform"]
    rows = [r for r in copy() if not (r["platform"] == platform
                                      and start + timedelta(days=5) <= day(r) <= start + timedelta(days=16))]
    own = [r for r in rows if r["platform"] == platform]
    before = max((r for r in own if day(r) < start + timedelta(days=5)), key=day)
    after = min((r for r in own if day(r) > start + timedelta(days=16)), key=day)
    out["cadence"] = (header, rows, {"findings": [finding("plan.cadence", "fail",
                                                          [number(rows, before), number(rows, after)])]})

    rows = copy()
    for row in rows:
        if sum(r["category"] == "promotional" for r in rows) >= len(rows) / 2:
            break
        if row["category"] == "engaging":
            row["category"] = "promotional"
    promotional = [number(rows, r) for r in rows if r["category"] == "promotional"]
    out["mix"] = (header, rows, {"findings": [finding("plan.mix", "fail", promotional)]})

    rows = copy()
    platform, fmt = settings["fit"]
    target = first(rows, platform=platform)
    target["format"] = fmt
    out["platform-fit"] = (header, rows, {"findings": [finding("plan.platform-fit", "fail",
                                                               [number(rows, target)])]})

    rows = copy()
    original = first(rows, platform=reference[0]["platform"])
    echo = first(rows, platform=tuple(p for p in {r["platform"] for r in rows} if p != original["platform"]))
    echo["copy"] = original["copy"]
    out["cross-post"] = (header, rows, {"findings": [finding("plan.cross-post", "fail",
                                                             [number(rows, original), number(rows, echo)])]})

    rows = copy()
    target = first(rows, goal=("traffic", "conversion"))
    target["kpi"] = "likes"
    out["goal-kpi"] = (header, rows, {"findings": [finding("plan.goal-kpi", "fail", [number(rows, target)])]})

    rows = copy()
    target = first(rows, goal=("traffic", "conversion"))
    target["cta"] = target["link"] = ""
    out["cta"] = (header, rows, {"findings": [finding("plan.cta", "fail", [number(rows, target)])]})

    rows = copy()
    platform, fmt, size, char = settings["long"]
    target = first(rows, platform=platform, format=fmt)
    target["copy"] = "Long read. " + char * size
    out["length"] = (header, rows, {"findings": [finding("plan.length", "fail", [number(rows, target)])]})

    rows = copy()
    platform, count, status = settings["tags"]
    target = first(rows, platform=platform)
    target["hashtags"] = " ".join(f"#tag{n}" for n in range(count))
    out["hashtags"] = (header, rows, {"findings": [finding("plan.hashtags", status, [number(rows, target)])]})

    rows = copy()
    target = rows[len(rows) // 2]
    target["notes"] = "Buy 500 followers the week before so the page looks popular."
    out["honesty"] = (header + ["notes"], rows, {
        "passed": False, "findings": [finding("plan.honesty", "fail", [number(rows, target)])]})

    rows = copy()
    target = first(rows, category="engaging")
    target["copy"] += " Tag 3 friends who need this!"
    out["bait"] = (header, rows, {"findings": [finding("plan.bait", "warn", [number(rows, target)])]})
    return out


def coffee_extras(header: list[str], reference: list[dict], folder: Path) -> None:
    """The real-world files: Excel-style CSV, a workbook, a VK text post, a near-duplicate
    and a file of typos."""
    rows = [dict(r) for r in reference]
    aliases = {"date": "Дата", "platform": "Network", "category": "Content type", "copy": "Text",
               "cta": "Call to action", "kpi": "KPI", "format": "Format", "goal": "Goal",
               "link": "Link", "hashtags": "Hashtags", "time": "Time"}
    for row in rows:
        row["date"] = day(row).strftime("%d.%m.%Y")
    broken = first(rows, goal="awareness")
    broken["kpi"] = "comments"
    excel = [{aliases[k]: v for k, v in row.items()} for row in rows]
    write_plan(folder / "excel-semicolon.csv", [aliases[h] for h in header], excel, delimiter=";",
               encoding="utf-8-sig", line_end="\r\n")
    save_json(folder / "excel-semicolon.expected.json", {
        "passed": True, "findings": [finding("plan.goal-kpi", "fail", [number(rows, broken)]),
                                     finding("plan.horizon", "pass", [])]})

    write_workbook(folder / "workbook.xlsx", header, reference, dropdowns=False)
    save_json(folder / "workbook.expected.json", {
        "passed": True, "findings": [finding(rule, "pass", []) for rule in
                                     ("plan.horizon", "plan.cadence", "plan.mix", "plan.length")]})

    rows = [dict(r) for r in reference]
    target = first(rows, platform="vk", format="image")
    target["format"] = "text"
    write_plan(folder / "vk-text.csv", header, rows)
    save_json(folder / "vk-text.expected.json",
              {"findings": [finding("plan.platform-fit", "warn", [number(rows, target)])]})

    rows = [dict(r) for r in reference]
    original = first(rows, platform="instagram")
    echo = first(rows, platform="vk")
    echo["copy"] = original["copy"].replace("first gingerbread", "the first gingerbread").replace("?", "!")
    write_plan(folder / "near-duplicate.csv", header, rows)
    save_json(folder / "near-duplicate.expected.json", {
        "findings": [finding("plan.cross-post", "fail", [number(rows, original), number(rows, echo)])]})

    rows = [dict(r) for r in reference[:6]]
    rows[1]["platform"] = "Instagarm"
    rows[2]["date"] = "31.11.2026"
    rows[3]["date"] = "03/12/2026"
    rows[4]["copy"] = ""
    rows[5]["kpi"] = "reach, vibes"
    write_plan(folder / "typos.csv", header, rows)
    save_json(folder / "typos.expected.json", {"error": "invalid-input", "problems": [
        {"row": 3, "column": "platform"}, {"row": 4, "column": "date"}, {"row": 5, "column": "date"},
        {"row": 6, "column": "copy"}, {"row": 7, "column": "kpi"}]})


def write_workbook(path: Path, header: list[str], rows: list[dict], dropdowns: bool) -> None:
    """A workbook of the plan with dates as date cells and, for starters, the vocabularies
    as dropdown lists (on a second sheet, since Excel caps inline lists at 255 characters)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(header)
    for row in rows:
        sheet.append([day(row) if name == "date" else row.get(name, "") for name in header])
    for cell in sheet["A"][1:]:
        cell.number_format = "yyyy-mm-dd"
    for letter, width in zip("ABCDEFGHIJK", (12, 8, 12, 12, 14, 12, 20, 60, 18, 30, 24)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    if dropdowns:
        lists = book.create_sheet("Vocabularies")
        for position, field in enumerate(("platform", "format", "category", "goal", "kpi"), start=1):
            values = [v.replace("-", " ") if field == "kpi" else v for v in vocabulary(field).canonical]
            lists.cell(1, position, field)
            for n, value in enumerate(values, start=2):
                lists.cell(n, position, value)
            letter = "ABCDE"[position - 1]
            # A KPI cell may name several metrics, so that list suggests without enforcing.
            check = DataValidation(type="list", formula1=f"=Vocabularies!${letter}$2:${letter}${len(values) + 1}",
                                   allow_blank=True, showErrorMessage=field != "kpi",
                                   error=f"Choose a {field} from the list.", errorTitle=f"Unknown {field}")
            sheet.add_data_validation(check)
            column = "ABCDEFGHIJK"[header.index(field)]
            check.add(f"{column}2:{column}500")
        dates = DataValidation(type="date", operator="greaterThan", formula1="DATE(2020,1,1)",
                               showErrorMessage=True, error="Enter a date, e.g. 2026-12-01.")
        sheet.add_data_validation(dates)
        dates.add("A2:A500")
    book.save(path)


def save_json(path: Path, data: dict) -> None:
    """Write a golden file, readable in a diff."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    """Regenerate starters and samples of every plan exercise."""
    for toml in sorted(HERE.glob("*/exercise.toml")):
        settings = tomllib.loads(toml.read_text(encoding="utf-8"))
        if settings.get("kind") != "plan":
            continue
        folder = toml.parent
        header, reference = read_plan(folder / "reference.csv")
        starter = [dict(r) for r in reference[:3]]
        full_header = COLUMNS
        write_plan(folder / "starter.csv", full_header, starter)
        write_workbook(folder / "starter.xlsx", full_header, starter, dropdowns=True)
        (folder / "samples").mkdir(exist_ok=True)
        for name, (sample_header, rows, expected) in samples(folder.name, header, reference).items():
            write_plan(folder / "samples" / f"{name}.csv", sample_header, rows)
            save_json(folder / "samples" / f"{name}.expected.json", expected)
        if folder.name == "coffee-shop-plan":
            coffee_extras(header, reference, folder / "samples")
        print(f"{folder.name}: starters and samples written")


if __name__ == "__main__":
    main()
