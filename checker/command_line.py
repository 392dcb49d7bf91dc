"""The contract every ``smm-check`` command keeps: its exit codes, how it reports a
command line it cannot act on, and how it prints a result.

With ``--json`` a command prints exactly one JSON object: a result, an input it could not
grade (``{"error": "invalid-input", "problems": [...]}``) or a request it could not act
on (``{"error": "usage", "message": ...}``), so a script reads one shape whatever went
wrong. Without ``--json`` results go to standard output and usage errors to standard
error.
"""

from __future__ import annotations

import argparse
import json
import sys

from checker.problems import InvalidInput
from checker.report import Result, invalid_text

EXIT_PASSED, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


class UsageError(Exception):
    """A request the grader cannot act on: an unknown exercise or bank id, an exercise of
    another kind, a blank learner name, course data that do not hold together."""


def wants_json(args: argparse.Namespace) -> bool:
    """Whether the command was asked for JSON (commands without ``--json`` never are)."""
    return bool(getattr(args, "json", False))


def usage_error(args: argparse.Namespace, message: str) -> int:
    """Report a request the command cannot act on; returns ``EXIT_INVALID``."""
    if wants_json(args):
        print(json.dumps({"error": "usage", "message": message}, ensure_ascii=False))
    else:
        print(f"smm-check {args.command}: {message}", file=sys.stderr)
    return EXIT_INVALID


def emit(args: argparse.Namespace, outcome: Result | InvalidInput) -> int:
    """Print a result or an input error as the command was asked; returns the exit code."""
    if isinstance(outcome, InvalidInput):
        print(json.dumps(outcome.as_dict(), ensure_ascii=False) if wants_json(args) else invalid_text(outcome))
        return EXIT_INVALID
    print(json.dumps(outcome.as_dict(), ensure_ascii=False) if wants_json(args) else outcome.as_text())
    return EXIT_PASSED if outcome.passed else EXIT_FAILED
