"""The replies kind: every rule passing and failing with the comment ids and the words
that triggered it, every input problem with its row and column, an XLSX answer sheet,
the command's contract, grade-class, the course data checks and the labelled corpus."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from checker.cli import main
from checker.exercises import load_exercise
from checker.kinds import Submission, exercise_kind
from checker.problems import InvalidInput

ROOT = Path(__file__).resolve().parent.parent
COFFEE = "coffee-shop-replies"
OUTAGE = "outage-replies"
COLUMNS = ["comment_id", "action", "reply", "reply_at"]


def reference(exercise_id: str) -> list[dict]:
    """The reference sheet's rows."""
    path = ROOT / "exercises" / exercise_id / "reference.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def sheet_text(rows: list[dict], columns: list[str] = COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def changed(exercise_id: str, **replies: tuple[str, str] | str) -> list[dict]:
    """The reference with some comments' replies rewritten: id=reply or id=(action, reply)."""
    rows = []
    for row in reference(exercise_id):
        change = replies.get(row["comment_id"])
        if isinstance(change, tuple):
            row = {**row, "action": change[0], "reply": change[1]}
        elif change is not None:
            row = {**row, "reply": change}
        rows.append(row)
    return rows


def grade(tmp_path, rows: list[dict], exercise_id: str = COFFEE, name: str = "sheet.csv", columns=COLUMNS):
    path = tmp_path / name
    path.write_text(sheet_text(rows, columns), encoding="utf-8")
    exercise = load_exercise(exercise_id)
    return exercise_kind("replies").grade(exercise, Submission(path)).as_dict()


def finding(result: dict, rule: str) -> dict:
    return next(f for f in result["findings"] if f["rule"] == rule)


def problems(tmp_path, rows: list[dict], columns=COLUMNS, exercise_id: str = COFFEE) -> list[tuple]:
    with pytest.raises(InvalidInput) as caught:
        grade(tmp_path, rows, exercise_id, columns=columns)
    return [(p.row, p.column, p.message) for p in caught.value.problems]


@pytest.mark.parametrize("exercise_id", [COFFEE, OUTAGE])
def test_the_reference_passes_every_rule(tmp_path, exercise_id):
    result = grade(tmp_path, reference(exercise_id), exercise_id)
    assert result["passed"] and result["score"] == 100
    assert [f["status"] for f in result["findings"]] == ["pass"] * 11
    assert all(f["comments"] == [] and f["rows"] == [] for f in result["findings"])


def test_coverage_fails_an_unanswered_complaint_a_hidden_one_and_a_reply_to_spam(tmp_path):
    rows = changed(COFFEE, c01=("hide", ""), c04=("ignore", ""), c07=("reply", "No thanks, we grow honestly."))
    got = finding(grade(tmp_path, rows), "replies.coverage")
    assert (got["status"], got["comments"], got["rows"]) == ("fail", ["c01", "c04", "c07"], [2, 5, 8])
    assert "c01 (complaint-our-fault) is hidden instead of answered" in got["message"]
    assert "c04 (question) is left unanswered" in got["message"]
    assert "c07 (spam) gets a reply" in got["message"]


def test_coverage_reads_a_comment_missing_from_the_sheet_as_ignored(tmp_path):
    rows = [row for row in reference(COFFEE) if row["comment_id"] not in ("c03", "c08")]
    got = finding(grade(tmp_path, rows), "replies.coverage")
    assert (got["status"], got["comments"], got["rows"]) == ("fail", ["c03"], [])
    # c03 earns nothing anywhere: 1/9 of coverage (15), 1/4 of acknowledge (12), 1/6 of
    # next-step (10), 1/7 of tone, personal, privacy, honesty and length (12+7+8+5+5).
    assert grade(tmp_path, rows)["score"] == pytest.approx(100 - 15 / 9 - 12 / 4 - 10 / 6 - 37 / 7, abs=0.05)
    got = finding(grade(tmp_path, rows), "replies.acknowledge")
    assert (got["status"], got["comments"]) == ("warn", ["c03"])
    assert got["message"] == "c03 has no reply to judge here, so earn nothing (see replies.coverage)."


