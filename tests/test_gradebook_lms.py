"""``grade-class`` on a class as Moodle and Canvas hand it over: a generated class of 300
in each layout (good, failing and broken plans, workbooks, UTF-16 and cp1251 files,
hostile names), graded from a zip or a folder into one output folder; the LMS's own
files filled and read back; nothing written outside the output folder."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import stat
import sys
import tempfile
import zipfile
from contextlib import nullcontext
from functools import partial
from pathlib import Path

import pytest

from checker.classroom import download
from checker.classroom.layouts import read_layout
from checker.classroom.pool import grade_one
from checker.cli import main
from checker.exercises import load_exercise
from checker.gradebook import grade_class, grade_exercise, problems_summary
from checker.kinds import Submission
from checker.report import Result
from checker.zip_limits import Limits

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "exercises" / "coffee-shop-plan"
LMS = Path(__file__).parent / "fixtures" / "lms"
SIZE = 300
HOSTILE = '=HYPERLINK("evil.example","click")'
REFERENCE = (PLAN / "reference.csv").read_bytes()
# What each learner hands in, by learner number modulo the list's length.
KINDS = [
    ("good", ".csv", REFERENCE),
    ("failing", ".csv", (PLAN / "samples" / "honesty.csv").read_bytes()),
    ("broken", ".csv", (PLAN / "samples" / "typos.csv").read_bytes()),
    ("xlsx", ".xlsx", (PLAN / "samples" / "workbook.xlsx").read_bytes()),
    ("utf-16", ".csv", REFERENCE.decode("utf-8").encode("utf-16")),
    ("cp1251", ".csv", REFERENCE.decode("utf-8").encode("cp1251", errors="replace")),
    ("corrupt", ".xlsx", b"PK\x03\x04 cut off in the middle of the upload"),
]


def kind_of(number: int) -> tuple[str, str, bytes]:
    return KINDS[number % len(KINDS)]


def moodle_name(number: int) -> str:
    return HOSTILE if number == 0 else f"Learner {number:03d}"


def canvas_name(number: int) -> str:
    return "=hyperlink(evil)" if number == 0 else f"learner{number:03d}"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def link(archive: zipfile.ZipFile, name: str, target: str) -> None:
    """A symbolic link stored in a zip, as Info-ZIP stores one."""
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    archive.writestr(info, target)


@pytest.fixture(scope="module")
def classes(tmp_path_factory) -> dict[str, Path]:
    """The class of 300 three ways: Moodle's zip, Canvas's zip and a flat folder."""
    base = tmp_path_factory.mktemp("classes")
    with zipfile.ZipFile(base / "moodle.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(SIZE):
            _, suffix, data = kind_of(number)
            folder = f"{moodle_name(number)}_{10000 + number}_assignsubmission_file_"
            archive.writestr(f"{folder}/plan{suffix}", data)
        archive.writestr(f"Learner 001_10001_assignsubmission_file_/notes.docx", b"PK not a plan")
        archive.writestr("Twice Over_19998_assignsubmission_file_/plan.csv", REFERENCE)
        archive.writestr("Twice Over_19998_assignsubmission_file_/plan-final.csv", REFERENCE)
        archive.writestr("readme.csv", REFERENCE)  # fits no Moodle name
        archive.writestr("../../x.csv", REFERENCE)
        link(archive, "Eve Link_19999_assignsubmission_file_/plan.csv", "/etc/passwd")
    with zipfile.ZipFile(base / "canvas.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(SIZE):
            _, suffix, data = kind_of(number)
            late = "_LATE" if number % 10 == 9 else ""
            archive.writestr(f"{canvas_name(number)}{late}_{5000 + number}_{90000 + number}_plan{suffix}", data)
        archive.writestr("learner001_5001_99999_notes.docx", b"PK not a plan")
        archive.writestr("twiceover_5998_99001_plan.csv", REFERENCE)
        archive.writestr("twiceover_5998_99002_plan-1.csv", REFERENCE)
        archive.writestr("random.csv", REFERENCE)
        archive.writestr("/tmp/x.csv", REFERENCE)
    flat = base / "flat"
    flat.mkdir()
    for number in range(SIZE):
        _, suffix, data = kind_of(number)
        (flat / f"{moodle_name(number)}{suffix}").write_bytes(data)
    (flat / "Learner 001.docx").write_bytes(b"PK not a plan")
    (flat / "old").mkdir()
    (flat / "old" / "Learner 999.csv").write_bytes(REFERENCE)
    worksheet_of_300(base / "worksheet.csv")
    roster_of_300(base / "roster.csv")
    return {"moodle": base / "moodle.zip", "canvas": base / "canvas.zip", "flat": flat}


def worksheet_of_300(path: Path) -> None:
    """Moodle's worksheet for the class of 300 (maximum grade 10), as the sample is shaped."""
    header = read_rows(LMS / "moodle-grading-worksheet.csv")[0]
    rows = [[f"Participant {10000 + n}", moodle_name(n), f"learner{n}@example.edu",
             "Submitted for grading - Not graded", "", "10.00", "Yes", "Monday, 30 November 2026, 10:15 AM",
             "-", ""] for n in range(SIZE)]
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows([header, *rows])


