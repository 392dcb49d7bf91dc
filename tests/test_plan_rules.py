"""Every rubric rule of the plan checker, passing and failing, with its exact rows.

Plans are built from posts directly: the rules are pure functions of (posts, rubric).
The base plan passes every rule; each test breaks one thing in it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from checker.data import load
from checker.plan.grade import grade_posts
from checker.plan.parse import Post
from checker.plan.rubric import RubricError, rubric
from checker.plan.rules import RULES
from checker.plan.rules.content import shared_copies
from checker.plan.texts import PlanTexts, words_of

START = dt.date(2026, 12, 1)
DEFAULT = rubric()
# Twenty distinct words per post keep copies apart for the cross-post rule.
TOPICS = ("coffee", "roast", "latte", "winter", "neighbours", "barista", "cinnamon", "table",
          "music", "photo", "recipe", "weekend", "market", "cocoa", "morning", "tea", "cake",
          "books", "quiet", "evening")
# (category, goal, kpi) cycled over the posts: 40/30/25/5 within tolerance over 20 posts.
KINDS = [("engaging", "engagement", "comments")] * 8 + [("ugc", "loyalty", "mentions")] * 6 + \
        [("educational", "awareness", "reach")] * 5 + [("promotional", "conversion", "leads")]

# Texts the honesty and bait rules must flag, and ordinary ones they must leave alone.
BLACK_HAT = [
    "Buy 500 followers before the launch", "we will purchase 2k real instagram likes",
    "Order 300 reviews from the agency", "Ask staff to post fake reviews",
    "Use bots to comment on our posts", "artificially inflate our numbers",
    "Join an engagement pod", "We write five reviews ourselves",
    "Накрутка подписчиков перед запуском", "Купим 1000 живых подписчиков", "Закажем фейковые отзывы",
]
SELLING = [
    "Buy one coffee, get one free!", "Order now and leave us a review", "Buy tickets for the open-mic night",
    "Our new chatbot answers questions at night", "Закажите торт и оставьте отзыв", "Купите кофе навынос",
    "We paid for the ads ourselves", "Read the reviews of our cakes",
]
BAIT = [
    "Like if you agree!", "Tag 3 friends who need a coffee break", "Share to win a mug",
    "Comment YES below if you want the recipe", "Ставь лайк, если согласен",
    "Отметь трёх друзей в комментариях", "Double-tap if you love cinnamon",
]
HONEST = [
    "We never buy followers or likes: every one of you found us yourself.",
    "Someone offered us bought followers; we said no.", "People ask whether we buy likes: we don't.",
    "Без накрутки и ботов: только живые подписчики.", "Why buying followers hurts your reach.",
]
QUESTIONS = [
    "Tell us in the comments which drink you wait for", "We would like to hear your ideas",
    "Share your photos with us", "Vote in our poll: cinnamon roll or cheesecake?",
]


def post(row: int, day: int, platform: str = "vk", **changes) -> Post:
    """A post on day ``day`` of December 2026 that passes every rule."""
    category, goal, kpi = KINDS[(row - 2) % len(KINDS)]
    words = " ".join(f"{TOPICS[(row + n) % len(TOPICS)]}{row}" for n in range(12))
    values = dict(row=row, date=START + dt.timedelta(days=day), platform=platform, format="image",
                  category=category, goal=goal, kpis=(kpi,), copy=f"Post {row}: {words}.",
                  cta="Order now" if goal == "conversion" else "")
    values.update(changes)
    return Post(**values)


def base_plan() -> list[Post]:
    """Twenty posts over 28 days, alternating VK and Telegram every three days or so."""
    days = [0, 1, 3, 4, 6, 7, 9, 10, 12, 13, 15, 16, 18, 19, 21, 22, 24, 25, 26, 27]
    return [post(n + 2, day, "vk" if n % 2 == 0 else "telegram") for n, day in enumerate(days)]


def check(rule_id: str, posts, params=DEFAULT):
    """The verdict of one rule."""
    return RULES[rule_id].check(posts, params, PlanTexts())


def replace(posts, row: int, **changes):
    """The plan with one post (by row) changed."""
    return [dataclasses.replace(p, **changes) if p.row == row else p for p in posts]


def test_base_plan_passes_every_rule():
    findings, score, critical_failed = grade_posts(base_plan(), DEFAULT)
    assert [(f.rule, f.status) for f in findings if f.status != "pass"] == []
    assert score == 100 and not critical_failed


def test_registry_matches_the_rubric_weights():
    assert list(load("plan_rubric.toml")["weights"]) == [
        "plan.horizon", "plan.platforms", "plan.cadence", "plan.mix", "plan.platform-fit",
        "plan.cross-post", "plan.goal-kpi", "plan.cta", "plan.length", "plan.hashtags",
        "plan.honesty", "plan.bait"]
    assert set(RULES) == set(DEFAULT.weights) | set(load("plan_rubric.toml")["optional"])
    assert all(rule.title and rule.explanation for rule in RULES.values())
    assert [r.id for r in RULES.values() if r.critical] == ["plan.horizon", "plan.honesty"]


# plan.horizon

def test_horizon_fails_a_short_plan_naming_first_and_last_rows():
    posts = [p for p in base_plan() if p.date < START + dt.timedelta(days=14)]
    verdict = check("plan.horizon", posts)
    assert verdict.status == "fail" and verdict.rows == (2, 11)
    assert "14 days" in verdict.message


def test_horizon_names_the_one_row_of_a_one_day_plan_once():
    verdict = check("plan.horizon", [post(5, 3), post(2, 3, "telegram")])
    assert verdict.status == "fail" and verdict.rows == (2,)
    assert "1 day, Fri 4 Dec 2026 to Fri 4 Dec 2026 (row 2)" in verdict.message


@pytest.mark.parametrize("last_day, status", [(27, "pass"), (26, "fail")])
def test_horizon_boundary_is_28_days_inclusive(last_day, status):
    posts = [post(2, 0), post(3, last_day)]
    assert check("plan.horizon", posts).status == status


# plan.platforms

def test_platforms_fails_with_one_platform():
    posts = [dataclasses.replace(p, platform="vk") for p in base_plan()]
    verdict = check("plan.platforms", posts)
    assert verdict.status == "fail" and verdict.rows == ()
    assert "fewer than the 2" in verdict.message


def test_platforms_fails_when_a_required_platform_is_missing():
    verdict = check("plan.platforms", base_plan(), rubric({"required_platforms": ["VK", "Instagram"]}))
    assert verdict.status == "fail" and "Instagram" in verdict.message


# plan.cadence

def test_cadence_gap_of_eight_days_names_both_posts():
    posts = [p for p in base_plan() if p.row not in (10, 12)]  # VK posts of days 12 and 15
    verdict = check("plan.cadence", posts)
    assert verdict.status == "fail" and verdict.rows == (8, 14)
    assert "9-day gap" in verdict.message and "VK" in verdict.message


def test_cadence_gap_of_exactly_seven_days_passes():
    posts = [post(2, 0, "vk"), post(3, 7, "vk"), post(4, 0, "telegram"), post(5, 7, "telegram")]
    assert check("plan.cadence", posts).status == "pass"


def test_cadence_silence_at_the_start_and_end_of_the_plan():
    posts = [post(2, 0, "vk"), post(3, 7, "vk"), post(4, 14, "vk"), post(5, 21, "vk"), post(6, 28, "vk"),
             post(7, 9, "telegram"), post(8, 16, "telegram"), post(9, 20, "telegram")]
    verdict = check("plan.cadence", posts)
    assert verdict.status == "fail" and verdict.rows == (7, 9)
    assert "silent for 9 days" in verdict.message and "8 days before the plan ends" in verdict.message
    assert verdict.credit == 0.5  # one platform of two keeps its rhythm


def test_cadence_more_than_five_posts_a_day():
    extra = [post(30 + n, 3, "vk") for n in range(5)]
    verdict = check("plan.cadence", base_plan() + extra)
    assert verdict.status == "fail" and verdict.rows == (4, 30, 31, 32, 33, 34)
    assert "6 posts" in verdict.message


def test_cadence_five_posts_a_day_is_fine():
    extra = [post(30 + n, 3, "vk") for n in range(4)]
    assert check("plan.cadence", base_plan() + extra).status == "pass"


# plan.mix

def test_mix_fails_too_much_promotion_naming_the_promotional_rows():
    posts = [dataclasses.replace(p, category="promotional") if p.row in (2, 3, 4, 5) else p
             for p in base_plan()]
    verdict = check("plan.mix", posts)
    assert verdict.status == "fail" and verdict.rows == (2, 3, 4, 5, 21)
    assert "promotional 25% (target 5%)" in verdict.message


def test_mix_rows_are_those_of_the_over_represented_category():
    posts = [dataclasses.replace(p, category="engaging") if p.category == "ugc" else p for p in base_plan()]
    verdict = check("plan.mix", posts)
    assert verdict.status == "fail" and verdict.rows == (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)


def test_mix_groups_of_an_exercise():
    eighty_twenty = rubric({"mix": {"useful": {"share": 80, "categories": ["engaging", "ugc", "educational"]},
                                    "selling": {"share": 20, "categories": ["promotional"]}}})
    verdict = check("plan.mix", base_plan(), eighty_twenty)  # 95/5: useful 15 points over
    assert verdict.status == "fail" and "useful 95% (target 80%)" in verdict.message
    assert len(verdict.rows) == 19  # every useful post
    posts = [dataclasses.replace(p, category="promotional") if p.row in (2, 3) else p for p in base_plan()]
    assert check("plan.mix", posts, eighty_twenty).status == "pass"  # 85/15: within 10


def test_mix_tolerance_boundary():
    # 6 promotional of 20 = 30%: 25 points over 5%; with tolerance 25 it passes.
    posts = [dataclasses.replace(p, category="promotional") if p.row in range(2, 7) else p for p in base_plan()]
    assert check("plan.mix", posts, rubric({"mix_tolerance": 25})).status == "pass"
    assert check("plan.mix", posts, rubric({"mix_tolerance": 24})).status == "fail"


# plan.platform-fit

def test_platform_fit_text_on_instagram_fails_and_on_vk_warns():
    posts = replace(replace(base_plan(), 4, platform="instagram", format="text"), 6, format="text")
    verdict = check("plan.platform-fit", posts)
    assert verdict.status == "fail" and verdict.rows == (4, 6)
    assert "Instagram has no text posts (row 4)" in verdict.message
    assert "text posts on VK work badly (row 6)" in verdict.message


def test_platform_fit_warning_alone():
    verdict = check("plan.platform-fit", replace(base_plan(), 6, format="text"))
    assert verdict.status == "warn" and verdict.rows == (6,)
    assert verdict.credit == pytest.approx(1 - 0.5 / 20)


@pytest.mark.parametrize("platform, fmt", [("tiktok", "text"), ("youtube", "text"), ("linkedin", "story"),
                                           ("instagram", "poll"), ("instagram", "link")])
def test_platform_fit_formats_that_do_not_exist(platform, fmt):
    verdict = check("plan.platform-fit", replace(base_plan(), 3, platform=platform, format=fmt))
    assert verdict.status == "fail" and verdict.rows == (3,)


# plan.cross-post

def test_cross_post_same_copy_on_two_platforms():
    posts = replace(base_plan(), 5, copy=base_plan()[0].copy)  # row 2 is VK, row 5 Telegram
    verdict = check("plan.cross-post", posts)
    assert verdict.status == "fail" and verdict.rows == (2, 5)
    assert "rows 2 and 5 (Telegram, VK)" in verdict.message


def test_cross_post_ignores_case_spacing_and_punctuation():
    copy = base_plan()[0].copy
    posts = replace(base_plan(), 5, copy="  " + copy.upper().replace(" ", "   ").replace(":", "!") + "!!")
    assert check("plan.cross-post", posts).rows == (2, 5)


def test_cross_post_near_identical_copy():
    copy = "Our winter menu is here: gingerbread latte, spiced cocoa, orange mocha and cinnamon rolls " \
           "baked every morning by Olga for the whole neighbourhood"
    posts = replace(replace(base_plan(), 2, copy=copy), 5, copy=copy.replace("Olga", "Irina"))
    verdict = check("plan.cross-post", posts)
    assert verdict.status == "fail" and verdict.rows == (2, 5)


def test_cross_post_adapted_copy_passes():
    posts = replace(replace(base_plan(), 2, copy="Our winter menu is here: gingerbread latte, spiced cocoa "
                                                 "and cinnamon rolls, all week"),
                    5, copy="Winter in a cup: this week we pour gingerbread lattes. Which would you try first?")
    assert check("plan.cross-post", posts).status == "pass"


def test_cross_post_same_platform_or_short_copy_is_allowed():
    copy = base_plan()[0].copy
    assert check("plan.cross-post", replace(base_plan(), 4, copy=copy)).status == "pass"  # both VK
    short = "Good morning, neighbours!"  # under 40 characters
    posts = replace(replace(base_plan(), 2, copy=short), 5, copy=short)
    assert check("plan.cross-post", posts).status == "pass"


# plan.goal-kpi

def test_goal_kpi_wrong_metric_names_the_row_and_the_right_ones():
    verdict = check("plan.goal-kpi", replace(base_plan(), 21, kpis=("likes",)))
    assert verdict.status == "fail" and verdict.rows == (21,)
    assert "row 21 aims at conversion but measures likes" in verdict.message
    assert "CPA" in verdict.message and "ROMI" in verdict.message
    assert verdict.credit == pytest.approx(1 - 1 / 20)


def test_goal_kpi_one_matching_metric_is_enough():
    assert check("plan.goal-kpi", replace(base_plan(), 21, kpis=("likes", "leads"))).status == "pass"


@pytest.mark.parametrize("goal, kpi", [("awareness", "follower-growth"), ("traffic", "ctr"),
                                       ("support", "response-time"), ("loyalty", "unfollows"),
                                       ("engagement", "saves"), ("conversion", "romi")])
def test_goal_kpi_catalogue(goal, kpi):
    posts = replace(base_plan(), 3, goal=goal, kpis=(kpi,), cta="Visit us")
    assert check("plan.goal-kpi", posts).status == "pass"


# plan.cta

def test_cta_missing_on_conversion_and_traffic_posts():
    posts = replace(replace(base_plan(), 21, cta=""), 3, goal="traffic", kpis=("clicks",))
    verdict = check("plan.cta", posts)
    assert verdict.status == "fail" and verdict.rows == (3, 21)


@pytest.mark.parametrize("changes", [{"link": "https://shop.example/menu"},
                                     {"copy": "See the menu at https://shop.example/menu"},
                                     {"copy": "Menu: cornerbean.ru/menu"},
                                     {"cta": "Book a table"}])
def test_cta_satisfied_by_cta_link_or_url_in_copy(changes):
    posts = replace(base_plan(), 21, **{"cta": "", **changes})
    assert check("plan.cta", posts).status == "pass"


def test_cta_not_needed_for_awareness():
    assert check("plan.cta", replace(base_plan(), 19, cta="")).status == "pass"


# plan.length

@pytest.mark.parametrize("copy, status", [
    ("a" * 280, "pass"), ("a" * 281, "fail"),
    ("界" * 140, "pass"), ("界" * 141, "fail"),             # CJK weighs 2
    ("👍" * 140, "pass"), ("👍" * 141, "fail"),             # emoji weigh 2
    ("👨‍👩‍👧" * 140, "pass"),                                 # a joined family is one emoji
    ("a" * 256 + " https://example.com/" + "x" * 80, "pass"),  # any URL weighs 23
    ("a" * 257 + " https://example.com/" + "x" * 80, "fail"),
    ("я" * 280, "pass"),                                    # Cyrillic weighs 1
])
def test_length_on_x_is_weighted(copy, status):
    verdict = check("plan.length", replace(base_plan(), 2, platform="x", format="text", copy=copy))
    assert verdict.status == status
    assert verdict.rows == ((2,) if status == "fail" else ())


@pytest.mark.parametrize("fmt, copy, status", [
    ("image", "a" * 1024, "pass"), ("image", "a" * 1025, "fail"),
    ("image", "😀" * 512, "pass"), ("image", "😀" * 513, "fail"),  # 2 UTF-16 units each
    ("text", "a" * 4096, "pass"), ("text", "a" * 4097, "fail"),
])
def test_length_on_telegram_counts_utf16_and_caption_limit(fmt, copy, status):
    verdict = check("plan.length", replace(base_plan(), 3, format=fmt, copy=copy))
    assert verdict.status == status


def test_length_message_gives_size_and_limit():
    verdict = check("plan.length", replace(base_plan(), 2, platform="instagram", copy="a" * 2201))
    assert verdict.status == "fail" and verdict.rows == (2,)
    assert "row 2 has 2,201 characters where Instagram allows 2,200 in image posts" in verdict.message


# plan.hashtags

def test_hashtags_over_instagram_limit_counts_column_and_copy_once():
    posts = replace(base_plan(), 2, platform="instagram", hashtags="#a;#b, #c",
                    copy="Winter menu #A #d #e #f")
    verdict = check("plan.hashtags", posts)
    assert verdict.status == "fail" and verdict.rows == (2,)
    assert "row 2 has 6 on Instagram, which allows 5" in verdict.message


def test_hashtags_five_on_instagram_pass():
    posts = replace(base_plan(), 2, platform="instagram", hashtags="a b c d e")
    assert check("plan.hashtags", posts).status == "pass"


def test_hashtags_youtube_limit_and_x_advice():
    posts = replace(replace(base_plan(), 2, platform="youtube", format="video",
                            hashtags=" ".join(f"#t{n}" for n in range(16))),
                    3, platform="x", format="text", copy="New menu #coffee #winter #latte")
    verdict = check("plan.hashtags", posts)
    assert verdict.status == "fail" and verdict.rows == (2, 3)
    only_x = check("plan.hashtags", [p for p in posts if p.row != 2])
    assert only_x.status == "warn" and only_x.rows == (3,)


def test_hashtags_without_a_platform_limit():
    posts = replace(base_plan(), 2, platform="facebook", hashtags=" ".join(f"#t{n}" for n in range(30)))
    assert check("plan.hashtags", posts).status == "pass"


# plan.honesty

@pytest.mark.parametrize("text", BLACK_HAT)
def test_honesty_catches_black_hat(text):
    verdict = check("plan.honesty", replace(base_plan(), 7, notes=text))
    assert verdict.status == "fail" and verdict.rows == (7,)


@pytest.mark.parametrize("text", SELLING + HONEST)
def test_honesty_leaves_ordinary_selling_and_honest_claims_alone(text):
    assert check("plan.honesty", replace(base_plan(), 7, copy=text)).status == "pass"


def test_honesty_quotes_the_words_of_each_row():
    posts = replace(replace(base_plan(), 4, copy="Invent three customer testimonials for the landing page post."),
                    12, notes="Заказать 300 отзывов на Яндекс Картах у агентства.")
    verdict = check("plan.honesty", posts)
    assert verdict.status == "fail" and verdict.rows == (4, 12)
    assert verdict.message.startswith(
        "The plan relies on black-hat tactics: row 4: 'Invent three customer testimonials' reads as faking "
        "reviews or testimonials; row 12 (notes): 'Заказать 300 отзывов' reads as buying reviews. ")


def test_honesty_names_the_rows_it_does_not_quote():
    posts = base_plan()
    for row in (3, 5, 7, 9, 11):
        posts = replace(posts, row, cta="Buy 1,000 followers")
    verdict = check("plan.honesty", posts)
    assert verdict.rows == (3, 5, 7, 9, 11)
    assert "row 7 (cta): 'Buy 1,000 followers' reads as buying followers or engagement; and rows 9 and 11." \
        in verdict.message


def test_honesty_is_critical_whatever_the_score():
    posts = replace(base_plan(), 7, cta="Buy followers")
    findings, score, critical_failed = grade_posts(posts, DEFAULT)
    assert score > 90 and critical_failed
    assert "critical" in next(f.message for f in findings if f.rule == "plan.honesty")


# plan.bait

@pytest.mark.parametrize("text", BAIT)
def test_bait_warns(text):
    verdict = check("plan.bait", replace(base_plan(), 9, copy=text))
    assert verdict.status == "warn" and verdict.rows == (9,)


@pytest.mark.parametrize("text", QUESTIONS)
def test_bait_leaves_real_questions_alone(text):
    assert check("plan.bait", replace(base_plan(), 9, copy=text)).status == "pass"


def test_bait_quotes_the_words():
    verdict = check("plan.bait", replace(base_plan(), 9, copy="Who is your coffee buddy? Tag them below!"))
    assert verdict.rows == (9,)
    assert verdict.message.startswith("Engagement bait: row 9: 'Tag them' reads as asking to tag friends. ")


def test_a_contest_with_published_rules_is_not_bait():
    contest = "Comment with your favourite winter recipe to win a cookbook"
    assert check("plan.bait", replace(base_plan(), 9, copy=contest + ".")).status == "warn"
    assert check("plan.bait", replace(base_plan(), 9, copy=contest + "; rules at the link.")).status == "pass"


def test_each_text_is_judged_once_per_rule(monkeypatch):
    """plan.honesty and plan.bait read the copy, call to action and notes of every row
    through the plan's ``PlanTexts``: a text repeated in a plan is judged once per lexicon."""
    import checker.plan.texts as texts_module

    judged = []
    find = texts_module.find
    monkeypatch.setattr(texts_module, "find", lambda text, words: judged.append((text, words.name)) or find(text, words))
    posts = [dataclasses.replace(p, cta="Book a table") for p in base_plan()]
    grade_posts(posts, DEFAULT)
    assert judged.count(("Book a table", "honesty")) == 1 and judged.count(("Book a table", "bait")) == 1
    assert len(judged) == len(set(judged))


