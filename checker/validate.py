"""``smm-check validate [ID ...]``: check that exercise folders hold together.

For each exercise: ``exercise.toml`` is valid, the files its kind needs are there, the
reference solution passes, and every ``samples/<name>.<ext>`` produces the findings its
golden file ``samples/<name>.expected.json`` lists. A golden file holds
``{"passed": bool (optional), "findings": [{"rule", "status", ...}]}`` compared on the
fields the kind names (plan: rows; kpi: code) for the rules it lists only, or
``{"error": "invalid-input", "problems": [{"row", "column"}]}`` for a sample that must be
refused. Exit 0 all good, 1 a mismatch, 2 a broken exercise folder.

Each exercise kind plugs in with one line in ``KINDS``: a module providing
``REQUIRED_FILES`` (names in the folder), ``REFERENCE`` (the solution that must pass),
``GOLDEN_FIELDS`` (finding fields compared), ``check(exercise) -> list[str]`` (what is
wrong with its settings) and ``grade_file(exercise, path) -> Result`` (raises
``InvalidInput``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import tomllib
from pathlib import Path

from checker.exercises import UnknownExercise, list_exercises, load_exercise
from checker.problems import InvalidInput

KINDS = {
    "plan": "checker.plan.exercise",
    "kpi": "checker.kpi.exercise",
}
GOLDEN_SUFFIX = ".expected.json"
OK, MISMATCH, BROKEN = 0, 1, 2


def register(subparsers) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate", help="check exercise folders: settings, reference solution and golden samples",
        description="Check exercise folders (all, or the ids given). Exit 0 all good, 1 a sample or "
        "reference gives other findings than expected, 2 a broken exercise folder.")
    parser.add_argument("ids", nargs="*", metavar="ID", help="exercise ids (default: every exercise)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate the exercises and print one verdict per exercise; returns the exit code."""
    worst = OK
    try:
        ids = args.ids or [e.id for e in list_exercises()]
    except (tomllib.TOMLDecodeError, KeyError) as error:
        print(f"an exercise.toml cannot be read: {error}")
        return BROKEN
    for exercise_id in ids:
        status, notes = validate_exercise(exercise_id)
        worst = max(worst, status)
        print(f"{exercise_id}: {['ok', 'MISMATCH', 'BROKEN'][status]}")
        for note in notes:
            print(f"  - {note}")
    return worst


def validate_exercise(exercise_id: str) -> tuple[int, list[str]]:
    """The status (OK, MISMATCH or BROKEN) of one exercise folder, with notes saying why."""
    try:
        exercise = load_exercise(exercise_id)
    except UnknownExercise as error:
        return BROKEN, [str(error)]
    except (tomllib.TOMLDecodeError, KeyError, ValueError) as error:
        return BROKEN, [f"exercise.toml is invalid: {error}"]
    if exercise.kind not in KINDS:
        return BROKEN, [f"exercise.toml names an unknown kind '{exercise.kind}'; known: {', '.join(KINDS)}"]
    kind = importlib.import_module(KINDS[exercise.kind])
    broken = kind.check(exercise)
    broken += [f"{name} is missing" for name in kind.REQUIRED_FILES if not exercise.file(name).is_file()]
    if broken:
        return BROKEN, broken
    notes, status = [], OK
    try:
        result = kind.grade_file(exercise, exercise.file(kind.REFERENCE))
        if result.passed:
            notes.append(f"{kind.REFERENCE} passes with {result.score:g}")
        else:
            status = MISMATCH
            failing = ", ".join(f.rule for f in result.findings if f.status == "fail")
            notes.append(f"{kind.REFERENCE} does not pass: {result.score:g} (fails {failing or 'nothing'})")
    except InvalidInput as error:
        return BROKEN, [f"{kind.REFERENCE} cannot be graded: {error}"]
    samples = sorted(p for p in exercise.file("samples").glob("*")
                     if p.is_file() and not p.name.endswith(GOLDEN_SUFFIX) and not p.name.startswith("."))
    matched = 0
    for sample in samples:
        golden = sample.with_name(sample.stem + GOLDEN_SUFFIX)
        if not golden.is_file():
            return BROKEN, notes + [f"samples/{sample.name} has no golden file samples/{golden.name}"]
        try:
            expected = json.loads(golden.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            return BROKEN, notes + [f"samples/{golden.name} is not valid JSON: {error}"]
        differences = compare(kind, exercise, sample, expected)
        if differences:
            status = MISMATCH
            notes += [f"samples/{sample.name}: {d}" for d in differences]
        else:
            matched += 1
    notes.append(f"{matched} of {len(samples)} samples give their expected findings")
    return status, notes


def compare(kind, exercise, sample: Path, expected: dict) -> list[str]:
    """How grading ``sample`` differs from its golden file (empty when it matches)."""
    try:
        result = kind.grade_file(exercise, sample)
    except InvalidInput as error:
        if expected.get("error") != "invalid-input":
            return [f"expected it to be graded, but it is refused: {error}"]
        got = [(p.row, p.column) for p in error.problems]
        want = [(p.get("row"), p.get("column")) for p in expected.get("problems", [])]
        return [] if got == want else [f"expected problems at {want}, got {got}"]
    if expected.get("error"):
        return [f"expected it to be refused as {expected['error']}, but it was graded"]
    differences = []
    if "passed" in expected and expected["passed"] != result.passed:
        differences.append(f"expected passed={expected['passed']}, got {result.passed} ({result.score:g})")
    actual = {f.rule: f.as_dict() for f in result.findings}
    for want in expected.get("findings", []):
        got = actual.get(want["rule"])
        if got is None:
            differences.append(f"no finding for rule {want['rule']}")
            continue
        for field in kind.GOLDEN_FIELDS:
            if field in want and want[field] != got.get(field):
                differences.append(f"{want['rule']}: expected {field} {want[field]!r}, got {got.get(field)!r}")
    return differences