def roster_of_300(path: Path) -> None:
    """Canvas's gradebook export for the class of 300 (the plan worth 20 points)."""
    header, points = read_rows(LMS / "canvas-gradebook-export.csv")[:2]
    rows = [[canvas_name(n).title(), str(5000 + n), f"s{n}", canvas_name(n), "SMM course 2026", "", "8.00",
             "8.00", "8.00", "80.00", "80.00", "26.67", "26.67"] for n in range(SIZE)]
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out).writerows([header, points, *rows])


@pytest.fixture(scope="module")
def expected() -> dict[str, Result | Exception]:
    """Each kind of submission graded alone, as its own command would."""
    exercise = load_exercise("coffee-shop-plan")
    out = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, suffix, data in KINDS:
            path = Path(folder) / f"{name}{suffix}"
            path.write_bytes(data)
            out[name] = grade_one(partial(grade_exercise, exercise), Submission(path))
    return out


@pytest.fixture(scope="module")
def graded(classes, tmp_path_factory) -> dict[str, tuple[Path, int, set[str], set[str], dict]]:
    """Each layout graded with -o DIR and --json on two processes: the output folder, the
    exit code, every path under the class's and the run's folders before and after (the
    system's temporary folder is one of the run's), and the JSON printed."""
    out = {}
    for layout, source in classes.items():
        work = tmp_path_factory.mktemp(f"run-{layout}")
        (work / "system-tmp").mkdir()
        before = tree(source.parent) | tree(work)
        printed = io.BytesIO()
        saved = sys.stdout, tempfile.tempdir
        sys.stdout, tempfile.tempdir = io.TextIOWrapper(printed, encoding="utf-8"), str(work / "system-tmp")
        lms_file = {"moodle": ["--worksheet", str(source.parent / "worksheet.csv")],
                    "canvas": ["--roster", str(source.parent / "roster.csv")]}.get(layout, [])
        try:
            code = main(["grade-class", str(source), "--exercise", "coffee-shop-plan", "-o", str(work / "out"),
                         "--json", "--jobs", "2", "--quiet", *lms_file])
            sys.stdout.flush()
            book = json.loads(printed.getvalue())
        finally:
            sys.stdout, tempfile.tempdir = saved
        after = tree(source.parent) | tree(work)
        out[layout] = (work / "out", code, before, after, book)
    return out


def tree(folder: Path) -> set[str]:
    """Every path under ``folder``."""
    return {str(Path(root) / name) for root, folders, files in os.walk(folder) for name in folders + files}


def gradebook(graded, layout: str) -> list[dict[str, str]]:
    return rows_of((graded[layout][0] / "gradebook.csv").read_text(encoding="utf-8"))


