"""Regenerate the derived files of the answering-comments exercises from their comments
and reference sheets.

    .venv/bin/python exercises/make_replies_files.py

For every exercise of kind "replies" it writes:

- ``starter.csv`` and ``starter.xlsx``: one row per comment with its text for reference
  and empty action, reply and reply_at cells; the workbook offers the actions as a dropdown;
- ``samples/<rule>.csv`` with ``samples/<rule>.expected.json``: the reference with some
  replies rewritten to break one rule (``BREAKS`` below), and the finding that rule must
  give: its status and the comments (and sheet rows) it names. The expected findings are
  written here by hand, never taken from running the checker, so the golden files test it;
- ``samples/workbook.xlsx``: the reference with real date-and-time cells (it passes);
- ``samples/invalid.csv``: one of each input problem, with their rows and columns.

Needs openpyxl (the XLSX edge); the checker itself does not.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from checker.data import load

HERE = Path(__file__).resolve().parent
COLUMNS = ["comment_id", "action", "reply", "reply_at"]

# exercise -> sample name -> (rewritten rows: comment id -> (action, reply, reply_at or
# None to keep the reference's), expected: rule -> (status, comment ids), passed or None).
BREAKS: dict[str, dict[str, tuple[dict, dict, bool | None]]] = {
    "coffee-shop-replies": {
        "coverage": ({
            "c04": ("ignore", "", ""),
            "c08": ("reply", "Denis, a cup is 300 roubles because we roast the beans ourselves, here in Kazan.", None),
        }, {"replies.coverage": ("fail", ["c04", "c08"])}, None),
        "speed": ({
            "c01": (None, None, "2026-11-28 11:30"),
            "c05": (None, None, "2026-11-30 15:00"),
        }, {"replies.speed": ("fail", ["c01", "c05"])}, None),
        "acknowledge": ({
            "c01": ("reply", "Marina, we apologise for any inconvenience. Please message us and we will put it right.", None),
        }, {"replies.acknowledge": ("fail", ["c01"])}, None),
        "apology": ({
            "c01": ("reply", "Marina, 40 minutes for two cold lattes on a Saturday morning is far too long. From this "
                             "weekend there are two baristas on weekend mornings; could you message us so we can make "
                             "your next lattes properly?", None),
            "c02": ("reply-and-message", "Ilya, sorry you feel that way. We've written to you in private messages about "
                                         "the double charge for your order, and we'll return it the same day.", None),
        }, {"replies.apology": ("fail", ["c01", "c02"])}, None),
        "next-step": ({
            "c03": ("reply", "Olga, walking around for ten minutes in the rain because of the roadworks sounds "
                             "miserable, and the dug-up street hides our entrance.", None),
            "c06": ("reply", "@coffee_truth_kzn, we roast only arabica, and every bag carries its farm and roast date.",
                    None),
        }, {"replies.next-step": ("fail", ["c03", "c06"])}, None),
        "offline": ({
            "c02": ("reply", "Ilya, being charged twice for one order is our fault, and I'm sorry. We'll return the "
                             "second charge today.", None),
        }, {"replies.offline": ("fail", ["c02"])}, None),
        "tone": ({
            "c03": ("reply", "Olga, the roadworks are the city's, not ours: you should have used the map, as clearly "
                             "stated in the pinned post. The entrance is through the arch and we've put up a sign.",
                    None),
            "c06": ("reply", "@coffee_truth_kzn, that's a lie. We roast only ARABICA, FULL STOP. The link to the "
                             "roastery tour is in our community menu.", None),
        }, {"replies.tone": ("fail", ["c03", "c06"])}, None),
        "personal": ({
            "c04": ("reply", "Yes: oat, almond and lactose-free milk at no extra charge. On Sundays we're open until "
                             "21:00, so the evening is yours.", None),
            "c09": ("reply-and-message", "Ekaterina, 40 minutes for two lattes, and cold ones, is our mistake: on "
                                         "Saturday morning the shift was one barista short and nobody told you why. "
                                         "I'm sorry. From this weekend there are two baristas on Saturday and Sunday "
                                         "mornings. Could you message us? We'd like to make your next two lattes "
                                         "properly.", None),
        }, {"replies.personal": ("fail", ["c01", "c04", "c09"])}, None),
        "privacy": ({
            "c02": ("reply-and-message", "Ilya, being charged twice for order #58213 is our fault, and I'm sorry. "
                                         "We've written to you in private messages, and we'll return the 640 roubles "
                                         "to the card ending 4417 today.", None),
            "c09": ("reply-and-message", "Ekaterina, a cracked mug in a gift set is not the present you ordered, and "
                                         "I'm sorry. Our courier will call you on +7 917 555-12-34 tomorrow to bring a "
                                         "new one.", None),
        }, {"replies.privacy": ("fail", ["c02", "c09"])}, None),
        "honesty": ({
            "c01": ("reply", "Marina, I'm sorry about the 40-minute wait and the cold lattes. If you delete your "
                             "review, we'll give you a free coffee next time.", None),
            "c05": ("reply", "Alsu, thank you! As a regular customer myself, I can say the gingerbread raf is the best "
                             "in Kazan.", None),
        }, {"replies.honesty": ("fail", ["c01", "c05"])}, False),
        "length": ({
            "c04": ("reply", "Timur, yes: we have oat, almond and lactose-free milk, all at no extra charge, and the "
                             "baristas are happy to make any drink on the menu with them, from a flat white to the "
                             "gingerbread raf. On Sundays we're open until 21:00, so the evening is yours: the last "
                             "orders at the bar are taken at 20:45, and the kitchen serves cakes and sandwiches until "
                             "closing. If you come after 19:00, the big table by the window is usually free, and there "
                             "is a socket for a laptop next to every seat. Oat milk is also in the takeaway fridge by the door.", None),
            "c06": ("reply", "@coffee_truth_kzn, we roast only arabica, and every bag carries its farm and roast date. "
                             + "We buy green coffee from importers who publish the farm, the altitude, the variety "
                             "and the processing method of every lot, and we keep the certificates for each delivery. "
                             * 6 + "The link to the roastery tour is in our community menu.", None),
        }, {"replies.length": ("fail", ["c04", "c06"])}, None),
    },
    "outage-replies": {
        "coverage": ({
            "o02": ("hide", "", ""),
            "o07": ("reply", "@cheapvpn_deals, please don't advertise here; a VPN will not bring the app back.", None),
        }, {"replies.coverage": ("fail", ["o02", "o07"])}, None),
        "speed": ({
            "o01": (None, None, "2026-11-20 20:30"),
        }, {"replies.speed": ("fail", ["o01"])}, None),
        "acknowledge": ({
            "o02": ("reply", "Tom, we're sorry for any inconvenience. Updates: https://status.kurierly.example", None),
        }, {"replies.acknowledge": ("fail", ["o02"])}, None),
        "apology": ({
            "o01": ("reply-and-message", "@lena_bakker, sorry if this was frustrating. We've sent you a DM about the "
                                         "46.20 euros charged.", None),
        }, {"replies.apology": ("fail", ["o01"])}, None),
        "next-step": ({
            "o10": ("reply", "Daniel, good question, and a fair one.", None),
        }, {"replies.next-step": ("fail", ["o10"])}, None),
        "offline": ({
            "o04": ("reply", "Priya, soaked bread is no way to get your groceries, storm or not. We'll replace the "
                             "bread with your next delivery.", None),
        }, {"replies.offline": ("fail", ["o04"])}, None),
        "tone": ({
            "o05": ("reply", "@kurierly_exposed, you're lying and you know it. Post this again and we'll get you "
                             "banned. Facts: https://status.kurierly.example", None),
        }, {"replies.tone": ("fail", ["o05"])}, None),
        "personal": ({
            "o06": ("reply", "@truthdelivery22, there was no hack: the outage was a failure of our payment server. "
                             "Card details are held by our payment provider and were never exposed. Facts and "
                             "updates: https://status.kurierly.example", None),
        }, {"replies.personal": ("fail", ["o05", "o06"])}, None),
        "privacy": ({
            "o01": ("reply-and-message", "@lena_bakker, being charged 46.20 euros with no order is our fault, and "
                                         "we're sorry. Please send your card number and email to help@kurierly.example "
                                         "or reply here with lena.bakker@mail.example so we can find order 4481902.",
                    None),
        }, {"replies.privacy": ("fail", ["o01"])}, None),
        "honesty": ({
            "o02": ("reply", "Tom, the app has been down since 17:50 and nobody can log in; I'm sorry. Update your "
                             "rating to five stars and we'll add a 10 euro voucher to your account. Status: "
                             "https://status.kurierly.example", None),
        }, {"replies.honesty": ("fail", ["o02"])}, False),
        "length": ({
            "o03": ("reply", "@jules_m, it's everywhere, not only in Amsterdam: the payment server that every city "
                             "shares failed at 17:50, so the app cannot log anyone in or take orders. We expect it back "
                             "by 21:00, and orders placed before 17:50 will still arrive tonight; live updates: "
                             "https://status.kurierly.example", None),
        }, {"replies.length": ("fail", ["o03"])}, None),
    },
}

def read_rows(path: Path) -> list[dict]:
    """The rows of a CSV file as dictionaries."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, rows: list[dict], columns: list[str]) -> None:
    """Write rows to a UTF-8 CSV file with Unix line ends."""
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def starter(folder: Path, comments: list[dict]) -> None:
    """``starter.csv`` and ``starter.xlsx``: one row per comment, the reply cells empty."""
    columns = ["comment_id", "comment", "action", "reply", "reply_at"]
    rows = [{"comment_id": c["comment_id"], "comment": c["text"], "action": "", "reply": "", "reply_at": ""}
            for c in comments]
    write_csv(folder / "starter.csv", rows, columns)
    book = Workbook()
    sheet = book.active
    sheet.title = "replies"
    sheet.append(columns)
    for row in rows:
        sheet.append([row[c] or None for c in columns])
    actions = DataValidation(type="list", formula1='"' + ",".join(load("replies.toml")["actions"]) + '"',
                             allow_blank=True)
    sheet.add_data_validation(actions)
    actions.add(f"C2:C{len(rows) + 1}")
    for column, width in zip("ABCDE", (12, 60, 18, 80, 18)):
        sheet.column_dimensions[column].width = width
    book.save(folder / "starter.xlsx")


