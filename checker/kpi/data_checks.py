"""The KPI data checked against the code: every metric declared in
``checker/kpi/metrics.py`` described in ``metrics.toml`` and every description there
belonging to a declared metric, with the fields the findings and the rubric page read."""

from __future__ import annotations

from checker.data import where
from checker.data_checks import checked_tables, names
from checker.kpi.metrics import METRICS

METRICS_FILE = "metrics.toml"
# What each [metrics.<id>] entry holds besides its optional table; see the file's head.
TEXT_FIELDS = ("title", "unit", "formula", "lesson")


def kpi_data_problems() -> list[str]:
    """Everything in ``metrics.toml`` that does not match the declared metrics (empty when all is well)."""
    return checked_tables((METRICS_FILE,), metric_problems)


def metric_problems(settings: dict) -> list[str]:
    """Each declared metric with a complete entry, each entry with a declared metric, and
    the diagnosis tables naming declared metrics only."""
    file = where(METRICS_FILE)
    entries = settings.get("metrics", {})
    problems = [f"{file}: [metrics.{metric_id}] is missing: checker/kpi/metrics.py declares the metric, "
                "so it needs a title, names, unit, formula and lesson here."
                for metric_id in METRICS if metric_id not in entries]
    problems += [f"{file}: [metrics.{metric_id}] has no metric declared under that id in checker/kpi/metrics.py; "
                 "declare its computation there, or remove the entry."
                 for metric_id in entries if metric_id not in METRICS]
    for metric_id, entry in entries.items():
        table = f"metrics.{metric_id}"
        problems += [f"{file}: [{table}] {key} is missing: a line of text."
                     for key in TEXT_FIELDS if not isinstance(entry.get(key), str) or not entry[key].strip()]
        if names(entry.get("names")) is None:
            problems.append(f"{file}: [{table}] names must list the other names people write, like [\"CTR\"].")
    tolerance = settings.get("tolerance", {})
    problems += [f"{file}: [tolerance] {key} must be a number of 0 or more."
                 for key in ("relative", "absolute")
                 if isinstance(tolerance.get(key), bool) or not isinstance(tolerance.get(key), (int, float))
                 or tolerance[key] < 0]
    swaps = settings.get("diagnosis", {}).get("swaps", {})
    problems += [f"{file}: [diagnosis] swaps names '{m}', which is not a declared metric."
                 for pair in swaps.items() for m in pair if m not in METRICS]
    return problems