def test_speed_fails_a_late_complaint_and_warns_a_late_answer_to_a_question(tmp_path):
    rows = reference(COFFEE)
    rows[0] = {**rows[0], "reply_at": "2026-11-28 10:13"}  # c01 posted 09:12: 61 minutes
    got = finding(grade(tmp_path, rows), "replies.speed")
    assert (got["status"], got["comments"], got["rows"]) == ("fail", ["c01"], [2])
    assert "c01 (row 2) is answered after 1 h 1 min; a complaint should come within 1 h" in got["message"]
    rows = reference(COFFEE)
    rows[3] = {**rows[3], "reply_at": "29.11.2026 10:30"}  # dotted, exactly on time
    rows[4] = {**rows[4], "reply_at": "2026-11-30 11:03"}  # c05 praise: a day and a minute
    got = finding(grade(tmp_path, rows), "replies.speed")
    assert (got["status"], got["comments"]) == ("warn", ["c05"])


def test_speed_is_not_judged_without_times(tmp_path):
    rows = [{**row, "reply_at": ""} for row in reference(COFFEE)]
    got = finding(grade(tmp_path, rows, columns=COLUMNS[:3]), "replies.speed")
    assert got["status"] == "pass" and "not judged" in got["message"]


def test_acknowledge_quotes_the_vague_words_of_a_reply_that_names_no_problem(tmp_path):
    rows = changed(COFFEE, c01="Marina, we apologise for any inconvenience. Please message us.",
                   c03="Olga, thank you for your comment! We've put up a sign.")
    got = finding(grade(tmp_path, rows), "replies.acknowledge")
    assert (got["status"], got["comments"], got["rows"]) == ("fail", ["c01", "c03"], [2, 4])
    assert "c01 (row 2) says only 'any inconvenience'" in got["message"]
    assert "c03 (row 4) does not name the problem" in got["message"]


def test_acknowledge_reads_russian_word_forms(tmp_path):
    rows = changed(COFFEE, c01="Марина, простите: холодные латте после 40 минут ожидания — наша ошибка. Напишите нам.")
    assert finding(grade(tmp_path, rows), "replies.acknowledge")["status"] == "pass"


def test_apology_is_owed_where_the_business_was_at_fault_and_never_taken_back(tmp_path):
    rows = changed(COFFEE, c01="Marina, 40 minutes for two cold lattes is too long. Message us, please.",
                   c03="Olga, sorry you feel that way about the roadworks. The entrance is through the arch.",
                   c09=("reply-and-message", "Екатерина, извините, если кружка в подарочном наборе вас "
                                             "расстроила. Написали вам в личные сообщения."))
    got = finding(grade(tmp_path, rows), "replies.apology")
    assert (got["status"], got["comments"], got["rows"]) == ("fail", ["c01", "c03", "c09"], [2, 4, 10])
    assert "c01 (row 2) does not apologise, though the business was at fault" in got["message"]
    assert "c03 (row 4): 'sorry you feel that way' is a non-apology" in got["message"]
    assert "c09 (row 10): 'извините, если' is a non-apology" in got["message"]


def test_a_refused_apology_is_no_apology(tmp_path):
    rows = changed(COFFEE, c01="Marina, we won't apologise for a busy Saturday with 40 minutes for cold lattes. "
                               "Message us.")
    got = finding(grade(tmp_path, rows), "replies.apology")
    assert (got["status"], got["comments"]) == ("fail", ["c01"])


def test_next_step_fails_sympathy_alone(tmp_path):
    rows = changed(OUTAGE, o10="Daniel, good question, and a fair one.",
                   o05="@kurierly_exposed, there was no hack, and no card data leaked.")
    got = finding(grade(tmp_path, rows, OUTAGE), "replies.next-step")
    assert (got["status"], got["comments"], got["rows"]) == ("fail", ["o05", "o10"], [6, 11])
    assert "o10 (row 11) offers no next step ('Daniel, good question, and a fair one.')" in got["message"]


def test_offline_names_the_complex_words_of_a_complaint_left_in_public(tmp_path):
    rows = changed(COFFEE, c02=("reply", "Ilya, being charged twice for one order is our fault, and I'm sorry. "
                                         "We'll return the second charge today."))
    got = finding(grade(tmp_path, rows), "replies.offline")
    assert (got["status"], got["comments"], got["rows"]) == ("fail", ["c02"], [3])
    assert "c02 (row 3) is about 'charged', 'twice' but stays in public" in got["message"]
    rows = changed(COFFEE, c02=("reply-and-message", rows[1]["reply"]))  # the action alone moves it
    assert finding(grade(tmp_path, rows), "replies.offline")["status"] == "pass"


