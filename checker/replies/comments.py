"""An exercise's comments (``comments.csv``): ``comment_id, author, platform, posted_at,
text, situation``, one row per comment the learner answers. They are the exercise's own
data, so what is wrong with them is a slip in the exercise folder (``smm-check validate``),
named with its row and column."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from checker.cells import TIME_HELP, NotADate, cell_at, cell_text, read_datetime
from checker.problems import InputProblem, InvalidInput
from checker.replies.settings import reply_data
from checker.tables import read_table

COMMENTS = "comments.csv"


@dataclass(frozen=True)
class Comment:
    """One comment on the page, as the exercise author sorted it."""

    id: str
    author: str
    platform: str
    posted_at: dt.datetime
    text: str
    situation: str


@cache
def comments_at(path: Path, stamp: float) -> tuple[Comment, ...]:
    """The comments of the file at ``path`` (``stamp``: its modification time, so an edited
    file is read again). Raises ``InvalidInput`` naming every bad cell."""
    del stamp
    table = read_table(path)
    data = reply_data()
    names = data["comment_columns"]
    where = table.bind({name: [] for name in names}, names)
    comments, problems, seen = [], [], {}
    for row in table.rows:
        cells = {name: cell_at(row.cells, index) for name, index in where.items()}
        texts = {name: cell_text(cell) for name, cell in cells.items()}
        found = [InputProblem(row.number, name, "this cell is empty.") for name in names if not texts[name]]
        if texts["situation"] and texts["situation"] not in data["situations"]:
            found.append(InputProblem(row.number, "situation", f"'{texts['situation']}' is not a situation; "
                                      f"the situations are {', '.join(data['situations'])}."))
        if texts["platform"] and texts["platform"] not in data["platforms"]:
            found.append(InputProblem(row.number, "platform", f"'{texts['platform']}' is not a platform of "
                                      f"replies.toml; the platforms are {', '.join(data['platforms'])}."))
        posted = None
        if texts["posted_at"]:
            try:
                posted = read_datetime(cells["posted_at"])
            except NotADate:
                found.append(InputProblem(row.number, "posted_at", f"cannot read '{texts['posted_at']}'; {TIME_HELP}."))
        key = texts["comment_id"].casefold()
        if key and key in seen:
            found.append(InputProblem(row.number, "comment_id", f"comment id '{texts['comment_id']}' is already "
                                      f"used on row {seen[key]}."))
        seen.setdefault(key, row.number)
        if found:
            problems += found
            continue
        comments.append(Comment(texts["comment_id"], texts["author"], texts["platform"], posted, texts["text"],
                                texts["situation"]))
    if problems:
        raise InvalidInput(problems)
    return tuple(comments)


def exercise_comments(folder: Path) -> tuple[Comment, ...]:
    """The comments of an exercise folder. Raises ``InvalidInput``."""
    path = folder / COMMENTS
    try:
        stamp = path.stat().st_mtime
    except OSError:
        stamp = 0.0  # read_table names the missing file
    return comments_at(path, stamp)