@pytest.mark.parametrize("layout", ["moodle", "canvas", "flat"])
def test_every_learner_of_300_gets_the_row_their_file_earns(graded, expected, layout):
    rows = gradebook(graded, layout)
    learners = [r for r in rows if r["learner"].replace(" ", "").casefold() != "twiceover"]
    assert len(learners) == SIZE
    name = {"moodle": moodle_name, "flat": moodle_name, "canvas": canvas_name}[layout]
    by_name = {r["learner"]: r for r in learners}
    for number in range(SIZE):
        # The hostile name is written so a spreadsheet shows it and never runs it.
        row = by_name["'" + name(number) if number == 0 else name(number)]
        kind, _, _ = kind_of(number)
        outcome = expected[kind]
        if isinstance(outcome, Result):
            assert (row["score"], row["status"]) == (f"{outcome.score:g}", "graded"), (number, kind)
            assert row["failed_rules"] == " ".join(f.rule for f in outcome.findings if f.status == "fail")
        else:
            assert (row["score"], row["status"]) == ("", "invalid"), (number, kind)
            assert row["problems"] == problems_summary(outcome)
        assert row["lms_id"] == {"moodle": str(10000 + number), "canvas": str(5000 + number), "flat": ""}[layout]
        assert row["late"] == ("yes" if layout == "canvas" and number % 10 == 9 else "")
    assert graded[layout][1] == 2  # some submissions are invalid


def test_the_kinds_of_file_grade_as_expected(expected):
    """The generated class is what it says: good, UTF-16 and workbook plans pass; the
    others fail or are invalid, with the reason a learner would read."""
    assert expected["good"].passed and expected["utf-16"].passed and expected["xlsx"].score > 0
    assert not expected["failing"].passed
    assert "--encoding" in str(expected["cp1251"]) and "utf-8" in str(expected["cp1251"])
    assert ".xlsx workbook" in str(expected["corrupt"])


@pytest.mark.parametrize("layout, skipped", [
    ("moodle", {"Learner 001_10001_assignsubmission_file_/notes.docx": "only .csv, .xlsm, .xlsx files are graded",
                "readme.csv": "the name fits no Moodle download ('Full Name_12345_assignsubmission_file_/plan.xlsx')",
                "../../x.csv": download.UNSAFE_NAME,
                "Eve Link_19999_assignsubmission_file_/plan.csv": download.A_LINK}),
    ("canvas", {"learner001_5001_99999_notes.docx": "only .csv, .xlsm, .xlsx files are graded",
                "random.csv": "the name fits no Canvas download ('petrovaanna_4321_98765_plan.xlsx')",
                "/tmp/x.csv": download.UNSAFE_NAME}),
    ("flat", {"Learner 001.docx": "only .csv, .xlsm, .xlsx files are graded",
              "old/": "a folder: in a flat folder each learner's file lies at the top, named after the learner"}),
])
def test_files_left_out_are_listed_with_why_and_a_learner_with_two_files_is_invalid(graded, layout, skipped):
    book = graded[layout][4]
    assert book["layout"] == layout
    assert {item["file"]: item["reason"] for item in book["skipped"]} == skipped
    twice = [e for e in book["learners"] if e["learner"].replace(" ", "").casefold() == "twiceover"]
    if layout != "flat":
        assert [e["status"] for e in twice] == ["invalid", "invalid"]
        assert twice[0]["problems"][0]["message"].startswith("this learner has 2 submissions (")


@pytest.mark.parametrize("layout", ["moodle", "canvas", "flat"])
def test_nothing_is_written_outside_the_output_folder(graded, layout):
    output, _, before, after, _ = graded[layout]
    added = after - before
    assert added and all(Path(p).is_relative_to(output) for p in added), added - {p for p in added
                                                                                 if Path(p).is_relative_to(output)}
    # The archive's private unpacking folder is gone.
    assert (output / "gradebook.csv").exists()
    assert not [p for p in output.iterdir() if p.name.startswith(".smm-unpacked")]
    assert not before - after  # nothing removed either
    assert not Path("/tmp/x.csv").exists() and not (output.parent.parent / "x.csv").exists()


def test_one_core_gives_the_gradebook_two_processes_give(classes, graded):
    one = grade_class(classes["canvas"], load_exercise("coffee-shop-plan"), jobs=1)
    assert one.as_dict() == graded["canvas"][4]


def test_the_json_printed_has_every_learner_with_their_lms_identity(graded):
    book = graded["canvas"][4]
    assert (book["exercise"], book["layout"], len(book["learners"])) == ("coffee-shop-plan", "canvas", SIZE + 2)
    late = next(e for e in book["learners"] if e["learner"] == "learner029")
    assert {k: late[k] for k in ("lms_id", "late", "file", "status")} == {
        "lms_id": "5029", "late": True, "file": "learner029_LATE_5029_90029_plan.csv", "status": "graded"}