def test_tone_quotes_blame_arguing_threats_and_shouting(tmp_path):
    rows = changed(COFFEE, c03="Olga, you should have checked the map, as clearly stated in our post. "
                               "The entrance is through the arch.",
                   c06="@coffee_truth_kzn, that's a lie. We roast only ARABICA, FULL STOP!!! Post it again and "
                       "we'll delete your comment. The link to the tour is in our menu.")
    got = finding(grade(tmp_path, rows), "replies.tone")
    assert (got["status"], got["comments"], got["rows"]) == ("fail", ["c03", "c06"], [4, 7])
    assert "'you should have' reads as blaming the customer" in got["message"]
    assert "'that's a lie' reads as arguing with the customer" in got["message"]
    assert "'we'll delete' reads as a threat to delete, ban or sue" in got["message"]
    assert "'ARABICA FULL STOP !!!' reads as shouting" in got["message"]


def test_tone_lets_a_negated_threat_and_acronyms_pass(tmp_path):
    rows = changed(COFFEE, c03="Olga, we never delete criticism. The roadworks hide our entrance; the way in is "
                               "through the arch, and the VK community has a map.")
    assert finding(grade(tmp_path, rows), "replies.tone")["status"] == "pass"


def test_personal_fails_a_pasted_template_and_warns_a_reply_to_nobody(tmp_path):
    rows = changed(OUTAGE, o06=reference(OUTAGE)[4]["reply"].replace("@kurierly_exposed", "@truthdelivery22"),
                   o10="Yes: orders placed before the app went down will arrive tonight, up to two hours late.")
    got = finding(grade(tmp_path, rows, OUTAGE), "replies.personal")
    assert (got["status"], got["comments"], got["rows"]) == ("fail", ["o05", "o06", "o10"], [6, 7, 11])
    assert "o06 (row 7) repeats the reply to o05 ('@truthdelivery22, there was no hack:" in got["message"]
    assert "o10 (row 11) does not address Daniel Ortiz by name" in got["message"]


def test_personal_finds_a_russian_name_in_another_case(tmp_path):
    rows = changed(COFFEE, c04="Спасибо за вопрос, Тимуру отвечаем: да, есть овсяное молоко.")
    result = grade(tmp_path, rows)
    assert finding(result, "replies.personal")["comments"] == ["c04"]  # Timur in Latin letters: not his name
    rows = changed(COFFEE, c01=reference(COFFEE)[0]["reply"].replace("Marina", "Марине"))
    assert finding(grade(tmp_path, rows), "replies.personal")["comments"] == ["c01"]


def test_privacy_quotes_personal_data_and_allows_the_business_contacts(tmp_path):
    rows = changed(COFFEE, c02="Ilya, sorry: order #58213 was charged twice; we'll refund the card ending 4417.",
                   c09="Ekaterina, sorry about the cracked mug! The courier will call you on +7 917 555-12-34; "
                       "or call us on +7 843 200-12-34.")
    got = finding(grade(tmp_path, rows), "replies.privacy")
    assert (got["status"], got["comments"], got["rows"]) == ("fail", ["c02", "c09"], [3, 10])
    assert "'order #58213' (an order or booking number), 'card ending 4417' (card digits)" in got["message"]
    assert "'+7 917 555-12-34' (a phone number)" in got["message"]
    assert "843" not in got["message"]


def test_honesty_is_critical_and_quotes_the_trade_and_the_fake_voice(tmp_path):
    rows = changed(COFFEE, c01="Marina, sorry about the cold lattes. Delete your review and we'll give you a free "
                               "coffee.",
                   c05="Alsu, thank you! As a regular customer myself, I can say the raf is the best in Kazan.")
    result = grade(tmp_path, rows)
    got = finding(result, "replies.honesty")
    assert (got["status"], got["comments"], got["rows"]) == ("fail", ["c01", "c05"], [2, 6])
    assert "'Delete your review' with 'free' trades a reward for the review" in got["message"]
    assert "'As a regular customer' reads as the business speaking as a customer" in got["message"]
    assert result["score"] >= 70 and not result["passed"]


