"""Regenerate the derived files of the media-plan exercises from their reference plans.

    .venv/bin/python exercises/make_campaign_files.py

For every exercise of kind "campaign" it writes:

- ``data.csv``: the figures of the brief, as ``smm-check campaign-data`` writes a
  learner's own;
- ``starter.csv`` and ``starter.xlsx``: the columns and the reference's first line as an
  example; the workbook offers platforms, objectives and buying models as dropdowns;
- ``samples/<name>.csv`` with ``samples/<name>.expected.json``: the reference broken in
  one way, and the findings that break must produce (every rule: the broken one with its
  rows and code, the others passing). The expected findings come from the mutation
  itself, never from running the checker, so the golden files test the checker;
- ``samples/workbook.xlsx`` (the reference with real date and number cells),
  ``samples/excel-semicolon.csv`` (semicolons, BOM, DD.MM.YYYY dates, decimal commas and
  currency marks) and ``samples/invalid.csv`` (input problems, each with row and column).

Needs openpyxl (the XLSX edge); the checker itself does not.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from checker.campaign.figures import exercise_figures, figures_csv
from checker.campaign.rubric import campaign_rubric
from checker.campaign.rules import RULES as CAMPAIGN_RULES
from checker.data import load
from checker.exercises import load_exercise

HERE = Path(__file__).resolve().parent
RULES = list(load("campaign_rubric.toml")["weights"])


def read_plan(path: Path) -> tuple[list[str], list[dict]]:
    """A plan's header and rows."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


def write_plan(path: Path, header: list[str], rows: list[dict], delimiter: str = ",", bom: bool = False) -> None:
    """Write rows as CSV."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(("\ufeff" if bom else "") + out.getvalue(), encoding="utf-8")


def recompute(row: dict) -> dict:
    """The row with its forecast recomputed from its budget, rate and assumptions."""
    budget, rate, ctr = float(row["budget"]), float(row["rate"]), float(row["ctr"]) / 100
    if row["buying_model"] == "cpm":
        impressions = budget / rate * 1000
        clicks = impressions * ctr
    else:
        clicks = budget / rate
        impressions = clicks / ctr
    row.update(impressions=f"{impressions:.0f}", clicks=f"{clicks:.0f}")
    if row["conversion_rate"]:
        conversions = clicks * float(row["conversion_rate"]) / 100
        row.update(conversions=f"{conversions:.1f}", cpa=f"{budget / conversions:.2f}")
    return row


def findings(broken: dict[str, tuple[str, list[int], str | None]]) -> dict:
    """A golden file: every rule, each broken one with (status, rows, code). Whether the
    plan passes is given where the mutation decides it: untouched, it passes; a failed
    critical rule fails it. Otherwise it depends on the score, which the checker computes."""
    out = []
    for rule in RULES:
        status, rows, code = broken.get(rule, ("pass", [], None))
        out.append({"rule": rule, "status": status, "rows": rows, "code": code})
    critical = [rule_id for rule_id, rule in CAMPAIGN_RULES.items() if rule.critical]
    if not broken:
        return {"passed": True, "findings": out}
    if any(rule in critical and status == "fail" for rule, (status, _, _) in broken.items()):
        return {"passed": False, "findings": out}
    return {"findings": out}


def gift_samples(rows: list[dict]) -> dict[str, tuple[list[dict], dict]]:
    """The gift-set exercise's broken plans. Spreadsheet row = index + 2."""
    samples = {}

    plan = [dict(r) for r in rows]
    plan[2]["end"] = "2027-01-10"
    samples["budget"] = (plan, {"campaign.budget": ("fail", [4], "outside-period")})

    plan = [dict(r) for r in rows]
    plan[0]["budget"] = "15000"
    recompute(plan[0])
    extra = dict(rows[1], line_id="vk-small-sales", budget="15000",
                 link=rows[1]["link"].replace("vk_sales_lookalike", "vk_small_sales"))
    plan.append(recompute(extra))
    samples["learning-phase"] = (plan, {"campaign.budget": ("fail", [5], "learning-phase")})

    plan = [dict(r) for r in rows]
    plan[0]["impressions"] = f"{float(plan[0]['budget']) / float(plan[0]['rate']):.0f}"
    plan[1]["conversions"] = f"{float(plan[1]['clicks']) * float(plan[1]['conversion_rate']):.0f}"
    samples["arithmetic"] = (plan, {"campaign.arithmetic": ("fail", [2, 3], "missing-x1000")})

    plan = [dict(r) for r in rows]
    plan[2]["ctr"] = "2.5"
    recompute(plan[2])
    samples["assumptions"] = (plan, {"campaign.assumptions": ("warn", [4], "outside-benchmark")})

    plan = [dict(r) for r in rows]
    plan[0].update(buying_model="cpc", rate="30")
    recompute(plan[0])
    samples["objective-fit"] = (plan, {"campaign.objective-fit": ("fail", [2], "buying-model")})

    plan = [dict(r) for r in rows]
    plan[2]["conversion_rate"] = "0.8"
    recompute(plan[2])
    samples["goal"] = (plan, {"campaign.goal": ("fail", [], "short-of-goal")})

    plan = [dict(r) for r in rows]
    plan[1]["audience"] = "everyone"
    plan[2]["audience"] = "Kazan, interests: coffee, tea"
    samples["targeting"] = (plan, {"campaign.targeting": ("fail", [3, 4], "everyone")})

    plan = [dict(r) for r in rows]
    plan[0]["link"] = plan[0]["link"].replace("utm_source=vk", "utm_source=VK")
    plan[2]["link"] = plan[2]["link"].replace("gift_set_dec_2026", "ok_gifts")
    samples["utm"] = (plan, {"campaign.utm": ("fail", [2, 4], "upper-case")})

    plan = [dict(r) for r in rows]
    plan[2].update(platform="Telegram", link=plan[2]["link"].replace("utm_source=ok", "utm_source=telegram"))
    samples["compliance"] = (plan, {"campaign.compliance": ("fail", [4], "forbidden-platform")})

    plan = [dict(r) for r in rows]
    plan[1]["ad_label"] = "Реклама"
    samples["ad-label"] = (plan, {"campaign.compliance": ("fail", [3], "no-ad-label")})
    return samples


