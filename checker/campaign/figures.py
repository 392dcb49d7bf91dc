"""The figures a media plan is graded against: the campaign period, total budget, goal
and benchmark ranges. The exercise's ``exercise.toml`` gives them; each learner gets a
variant of their own (budget, goal and benchmarks drawn from their name, as the KPI
exercises draw datasets), so a classmate's plan does not fit theirs.

A variant is a pure function of the exercise id and the learner's name (the seed of
``checker.kpi.generate``). It travels as a small CSV file, ``figure,platform,value,low,high``,
which ``smm-check campaign-data`` writes and ``--data`` reads back.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from checker.cells import NotADate, NotANumber, cell_at, cell_text, read_date, read_number
from checker.exercises import Exercise
from checker.kpi.generate import seed_for
from checker.problems import InputProblem, InvalidInput
from checker.tables import read_table, reports_table_problems, Table

# What a platform's benchmark table gives, each a range [low, high]; rates in the
# exercise's currency, ctr and conversion_rate in per cent.
BENCHMARKS = ("cpm", "cpc", "ctr", "conversion_rate")
SETTINGS = ("business", "market", "currency", "start", "end", "total_budget", "goal", "goal_unit",
            "platforms", "benchmarks", "variant", "rubric")
FILE_COLUMNS = ("figure", "platform", "value", "low", "high")


@dataclass(frozen=True)
class Figures:
    """What one learner's plan is graded against."""

    market: str
    currency: str
    start: date
    end: date
    total_budget: float
    goal: float
    goal_unit: str
    platforms: tuple[str, ...]
    benchmarks: dict  # platform -> benchmark -> (low, high)
    sources: dict  # platform -> "source, checked date"


def exercise_figures(exercise: Exercise) -> Figures:
    """The figures the exercise's brief states (call ``settings_problems`` first)."""
    p = exercise.params
    benchmarks = {platform: {name: tuple(table[name]) for name in BENCHMARKS}
                  for platform, table in p["benchmarks"].items()}
    sources = {platform: f"{table['source']}, checked {table['checked']}" for platform, table in p["benchmarks"].items()}
    return Figures(p["market"], p["currency"], read_date(p["start"]), read_date(p["end"]),
                   float(p["total_budget"]), float(p["goal"]), p["goal_unit"], tuple(p["platforms"]),
                   benchmarks, sources)


def settings_problems(exercise: Exercise, markets: dict) -> list[str]:
    """What is wrong with a campaign exercise's settings (empty when nothing)."""
    p = exercise.params
    problems = [f"it has unknown keys: {', '.join(sorted(set(p) - set(SETTINGS)))}."] if set(p) - set(SETTINGS) else []
    missing = [key for key in SETTINGS if key not in p and key != "rubric"]
    if missing:
        return problems + [f"it needs {', '.join(missing)}."]
    if p["market"] not in markets:
        problems.append(f"market '{p['market']}' is not a market of campaign.toml ({', '.join(markets)}).")
    dates = {}
    for key in ("start", "end"):
        try:
            dates[key] = read_date(p[key])
        except NotADate as error:
            problems.append(f"{key} must be a date: {error}")
    if len(dates) == 2 and dates["start"] > dates["end"]:
        problems.append("start is after end.")
    for key in ("total_budget", "goal"):
        if not (isinstance(p[key], (int, float)) and p[key] > 0):
            problems.append(f"{key} must be a number above 0.")
    if not (isinstance(p["platforms"], list) and p["platforms"]):
        problems.append("platforms must list the platforms the brief allows.")
    elif not isinstance(p["benchmarks"], dict) or set(p["platforms"]) - set(p["benchmarks"]):
        problems.append("[benchmarks] needs a table for every platform in platforms.")
    else:
        for platform, table in p["benchmarks"].items():
            problems += [f"[benchmarks.{platform}] {name} must be a range [low, high] of numbers above 0."
                         for name in BENCHMARKS if not is_range(table.get(name))]
            problems += [f"[benchmarks.{platform}] needs '{key}'." for key in ("source", "checked") if key not in table]
    variant = p["variant"]
    problems += [f"[variant] {name} must be a range [low, high] of factors above 0."
                 for name in ("budget", "goal", "benchmarks") if not is_range(variant.get(name))]
    if not (isinstance(variant.get("budget_step"), int) and variant["budget_step"] > 0):
        problems.append("[variant] budget_step must be a whole number above 0, what budgets are rounded to.")
    return problems


