"""The smm-check entry point: help, version, usage errors and pipes."""

from __future__ import annotations

import subprocess
import sys

from checker import __version__
from checker.cli import main


def run(*args: str, shell_tail: str = "") -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "checker.cli", *args]
    if shell_tail:
        return subprocess.run(" ".join(command) + shell_tail, shell=True, capture_output=True, text=True)
    return subprocess.run(command, capture_output=True, text=True)


def test_version_prints_the_package_version():
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"smm-check {__version__}")


def test_help_lists_every_subcommand():
    result = run("--help")
    assert result.returncode == 0
    for command in ["plan", "kpi", "kpi-data", "quiz", "quiz-export", "validate", "grade-class"]:
        assert f"    {command}" in result.stdout


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "usage: smm-check" in capsys.readouterr().out


def test_unknown_command_is_a_usage_error():
    result = run("grade")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_closed_pipe_ends_quietly():
    # `true` exits without reading, long before the grader has started up and writes.
    result = run("validate", shell_tail=" | true")
    assert result.stderr == ""