def webinar_samples(rows: list[dict]) -> dict[str, tuple[list[dict], dict]]:
    """The webinar exercise's broken plans. Spreadsheet row = index + 2."""
    samples = {}

    plan = [dict(r) for r in rows]
    plan[2]["budget"] = "2400"
    recompute(plan[2])
    samples["budget"] = (plan, {"campaign.budget": ("fail", [], "total-mismatch")})

    plan = [dict(r) for r in rows]
    plan[0]["cpa"] = f"{float(plan[0]['conversions']) / float(plan[0]['budget']):.4f}"
    plan[1]["conversions"] = f"{float(plan[1]['impressions']) * float(plan[1]['conversion_rate']) / 100:.0f}"
    samples["arithmetic"] = (plan, {"campaign.arithmetic": ("fail", [2, 3], "inverted")})

    plan = [dict(r) for r in rows]
    plan[0]["rate"] = "3"
    recompute(plan[0])
    samples["assumptions"] = (plan, {"campaign.assumptions": ("warn", [2], "outside-benchmark")})

    plan = [dict(r) for r in rows]
    plan[1]["cpa"] = ""
    samples["objective-fit"] = (plan, {"campaign.objective-fit": ("fail", [3], "no-conversions")})

    plan = [dict(r) for r in rows]
    plan[0]["conversion_rate"] = "10"
    recompute(plan[0])
    samples["goal"] = (plan, {"campaign.goal": ("fail", [], "short-of-goal")})

    plan = [dict(r) for r in rows]
    plan[0]["audience"] = "Finance managers and CFOs, age 30-55"
    samples["targeting"] = (plan, {"campaign.targeting": ("fail", [2], "no-place")})

    plan = [dict(r) for r in rows]
    plan[1]["link"] = plan[1]["link"].replace("utm_source=facebook", "utm_source=linkedin")
    plan[2]["link"] = plan[2]["link"].replace("fb_retargeting", "fb_lookalike_leads")
    samples["utm"] = (plan, {"campaign.utm": ("fail", [3, 4], "source-mismatch")})

    plan = [dict(r) for r in rows]
    plan[2]["ad_label"] = ""
    samples["compliance"] = (plan, {"campaign.compliance": ("fail", [4], "no-ad-label")})
    return samples


