"""Read a community-service dataset (one row per comment or private message) and refuse
one the service metrics cannot be computed from, naming every problem with its row and
column.

Columns: ``message_id, platform, type, received_at, first_reply_at, resolved``. Only
``type`` and ``received_at`` are always required; ``first_reply_at`` and ``resolved``
when an asked metric reads them. The rows become a ``Dataset`` of per-message counts
(``messages``, ``to_answer``, ``answered``, ``complaints``, ``resolved_complaints``) and each answered
message's ``reply_minutes``, so the service metrics are rules like the campaign ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from checker.cells import NotADate, cell_at, cell_text, is_blank, read_datetime
from checker.kpi.dataset import Dataset
from checker.kpi.metrics import METRICS, SETTINGS
from checker.problems import InputProblem, InvalidInput
from checker.tables import Table, parse_bytes, read_table, reports_table_problems

COLUMNS: dict[str, list[str]] = SETTINGS["messages"]
TYPES: dict[str, str] = {spelling.casefold(): kind for kind, spellings in SETTINGS["message_types"].items()
                         for spelling in (kind, *spellings)}
RESOLVED: dict[str, bool] = {spelling.casefold(): answer == "yes" for answer, spellings in SETTINGS["resolved"].items()
                             for spelling in spellings}
# The file column each computed count comes from, for messages about it.
SOURCES = {"messages": "type", "to_answer": "type", "complaints": "type", "answered": "first_reply_at",
           "resolved_complaints": "resolved", "reply_minutes": "first_reply_at"}
# Why a count of 0 leaves a metric undefined, in the learner's terms.
EMPTY = {"to_answer": "every message is spam, so none needed an answer",
         "complaints": "no message is a complaint",
         "answered": "no message that needed an answer got a reply"}


def read_messages(path: str | Path, metric_ids: Iterable[str], encoding: str | None = None) -> Dataset:
    """Read and validate a message file for the given service metrics."""
    return messages_from_table(read_table(path, encoding), metric_ids)


def messages_from_text(text: str, metric_ids: Iterable[str]) -> Dataset:
    """Read and validate messages held as CSV text (a generated dataset)."""
    return messages_from_table(parse_bytes(text.encode("utf-8"), "messages.csv"), metric_ids)


@reports_table_problems
def messages_from_table(table: Table, metric_ids: Iterable[str]) -> Dataset:
    """Validate a table of messages: a known type, a received time, a first reply that
    is a time no earlier than the message, a resolved cell that says yes or no; then
    that every asked metric has something to count."""
    metric_ids = list(metric_ids)
    used = {SOURCES[c] for m in metric_ids for c in METRICS[m].used_columns}
    where = table.bind(COLUMNS, [c for c in COLUMNS if c in {"type", "received_at"} | used])
    headers = {c: table.column_name(i) for c, i in where.items()}
    problems: list[InputProblem] = []
    counts: dict[str, list[float]] = {c: [] for c in SOURCES}
    dates = []
    for row in table.rows:
        cells = {c: cell_at(row.cells, i) for c, i in where.items()}
        found: list[tuple[str, str]] = []  # (column, message)
        kind, received, replied, resolved = read_message(cells, found)
        problems += [InputProblem(row.number, headers[column], message) for column, message in found]
        answered = kind not in (None, "spam") and replied is not None
        counts["messages"].append(1.0)
        counts["to_answer"].append(float(kind not in (None, "spam")))
        counts["answered"].append(float(answered))
        counts["complaints"].append(float(kind == "complaint"))
        counts["resolved_complaints"].append(float(kind == "complaint" and resolved))
        counts["reply_minutes"].append((replied - received).total_seconds() / 60
                                       if answered and received is not None else 0.0)
        dates.append(received.date() if received is not None else None)
    if problems:
        raise InvalidInput(problems)
    data = Dataset([r.number for r in table.rows], dates, counts,
                   {c: headers.get(source, source) for c, source in SOURCES.items()})
    problems = nothing_to_count(data, metric_ids)
    if problems:
        raise InvalidInput(problems)
    return data


def read_message(cells: dict, found: list[tuple[str, str]]):
    """A message's type, received and first-reply times and whether it was resolved,
    each None where unreadable (and the problem added to ``found``). A message nobody
    answered has no first reply; an empty resolved cell is "no"."""
    kind = TYPES.get(cell_text(cells.get("type")).casefold())
    if kind is None:
        found.append(("type", f"'{cell_text(cells.get('type'))}' is not a message type; write one of "
                      f"{', '.join(SETTINGS['message_types'])}."))
    received = replied = None
    try:
        received = read_datetime(cells.get("received_at"))
    except NotADate as error:
        found.append(("received_at", str(error)))
    if not is_blank(cells.get("first_reply_at")):
        try:
            replied = read_datetime(cells["first_reply_at"])
        except NotADate as error:
            found.append(("first_reply_at", f"{error} If nobody answered, leave the cell empty."))
        if replied is not None and received is not None and replied < received:
            found.append(("first_reply_at", f"the first reply ({replied:%Y-%m-%d %H:%M}) comes before the "
                          f"message ({received:%Y-%m-%d %H:%M}); check both times."))
    resolved = False
    if not is_blank(cells.get("resolved")):
        resolved = RESOLVED.get(cell_text(cells["resolved"]).casefold())
        if resolved is None:
            found.append(("resolved", f"'{cell_text(cells['resolved'])}' is not yes or no; write yes, no, "
                          "or leave the cell empty (no)."))
    return kind, received, replied, bool(resolved)


def nothing_to_count(data: Dataset, metric_ids: list[str]) -> list[InputProblem]:
    """One problem per count that is 0 where an asked metric divides by it or takes its
    median, naming the metrics."""
    blocked: dict[str, list[str]] = {}
    for metric_id in metric_ids:
        for gap in METRICS[metric_id].rule.undefined(data):
            blocked.setdefault(gap.column, []).append(metric_id)
    return [InputProblem(None, data.headers[column], f"{EMPTY[column]}, so "
                         f"{' and '.join(f'{m} ({METRICS[m].formula})' for m in ids)} cannot be computed. "
                         "Check the file: it should hold every comment and message of the period.")
            for column, ids in blocked.items()]
