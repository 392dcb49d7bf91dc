"""``smm-check validate [ID ...]``: check that the course's data and exercise folders hold
together.

First the data every exercise kind grades with (``ExerciseKind.data_problems``): each
slip a line naming the file and the key. Then, for each exercise: ``exercise.toml`` is
valid and names a registered kind, the files its kind needs are there, the reference
solution passes, and every ``samples/<name>.<ext>`` produces the findings its golden file
``samples/<name>.expected.json`` lists. A golden file holds
``{"passed": bool (optional), "findings": [{"rule", "status", ...}]}`` compared on the
kind's ``golden_fields`` for the rules it lists only, or
``{"error": "invalid-input", "problems": [{"row", "column"}]}`` for a sample that must be
refused. Exit 0 all good, 1 a mismatch, 2 broken data or a broken exercise folder.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from checker.command_line import EXIT_FAILED, EXIT_INVALID, EXIT_PASSED
from checker.exercises import ExerciseError, UnknownExercise, list_exercise_ids, load_exercise
from checker.kinds import KINDS, ExerciseKind, Submission, UnknownKind, all_kinds, exercise_kind
from checker.problems import InvalidInput

GOLDEN_SUFFIX = ".expected.json"
OK, MISMATCH, BROKEN = EXIT_PASSED, EXIT_FAILED, EXIT_INVALID
VERDICTS = {OK: "ok", MISMATCH: "MISMATCH", BROKEN: "BROKEN"}


def register(subparsers) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate", help="check the course data and exercise folders: settings, reference solution and golden samples",
        description="Check the course's data files against each other and the code, then exercise "
        "folders (all, or the ids given). Exit 0 all good, 1 a sample or reference gives other "
        "findings than expected, 2 broken data or a broken exercise folder.")
    parser.add_argument("ids", nargs="*", metavar="ID", help="exercise ids (default: every exercise)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate the data and the exercises, printing one verdict each; returns the exit code."""
    problems = data_problems()
    print(f"course data: {VERDICTS[BROKEN if problems else OK]}")
    for problem in problems:
        print(f"  - {problem}")
    if problems:
        # Grading with data that do not hold together would only add tracebacks.
        return BROKEN
    worst = OK
    for exercise_id in args.ids or list_exercise_ids():
        status, notes = validate_exercise(exercise_id)
        worst = max(worst, status)
        print(f"{exercise_id}: {VERDICTS[status]}")
        for note in notes:
            print(f"  - {note}")
    return worst


def data_problems() -> list[str]:
    """Every slip in the data the registered kinds grade with, each once."""
    return list(dict.fromkeys(problem for kind in all_kinds() for problem in kind.data_problems()))


def validate_exercise(exercise_id: str) -> tuple[int, list[str]]:
    """The status (OK, MISMATCH or BROKEN) of one exercise folder, with notes saying why."""
    try:
        exercise = load_exercise(exercise_id)
        kind = exercise_kind(exercise.kind)
    except (UnknownExercise, ExerciseError) as error:
        return BROKEN, [str(error)]
    except UnknownKind:
        return BROKEN, [f"exercises/{exercise_id}/exercise.toml: kind names an unknown kind '{exercise.kind}'; "
                        f"the kinds are {', '.join(KINDS)} (checker/kinds.py)."]
    broken = kind.settings_problems(exercise)  # the data were checked before any exercise
    broken += [f"{name} is missing" for name in kind.required_files if not exercise.file(name).is_file()]
    if broken:
        return BROKEN, broken
    notes, status = [], OK
    try:
        result = kind.grade(exercise, Submission(exercise.file(kind.reference)))
        if result.passed:
            notes.append(f"{kind.reference} passes with {result.score:g}")
        else:
            status = MISMATCH
            failing = ", ".join(f.rule for f in result.findings if f.status == "fail")
            notes.append(f"{kind.reference} does not pass: {result.score:g} (fails {failing or 'nothing'})")
    except InvalidInput as error:
        return BROKEN, [f"{kind.reference} cannot be graded: {error}"]
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


def compare(kind: ExerciseKind, exercise, sample: Path, expected: dict) -> list[str]:
    """How grading ``sample`` differs from its golden file (empty when it matches)."""
    try:
        result = kind.grade(exercise, Submission(sample))
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
        for field in kind.golden_fields:
            if field in want and want[field] != got.get(field):
                differences.append(f"{want['rule']}: expected {field} {want[field]!r}, got {got.get(field)!r}")
    return differences