def invalid_sample(rows: list[dict]) -> tuple[list[dict], dict]:
    """A plan with one input problem of each kind, and where each is reported."""
    plan = [dict(r) for r in rows]
    plan[0]["budget"] = "-30000"
    plan[1].update(platform="Telegramm", objective="purchases now")
    plan[2].update(start="2026-12-20", end="2026-12-10", line_id=plan[1]["line_id"], ctr="high")
    problems = [(2, "budget"), (3, "platform"), (3, "objective"), (4, "end"), (4, "ctr"), (4, "line_id")]
    return plan, {"error": "invalid-input", "problems": [{"row": r, "column": c} for r, c in problems]}


def semicolon_plan(rows: list[dict]) -> list[dict]:
    """The reference as a Russian Excel saves it: DD.MM.YYYY, decimal commas, ₽ and %."""
    plan = []
    for row in rows:
        row = dict(row)
        for name in ("start", "end"):
            row[name] = date.fromisoformat(row[name]).strftime("%d.%m.%Y")
        row["budget"] = f"{int(float(row['budget'])):,} ₽".replace(",", " ")
        row["rate"] = row["rate"].replace(".", ",") + " ₽"
        for name in ("ctr", "conversion_rate"):
            row[name] = row[name].replace(".", ",") + "%" if row[name] else ""
        for name in ("conversions", "cpa"):
            row[name] = row[name].replace(".", ",")
        plan.append(row)
    return plan


def write_workbook(path: Path, header: list[str], rows: list[dict], dropdowns: bool) -> None:
    """A workbook of the plan with real date and number cells, and dropdowns if asked."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Media plan"
    sheet.append(header)
    for row in rows:
        cells = []
        for name in header:
            value = row[name]
            if name in ("start", "end"):
                value = date.fromisoformat(value)
            elif value and name in ("budget", "rate", "ctr", "conversion_rate", "impressions", "clicks",
                                    "conversions", "cpa"):
                value = float(value)
            cells.append(value if value != "" else None)
        sheet.append(cells)
    if dropdowns:
        data = load("campaign.toml")
        for name, values in (("platform", list(load("vocabulary.toml")["platform"])),
                             ("objective", list(data["objective"])), ("buying_model", list(data["buying_model"]))):
            letter = chr(ord("A") + header.index(name))
            check = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
            check.add(f"{letter}2:{letter}200")
            sheet.add_data_validation(check)
    book.save(path)


def save_json(path: Path, data: dict) -> None:
    """Write a golden file."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    """Write every derived file of every campaign exercise."""
    for folder in sorted(HERE.glob("*/exercise.toml")):
        if tomllib.loads(folder.read_text(encoding="utf-8"))["kind"] != "campaign":
            continue
        exercise = load_exercise(folder.parent.name)
        campaign_rubric(exercise.params.get("rubric"), exercise.threshold)  # fails early on a broken rubric
        root = folder.parent
        (root / "data.csv").write_text(figures_csv(exercise_figures(exercise)), encoding="utf-8")
        header, rows = read_plan(root / "reference.csv")
        write_plan(root / "starter.csv", header, rows[:1])
        write_workbook(root / "starter.xlsx", header, rows[:1], dropdowns=True)
        samples = root / "samples"
        samples.mkdir(exist_ok=True)
        broken = gift_samples(rows) if exercise.id == "gift-set-campaign" else webinar_samples(rows)
        for name, (plan, expected) in broken.items():
            write_plan(samples / f"{name}.csv", header, plan)
            save_json(samples / f"{name}.expected.json", findings(expected))
        plan, expected = invalid_sample(rows)
        write_plan(samples / "invalid.csv", header, plan)
        save_json(samples / "invalid.expected.json", expected)
        write_workbook(samples / "workbook.xlsx", header, rows, dropdowns=False)
        save_json(samples / "workbook.expected.json", findings({}))
        if exercise.id == "gift-set-campaign":
            write_plan(samples / "excel-semicolon.csv", header, semicolon_plan(rows), delimiter=";", bom=True)
            save_json(samples / "excel-semicolon.expected.json", findings({}))


if __name__ == "__main__":
    main()
