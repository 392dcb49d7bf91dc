"""The quiz widget and the progress page in a real browser: answering by mouse and by
keyboard alone, results kept across reloads and instant navigation, export / erase /
import of progress, and no axe-core violations."""

from __future__ import annotations

import json

import pytest

from checker.quiz.bank import load_bank
from checker.quiz.grade import STRINGS, grade_question
from conftest import assert_same_document, open_for_instant_navigation

pytestmark = pytest.mark.browser
S = STRINGS["quiz"]


def right_answer(question):
    """The canonical correct answer of a question."""
    if question.type in ("single", "multiple"):
        return [i for i, o in enumerate(question.options) if o.correct]
    if question.type == "ordering":
        return list(range(len(question.items)))
    return question.answer


def wrong_answer(question):
    """A canonical wrong answer (used for the first question, so the score is not 100)."""
    if question.type in ("single", "multiple"):
        return [next(i for i, o in enumerate(question.options) if not o.correct)]
    if question.type == "true-false":
        return not question.answer
    if question.type == "numeric":
        return question.answer + question.tolerance + 1000
    return list(reversed(range(len(question.items))))


def fieldset(page, bank, question):
    return page.locator(f"#smm-{bank.id}-{question.id}")


def answer_by_mouse(page, bank, question, answer):
    box = fieldset(page, bank, question)
    if question.type in ("single", "multiple"):
        for index in answer:
            box.locator(f"label[for='smm-{bank.id}-{question.id}-{index}']").click()
    elif question.type == "true-false":
        box.locator(f"label[for='smm-{bank.id}-{question.id}-{'true' if answer else 'false'}']").click()
    elif question.type == "numeric":
        box.locator("input").click()
        box.locator("input").fill(str(answer))
    else:
        # Drag each item, in answer order, to the end of the list.
        for index in answer:
            last = box.locator("li").last
            box.locator(f"li[data-index='{index}'] .smm-item").drag_to(
                last, target_position={"x": 5, "y": last.bounding_box()["height"] - 3})
        order = [int(x) for x in box.locator("li").evaluate_all("els => els.map(e => e.dataset.index)")]
        assert order == answer
    box.locator(".smm-check").click()


def tab_to(page, selector: str, limit: int = 400):
    """Press Tab, or Shift+Tab when the target lies before the focus, until the focused
    element matches ``selector``."""
    key = page.evaluate("""s => {
        const target = document.querySelector(s), active = document.activeElement;
        return !active || active === document.body ||
            (active.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING) ? "Tab" : "Shift+Tab";
    }""", selector)
    for _ in range(limit):
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press(key)
    raise AssertionError(f"keyboard focus never reached {selector}")


def answer_by_keyboard(page, bank, question, answer):
    base = f"#smm-{bank.id}-{question.id}"
    if question.type in ("single", "true-false"):
        wanted = str(answer[0]) if question.type == "single" else ("true" if answer else "false")
        tab_to(page, f"{base} input")
        page.keyboard.press("Space")
        for _ in range(page.locator(f"{base} input").count() + 1):
            if page.locator(f"{base} input:checked").get_attribute("value") == wanted:
                break
            page.keyboard.press("ArrowDown")
    elif question.type == "multiple":
        for index in answer:
            tab_to(page, f"{base}-{index}")
            page.keyboard.press("Space")
    elif question.type == "numeric":
        tab_to(page, f"{base}-input")
        page.keyboard.type(str(answer))
    else:
        for position, index in enumerate(answer):
            items = page.locator(f"{base} li").evaluate_all("els => els.map(e => +e.dataset.index)")
            steps = items.index(index) - position
            if steps:
                tab_to(page, f"{base} li[data-index='{index}'] .smm-up")
                for _ in range(steps):
                    page.keyboard.press("Enter")
    tab_to(page, f"{base} .smm-check")
    page.keyboard.press("Enter")


def expected_feedback(question, answer) -> str:
    verdict = grade_question(question, answer)
    return f"{S['correct'] if verdict.correct else S['wrong']} {verdict.feedback}"


def test_answer_by_mouse_then_reload_keeps_the_result(page, site_url, root):
    bank = load_bank("profession", root)
    page.goto(site_url + "profession/quiz/")
    answers = {q.id: wrong_answer(q) if n == 0 else right_answer(q) for n, q in enumerate(bank.questions)}
    for question in bank.questions:
        answer_by_mouse(page, bank, question, answers[question.id])
        # The widget's words are the CLI's words (checker.quiz.grade).
        assert fieldset(page, bank, question).locator(".smm-feedback").inner_text() == \
            expected_feedback(question, answers[question.id])
    total = len(bank.questions)
    score = (200 * (total - 1) + total) // (2 * total)
    expected = S["score"].format(score=score, correct=total - 1, total=total, pass_mark=70)
    assert page.locator(".smm-score").inner_text().startswith(expected)
    page.reload()
    assert page.locator(".smm-score").inner_text().startswith(expected)
    assert f"{score}/100" in page.locator(".smm-quiz-best").inner_text()
    first = bank.questions[0]
    assert fieldset(page, bank, first).locator(".smm-feedback").inner_text() == expected_feedback(first, answers[first.id])
    # Retry clears the attempt but keeps the best score.
    page.locator(".smm-retry").click()
    assert page.locator(".smm-feedback.smm-wrong, .smm-feedback.smm-correct").count() == 0
    page.reload()
    assert page.locator(".smm-score").inner_text() == ""
    assert f"{score}/100" in page.locator(".smm-quiz-best").inner_text()


