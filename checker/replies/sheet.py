"""The ``parse`` step of an answer sheet: ``comment_id, reply`` and optionally ``action``
and ``reply_at``, one row per comment answered. Every problem is named with its row and
column at once: an unknown or repeated comment id, an action the course does not know, a
reply missing where the action posts one (or written where it posts none), and a time
that cannot be read or comes before the comment."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from checker.cells import TIME_HELP, NotADate, cell_at, cell_text, read_datetime
from checker.problems import InputProblem, InvalidInput, suggestion
from checker.replies.comments import Comment
from checker.replies.settings import reply_data
from checker.tables import Table, normalise_header, reports_table_problems


@dataclass(frozen=True)
class Reply:
    """What the learner does with one comment, with the sheet row it is written on."""

    row: int
    comment: Comment
    action: str
    text: str
    reply_at: dt.datetime | None

    @property
    def public(self) -> bool:
        """Whether the reply text is posted under the comment."""
        return self.action in reply_data()["action_groups"]["public"]


@cache
def actions() -> dict[str, str]:
    """Normalised spelling -> canonical action."""
    return {normalise_header(spelling): action for action, spellings in reply_data()["actions"].items()
            for spelling in (action, *spellings)}


def read_action(text: str, has_reply: bool) -> str | None:
    """The canonical action a cell names (blank: reply if a reply is written, else
    ignore), or None for one the course does not know."""
    if not text:
        return "reply" if has_reply else "ignore"
    return actions().get(normalise_header(text))


@reports_table_problems
def parse_sheet(table: Table, comments: tuple[Comment, ...]) -> list[Reply]:
    """Every row of the answer sheet as a ``Reply``. Raises ``InvalidInput`` naming every
    problem with its row and column."""
    data = reply_data()
    where = table.bind(data["columns"], data["required"]["columns"])
    column = table.column_name
    by_id = {comment.id.casefold(): comment for comment in comments}
    public = set(data["action_groups"]["public"])
    replies, problems, seen = [], [], {}
    for row in table.rows:
        cells = {name: cell_at(row.cells, index) for name, index in where.items()}
        texts = {name: cell_text(cell) for name, cell in cells.items()}
        found = []
        comment = by_id.get(texts["comment_id"].casefold())
        if not texts["comment_id"]:
            found.append(InputProblem(row.number, column(where["comment_id"]), "this cell is empty; write the id "
                                      "of the comment the row answers."))
        elif comment is None:
            found.append(InputProblem(row.number, column(where["comment_id"]), f"there is no comment "
                                      f"'{texts['comment_id']}' in this exercise."
                                      f"{suggestion(texts['comment_id'], [c.id.lower() for c in comments])} "
                                      f"The comments are {', '.join(c.id for c in comments)}."))
        elif comment.id in seen:
            found.append(InputProblem(row.number, column(where["comment_id"]), f"comment '{comment.id}' is "
                                      f"already answered on row {seen[comment.id]}; one row per comment."))
        else:
            seen[comment.id] = row.number
        action = read_action(texts.get("action", ""), bool(texts["reply"]))
        if action is None:
            found.append(InputProblem(row.number, column(where["action"]), f"'{texts['action']}' is not an action."
                                      f"{suggestion(texts['action'], list(actions()))} The actions are "
                                      f"{', '.join(data['actions'])}."))
        elif action in public and not texts["reply"]:
            found.append(InputProblem(row.number, column(where["reply"]), f"the action is {action} but the reply "
                                      "is empty; write the reply, or choose hide, report or ignore."))
        elif action not in public and texts["reply"]:
            found.append(InputProblem(row.number, column(where["reply"]), f"the action is {action}, which posts "
                                      "nothing, but a reply is written; choose reply or clear the reply."))
        replied = None
        if "reply_at" in where and texts["reply_at"]:
            try:
                replied = read_datetime(cells["reply_at"])
            except NotADate:
                found.append(InputProblem(row.number, column(where["reply_at"]), f"cannot read "
                                          f"'{texts['reply_at']}' as a time; {TIME_HELP}."))
            else:
                if comment is not None and replied < comment.posted_at:
                    found.append(InputProblem(row.number, column(where["reply_at"]), f"the reply "
                                              f"({replied:%Y-%m-%d %H:%M}) comes before the comment "
                                              f"({comment.posted_at:%Y-%m-%d %H:%M}); check the time."))
        if found:
            problems += found
            continue
        replies.append(Reply(row.number, comment, action, texts["reply"], replied))
    if problems:
        raise InvalidInput(problems)
    return replies
