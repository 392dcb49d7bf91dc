"""Grading every question type, reading answer files, and the `smm-check quiz` CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from checker.problems import InvalidInput
from checker.quiz.answers import parse_answers
from checker.quiz.bank import load_bank
from checker.quiz.grade import STRINGS, grade_bank, grade_question, score_percent

FIXTURE = Path(__file__).parent / "fixtures" / "quiz"
BANK = load_bank("sample", FIXTURE)
Q = {q.id: q for q in BANK.questions}
# campaign-order is first shown as items 1, 3, 2, 4 (presented_order [0, 2, 1, 3]).
ALL_RIGHT = {"er-by-reach": "3", "smm-vs-smo": "1", "team-roles": "1;2", "smo-part-of-smm": "true",
             "campaign-order": "1,3,2,4"}


@pytest.mark.parametrize("qid, answer, correct, feedback", [
    ("er-by-reach", 3.0, True, "Right: 240 / 8,000 x 100 = 3%."),
    ("er-by-reach", 3.05, True, "Right: 240 / 8,000 x 100 = 3%."),  # on the tolerance edge
    ("er-by-reach", 2.94, False, "Divide engagements by reach, then multiply by 100."),
    ("er-by-reach", 0.03, False, "That is the fraction; multiply by 100 for a percentage."),
    ("smm-vs-smo", [0], True, "Yes: share buttons and widgets live on the site."),
    ("smm-vs-smo", [2], False, "That is SEO."),
    ("team-roles", [0, 1], True, "Talks with subscribers. Runs the ad campaigns."),
    ("team-roles", [0, 2], False, "Not part of an SMM team. " + STRINGS["grading"]["missed_options"]),
    ("team-roles", [0], False, STRINGS["grading"]["missed_options"]),
    ("team-roles", [0, 1, 2], False, "Not part of an SMM team."),
    ("smo-part-of-smm", True, True, "Right: SMO is one part of the SMM job."),
    ("smo-part-of-smm", False, False, "It is: SMO is the on-site part of SMM."),
    ("campaign-order", [0, 1, 2, 3], True, "Goal, plan, launch, report."),
    ("campaign-order", [1, 0, 2, 3], False, "Start from the goal; the report comes last."),
    ("campaign-order", None, False, STRINGS["grading"]["unanswered"]),
])
def test_grade_question(qid, answer, correct, feedback):
    verdict = grade_question(Q[qid], answer)
    assert (verdict.correct, verdict.feedback) == (correct, feedback)


def test_score_rounds_halves_up_with_integers():
    assert [score_percent(c, 8) for c in (0, 1, 5, 8)] == [0, 13, 63, 100]
    assert score_percent(2, 3) == 67 and score_percent(0, 0) == 0


def test_grade_bank_counts_unanswered_as_wrong():
    result = grade_bank(BANK, {"er-by-reach": 3.0, "smm-vs-smo": [0], "team-roles": [0, 1]})
    assert (result.score, result.passed, result.threshold) == (60, False, 70)
    assert [f.rule for f in result.findings][:2] == ["quiz.er-by-reach", "quiz.smm-vs-smo"]
    assert [f.status for f in result.findings] == ["pass", "pass", "pass", "fail", "fail"]


@pytest.mark.parametrize("qid, raw, expected", [
    ("smm-vs-smo", "On the brand's own website", [0]),
    ("smm-vs-smo", 2.0, [1]),
    ("team-roles", "2, 1", [0, 1]),
    ("team-roles", ["tax inspector", 1], [0, 2]),
    ("er-by-reach", " 3.0 % ", 3.0),
    ("er-by-reach", 3, 3.0),
    ("er-by-reach", "3,5", 3.5),  # a decimal comma, as every table of the course reads it
    ("smo-part-of-smm", "No", False),
    ("smo-part-of-smm", True, True),       # a workbook's or JSON's boolean
    ("smo-part-of-smm", " T ", True),
    ("campaign-order", [1, 3, 2, 4], [0, 1, 2, 3]),
    ("campaign-order", "Launch; Set the goal; Report, then adjust; Plan the content", [2, 0, 3, 1]),
    ("team-roles", "Community manager; Tax inspector", [0, 2]),
])
def test_each_type_reads_its_answers(qid, raw, expected):
    assert Q[qid].read_answer(raw) == expected


@pytest.mark.parametrize("qid, raw, message", [
    ("smm-vs-smo", "1,2", "choose exactly one option."),
    ("smm-vs-smo", "4", "there is no option 4; the options are numbered 1 to 3."),
    ("er-by-reach", "three", "'three' is not a number."),
    ("smo-part-of-smm", "maybe", "answer true or false"),
    ("campaign-order", "1,2,2,3", "give each of the 4 items exactly once"),
])
def test_unreadable_answers_say_what_to_fix(qid, raw, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        Q[qid].read_answer(raw)


def test_answer_problems_name_row_and_question():
    with pytest.raises(InvalidInput) as caught:
        parse_answers(BANK, [(2, "er-by-reach", "x"), (3, "smm-vs-smo", "1"), (4, "smm-vs-smo", "2"),
                             (5, "er-by-rech", "3")])
    assert [str(p) for p in caught.value.problems] == [
        "row 2, column 'answer': question 'er-by-reach': 'x' is not a number.",
        "row 4, column 'question': question 'smm-vs-smo' is answered twice; keep one answer.",
        "row 5, column 'question': 'er-by-rech' is not a question of the quiz 'sample'. "
        "Did you mean 'er-by-reach'?",
    ]


def test_blank_answers_are_unanswered_not_invalid():
    assert parse_answers(BANK, [(2, "er-by-reach", " "), (3, "team-roles", [])]) == {
        "er-by-reach": None, "team-roles": None}


# --- the CLI --------------------------------------------------------------------------------

@pytest.fixture
def course(monkeypatch):
    monkeypatch.setenv("SMM_COURSE_DIR", str(FIXTURE))


def write_csv(tmp_path: Path, answers: dict) -> Path:
    path = tmp_path / "answers.csv"
    lines = ["question,answer"] + [f'{k},"{v}"' for k, v in answers.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_passes_a_right_csv(course, tmp_path, capsys):
    assert main(["quiz", str(write_csv(tmp_path, ALL_RIGHT)), "--quiz", "sample"]) == 0
    assert capsys.readouterr().out.startswith("sample: PASSED with 100/100 (pass mark 70)")


def test_cli_json_shape_for_a_failing_json_file(course, tmp_path, capsys):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({**ALL_RIGHT, "er-by-reach": 0.03, "team-roles": [1, 3]}), encoding="utf-8")
    assert main(["quiz", str(path), "--quiz", "sample", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["quiz", "kind", "passed", "score", "threshold", "findings"]
    assert (out["quiz"], out["kind"], out["passed"], out["score"], out["threshold"]) == ("sample", "quiz", False, 60, 70)
    assert out["findings"][0] == {"rule": "quiz.er-by-reach", "status": "fail",
                                  "message": "That is the fraction; multiply by 100 for a percentage."}


@pytest.mark.parametrize("content, suffix", [('{"smm-vs-smo": 9}', ".json"), ("[1, 2]", ".json"),
                                             ("question,answer\nnope,1\n", ".csv"), ("q,a\nx,1\n", ".csv")])
def test_cli_invalid_input_exits_2(course, tmp_path, capsys, content, suffix):
    path = tmp_path / f"answers{suffix}"
    path.write_text(content, encoding="utf-8")
    assert main(["quiz", str(path), "--quiz", "sample", "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"] == "invalid-input"


def test_cli_names_formula_cells_with_the_other_problems(course, tmp_path, capsys):
    path = tmp_path / "answers.csv"
    path.write_text("question,answer\nsmm-vs-smo,=A1\ner-by-rech,3\n", encoding="utf-8")
    assert main(["quiz", str(path), "--quiz", "sample", "--json"]) == 2
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["row"], p["column"]) for p in problems] == [(2, "answer"), (3, "question")]
    assert "formula" in problems[0]["message"]


def test_cli_unknown_bank_exits_2(course, tmp_path, capsys):
    assert main(["quiz", str(write_csv(tmp_path, ALL_RIGHT)), "--quiz", "nope"]) == 2
    assert "there is no quiz bank 'nope'" in capsys.readouterr().err  # a usage error
