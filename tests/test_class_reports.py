"""What grade-class hands out: a feedback report per learner (plain files and Moodle's
feedback zip) and the instructor's class summary, for a small class with a passing, a
failing and an invalid submission, a skipped file and hostile names."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker.class_reports import MOODLE_ZIP, report_html, report_names, safe_name, write_reports
from checker.class_summary import lesson_worthy, rule_failures, summary_html, write_summary
from checker.cli import main
from checker.exercises import load_exercise
from checker.gradebook import Entry, Gradebook, grade_class
from checker.kinds import exercise_kind
from checker.problems import InputProblem, InvalidInput

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "exercises" / "coffee-shop-plan"
HOSTILE = ["../../x", "<script>alert(1)</script>", "=HYPERLINK(\"http://evil\",\"click\")"]


@pytest.fixture
def book(tmp_path) -> Gradebook:
    """Ana passes, Ivan fails plan.mix, Olga fails plan.cadence and plan.mix... graded as
    grade-class grades a flat folder; Maria's file has typos; notes.txt is skipped."""
    folder = tmp_path / "class"
    folder.mkdir()
    shutil.copy(PLAN / "reference.csv", folder / "Ana Silva.csv")
    shutil.copy(PLAN / "samples" / "mix.csv", folder / "Ivan.csv")
    shutil.copy(PLAN / "samples" / "cadence.csv", folder / "Olga.csv")
    shutil.copy(PLAN / "samples" / "typos.csv", folder / "Maria.csv")
    (folder / "notes.txt").write_text("Ivan was ill.", encoding="utf-8")
    return grade_class(folder, load_exercise("coffee-shop-plan"))


def hostile_book(book: Gradebook) -> Gradebook:
    """The same class with learners named to break out of folders, pages and spreadsheets,
    one of them with an invalid file whose problem quotes markup."""
    graded = [e for e in book.entries if e.status == "graded"]
    entries = [Entry(name, f"{name}.csv", graded[i % len(graded)].outcome, lms_id=str(100 + i))
               for i, name in enumerate(HOSTILE)]
    entries.append(Entry("<img src=x onerror=alert(2)>", "evil.csv",
                         InvalidInput([InputProblem(3, "<b>copy</b>", "'<i>' is not a <platform>")]), lms_id="104"))
    return Gradebook(book.exercise, entries, {"<svg onload=alert(3)>.txt": "only .csv files are graded"}, "moodle")


class Page(HTMLParser):
    """What a page holds for a reader: its text and the elements and attributes used."""

    def __init__(self, html: str):
        super().__init__()
        self.text, self.tags, self.attrs = [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]

    def handle_data(self, data):
        self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def test_a_failing_learner_reads_every_rule_with_title_status_rows_and_message(book):
    ivan = next(e for e in book.entries if e.learner == "Ivan")
    page = Page(report_html(book, ivan))
    text = page.words
    verdict = "Passed with {}/100 (pass mark 70)." if ivan.outcome.passed else "Not passed yet: {}/100 (pass mark 70)."
    assert verdict.format(f"{ivan.outcome.score:g}") in text
    mix = next(f for f in ivan.outcome.findings if f.rule == "plan.mix")
    assert mix.status == "fail" and mix.rows
    titles = exercise_kind("plan").rules(book.exercise)
    # The row of plan.mix: status, title, id, rows and message, as the check panel words them.
    row = re.search(r"Fail The content mix matches the target plan\.mix ([\d, ]+) (.+?) (Pass|Warning|Fail) ", text)
    assert row, text[:500]
    assert row.group(1).split(", ") == [str(r) for r in mix.rows]
    assert " ".join(mix.message.split()) == row.group(2)
    for rule_id, info in titles.items():
        assert f"{info.title} {rule_id}" in text
    # Failures first.
    assert text.index("Fail ") < text.index("Pass ")
    assert {"table", "caption", "thead", "th", "h1", "h2"} <= set(page.tags)
    assert "script" not in page.tags and "link" not in page.tags and "href" not in page.attrs and "src" not in page.attrs


