"""Community-service datasets: the messages a learner's file may hold, read into the counts
the service metrics use, and refused with every problem named by row and column."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.kpi.messages import messages_from_table, messages_from_text
from checker.kpi.metrics import METRICS
from checker.problems import InvalidInput
from checker.tables import Row, Table
from kpi_hand import HAND_MESSAGES_CSV, SERVICE_METRICS, hand_messages


def problems_of(text: str, metric_ids=SERVICE_METRICS) -> list[tuple]:
    with pytest.raises(InvalidInput) as caught:
        messages_from_text(text, metric_ids)
    return [(p.row, p.column, p.message) for p in caught.value.problems]


def test_russian_types_yes_no_and_dotted_times_are_read():
    text = ("id,kind,received,replied_at,solved\n"
            "1,Вопрос,02.11.2026 09:05,02.11.2026 09:35,\n"
            "2,жалоба,2026-11-02T10:00,2026-11-02 10:10:30,да\n"
            "3,спам,02.11.2026 11:00,,\n")
    data = messages_from_text(text, SERVICE_METRICS)
    assert data.columns["to_answer"] == [1, 1, 0]
    assert data.columns["resolved_complaints"] == [0, 1, 0]
    assert data.columns["reply_minutes"] == [30, 10.5, 0]


def test_workbook_datetimes_and_booleans_are_read():
    header = ["message_id", "type", "received_at", "first_reply_at", "resolved"]
    rows = [Row(2, [1, "complaint", dt.datetime(2026, 11, 2, 9, 0), dt.datetime(2026, 11, 2, 9, 45), True])]
    data = messages_from_table(Table(header, rows), SERVICE_METRICS)
    assert (data.columns["reply_minutes"], data.columns["resolved_complaints"]) == ([45], [1])


def test_every_bad_cell_is_named_at_once():
    lines = HAND_MESSAGES_CSV.splitlines()
    lines[1] = lines[1].replace("question", "rant")
    lines[2] = lines[2].replace("2026-11-02 09:40", "9:40")
    lines[5] = lines[5].replace("2026-11-02 12:55", "soon")
    lines[6] = lines[6].replace("no", "maybe")
    lines[7] = lines[7].replace("2026-11-02 16:35", "2026-11-02 16:00")
    found = problems_of("\n".join(lines) + "\n")
    assert [(row, column) for row, column, _ in found] == [
        (2, "type"), (3, "received_at"), (6, "first_reply_at"), (7, "resolved"), (8, "first_reply_at")]
    assert "'rant' is not a message type" in found[0][2]
    assert found[1][2] == "cannot read '9:40' as a date and time; write a date and a time, such as 2026-11-02 09:14."
    assert found[2][2] == ("cannot read 'soon' as a date and time; write a date and a time, such as 2026-11-02 "
                           "09:14. If nobody answered, leave the cell empty.")
    assert "comes before the message" in found[4][2]


def test_only_the_columns_the_asked_metrics_read_are_required():
    text = "type,received_at,resolved\ncomplaint,2026-11-02 09:00,yes\ncomplaint,2026-11-02 10:00,no\n"
    assert METRICS["resolution_rate"].value(messages_from_text(text, ["resolution_rate"])) == 50
    [(row, column, message)] = problems_of(text, ["response_rate"])
    assert (row, column) == (1, "first_reply_at") and "missing" in message


def test_all_spam_leaves_the_response_rate_and_the_wait_undefined():
    text = "type,received_at,first_reply_at\nspam,2026-11-02 09:00,\nspam,2026-11-02 10:00,\n"
    found = problems_of(text, ["response_rate", "first_response_time"])
    assert [(row, column) for row, column, _ in found] == [(None, "type"), (None, "first_reply_at")]
    assert found[0][2].startswith("every message is spam, so none needed an answer, so response_rate")
    assert found[1][2].startswith("no message that needed an answer got a reply, so first_response_time")


def test_a_reply_to_spam_is_not_a_wait():
    text = HAND_MESSAGES_CSV.replace("3,VK,spam,2026-11-02 10:02,,", "3,VK,spam,2026-11-02 10:02,2026-11-04 10:02,")
    assert METRICS["first_response_time"].value(hand_messages(text)) == 18