def test_the_layout_can_be_named_when_the_guess_would_be_wrong(tmp_path):
    # Two files whose names happen to look like Canvas's are a flat class when told so.
    (tmp_path / "ana_1_2_x.csv").write_bytes(REFERENCE)
    (tmp_path / "bo_3_4_y.csv").write_bytes(REFERENCE)
    exercise = load_exercise("coffee-shop-plan")
    assert grade_class(tmp_path, exercise).layout == "canvas"
    flat = grade_class(tmp_path, exercise, layout="flat")
    assert [(e.learner, e.lms_id) for e in flat.entries] == [("ana_1_2_x", ""), ("bo_3_4_y", "")]


def test_a_class_zipped_with_its_folder_is_read_from_inside_it():
    reading = read_layout(["class/", "class/ana.csv", "class/old/", "class/notes.txt"])
    assert [(c.member, c.learner, c.file) for c in reading.claims] == [("class/ana.csv", "ana", "ana.csv")]
    assert reading.skipped == {"notes.txt": "only .csv, .xlsm, .xlsx files are graded", "old/": "an empty folder"}


def test_moodle_without_folders_names_each_file_with_the_same_prefix():
    reading = read_layout(["Anna Petrova_12345_assignsubmission_file_plan.xlsx",
                           "Anna Petrova_12345_assignsubmission_onlinetext_onlinetext.html"])
    assert reading.layout == "moodle"
    assert [(c.learner, c.lms_id) for c in reading.claims] == [("Anna Petrova", "12345")]
    assert reading.skipped == {"Anna Petrova_12345_assignsubmission_onlinetext_onlinetext.html":
                               "only .csv, .xlsm, .xlsx files are graded"}