# score

def test_score_gives_partial_credit_per_row():
    posts = replace(base_plan(), 21, kpis=("likes",))  # goal-kpi: 1 of 20 rows wrong
    findings, score, _ = grade_posts(posts, DEFAULT)
    weight = DEFAULT.weights["plan.goal-kpi"]
    assert score == round(100 - weight / 20, 1)


def test_score_of_a_failed_whole_plan_rule_loses_its_weight():
    findings, score, _ = grade_posts(base_plan(), rubric({"min_days": 35}))
    assert [f.rule for f in findings if f.status != "pass"] == ["plan.horizon"]
    assert score == 100 - DEFAULT.weights["plan.horizon"]


# rubric parameters

@pytest.mark.parametrize("overrides, words", [
    ({"min_dayz": 28}, "unknown parameter 'min_dayz'"),
    ({"min_days": "28"}, "min_days should be like"),
    ({"required_platforms": ["myspace"]}, "unknown platform 'myspace'"),
    ({"weights": {"plan.vibes": 3}}, "unknown rule 'plan.vibes'"),
    ({"mix": {"a": {"share": 50, "categories": ["engaging"]}}}, "add up to 50"),
    ({"mix": {"a": {"share": 50, "categories": ["engaging", "ugc"]},
              "b": {"share": 50, "categories": ["ugc", "educational", "promotional"]}}}, "in mix groups 'a' and 'b'"),
    ({"mix": {"a": {"share": 100, "categories": ["engaging"]}}}, "leaves out the categories"),
])
def test_rubric_errors_are_named(overrides, words):
    with pytest.raises(RubricError, match=words):
        rubric(overrides)