def test_honesty_lets_a_promise_never_to_ask_for_deletion_pass(tmp_path):
    rows = changed(COFFEE, c01=reference(COFFEE)[0]["reply"] + " We'll never ask you to delete your review for a "
                                                                "free coffee.")
    assert finding(grade(tmp_path, rows), "replies.honesty")["status"] == "pass"


def test_length_warns_a_long_reply_and_fails_one_past_the_platform_maximum(tmp_path):
    rows = changed(OUTAGE, o03="@jules_m, " + "it's everywhere, sorry. " * 11 + "https://status.kurierly.example",
                   o09="Marta, " + "thank you so much for the kind words about our courier. " * 9)
    got = finding(grade(tmp_path, rows, OUTAGE), "replies.length")
    assert (got["status"], got["comments"], got["rows"]) == ("fail", ["o03", "o09"], [4, 10])
    assert "o03 (row 4) runs to 305 characters on X, past the maximum of 280" in got["message"]
    assert "o09 (row 10) runs to 510 characters on Facebook, past the 500" in got["message"]


def test_partial_credit_counts_each_reply(tmp_path):
    rows = changed(COFFEE, c06="@coffee_truth_kzn, we roast only arabica, and every bag carries its farm.")
    result = grade(tmp_path, rows)
    # next-step judges c01-c04, c06 and c09: one of six fails, so 5/6 of its weight of 10 in 100.
    assert result["score"] == pytest.approx(100 - 10 / 6, abs=0.05)


@pytest.mark.parametrize("rows, expected", [
    ([{"comment_id": "c99", "action": "reply", "reply": "Hi", "reply_at": ""}],
     [(2, "comment_id", "there is no comment 'c99' in this exercise.")]),
    ([{"comment_id": "c01", "action": "reply", "reply": "Hi Marina", "reply_at": ""},
      {"comment_id": "C01", "action": "reply", "reply": "Again", "reply_at": ""}],
     [(3, "comment_id", "comment 'c01' is already answered on row 2; one row per comment.")]),
    ([{"comment_id": "c01", "action": "reply-and-message", "reply": "", "reply_at": ""}],
     [(2, "reply", "the action is reply-and-message but the reply is empty")]),
    ([{"comment_id": "c07", "action": "hide", "reply": "Bye, spammer", "reply_at": ""}],
     [(2, "reply", "the action is hide, which posts nothing, but a reply is written")]),
    ([{"comment_id": "c01", "action": "answr", "reply": "Hi", "reply_at": ""}],
     [(2, "action", "'answr' is not an action. Did you mean 'answer'?")]),
    ([{"comment_id": "c01", "action": "reply", "reply": "Hi", "reply_at": "Saturday at ten"}],
     [(2, "reply_at", "cannot read 'Saturday at ten' as a time")]),
    ([{"comment_id": "c01", "action": "reply", "reply": "Hi", "reply_at": "2026-11-28 09:00"}],
     [(2, "reply_at", "the reply (2026-11-28 09:00) comes before the comment (2026-11-28 09:12)")]),
    ([{"comment_id": "", "action": "reply", "reply": "Hi", "reply_at": ""}],
     [(2, "comment_id", "this cell is empty")]),
])
def test_each_input_problem_is_named_with_its_row_and_column(tmp_path, rows, expected):
    got = problems(tmp_path, rows)
    assert [(row, column) for row, column, _ in got] == [(row, column) for row, column, _ in expected]
    for (_, _, message), (_, _, part) in zip(got, expected):
        assert part in message


def test_every_problem_of_a_sheet_is_reported_at_once_with_a_missing_column(tmp_path):
    got = problems(tmp_path, [{"comment_id": "c01", "reply": "Hi"}], columns=["comment_id", "answer_text"])
    assert got == [(1, "reply", "required column 'reply' is missing from the header row.")]


def test_a_blank_action_means_reply_or_ignore_and_headers_may_be_spelt_otherwise(tmp_path):
    rows = [{"ID": row["comment_id"], "Ответ": row["reply"], "Действие": "" if row["action"] in ("reply", "ignore")
             else row["action"], "Replied at": row["reply_at"]} for row in reference(COFFEE)]
    result = grade(tmp_path, rows, columns=["ID", "Ответ", "Действие", "Replied at"])
    assert result["passed"] and result["score"] == 100


