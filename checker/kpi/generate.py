"""Each learner's own campaign dataset, so classmates cannot copy each other's answers.

The dataset is a pure function of the exercise id and the learner's name: the same name
always gives the same data (a learner can regenerate it, and the grader can too), any
other name gives different data. The seed comes from SHA-256, not ``hash()``, because
Python salts ``hash()`` per process. Ranges (posts, followers, rates, prices; or, for a
community-service dataset, messages, reply times and shares) are the exercise's
``[dataset]`` table in ``exercise.toml``; the metrics it asks say which of the two
tables it is (``checker.kpi.metrics.dataset_table``).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import math
import random

from checker.cells import NotADate, read_date, read_datetime
from checker.exercises import Exercise
from checker.kpi.dataset import COLUMNS
from checker.kpi.messages import COLUMNS as MESSAGE_COLUMNS, TYPES
from checker.kpi.metrics import asked_metrics, dataset_table


# Ranges ([low, high]) a dataset spec must give: for every campaign, then for paid
# (spend buys the impressions) or organic (impressions follow the audience) ones.
RANGES = ("followers", "growth_per_post", "reach_share", "engagement_rate", "shares_share",
          "comments_share", "saves_share", "ctr")
PAID_RANGES = ("spend", "cpm", "conversion_rate", "order_value", "margin_rate")
ORGANIC_RANGES = ("impressions_per_follower",)
# Ranges of a community-service dataset: the share of messages needing an answer that
# got one, the median wait and the spread of waits (sigma of their logarithm: waits are
# skewed, a few replies come days late), the share of answered complaints resolved, the
# minutes between two messages, and the team's working hours (from, to; nobody answers
# outside them).
MESSAGE_RANGES = ("answered_share", "reply_median_minutes", "reply_spread", "resolved_share",
                  "minutes_between", "working_hours")
# Ranges that are shares of something, so within 0..1.
SHARES = ("reach_share", "engagement_rate", "shares_share", "comments_share", "saves_share", "ctr",
          "conversion_rate", "margin_rate", "answered_share", "resolved_share")
TIME_FORMAT = "%Y-%m-%d %H:%M"


def spec_problems(spec: dict, table: str = "posts") -> list[str]:
    """What is wrong with an exercise's ``[dataset]`` table (empty when nothing), for a
    campaign (``table`` "posts") or a community-service dataset ("messages")."""
    if not isinstance(spec, dict):
        return ["exercise.toml needs a [dataset] table: the ranges learners' datasets are drawn from."]
    if table == "messages":
        return message_spec_problems(spec)
    problems = [f"[dataset] needs '{key}'." for key in ("posts", "prefix", "start", "days_between",
                                                          "platforms", "paid") if key not in spec]
    if problems:
        return problems
    ranges = RANGES + (PAID_RANGES if spec["paid"] else ORGANIC_RANGES)
    problems = range_problems(spec, (*ranges, "days_between"))
    unused = set(spec) - {"posts", "prefix", "start", "days_between", "platforms", "paid", *ranges}
    problems += [f"[dataset] '{key}' is not used by a {'paid' if spec['paid'] else 'organic'} campaign."
                 for key in sorted(unused)]
    if not (isinstance(spec["posts"], int) and spec["posts"] >= 2):
        problems.append("[dataset] 'posts' must be a whole number, at least 2.")
    problems += platform_problems(spec)
    try:
        read_date(spec["start"])
    except NotADate as error:
        problems.append(f"[dataset] 'start' must be a date: {error}")
    return problems


def message_spec_problems(spec: dict) -> list[str]:
    """What is wrong with the ``[dataset]`` table of a community-service exercise."""
    keys = ("messages", "prefix", "start", "platforms", "types")
    problems = [f"[dataset] needs '{key}'." for key in keys if key not in spec]
    if problems:
        return problems
    problems = range_problems(spec, MESSAGE_RANGES)
    problems += [f"[dataset] '{key}' is not used by a community-service dataset."
                 for key in sorted(set(spec) - {*keys, *MESSAGE_RANGES})]
    if not (isinstance(spec["messages"], int) and spec["messages"] >= 2):
        problems.append("[dataset] 'messages' must be a whole number, at least 2.")
    hours = spec.get("working_hours")
    if not (isinstance(hours, list) and len(hours) == 2 and all(isinstance(h, int) for h in hours)
            and 0 <= hours[0] < hours[1] <= 24):
        problems.append("[dataset] 'working_hours' must be two whole hours, opening before closing, "
                        "within 0 to 24, such as [9, 21].")
    problems += platform_problems(spec)
    types = spec["types"]
    if not (isinstance(types, dict) and set(types) <= set(TYPES.values())
            and all(isinstance(w, (int, float)) and w >= 0 for w in types.values())
            and types.get("complaint", 0) > 0 and types.get("question", 0) > 0):
        problems.append(f"[dataset] 'types' must give each message type ({', '.join(dict.fromkeys(TYPES.values()))}) "
                        "a weight of 0 or more, above 0 for question and complaint.")
    try:
        read_datetime(spec["start"])
    except NotADate as error:
        problems.append(f"[dataset] 'start' must be a date and time: {error}")
    return problems


def range_problems(spec: dict, keys) -> list[str]:
    """Each key that is not a range [low, high], or is a share outside 0..1."""
    problems = []
    for key in keys:
        pair = spec.get(key)
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, (int, float)) for v in pair)
                and pair[0] <= pair[1]):
            problems.append(f"[dataset] '{key}' must be a range [low, high] of numbers.")
        elif key in SHARES and not 0 <= pair[0] <= pair[1] <= 1:
            problems.append(f"[dataset] '{key}' is a share: both ends must be between 0 and 1.")
    return problems


def platform_problems(spec: dict) -> list[str]:
    """A complaint unless ``platforms`` lists at least one platform."""
    if isinstance(spec["platforms"], list) and spec["platforms"]:
        return []
    return ["[dataset] 'platforms' must list at least one platform."]


def normalise_name(name: str) -> str:
    """A learner's name compared without case or extra spaces: 'Anna  Petrova ' is
    'anna petrova'."""
    return " ".join(name.split()).casefold()


def seed_for(exercise_id: str, learner: str) -> int:
    """A stable 64-bit seed from the exercise id and the learner's name."""
    digest = hashlib.sha256(f"{exercise_id}\n{normalise_name(learner)}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def picker(spec: dict, rng: random.Random):
    """A function drawing a number uniformly from one of the spec's ranges."""
    def pick(name: str) -> float:
        low, high = spec[name]
        return rng.uniform(low, high)
    return pick


def learner_rows(exercise: Exercise, learner: str) -> list[dict]:
    """The learner's posts as rows of column -> value, in date order."""
    spec = exercise.params["dataset"]
    rng = random.Random(seed_for(exercise.id, learner))
    pick = picker(spec, rng)

    day = read_date(spec["start"])
    followers = round(pick("followers"))
    rows = []
    for number in range(1, spec["posts"] + 1):
        if spec["paid"]:
            spend = round(pick("spend"), 2)
            impressions = max(1, round(spend / pick("cpm") * 1000))
        else:
            spend = 0.0
            impressions = max(1, round(followers * pick("impressions_per_follower")))
        reach = max(1, round(impressions * pick("reach_share")))
        engaged = reach * pick("engagement_rate")
        shares = round(engaged * pick("shares_share"))
        comments = round(engaged * pick("comments_share"))
        saves = round(engaged * pick("saves_share"))
        likes = max(0, round(engaged) - shares - comments - saves)
        clicks = max(1, round(impressions * pick("ctr")))
        conversions = round(clicks * pick("conversion_rate")) if spec["paid"] else 0
        revenue = round(conversions * pick("order_value"), 2) if spec["paid"] else 0.0
        rows.append({
            "post_id": f"{spec['prefix']}{number:02d}", "date": day.isoformat(),
            "platform": rng.choice(spec["platforms"]), "followers": followers,
            "impressions": impressions, "reach": reach, "likes": likes, "comments": comments,
            "shares": shares, "saves": saves, "clicks": clicks, "spend": spend,
            "conversions": conversions, "revenue": revenue,
        })
        day += dt.timedelta(days=rng.randint(*spec["days_between"]))
        followers = max(1, round(followers * (1 + pick("growth_per_post"))))
    if spec["paid"] and not any(r["conversions"] for r in rows):
        # A campaign with no conversions at all leaves CPA undefined; the learner's
        # dataset must always be gradable, so the best-clicked ad gets one sale.
        best = max(rows, key=lambda r: r["clicks"])
        best["conversions"] = 1
        best["revenue"] = round(pick("order_value"), 2)
    # Drawn after every other number, so adding the margin left each learner's other
    # columns as they were.
    for row in rows:
        row["gross_margin"] = round(row["revenue"] * pick("margin_rate"), 2) if spec["paid"] else 0.0
    return rows


def learner_messages(exercise: Exercise, learner: str) -> list[dict]:
    """The learner's comments and messages as rows of column -> value, in the order they
    came in. Each learner's community answers a share of the messages, with waits drawn
    around a median of their own, and resolves a share of the answered complaints."""
    spec = exercise.params["dataset"]
    rng = random.Random(seed_for(exercise.id, learner))
    pick = picker(spec, rng)
    answered_share, resolved_share = pick("answered_share"), pick("resolved_share")
    median_wait, spread = pick("reply_median_minutes"), pick("reply_spread")
    kinds, weights = zip(*spec["types"].items())
    received = read_datetime(spec["start"])
    rows = []
    for number in range(1, spec["messages"] + 1):
        kind = rng.choices(kinds, weights)[0]
        replied = None
        if kind != "spam" and rng.random() < answered_share:
            wait = dt.timedelta(minutes=max(1, round(rng.lognormvariate(math.log(median_wait), spread))))
            replied = on_duty(received + wait, spec["working_hours"], rng)
        rows.append({"message_id": f"{spec['prefix']}{number:03d}", "platform": rng.choice(spec["platforms"]),
                     "type": kind, "received_at": received, "first_reply_at": replied,
                     "resolved": "" if kind != "complaint" else "yes" if replied and rng.random() < resolved_share
                     else "no"})
        received += dt.timedelta(minutes=rng.randint(*spec["minutes_between"]))
    # Every metric must be computable: at least one complaint, and one answered message.
    if not any(r["type"] == "complaint" for r in rows):
        rows[0].update(type="complaint", resolved="yes" if rows[0]["first_reply_at"] else "no")
    if not any(r["first_reply_at"] and r["type"] != "spam" for r in rows):
        first = next(r for r in rows if r["type"] != "spam")
        first["first_reply_at"] = first["received_at"] + dt.timedelta(minutes=round(median_wait))
    for row in rows:
        row["received_at"] = row["received_at"].strftime(TIME_FORMAT)
        row["first_reply_at"] = row["first_reply_at"].strftime(TIME_FORMAT) if row["first_reply_at"] else ""
    return rows


def on_duty(moment: dt.datetime, hours: list[int], rng: random.Random) -> dt.datetime:
    """When a reply due at ``moment`` is written: then, inside the working hours; else a
    few minutes after the team next opens, as a night's messages wait for the morning."""
    opening, closing = hours
    if opening <= moment.hour < closing:
        return moment
    day = moment.date() + dt.timedelta(days=moment.hour >= closing)
    return dt.datetime.combine(day, dt.time(opening)) + dt.timedelta(minutes=rng.randint(5, 45))


def learner_dataset_csv(exercise: Exercise, learner: str) -> str:
    """The learner's dataset as CSV text with the standard header of its table."""
    messages = dataset_table(asked_metrics(exercise)) == "messages"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(MESSAGE_COLUMNS if messages else COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in (learner_messages if messages else learner_rows)(exercise, learner):
        writer.writerow({k: f"{v:.2f}" if isinstance(v, float) else v for k, v in row.items()})
    return out.getvalue()