def bomb(path: Path, megabytes: int) -> None:
    """A zip with one member of ``megabytes`` MB of zeros (about a thousand to one)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ana_1_2_plan.csv", b"\0" * (megabytes * 1024 * 1024))


def test_an_archive_built_to_inflate_is_refused_before_anything_is_unpacked(capsys, tmp_path):
    bomb(tmp_path / "class.zip", 20)
    code, out, err = run(capsys, "grade-class", str(tmp_path / "class.zip"), "--exercise", "coffee-shop-plan",
                         "-o", str(tmp_path / "out"))
    assert (code, out) == (2, "")
    assert "'class.zip' cannot be unpacked safely: its part ana_1_2_plan.csv would unpack from" in err
    assert "where a submission unpacks at most 150 times over" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == []


def test_an_archive_declaring_more_than_a_class_needs_is_refused(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(download, "CLASS_ARCHIVE", Limits(1024 * 1024, 150, "a class's submissions", "a submission"))
    with zipfile.ZipFile(tmp_path / "class.zip", "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("ana.csv", b"x" * (2 * 1024 * 1024))
    code, _, err = run(capsys, "grade-class", str(tmp_path / "class.zip"), "--exercise", "coffee-shop-plan")
    assert code == 2
    assert "it would unpack to 2.0 MB (ana.csv alone to 2.0 MB), and a class's submissions needs at most 1.0 MB" in err


def test_a_member_larger_than_a_submission_may_be_is_an_invalid_row_not_unpacked(tmp_path):
    with zipfile.ZipFile(tmp_path / "class.zip", "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("ana.csv", REFERENCE)
        archive.writestr("bo.csv", b"date,copy\n" + b"2026-12-01,hello there\n" * 300_000)  # 6.6 MB
    book = grade_class(tmp_path / "class.zip", load_exercise("coffee-shop-plan"))
    bo = book.entries[1]
    assert (bo.learner, bo.status) == ("bo", "invalid")
    assert str(bo.outcome) == "the file is 6.6 MB; the limit is 5 MB. Split it or remove embedded images."


def test_a_file_that_is_neither_folder_nor_zip_is_a_usage_error(capsys, tmp_path):
    (tmp_path / "grades.txt").write_text("not a class", encoding="utf-8")
    code, _, err = run(capsys, "grade-class", str(tmp_path / "grades.txt"), "--exercise", "coffee-shop-plan")
    assert code == 2 and "is neither a folder nor a zip archive" in err


def test_the_output_folder_may_not_be_inside_the_class_folder(capsys, tmp_path):
    (tmp_path / "ana.csv").write_bytes(REFERENCE)
    code, _, err = run(capsys, "grade-class", str(tmp_path), "--exercise", "coffee-shop-plan",
                       "-o", str(tmp_path / "out"))
    assert code == 2 and "write the output outside" in err and not (tmp_path / "out").exists()


def test_a_progress_bar_shows_on_a_terminal_only_and_never_with_quiet(capsys, tmp_path, monkeypatch):
    (tmp_path / "ana.csv").write_bytes(REFERENCE)
    run(capsys, "grade-class", str(tmp_path), "--exercise", "coffee-shop-plan")
    assert "grading" not in capsys.readouterr().err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    _, _, err = run(capsys, "grade-class", str(tmp_path), "--exercise", "coffee-shop-plan", "--jobs", "1")
    assert "\rgrading:   0%|          | 0/1 " in err  # tqdm's bar, cleared when done
    _, _, err = run(capsys, "grade-class", str(tmp_path), "--exercise", "coffee-shop-plan", "--quiet")
    assert "grading" not in err


# Grades back into the LMS: the sample files are shaped as Moodle and Canvas write them.

def read_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def assert_formula_safe(path: Path) -> None:
    """No cell of a CSV file we wrote starts a formula (a number or a lone '-' is no formula)."""
    for number, row in enumerate(read_rows(path), start=1):
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), (path.name, number, cell)
            assert not cell.startswith("-") or cell == "-" or cell.lstrip("-").replace(".", "").isdigit(), cell


def moodle_zip(path: Path, learners: dict[str, tuple[str, bytes]]) -> Path:
    """A Moodle download: participant id -> (full name, the plan they handed in)."""
    with zipfile.ZipFile(path, "w") as archive:
        for participant, (name, data) in learners.items():
            archive.writestr(f"{name}_{participant}_assignsubmission_file_/plan.csv", data)
    return path


def test_the_moodle_worksheet_gets_grade_and_feedback_and_keeps_every_other_cell(capsys, tmp_path, expected):
    source = moodle_zip(tmp_path / "moodle.zip", {
        "12345": ("Anna Petrova", REFERENCE), "12346": ("Ivan Sokolov", KINDS[2][2]),
        "12348": ("Olga Kim", REFERENCE), "12349": ("Pavel Orlov", REFERENCE)})
    sheet = LMS / "moodle-grading-worksheet.csv"
    code, _, err = run(capsys, "grade-class", str(source), "--exercise", "coffee-shop-plan",
                       "-o", str(tmp_path / "out"), "--worksheet", str(sheet))
    assert code == 2  # Ivan's plan is invalid
    before, after = read_rows(sheet), read_rows(tmp_path / "out" / "moodle-grading-worksheet.csv")
    assert after[0] == before[0] and len(after) == len(before)
    grade, comments = before[0].index("Grade"), before[0].index("Feedback comments")
    for old, new in zip(before[1:], after[1:]):
        assert [c for i, c in enumerate(new) if i not in (grade, comments)] == \
               [c for i, c in enumerate(old) if i not in (grade, comments)]
    anna, ivan, li, olga = after[1:]
    assert (anna[grade], anna[comments]) == ("100.00", "100/100, passed (pass mark 70).")
    assert ivan[grade] == ""  # not graded: the comment says why
    assert ivan[comments] == "Your file could not be graded: " + problems_summary(expected["broken"])
    assert li == before[3] and olga == before[4]  # no submission; grade locked in Moodle
    assert ("moodle-grading-worksheet.csv: 1 rows graded; grade locked in the LMS for Olga Kim; "
            "no row for Pavel Orlov (grade them by hand)") in err
    assert_formula_safe(tmp_path / "out" / "moodle-grading-worksheet.csv")


def test_a_failed_rule_is_in_the_feedback_with_its_rows_and_the_grade_is_scaled(tmp_path):
    source = moodle_zip(tmp_path / "moodle.zip", {"12345": ("Anna Petrova", KINDS[1][2])})
    sheet = tmp_path / "worksheet.csv"
    sheet.write_text((LMS / "moodle-grading-worksheet.csv").read_text(encoding="utf-8").replace(
        ",100.00,", ",20,00,").replace('"Participant 12345","Anna Petrova",anna.petrova@example.edu,'
                                       '"Submitted for grading - Not graded",,20,00,',
                                       '"Participant 12345","Anna Petrova",anna.petrova@example.edu,'
                                       '"Submitted for grading - Not graded",,"20,00",'), encoding="utf-8")
    main(["grade-class", str(source), "--exercise", "coffee-shop-plan", "-o", str(tmp_path / "out"),
          "--worksheet", str(sheet), "--quiet"])
    anna = read_rows(tmp_path / "out" / "moodle-grading-worksheet.csv")[1]
    result = grade_exercise(load_exercise("coffee-shop-plan"), Submission(write(tmp_path / "a.csv", KINDS[1][2])))
    failed = [f for f in result.findings if f.status == "fail"]
    assert anna[4] == f"{round(result.score * 20 / 100, 2):.2f}".replace(".", ",")  # Moodle's own decimal mark
    lines = anna[9].split("<br>")
    assert lines[0] == f"{result.score:g}/100, not passed (pass mark 70)."
    assert lines[1] == html.escape(f"{failed[0].rule}: {failed[0].message} (rows "
                                   f"{', '.join(map(str, failed[0].rows))})", quote=False)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_the_worksheet_and_roster_of_the_class_of_300_have_each_learners_grade(graded, expected):
    filled = read_rows(graded["moodle"][0] / "moodle-grading-worksheet.csv")[1:]
    roster = read_rows(graded["canvas"][0] / "canvas-gradebook.csv")
    column = roster[0].index("A month of content for a neighbourhood coffee shop (1234)")
    assert len(filled) == len(roster) - 2 == SIZE
    for n, (row, points) in enumerate(zip(filled, roster[2:])):
        outcome = expected[kind_of(n)[0]]
        graded_well = isinstance(outcome, Result)
        assert row[4] == (f"{round(outcome.score / 10, 2):.2f}" if graded_well else ""), n
        assert row[9].startswith(f"{outcome.score:g}/100" if graded_well else "Your file could not be graded: ")
        assert points[column] == (f"{round(outcome.score / 5, 2):g}" if graded_well else ""), n
    # The learner's chosen name never runs as a formula.
    assert filled[0][1] == "'" + HOSTILE and roster[2][0] == "'=Hyperlink(Evil)"


def test_every_csv_written_is_formula_safe(graded):
    written = [path for layout in graded for path in graded[layout][0].rglob("*.csv")]
    assert {p.name for p in written} >= {"gradebook.csv", "moodle-grading-worksheet.csv", "canvas-gradebook.csv"}
    for path in written:
        assert_formula_safe(path)


def canvas_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def test_the_canvas_roster_gets_points_in_the_exercises_column_and_keeps_the_rest(capsys, tmp_path, expected):
    source = canvas_zip(tmp_path / "canvas.zip", {
        "petrovaanna_4321_98765_plan.csv": REFERENCE,
        "sokolovivan_LATE_4322_98766_plan.csv": KINDS[1][2],
        "orlovpavel_4324_98767_plan.csv": REFERENCE})
    roster = LMS / "canvas-gradebook-export.csv"
    code, _, err = run(capsys, "grade-class", str(source), "--exercise", "coffee-shop-plan",
                       "-o", str(tmp_path / "out"), "--roster", str(roster))
    assert code == 0
    before, after = read_rows(roster), read_rows(tmp_path / "out" / "canvas-gradebook.csv")
    assert (tmp_path / "out" / "canvas-gradebook.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    column = before[0].index("A month of content for a neighbourhood coffee shop (1234)")
    assert after[0] == before[0] and after[1] == before[1]  # the "    Points Possible" row as it was
    ivan = expected["failing"].score * 20 / 100
    assert [row[column] for row in after[2:]] == ["20", f"{round(ivan, 2):g}", "", ""]
    for old, new in zip(before[2:], after[2:]):
        assert old[:column] + old[column + 1:] == new[:column] + new[column + 1:]
    assert "canvas-gradebook.csv: 2 rows graded; no row for orlovpavel (grade them by hand)" in err
    assert_formula_safe(tmp_path / "out" / "canvas-gradebook.csv")


def test_the_roster_column_can_be_named_by_its_id_and_a_wrong_name_lists_the_assignments(capsys, tmp_path):
    source = canvas_zip(tmp_path / "canvas.zip", {"petrovaanna_4321_98765_plan.csv": REFERENCE})
    roster = LMS / "canvas-gradebook-export.csv"
    main(["grade-class", str(source), "--exercise", "coffee-shop-plan", "-o", str(tmp_path / "out"),
          "--roster", str(roster), "--assignment", "1235", "--quiet"])
    after = read_rows(tmp_path / "out" / "canvas-gradebook.csv")
    assert after[2][after[0].index("Week 1 quiz (1235)")] == "10"  # 100 of 100 is 10 of its 10 points
    code, _, err = run(capsys, "grade-class", str(source), "--exercise", "coffee-shop-plan", "-o",
                       str(tmp_path / "out"), "--roster", str(roster), "--assignment", "Final essay")
    assert code == 2
    assert ("canvas-gradebook-export.csv: no assignment column is named 'Final essay'; the assignments are "
            "'A month of content for a neighbourhood coffee shop (1234)', 'Week 1 quiz (1235)'. "
            "Name the one to fill with --assignment.") in err


@pytest.mark.parametrize("argv, message", [
    (["--worksheet", "w.csv"], "--worksheet and --roster write the filled file into the output folder: add -o DIR."),
    (["-o", "out", "--assignment", "x"], "--assignment names the column of the Canvas roster: add --roster FILE."),
    (["-o", "out", "--worksheet", "missing.csv"], "cannot read 'missing.csv'"),
    (["-o", "out", "--jobs", "0"], "'0' is not a whole number of at least 1"),
])
def test_lms_options_that_cannot_work_are_usage_errors(capsys, tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "ana.csv").write_bytes(REFERENCE)
    with pytest.raises(SystemExit) if "--jobs" in argv else nullcontext():
        code, _, err = run(capsys, "grade-class", "class", "--exercise", "coffee-shop-plan", *argv)
        assert code == 2
    assert message in capsys.readouterr().err + (err if "--jobs" not in argv else "")


def test_a_worksheet_without_moodles_columns_names_what_is_missing(capsys, tmp_path):
    source = moodle_zip(tmp_path / "moodle.zip", {"12345": ("Anna Petrova", REFERENCE)})
    sheet = write(tmp_path / "w.csv", b"Identifier,Full name,Note\nParticipant 12345,Anna Petrova,\n")
    code, _, err = run(capsys, "grade-class", str(source), "--exercise", "coffee-shop-plan",
                       "-o", str(tmp_path / "out"), "--worksheet", str(sheet))
    assert code == 2
    assert "w.csv: there is no column 'Grade'; the columns are 'Identifier', 'Full name', 'Note'." in err


def test_names_a_zip_stores_as_utf8_without_its_flag_are_read_as_utf8(tmp_path):
    # Moodle, like many tools, writes UTF-8 names without setting the zip's UTF-8 flag.
    folder = "Анна Петрова_12345_assignsubmission_file_"
    raw = f"{folder}/plan.csv".encode("utf-8")
    with zipfile.ZipFile(tmp_path / "moodle.zip", "w") as archive:
        archive.writestr("x" * len(raw), REFERENCE)  # an ASCII name of the same length, replaced below
    (tmp_path / "moodle.zip").write_bytes((tmp_path / "moodle.zip").read_bytes().replace(b"x" * len(raw), raw))
    assert not zipfile.ZipFile(tmp_path / "moodle.zip").infolist()[0].flag_bits & 0x800
    book = grade_class(tmp_path / "moodle.zip", load_exercise("coffee-shop-plan"))
    assert [(e.learner, e.lms_id, e.status) for e in book.entries] == [("Анна Петрова", "12345", "graded")]


def test_a_file_name_that_is_not_utf8_is_listed_not_graded(tmp_path):
    (tmp_path / "ana.csv").write_bytes(REFERENCE)
    (tmp_path / "caf\udce9.csv".encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")).write_bytes(
        REFERENCE)  # 'café' saved in Latin-1 by an old system
    book = grade_class(tmp_path, load_exercise("coffee-shop-plan"))
    assert [e.learner for e in book.entries] == ["ana"]
    assert book.skipped == {"caf\ufffd.csv": download.NOT_UTF8}