def golden(expected: dict, passed: bool | None, rows_of: dict[str, int]) -> dict:
    """A golden file: the broken rule's status, comment ids and their sheet rows."""
    out: dict = {} if passed is None else {"passed": passed}
    out["findings"] = [{"rule": rule, "status": status, "comments": ids,
                        "rows": sorted(rows_of[i] for i in ids if i in rows_of)}
                       for rule, (status, ids) in expected.items()]
    return out


def samples(folder: Path, reference: list[dict], breaks: dict) -> None:
    """The known-bad samples, the workbook and the invalid sheet."""
    out = folder / "samples"
    out.mkdir(exist_ok=True)
    for old in out.glob("*"):
        old.unlink()
    for name, (changes, expected, passed) in breaks.items():
        rows = []
        for row in reference:
            change = changes.get(row["comment_id"])
            if change:
                action, reply, when = change
                row = {**row, **{k: v for k, v in (("action", action), ("reply", reply), ("reply_at", when))
                                 if v is not None}}
            rows.append(row)
        rows_of = {row["comment_id"]: n for n, row in enumerate(rows, start=2)}
        write_csv(out / f"{name}.csv", rows, COLUMNS)
        (out / f"{name}.expected.json").write_text(json.dumps(golden(expected, passed, rows_of), indent=2,
                                                               ensure_ascii=False) + "\n", encoding="utf-8")
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for row in reference:
        when = datetime.strptime(row["reply_at"], "%Y-%m-%d %H:%M") if row["reply_at"] else None
        sheet.append([row["comment_id"], row["action"], row["reply"] or None, when])
    book.save(out / "workbook.xlsx")
    (out / "workbook.expected.json").write_text(json.dumps({"passed": True, "findings": []}, indent=2) + "\n",
                                                encoding="utf-8")
    # One of each input problem: a duplicate, an unknown comment id, a reply missing where
    # the action posts one, an unknown action and an unreadable time.
    first, second = reference[0], reference[1]
    invalid = [
        {**first},
        {**first, "reply": "The same comment answered twice."},                       # row 3: duplicate
        {"comment_id": "x99", "action": "reply", "reply": "Hello!", "reply_at": ""},  # row 4: unknown id
        {**second, "action": "reply", "reply": ""},                                   # row 5: reply missing
        {**reference[2], "action": "delete"},                                         # row 6: unknown action
        {**reference[3], "reply_at": "tomorrow morning"},                             # row 7: unreadable time
    ]
    write_csv(out / "invalid.csv", invalid, COLUMNS)
    problems = [{"row": 3, "column": "comment_id"}, {"row": 4, "column": "comment_id"}, {"row": 5, "column": "reply"},
                {"row": 6, "column": "action"}, {"row": 7, "column": "reply_at"}]
    (out / "invalid.expected.json").write_text(json.dumps({"error": "invalid-input", "problems": problems},
                                                          indent=2) + "\n", encoding="utf-8")


def main() -> None:
    """Write the derived files of every replies exercise named in ``BREAKS``."""
    for exercise_id, breaks in BREAKS.items():
        folder = HERE / exercise_id
        starter(folder, read_rows(folder / "comments.csv"))
        samples(folder, read_rows(folder / "reference.csv"), breaks)
        print(f"wrote {exercise_id}: starter.csv, starter.xlsx and {len(breaks) + 2} samples")


if __name__ == "__main__":
    main()
