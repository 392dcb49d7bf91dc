"""Quiz bank loading and validation: every authoring mistake names its file and question."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import markdown
import pytest

from checker.quiz.bank import BankError, UnknownBank, list_banks, load_bank, load_bank_file
from checker.site.lesson_links import LessonLinks, heading_anchors

FIXTURE = Path(__file__).parent / "fixtures" / "quiz"
LESSON = "lessons/basics.md#engagement-rate-by-reach"


def write_bank(tmp_path: Path, body: str, name: str = "broken") -> Path:
    """A bank file whose lesson links resolve against the fixture docs."""
    path = tmp_path / f"{name}.toml"
    path.write_text('title = "T"\n' + textwrap.dedent(body), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(BankError) as caught:
        load_bank_file(path, LessonLinks(FIXTURE / "docs").check, display=f"quizzes/{path.name}")
    return [str(p) for p in caught.value.problems]


SINGLE = f"""
[[question]]
id = "q1"
type = "single"
prompt = "Which?"
lesson = "{LESSON}"
  [[question.option]]
  text = "A"
  {{a}}
  feedback = "fa"
  [[question.option]]
  text = "B"
  {{b}}
  feedback = "fb"
"""

NUMERIC = f"""
[[question]]
id = "n1"
type = "numeric"
prompt = "How much?"
lesson = "{LESSON}"
answer = 3.0
tolerance = {{tolerance}}
correct_feedback = "yes"
wrong_feedback = "no"
{{extra}}
"""


def test_fixture_bank_loads_every_type():
    bank = load_bank("sample", FIXTURE)
    assert [q.type for q in bank.questions] == ["numeric", "single", "multiple", "true-false", "ordering"]
    assert bank.shuffle is True and bank.pass_mark == 70
    assert bank.question("er-by-reach").mistakes[0].value == 0.03


@pytest.mark.parametrize("a, b, count", [("", "", 0), ("correct = true", "correct = true", 2)])
def test_single_needs_exactly_one_correct(tmp_path, a, b, count):
    found = problems_of(write_bank(tmp_path, SINGLE.format(a=a, b=b)))
    assert found == [f"quizzes/broken.toml, question 'q1': a single-choice question needs exactly one "
                     f"correct option; this one has {count}."]


def test_multiple_needs_a_correct_option(tmp_path):
    body = SINGLE.format(a="", b="").replace('"single"', '"multiple"')
    assert problems_of(write_bank(tmp_path, body)) == [
        "quizzes/broken.toml, question 'q1': no option is marked correct = true."]


def test_negative_tolerance_is_refused(tmp_path):
    found = problems_of(write_bank(tmp_path, NUMERIC.format(tolerance=-0.1, extra="")))
    assert len(found) == 1 and found[0].startswith("quizzes/broken.toml, question 'n1': the tolerance is -0.1")


def test_mistake_inside_the_tolerance_is_refused(tmp_path):
    extra = '  [[question.mistake]]\n  value = 3.04\n  feedback = "close"'
    found = problems_of(write_bank(tmp_path, NUMERIC.format(tolerance=0.05, extra=extra)))
    assert found == ["quizzes/broken.toml, question 'n1': mistake 1 (3.04) lies within the tolerance 0.05 "
                     "of the answer 3.0, so it would be graded correct."]


@pytest.mark.parametrize("link, fragment", [
    ("lessons/missing.md#x", "there is no docs/lessons/missing.md"),
    ("lessons/basics.md#not-a-heading-inside-a-code-fence", "has no heading with the anchor"),
    ("lessons/basics.md", "needs a #anchor"),
    ("../outside.md#x", "must be a path under docs/"),
])
def test_dead_lesson_links_are_refused(tmp_path, link, fragment):
    body = NUMERIC.format(tolerance=0.05, extra="").replace(LESSON, link)
    found = problems_of(write_bank(tmp_path, body))
    assert len(found) == 1 and found[0].startswith("quizzes/broken.toml, question 'n1': lesson")
    assert fragment in found[0]


def test_the_grader_leaves_lesson_links_to_the_site(tmp_path):
    """The grading core reads no lessons: a dead link loads until the site's check is handed in."""
    path = write_bank(tmp_path, NUMERIC.format(tolerance=0.05, extra="").replace(LESSON, "lessons/missing.md#x"))
    assert load_bank_file(path).question("n1").lesson == "lessons/missing.md#x"
    assert problems_of(path) == ["quizzes/broken.toml, question 'n1': lesson 'lessons/missing.md#x' is a dead "
                                 "link: there is no docs/lessons/missing.md."]


def test_duplicate_ids_are_refused(tmp_path):
    body = NUMERIC.format(tolerance=0.05, extra="") * 2
    assert problems_of(write_bank(tmp_path, body)) == [
        "quizzes/broken.toml, question 'n1': this id is used by an earlier question; ids must be unique."]


def test_unknown_type_and_keys_are_refused(tmp_path):
    body = NUMERIC.format(tolerance=0.05, extra='hint = "x"') + NUMERIC.format(
        tolerance=0.05, extra="").replace('"n1"', '"n2"').replace('"numeric"', '"numerik"')
    found = problems_of(write_bank(tmp_path, body))
    assert found[0].startswith("quizzes/broken.toml, question 'n1': the question has an unknown key 'hint'")
    assert found[1].startswith("quizzes/broken.toml, question 'n2': unknown type 'numerik'")
    assert "Did you mean 'numeric'?" in found[1]


def test_every_problem_is_reported_at_once(tmp_path):
    body = SINGLE.format(a="", b="") + NUMERIC.format(tolerance=-1, extra="")
    found = problems_of(write_bank(tmp_path, body))
    assert [f.split(":")[0] for f in found] == ["quizzes/broken.toml, question 'q1'",
                                                "quizzes/broken.toml, question 'n1'"]


def test_broken_toml_names_the_file_and_line(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('title = "T"\n[[question]\n', encoding="utf-8")
    found = problems_of(path)
    assert len(found) == 1 and found[0].startswith("quizzes/bad.toml: not valid TOML") and "line 2" in found[0]


def test_unknown_bank_lists_the_banks():
    with pytest.raises(UnknownBank, match="the banks are: sample. Did you mean 'sample'"):
        load_bank("sampel", FIXTURE)
    assert list_banks(FIXTURE) == ["sample"]


def test_anchors_match_what_mkdocs_toc_generates():
    text = (FIXTURE / "docs" / "lessons" / "basics.md").read_text(encoding="utf-8")
    body = text.split("---", 2)[2]
    html = markdown.markdown(body, extensions=["toc", "attr_list", "fenced_code"])
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert ids <= heading_anchors(text)
    assert "not-a-heading-inside-a-code-fence" not in heading_anchors(text)


def test_course_banks_are_valid(root):
    """The real banks: the same validation `mkdocs build` runs, lesson links included."""
    for bank_id in list_banks(root):
        assert load_bank(bank_id, root, lesson_check=LessonLinks(root / "docs").check).questions
