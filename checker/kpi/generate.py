"""Each learner's own campaign dataset, so classmates cannot copy each other's answers.

The dataset is a pure function of the exercise id and the learner's name: the same name
always gives the same data (a learner can regenerate it, and the grader can too), any
other name gives different data. The seed comes from SHA-256, not ``hash()``, because
Python salts ``hash()`` per process. Ranges (posts, followers, rates, prices) are the
exercise's ``[dataset]`` table in ``exercise.toml``.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import random

from checker.exercises import Exercise
from checker.kpi.dataset import COLUMNS


# Ranges ([low, high]) a dataset spec must give: for every campaign, then for paid
# (spend buys the impressions) or organic (impressions follow the audience) ones.
RANGES = ("followers", "growth_per_post", "reach_share", "engagement_rate", "shares_share",
          "comments_share", "saves_share", "ctr")
PAID_RANGES = ("spend", "cpm", "conversion_rate", "order_value")
ORGANIC_RANGES = ("impressions_per_follower",)
# Ranges that are shares of something, so within 0..1.
SHARES = ("reach_share", "engagement_rate", "shares_share", "comments_share", "saves_share", "ctr",
          "conversion_rate")


def spec_problems(spec: dict) -> list[str]:
    """What is wrong with an exercise's ``[dataset]`` table (empty when nothing)."""
    if not isinstance(spec, dict):
        return ["exercise.toml needs a [dataset] table: the ranges learners' datasets are drawn from."]
    problems = [f"[dataset] needs '{key}'." for key in ("posts", "prefix", "start", "days_between",
                                                          "platforms", "paid") if key not in spec]
    if problems:
        return problems
    ranges = RANGES + (PAID_RANGES if spec["paid"] else ORGANIC_RANGES)
    for key in (*ranges, "days_between"):
        pair = spec.get(key)
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, (int, float)) for v in pair)
                and pair[0] <= pair[1]):
            problems.append(f"[dataset] '{key}' must be a range [low, high] of numbers.")
        elif key in SHARES and not 0 <= pair[0] <= pair[1] <= 1:
            problems.append(f"[dataset] '{key}' is a share: both ends must be between 0 and 1.")
    unused = set(spec) - {"posts", "prefix", "start", "days_between", "platforms", "paid", *ranges}
    problems += [f"[dataset] '{key}' is not used by a {'paid' if spec['paid'] else 'organic'} campaign."
                 for key in sorted(unused)]
    if not (isinstance(spec["posts"], int) and spec["posts"] >= 2):
        problems.append("[dataset] 'posts' must be a whole number, at least 2.")
    if not (isinstance(spec["platforms"], list) and spec["platforms"]):
        problems.append("[dataset] 'platforms' must list at least one platform.")
    try:
        dt.date.fromisoformat(str(spec["start"]))
    except ValueError:
        problems.append("[dataset] 'start' must be a date written YYYY-MM-DD.")
    return problems


def normalise_name(name: str) -> str:
    """A learner's name compared without case or extra spaces: 'Anna  Petrova ' is
    'anna petrova'."""
    return " ".join(name.split()).casefold()


def seed_for(exercise_id: str, learner: str) -> int:
    """A stable 64-bit seed from the exercise id and the learner's name."""
    digest = hashlib.sha256(f"{exercise_id}\n{normalise_name(learner)}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def learner_rows(exercise: Exercise, learner: str) -> list[dict]:
    """The learner's posts as rows of column -> value, in date order."""
    spec = exercise.params["dataset"]
    rng = random.Random(seed_for(exercise.id, learner))

    def pick(name: str) -> float:
        low, high = spec[name]
        return rng.uniform(low, high)

    day = dt.date.fromisoformat(spec["start"])
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
    return rows


def learner_dataset_csv(exercise: Exercise, learner: str) -> str:
    """The learner's dataset as CSV text with the standard header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in learner_rows(exercise, learner):
        writer.writerow({k: f"{v:.2f}" if isinstance(v, float) else v for k, v in row.items()})
    return out.getvalue()