def test_answer_by_keyboard_alone(page, site_url, root):
    bank = load_bank("platforms", root)
    page.goto(site_url + "platforms/quiz/")
    for question in bank.questions:
        answer_by_keyboard(page, bank, question, right_answer(question))
        feedback = fieldset(page, bank, question).locator(".smm-feedback")
        assert feedback.inner_text() == expected_feedback(question, right_answer(question))
    assert page.locator(".smm-score").inner_text().startswith(S["score"].format(
        score=100, correct=len(bank.questions), total=len(bank.questions), pass_mark=70))
    page.reload()
    assert "100/100" in page.locator(".smm-quiz-best").inner_text()


def test_instant_navigation_back_and_forward(page, site_url, root):
    bank = load_bank("kpis", root)
    question = bank.questions[0]
    open_for_instant_navigation(page, site_url + "progress/")
    page.get_by_role("link", name=bank.title).click()
    page.wait_for_url("**/kpis/quiz/")
    assert_same_document(page)
    answer_by_mouse(page, bank, question, right_answer(question))
    assert fieldset(page, bank, question).locator(".smm-feedback").inner_text() == \
        expected_feedback(question, right_answer(question))
    page.go_back()
    page.wait_for_url("**/progress/")
    assert page.locator('[data-progress-status="kpis"]').inner_text() == STRINGS["progress"]["not_started"]
    page.go_forward()
    page.wait_for_url("**/kpis/quiz/")
    assert_same_document(page)
    assert fieldset(page, bank, question).locator(".smm-feedback").inner_text() == \
        expected_feedback(question, right_answer(question))
    # The next question still works after the round trip.
    second = bank.questions[1]
    answer_by_mouse(page, bank, second, right_answer(second))
    assert fieldset(page, bank, second).locator(".smm-feedback.smm-correct").count() == 1


def test_export_erase_import_restores_progress(page, site_url, tmp_path):
    p = STRINGS["progress"]
    page.goto(site_url + "progress/")
    page.evaluate("""() => localStorage.setItem('smm-quiz:v1:kpis',
        JSON.stringify({attempt: {}, best: {score: 88, date: '2026-11-20'}}))""")
    page.reload()
    best = page.locator('[data-progress-best="kpis"]')
    status = page.locator('[data-progress-status="kpis"]')
    assert (best.inner_text(), status.inner_text()) == ("88/100", f"✓ {p['passed']}")
    with page.expect_download() as download:
        page.get_by_role("button", name=p["export"]).click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["format"] == "smm-course-progress" and exported["quizzes"]["kpis"]["best"]["score"] == 88

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=p["erase"]).click()
    assert (best.inner_text(), status.inner_text()) == ("–", p["not_started"])
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('smm-quiz:'))") == []

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    for path, message in ((bad, p["import_failed"]), (saved, p["imported"].format(count=1))):
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name=p["import"]).click()
        chooser.value.set_files(str(path))
        page.locator(".smm-progress-status", has_text=message).wait_for()
    assert (best.inner_text(), status.inner_text()) == ("88/100", f"✓ {p['passed']}")
    page.reload()
    assert best.inner_text() == "88/100"


def test_quiz_and_progress_pages_have_no_axe_violations(page, site_url, root, axe):
    bank = load_bank("kpis", root)
    page.goto(site_url + "kpis/quiz/")
    for question in bank.questions[:3]:
        answer_by_mouse(page, bank, question, wrong_answer(question))
    # A pointer left over a link shows its hover colour, which is the theme's, not ours.
    page.mouse.move(0, 0)
    assert axe(page) == []
    page.goto(site_url + "progress/")
    page.mouse.move(0, 0)
    assert axe(page) == []


def test_a_stored_answer_that_no_longer_fits_is_dropped(page, site_url, root):
    bank = load_bank("kpis", root)
    first, second = bank.questions[:2]
    page.goto(site_url + "kpis/quiz/")
    page.evaluate("""([a, b, good]) => localStorage.setItem('smm-quiz:v1:kpis',
        JSON.stringify({attempt: {[a]: [99], [b]: good}, best: null}))""",
                  [first.id, second.id, right_answer(second)])
    page.reload()
    assert fieldset(page, bank, first).locator(".smm-feedback").inner_text() == ""
    assert fieldset(page, bank, second).locator(".smm-feedback").inner_text() == \
        expected_feedback(second, right_answer(second))


def test_typed_numbers_are_read_as_answer_files_are(page, site_url, root):
    """A decimal comma, spaces between thousands and the unit typed after the number are
    read as smm-check quiz reads them; words are not a number and are not graded."""
    bank = load_bank("kpis", root)
    cpm = bank.question("cpm-campaign")            # 150 RUB
    rate = bank.question("conversion-rate-campaign")  # 2.5 %
    page.goto(site_url + "kpis/quiz/")
    box = fieldset(page, bank, rate)
    box.locator("input").fill("about two")
    box.locator(".smm-check").click()
    assert box.locator(".smm-feedback").inner_text() == S["enter_number"]
    box.locator("input").fill(" 2,5 % ")
    box.locator(".smm-check").click()
    assert box.locator(".smm-feedback").inner_text() == expected_feedback(rate, 2.5)
    box = fieldset(page, bank, cpm)
    box.locator("input").fill("1 500,00 RUB")
    box.locator("input").press("Enter")
    assert box.locator(".smm-feedback").inner_text() == expected_feedback(cpm, 1500.0)
    assert expected_feedback(rate, 2.5).startswith(S["correct"]) and expected_feedback(cpm, 1500.0).startswith(S["wrong"])
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('smm-quiz:v1:kpis')).attempt")
    assert stored == {rate.id: 2.5, cpm.id: 1500}
