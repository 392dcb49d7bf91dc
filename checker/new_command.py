"""``smm-check new exercise|quiz|lesson ID``: start new course material that builds and
validates at once, listed in the navigation, and say what to edit next
(``checker.skeletons`` writes it)."""

from __future__ import annotations

import argparse

from checker.command_line import EXIT_PASSED, usage_error
from checker.course import course_root
from checker.kinds import KINDS
from checker.skeletons import SkeletonError, Written, new_exercise, new_lesson, new_quiz


def register(subparsers) -> None:
    """Add the ``new`` subcommand."""
    parser = subparsers.add_parser(
        "new", help="start a new exercise, quiz bank or lesson",
        description="Write new course material that builds and validates at once, add it to the "
        "navigation in mkdocs.yml, and print what to edit next. An exercise starts as a copy of "
        "the smallest exercise of its kind; a quiz bank has two questions; a lesson has its front matter.")
    parser.add_argument("material", choices=("exercise", "quiz", "lesson"), help="what to start")
    parser.add_argument("id", metavar="ID", help="its id: lowercase letters, digits and hyphens")
    parser.add_argument("--kind", choices=tuple(KINDS), help="the exercise's kind (exercise only)")
    parser.add_argument("--module", metavar="M",
                        help="the module (topics.toml) the lesson or quiz belongs to (lesson, quiz)")
    parser.add_argument("--topic", metavar="TOPIC",
                        help="the topic id the lesson teaches (default: the module's first topic)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the material and print what was written and what to edit next."""
    root = course_root()
    needs = {"exercise": "--kind", "quiz": "--module", "lesson": "--module"}[args.material]
    if getattr(args, needs[2:]) is None:
        return usage_error(args, f"a new {args.material} needs {needs}.")
    try:
        if args.material == "exercise":
            written = new_exercise(root, args.id, args.kind)
        elif args.material == "quiz":
            written = new_quiz(root, args.id, args.module)
        else:
            written = new_lesson(root, args.id, args.module, args.topic)
    except SkeletonError as error:
        return usage_error(args, str(error))
    report(written)
    return EXIT_PASSED


def report(written: Written) -> None:
    """Print the files written and the next steps, numbered."""
    print("Written: " + ", ".join(written.files))
    print("Edit next:")
    for number, step in enumerate(written.next_steps, 1):
        print(f"  {number}. {step}")