def test_a_passing_learner_reads_the_panel_verdict(book):
    ana = next(e for e in book.entries if e.learner == "Ana Silva")
    assert ana.outcome.passed
    text = Page(report_html(book, ana)).words
    assert f"Passed with {ana.outcome.score:g}/100 (pass mark 70)." in text
    assert f'check your file again with the Check your work panel of the exercise page, "{book.exercise.title}"' in text


def test_an_invalid_file_lists_every_problem_with_row_and_column(book):
    maria = next(e for e in book.entries if e.learner == "Maria")
    text = Page(report_html(book, maria)).words
    count = len(maria.outcome.problems)
    assert f"The file cannot be graded yet: {count} problems to fix." in text
    for problem in maria.outcome.problems:
        assert f"{problem.row} {problem.column} {' '.join(problem.message.split())}" in text
    assert "Row Column Problem" in text


def test_reports_are_written_one_per_learner_with_safe_names_inside_the_folder(book, tmp_path):
    out = tmp_path / "out"
    bad = hostile_book(book)
    before = {p for p in tmp_path.rglob("*")}
    written = write_reports(bad, out)
    after = {p for p in tmp_path.rglob("*")} - before
    assert all(p == out or out in p.parents for p in after), sorted(map(str, after))
    names = sorted(p.name for p in (out / "reports").iterdir())
    assert names == sorted(report_names(bad.entries)) and len(names) == len(bad.entries)
    assert all(not n.startswith(".") and "/" not in n and "<" not in n for n in names)
    assert "_img src_x onerror_alert_2___104.html" in names
    for path in written:
        if path.suffix == ".html":
            html = path.read_text(encoding="utf-8")
            assert "<script" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    evil = (out / "reports" / "_img src_x onerror_alert_2___104.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(2)&gt;" in evil and "&lt;b&gt;copy&lt;/b&gt;" in evil


def test_names_that_clash_after_cleaning_get_distinct_files():
    entries = [Entry("a/b", "1.csv", InvalidInput([])), Entry("a?b", "2.csv", InvalidInput([])),
               Entry("A:B", "3.csv", InvalidInput([])), Entry("..", "4.csv", InvalidInput([]))]
    assert report_names(entries) == ["a_b.html", "a_b-2.html", "A_B-3.html", "learner.html"]
    assert safe_name("../../x") == "_.._x"


def test_the_moodle_zip_has_one_feedback_folder_per_participant(book, tmp_path):
    bad = hostile_book(book)
    write_reports(bad, tmp_path)
    with zipfile.ZipFile(tmp_path / MOODLE_ZIP) as archive:
        names = archive.namelist()
        # Moodle's importer splits the folder at "_": the name, the participant id, then
        # the plugin (assignsubmission_file); the name part holds no "_" of its own.
        for name in names:
            folder, file = name.split("/")
            assert file == "feedback.html"
            person, participant, plugin, kind, rest = folder.split("_")
            assert (plugin, kind, rest) == ("assignsubmission", "file", "") and participant.isdigit()
            assert person.strip() == person and person not in ("", ".", "..") and "\\" not in person
        assert sorted(n.split("_")[1] for n in names) == ["100", "101", "102", "104"]
        assert "&lt;script&gt;" in archive.read([n for n in names if "_101_" in n][0]).decode()


def test_no_moodle_zip_for_a_class_not_from_moodle(book, tmp_path):
    written = write_reports(book, tmp_path)
    assert not (tmp_path / MOODLE_ZIP).exists() and len(written) == len(book.entries)


def test_the_summary_counts_charts_and_lessons(book, tmp_path):
    path = write_summary(book, tmp_path)
    assert path == tmp_path / "summary.html"
    html = path.read_text(encoding="utf-8")
    page = Page(html)
    text = page.words
    assert "Submissions: 4. Graded: 3, of which passed:" in text and "Could not be graded: 1. Files left out: 1." in text
    # Two charts, each an image with a spoken name and a table of its figures beside it.
    assert html.count('role="img"') == 2 and page.tags.count("svg") == 2 and page.tags.count("title") == 3
    assert "Learners by score band" in text and "Learners failing each rule" in text
    failures = {f.rule: f for f in rule_failures(book)}
    failing_mix = sum(any(f.rule == "plan.mix" and f.status == "fail" for f in r.findings) for r in book.graded)
    assert failures["plan.mix"].failing == failing_mix >= 1
    assert f"The content mix matches the target plan.mix {failing_mix} {round(100 * failing_mix / 3)}%" in text
    # The lessons: the most weighed failures, each with how many learners and an example.
    worthy = lesson_worthy(list(failures.values()))
    assert 1 <= len(worthy) <= 3 and all(w.failing for w in worthy)
    assert [w.failing * w.weight for w in worthy] == sorted((w.failing * w.weight for w in worthy), reverse=True)
    assert f"{worthy[0].title}: failed by {worthy[0].failing} of 3 graded learners" in text
    assert " ".join(worthy[0].example.split()) in text
    # The invalid submission with its problems, worded as the panel words them, and the skipped file.
    maria = next(e for e in book.entries if e.learner == "Maria")
    first = maria.outcome.problems[0]
    assert f"Maria Maria.csv row {first.row}, column '{first.column}':" in text
    assert "notes.txt only .csv" in text
    assert "script" not in page.tags


def test_lessons_weigh_failures_by_rule_weight(book):
    failures = rule_failures(book)
    heavy = next(f for f in failures if f.rule == "plan.cadence")  # weight 20
    light = next(f for f in failures if f.rule == "plan.bait")  # weight 4
    assert heavy.weight > light.weight
    more_light = [type(light)(light.rule, light.title, light.weight, 4, "x"),
                  type(heavy)(heavy.rule, heavy.title, heavy.weight, 1, "y")]
    # 4 x 4 = 16 against 1 x 20 = 20: the weighty rule failed by fewer still comes first.
    assert [f.rule for f in lesson_worthy(more_light)] == ["plan.cadence", "plan.bait"]


def test_the_summary_escapes_what_learners_wrote(book):
    html = summary_html(hostile_book(book))
    assert "<img" not in html and "<svg onload" not in html and "<b>copy" not in html
    assert "&lt;svg onload=alert(3)&gt;.txt" in html


@pytest.mark.skipif(shutil.which("java") is None or not (ROOT / "node_modules/vnu-jar/build/dist/vnu.jar").exists(),
                    reason="the Nu validator needs java and node_modules/vnu-jar (make test installs both)")
def test_reports_and_summary_are_valid_html(book, tmp_path):
    bad = hostile_book(book)
    write_reports(book, tmp_path / "plain")
    write_reports(bad, tmp_path / "hostile")
    write_summary(book, tmp_path / "plain")
    write_summary(bad, tmp_path / "hostile")
    pages = sorted(str(p) for p in tmp_path.rglob("*.html"))
    result = subprocess.run(["java", "-jar", str(ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"), "--errors-only",
                             *pages], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_grade_class_writes_reports_zip_and_summary_for_a_moodle_class(tmp_path, capsys):
    download = tmp_path / "download"
    for folder, sample in [("Anna Petrova_12345_assignsubmission_file_", PLAN / "reference.csv"),
                           ("Ivan Sidorov_12346_assignsubmission_file_", PLAN / "samples" / "typos.csv")]:
        (download / folder).mkdir(parents=True)
        shutil.copy(sample, download / folder / "plan.csv")
    out = tmp_path / "out"
    code = main(["grade-class", str(download), "--exercise", "coffee-shop-plan", "-o", str(out), "--quiet"])
    capsys.readouterr()
    assert code == 2  # Ivan's file cannot be graded
    assert sorted(p.name for p in (out / "reports").iterdir()) == ["Anna Petrova_12345.html", "Ivan Sidorov_12346.html"]
    with zipfile.ZipFile(out / MOODLE_ZIP) as archive:
        assert archive.namelist() == ["Anna Petrova_12345_assignsubmission_file_/feedback.html",
                                      "Ivan Sidorov_12346_assignsubmission_file_/feedback.html"]
        assert "Passed with 100/100" in archive.read(archive.namelist()[0]).decode()
    assert "Submissions: 2. Graded: 1, of which passed: 1. Could not be graded: 1." in Page(
        (out / "summary.html").read_text(encoding="utf-8")).words