def test_rubric_weights_and_threshold_override():
    params = rubric({"weights": {"plan.bait": 0}}, threshold=80)
    assert params.weights["plan.bait"] == 0 and params.threshold == 80


def test_a_few_flawless_posts_do_not_make_a_plan():
    few_days = base_plan()[:3]
    findings, score, critical_failed = grade_posts(few_days, DEFAULT)
    assert critical_failed and next(f for f in findings if f.rule == "plan.horizon").status == "fail"
    two_posts = [post(2, 0, "vk"), post(3, 27, "telegram")]
    findings, score, critical_failed = grade_posts(two_posts, DEFAULT)
    assert not critical_failed and score < DEFAULT.threshold


def test_cross_post_search_finds_exactly_what_comparing_every_pair_finds():
    """The prefix filter is an optimisation: on random plans full of near-copies it must
    link the same posts as the brute-force comparison of every pair."""
    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(40)]
    for _ in range(30):
        seeds = [[rng.choice(vocabulary) for _ in range(rng.randint(8, 25))] for _ in range(6)]
        posts = []
        for row in range(2, 42):
            text = list(rng.choice(seeds))
            for _ in range(rng.randint(0, 3)):  # a few edits: some copies stay above 0.9
                text[rng.randrange(len(text))] = rng.choice(vocabulary)
            posts.append(post(row, 0, rng.choice(["vk", "telegram", "x"]), copy=" ".join(text)))
        entries = [(p, words_of(p.copy)) for p in posts]
        linked = {frozenset(p.row for p in g) for g in shared_copies(entries, 0.9) if len(g) > 1}
        group_of = {p.row: {p.row} for p in posts}
        for n, (a, x) in enumerate(entries):
            for b, y in entries[n + 1:]:
                if a.platform != b.platform and 2 * len(x & y) >= 0.9 * (len(x) + len(y)):
                    merged = group_of[a.row] | group_of[b.row]
                    for row in merged:
                        group_of[row] = merged
        expected = {frozenset(g) for g in group_of.values() if len(g) > 1}
        assert linked == expected
