"""``smm-check``: grade plans, KPI reports and quizzes from the command line.

Each subcommand lives in a module with a ``register(subparsers)`` function that adds its
parser and sets ``run`` to a function returning the exit code; every exercise kind gets
its grading command from ``checker.grading_command``. The exit codes, usage errors and
JSON shapes every command shares are in ``checker.command_line``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from checker import __version__
from checker.command_line import EXIT_INVALID
from checker.data import DataFileError
from checker.kinds import all_kinds

EXIT_BROKEN_PIPE = 128 + 13  # 128 + SIGPIPE

# Modules that each add one or more subcommands, in the order --help lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "checker.grading_command",
    "checker.validate",
    "checker.quiz.command",
    "checker.gradebook_command",
    "checker.new_command",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="smm-check",
        description=f"Grade SMM course work ({', '.join(k.title for k in all_kinds())}, quizzes). "
        "Exit codes: 0 passed, 1 graded and not passed, 2 invalid input or usage.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``smm-check``; returns (and, as a script, exits with) the exit code."""
    try:
        parser = build_parser()
    except DataFileError as error:
        # A data file the commands read as they load: nothing can run until it is fixed.
        print(f"smm-check: {error}", file=sys.stderr)
        return EXIT_INVALID
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_INVALID
    try:
        code = args.run(args)
        sys.stdout.flush()  # inside the try: a closed pipe shows up on the last write
        return code
    except BrokenPipeError:
        # The reader went away (`smm-check ... | head`): stop quietly with the shell's
        # code for a closed pipe, as Unix tools do, rather than print a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