def test_an_xlsx_sheet_with_real_times_grades_like_the_csv(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    from datetime import datetime
    for row in changed(COFFEE, c04=("ignore", "")):
        when = datetime.strptime(row["reply_at"], "%Y-%m-%d %H:%M") if row["reply_at"] and row["reply"] else None
        sheet.append([row["comment_id"], row["action"], row["reply"] or None, when])
    book.save(tmp_path / "sheet.xlsx")
    exercise = load_exercise(COFFEE)
    from_xlsx = exercise_kind("replies").grade(exercise, Submission(tmp_path / "sheet.xlsx")).as_dict()
    rows = [{**row, "reply_at": row["reply_at"] if row["reply"] else ""} for row in changed(COFFEE, c04=("ignore", ""))]
    assert from_xlsx == grade(tmp_path, rows)
    assert finding(from_xlsx, "replies.coverage")["comments"] == ["c04"]


def test_the_starter_workbook_grades_as_a_sheet_of_unanswered_comments():
    exercise = load_exercise(COFFEE)
    result = exercise_kind("replies").grade(exercise, Submission(exercise.file("starter.xlsx"))).as_dict()
    got = finding(result, "replies.coverage")
    assert (got["status"], got["comments"]) == ("fail", ["c01", "c02", "c03", "c04", "c06", "c09"])
    # Only the rules nothing is missing from earn anything: speed (no times) and coverage's 3/9.
    assert result["score"] == pytest.approx(8 + 15 / 3, abs=0.05) and not result["passed"]


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_the_command_prints_json_with_comment_ids_and_exits_1_when_not_passed(capsys):
    sample = ROOT / "exercises" / COFFEE / "samples" / "honesty.csv"
    code, out = run(capsys, "replies", str(sample), "--exercise", COFFEE, "--json")
    result = json.loads(out)
    assert code == 1 and result["kind"] == "replies" and not result["passed"]
    assert list(result["findings"][0]) == ["rule", "status", "message", "rows", "comments"]
    code, out = run(capsys, "replies", str(ROOT / "exercises" / COFFEE / "reference.csv"), "--exercise", COFFEE)
    assert code == 0 and out.startswith("coffee-shop-replies: PASSED with 100/100")


def test_the_command_exits_2_for_invalid_input_and_for_another_kind_of_exercise(capsys):
    sample = ROOT / "exercises" / OUTAGE / "samples" / "invalid.csv"
    code, out = run(capsys, "replies", str(sample), "--exercise", OUTAGE, "--json")
    assert code == 2 and json.loads(out)["error"] == "invalid-input"
    code, _ = run(capsys, "replies", str(sample), "--exercise", "coffee-shop-plan")
    assert code == 2


def test_grade_class_grades_a_class_of_reply_sheets_as_the_command_does(capsys, tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    samples = ROOT / "exercises" / COFFEE / "samples"
    shutil.copy(ROOT / "exercises" / COFFEE / "reference.csv", folder / "Ana Silva.csv")
    shutil.copy(samples / "honesty.csv", folder / "Ivan Petrov.csv")
    shutil.copy(samples / "workbook.xlsx", folder / "Li Wei.xlsx")
    shutil.copy(samples / "invalid.csv", folder / "Maria.csv")
    code, out = run(capsys, "grade-class", str(folder), "--exercise", COFFEE, "--json")
    book = json.loads(out)
    assert code == 2 and book["kind"] == "replies"
    learners = {entry["learner"]: entry for entry in book["learners"]}
    for learner, file in [("Ana Silva", "Ana Silva.csv"), ("Ivan Petrov", "Ivan Petrov.csv"), ("Li Wei", "Li Wei.xlsx")]:
        _, single = run(capsys, "replies", str(folder / file), "--exercise", COFFEE, "--json")
        single = json.loads(single)
        assert (learners[learner]["score"], learners[learner]["findings"]) == (single["score"], single["findings"])
    assert learners["Ana Silva"]["passed"] and not learners["Ivan Petrov"]["passed"]
    assert learners["Maria"]["status"] == "invalid" and len(learners["Maria"]["problems"]) == 5


def test_validate_names_a_broken_comments_file_with_its_row(tmp_path, monkeypatch, capsys):
    course = tmp_path / "course"
    shutil.copytree(ROOT / "exercises" / COFFEE, course / "exercises" / COFFEE)
    comments = course / "exercises" / COFFEE / "comments.csv"
    comments.write_text(comments.read_text(encoding="utf-8").replace(",troll\n", ",trolling\n")
                        .replace("2026-11-29 10:30", "Sunday"), encoding="utf-8")
    exercise = load_exercise(COFFEE, course)
    assert exercise_kind("replies").settings_problems(exercise) == [
        f"exercises/{COFFEE}/exercise.toml: comments.csv: row 5, column 'posted_at': cannot read 'Sunday'; "
        "write a date and a time, such as 2026-11-02 09:14.",
        f"exercises/{COFFEE}/exercise.toml: comments.csv: row 9, column 'situation': 'trolling' is not a "
        "situation; the situations are complaint-our-fault, complaint-not-our-fault, question, praise, troll, "
        "spam, black-pr.",
    ]


def test_the_data_checks_name_a_rule_without_a_weight(monkeypatch):
    from checker.replies import data_checks
    from checker.replies.settings import RUBRIC_FILE

    original = data_checks.load

    def without_length(name):
        data = original(name)
        if name == RUBRIC_FILE:
            data = {**data, "weights": {k: v for k, v in data["weights"].items() if k != "replies.length"}}
        return data

    monkeypatch.setattr(data_checks, "load", without_length)
    assert data_checks.replies_data_problems() == [
        "replies_rubric.toml: [weights] has no weight for rule replies.length."]


def test_the_labelled_corpus_agrees_with_every_rule_at_least_90_percent():
    spec = importlib.util.spec_from_file_location("replies_corpus", ROOT / "bench" / "replies_corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    rows = corpus.read_corpus()
    assert len(rows) >= 200
    counts, _ = corpus.agreement(rows)
    for rule_id in exercise_kind("replies").check.__globals__["RULES"]:
        agree, total = counts[(rule_id, "all")]
        assert total >= 10 and agree / total >= corpus.TARGET, rule_id
    labels = {row["expected"] for row in rows}
    assert {"pass", "fail"} <= labels


@pytest.mark.parametrize("sample", ["reference.csv", "samples/privacy.csv", "samples/workbook.xlsx",
                                    "samples/invalid.csv"])
def test_the_browser_entry_point_returns_the_commands_json(capsys, sample):
    from checker.browser import grade as browser_grade

    path = ROOT / "exercises" / OUTAGE / sample
    _, out = run(capsys, "replies", str(path), "--exercise", OUTAGE, "--json")
    assert browser_grade("replies", OUTAGE, path.name, path.read_bytes()) == json.loads(out)


def test_the_rubric_page_lists_every_rule_with_its_weight_and_the_platform_limits():
    exercise = load_exercise(OUTAGE)
    lines = exercise_kind("replies").rubric(exercise, lambda path: f"../../{path}")
    rows = [line for line in lines if line.startswith("| `replies.")]
    assert [row.split("`")[1] for row in rows] == list(exercise_kind("replies").rules(exercise))
    honesty = next(row for row in rows if row.startswith("| `replies.honesty`"))
    assert honesty.startswith("| `replies.honesty`<br>No reviews bought back, no fake customer voices |")
    assert honesty.endswith("**Critical:** failing it fails the sheet. | 5% |")
    assert any(line.startswith("| X | 240 characters | 280 characters (X Help Center") for line in lines)
    assert "[the negative-feedback lesson](../../strategy/negative-feedback.md)" in lines[0]


def test_an_exercise_may_reweigh_rules_but_not_name_one_that_does_not_exist(tmp_path):
    course = tmp_path / "course"
    shutil.copytree(ROOT / "exercises" / COFFEE, course / "exercises" / COFFEE)
    toml = course / "exercises" / COFFEE / "exercise.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[rubric.weights]\n"replies.length" = 0\n', encoding="utf-8")
    exercise = load_exercise(COFFEE, course)
    assert exercise_kind("replies").rules(exercise)["replies.length"].weight == 0
    assert exercise_kind("replies").settings_problems(exercise) == []
    toml.write_text(toml.read_text(encoding="utf-8") + '"replies.speling" = 5\n', encoding="utf-8")
    (problem,) = exercise_kind("replies").settings_problems(load_exercise(COFFEE, course))
    assert problem.endswith("replies.speling is not one.")