def is_range(pair) -> bool:
    """Whether ``pair`` is [low, high] with 0 < low <= high."""
    return (isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, (int, float)) for v in pair)
            and 0 < pair[0] <= pair[1])


def learner_figures(exercise: Exercise, learner: str) -> Figures:
    """The learner's own figures: the total budget scaled and rounded to the exercise's
    step, the goal scaled with it and drawn a little either way, each benchmark range
    moved by a factor of its own."""
    base = exercise_figures(exercise)
    variant = exercise.params["variant"]
    rng = random.Random(seed_for(exercise.id, learner))
    step = variant["budget_step"]
    budget = max(step, round(base.total_budget * rng.uniform(*variant["budget"]) / step) * step)
    goal = max(1, round(base.goal * budget / base.total_budget * rng.uniform(*variant["goal"])))
    benchmarks = {}
    for platform, table in base.benchmarks.items():
        benchmarks[platform] = {}
        for name, (low, high) in table.items():
            factor = rng.uniform(*variant["benchmarks"])
            benchmarks[platform][name] = (tidy(low * factor), tidy(high * factor))
    return replace(base, total_budget=float(budget), goal=float(goal), benchmarks=benchmarks)


def tidy(value: float) -> float:
    """A benchmark as a brief would print it: whole above 10, else two decimals."""
    return float(round(value)) if value >= 10 else round(value, 2)


def figures_csv(figures: Figures) -> str:
    """The figures as the CSV file a learner downloads."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FILE_COLUMNS)
    writer.writerow(["currency", "", figures.currency, "", ""])
    writer.writerow(["start", "", figures.start.isoformat(), "", ""])
    writer.writerow(["end", "", figures.end.isoformat(), "", ""])
    writer.writerow(["total_budget", "", f"{figures.total_budget:g}", "", ""])
    writer.writerow(["goal", "", f"{figures.goal:g}", "", ""])
    for platform, table in figures.benchmarks.items():
        for name, (low, high) in table.items():
            writer.writerow([name, platform, "", f"{low:g}", f"{high:g}"])
    return out.getvalue()


def learner_figures_csv(exercise: Exercise, learner: str) -> str:
    """The learner's own figures as CSV text (``smm-check campaign-data``)."""
    return figures_csv(learner_figures(exercise, learner))


def read_figures(path: str | Path, exercise: Exercise, encoding: str | None = None) -> Figures:
    """Figures from a file written by ``figures_csv`` (period, budget, goal and benchmarks
    replace the exercise's). Raises ``InvalidInput`` naming each unreadable cell."""
    return figures_from_table(read_table(path, encoding), exercise_figures(exercise))


@reports_table_problems
def figures_from_table(table: Table, base: Figures) -> Figures:
    """The figures a table of ``FILE_COLUMNS`` states, over ``base``."""
    where = table.bind({name: [] for name in FILE_COLUMNS}, FILE_COLUMNS)
    problems: list[InputProblem] = []
    changes: dict = {}
    benchmarks = {platform: dict(table_) for platform, table_ in base.benchmarks.items()}

    def read(row, column, reader):
        try:
            return reader(cell_at(row.cells, where[column]))
        except (NotANumber, NotADate) as error:
            problems.append(InputProblem(row.number, column, f"{error}."))
            return None

    for row in table.rows:
        figure = cell_text(cell_at(row.cells, where["figure"]))
        platform = cell_text(cell_at(row.cells, where["platform"])).lower()
        if figure in ("start", "end"):
            changes[figure] = read(row, "value", read_date)
        elif figure in ("total_budget", "goal"):
            number = read(row, "value", read_number)
            changes[figure] = number.value if number else None
        elif figure in BENCHMARKS and platform in benchmarks:
            low, high = read(row, "low", read_number), read(row, "high", read_number)
            if low and high:
                benchmarks[platform][figure] = (low.value, high.value)
        elif figure != "currency":
            problems.append(InputProblem(row.number, "figure", f"'{f'{figure} {platform}'.strip()}' is not a figure of "
                                         "this exercise; download the file again."))
    if problems:
        raise InvalidInput(problems)
    return replace(base, benchmarks=benchmarks, **changes)
