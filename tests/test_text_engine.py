"""The text engine (checker/text/): tokens, word families with Russian inflection, the
window between a concept's parts, and how a match is read (negated, question, reported,
quoted). The lexicons are the course's own (checker/data/text_*.toml)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import checker.data
from checker.data import DataFileError
from checker.text import LexiconError, find, lexicon, scan, tokenize
from checker.text.lexicon import Lexicon, build, lexicon_problems
from checker.text.tokens import norms_of, words_of

HONESTY = lexicon("honesty")
BAIT = lexicon("bait")
CORPUS = Path(__file__).parent / "corpus"


def readings(text: str, words: Lexicon = HONESTY) -> list[tuple[str, str, str]]:
    """(concept, quote, reading) of every match in ``text``."""
    return [(m.concept, m.quote, m.reading) for m in scan(text, words)]


# tokens

def test_tokens_keep_numbers_compounds_and_emoji_whole_with_their_places():
    text = "Buy 2,000 auto-liker's 5-star ❤️ likes — don’t!"
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == ["buy", "2,000", "auto-liker's", "5-star", "❤", "likes", "—", "don't", "!"]
    assert all(text[t.start:t.end].lower().replace("’", "'").replace("\ufe0f", "") == t.norm for t in tokens)
    assert tokens[1].is_number and tokens[4].is_mark and not tokens[5].is_mark


def test_tokens_read_yo_as_ye_and_keep_offsets_when_lower_case_is_longer():
    assert norms_of("Купим ЁЛКУ") == ("купим", "елку")
    text = "İstanbul: buy followers"
    tokens = tokenize(text)
    assert [text[t.start:t.end] for t in tokens] == ["İstanbul", ":", "buy", "followers"]


# word families and the window

@pytest.mark.parametrize("text", [
    "Купить 1000 подписчиков", "Купили подписчиков в январе", "Покупка подписчиков перед запуском",
    "Купленных подписчиков не видно сразу", "Закажем живых подписчиков", "Подписчиков купим у агентства",
])
def test_russian_inflections_of_buying_followers(text):
    assert [m.concept for m in find(text, HONESTY)] == ["buying-audience"]


@pytest.mark.parametrize("text, concept", [
    ("Накрутка подписчиков", "inflating"), ("Накрутить просмотры", "inflating"),
    ("Сделаем накрутку лайков", "inflating"), ("Фейковый отзыв", "fake-reviews"),
    ("Фейковые отзывы", "fake-reviews"), ("Пять фейковых отзывов", "fake-reviews"),
])
def test_russian_nouns_and_verbs_in_every_form(text, concept):
    assert [m.concept for m in find(text, HONESTY)] == [concept]


def test_the_hair_curling_verb_is_not_inflation():
    assert find("Накрутим локоны к празднику", HONESTY) == []


def test_modifiers_stand_free_between_the_parts_other_words_do_not():
    assert [m.quote for m in find("Buy 2,000 real active Instagram followers", HONESTY)] == [
        "Buy 2,000 real active Instagram followers"]
    assert find("Buy the cake our followers love", HONESTY) == []


def test_a_link_never_crosses_a_clause_mark_or_a_link_word():
    assert find("Order now and leave us a review", HONESTY) == []
    assert find("Buy tickets, read the reviews", HONESTY) == []
    assert find("Buy tickets; followers get a discount", HONESTY) == []


def test_the_window_bounds_the_gap_in_tokens():
    near = "Pay students to post reviews"
    far = "Pay the students of the evening group at the school to post reviews"
    assert [m.concept for m in find(near, HONESTY)] == ["buying-reviews"]
    assert find(far, HONESTY) == []


def test_a_context_family_must_stand_where_the_concept_says():
    assert [m.concept for m in find("Ask the staff to write reviews", HONESTY)] == ["staff-reviews"]
    assert find("Write a review about our staff", HONESTY) == []  # after the reviews: what they are about
    assert [m.concept for m in find("Write reviews ourselves", HONESTY)] == ["staff-reviews"]


# how a match is read

@pytest.mark.parametrize("text", [
    "We never buy followers", "We don't buy followers or likes", "No fake reviews here",
    "Zero bots, no bought followers", "Мы не покупаем подписчиков", "Никогда не заказывали отзывы",
    "Без накрутки и ботов", "Instead of buying followers, we ran a tasting",
])
def test_negation_before_the_concept(text):
    found = scan(text, HONESTY)
    assert found and all(m.reading == "negated" for m in found) and find(text, HONESTY) == []


def test_negation_after_the_concept_in_the_same_sentence():
    assert readings("Bought followers: not for us.") == [("buying-audience", "Bought followers", "negated")]


def test_negation_stops_at_its_clause_and_phrases_that_do_not_negate():
    assert readings("No time to grow slowly, so buy followers") == [
        ("buying-audience", "buy followers", "asserted")]
    assert readings("Don't forget to buy followers") == [("buying-audience", "buy followers", "asserted")]


def test_a_question_is_not_a_plan_but_a_suggestion_asked_as_one_is():
    assert readings("Should brands buy followers?") == [("buying-audience", "buy followers", "question")]
    assert readings("Why not buy 500 followers?") == [("buying-audience", "buy 500 followers", "asserted")]
    assert readings("Почему бы не купить подписчиков?") == [
        ("buying-audience", "купить подписчиков", "asserted")]


def test_bait_is_bait_in_a_question_too():
    assert [(m.quote, m.reading) for m in scan("Who is your coffee buddy? Tag them!", BAIT)] == [
        ("Tag them", "asserted")]


@pytest.mark.parametrize("text", [
    "Someone offered us bought followers; we said no", "People ask whether we buy likes: we don't",
    "Every week we get spam: buy 1,000 followers overnight", "How to spot fake reviews",
    "Нам предлагали купить подписчиков", "Конкурента поймали на покупке отзывов",
])
def test_reported_speech_and_discussion(text):
    found = scan(text, HONESTY)
    assert found and find(text, HONESTY) == [] and {m.reading for m in found} <= {"reported", "negated"}


def test_a_quotation_with_a_reporting_word_outside_it_is_quoted():
    assert readings('"Buy 1,000 followers today," the message said.') == [
        ("buying-audience", "Buy 1,000 followers", "quoted")]


def test_a_quotation_without_one_is_what_the_plan_says():
    assert readings('CTA: "Tag 3 friends to win"', BAIT)[0][2] == "asserted"


def test_each_match_quotes_the_learners_own_characters():
    text = "Потом КУПИМ 1 000 живых ПОДПИСЧИКОВ."
    [match] = find(text, HONESTY)
    assert match.quote == "КУПИМ 1 000 живых ПОДПИСЧИКОВ" == text[match.start:match.end]
    assert match.language == "ru" and match.label == "buying followers or engagement"
    assert match.describe() == "'КУПИМ 1 000 живых ПОДПИСЧИКОВ' reads as buying followers or engagement"


def test_one_place_per_concept_the_first_listed_and_longest_wins():
    assert [m.quote for m in find("Share to win a mug", BAIT)] == ["Share to win"]
    assert [m.quote for m in find("Tag 3 friends who love cake", BAIT)] == ["Tag 3 friends"]


def test_a_contest_with_rules_cancels_comment_to_win():
    assert [m.concept for m in find("Comment your best recipe to win a cookbook", BAIT)] == ["comment-to-win"]
    assert find("Comment your best recipe to win a cookbook; rules at the link", BAIT) == []


# the quick looks before a text is read token by token

def corpus_texts() -> list[str]:
    texts = []
    for name in ("honesty", "bait"):
        lines = (CORPUS / f"{name}.tsv").read_text(encoding="utf-8").splitlines()[1:]
        texts += [line.split("\t")[0] for line in lines]
    return texts


def test_the_quick_looks_never_lose_a_match(monkeypatch):
    """Skipping a text whose words cannot hold a concept (``Lexicon.may_match``) finds
    exactly what reading every text token by token finds, on the corpus and on each
    corpus sentence glued to others without spaces or with emoji between them."""
    texts = corpus_texts()
    texts += [a + "👍" + b for a, b in zip(texts, texts[1:])] + [a + b for a, b in zip(texts, texts[7:])]
    quick = {(text, words.name): scan(text, words) for text in texts for words in (HONESTY, BAIT)}
    monkeypatch.setattr(Lexicon, "may_match", lambda self, text: True)
    assert {(text, words.name): scan(text, words) for text in texts for words in (HONESTY, BAIT)} == quick
    assert sum(1 for found in quick.values() if found) > 400


def test_the_quick_split_is_the_plan_word_set():
    assert words_of("Auto-liker’s «likes», ёлка") == {"auto", "liker", "s", "likes", "ёлка"}


# data files

def shared() -> dict:
    return checker.data.load("text_language.toml")


def test_a_concept_naming_an_unknown_family_is_refused_with_the_file():
    table = {"families": {"buy": {"en": ["buy"]}}, "concepts": [{"id": "x", "label": "x", "parts": ["buy", "likes"]}]}
    with pytest.raises(LexiconError, match=r"checker/data/text_toy.toml: concept x names the family 'likes'"):
        build("toy", table, shared())


def test_a_malformed_concept_or_family_is_refused_with_the_file():
    with pytest.raises(LexiconError, match=r"text_toy.toml: concept 1 is malformed"):
        build("toy", {"concepts": [{"id": "x", "parts": ["buy"]}]}, shared())
    with pytest.raises(LexiconError, match=r"text_toy.toml: \[families.buy\] must list its entries"):
        build("toy", {"families": {"buy": ["buy"]}}, shared())
    with pytest.raises(LexiconError, match=r"context_where must be one of"):
        build("toy", {"families": {"buy": {"en": ["buy"]}},
                      "concepts": [{"id": "x", "label": "x", "parts": ["buy"], "context_where": "near"}]}, shared())


def test_validate_names_a_broken_lexicon(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(Path(checker.data.FOLDER), data)
    monkeypatch.setattr("checker.data_checks.FOLDER", data)
    assert lexicon_problems("honesty") == [] and lexicon_problems("bait") == []
    toml = data / "text_bait.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('parts = ["tag", "friend"]', 'parts = ["tag", "pal"]'),
                    encoding="utf-8")
    assert lexicon_problems("bait") == [
        "checker/data/text_bait.toml: concept tag-bait names the family 'pal', which no [families] table defines."]
    (data / "text_honesty.toml").unlink()
    assert lexicon_problems("honesty") == ["checker/data/text_honesty.toml: the file is missing."]
    with pytest.raises(DataFileError):
        checker.data_checks.read("text_honesty.toml")


def test_two_parts_in_either_order_when_the_concept_allows_it():
    table = {"families": {"bot": {"en": ["bots"]}, "likes": {"en": ["likes"]}},
             "concepts": [{"id": "bots", "label": "bots", "parts": ["bot", "likes"], "any_order": True},
                          {"id": "strict", "label": "strict", "parts": ["bot", "likes"]}]}
    toy = build("toy", table, shared())
    assert [(m.concept, m.quote) for m in find("likes from bots", toy)] == []  # "from": a word, gap 0
    assert [(m.concept, m.quote) for m in find("likes bots", toy)] == [("bots", "likes bots")]
    assert sorted(m.concept for m in find("bots likes", toy)) == ["bots", "strict"]


def test_adding_a_word_to_a_family(tmp_path, monkeypatch):
    """CONTRIBUTING's recipe: a sentence the lexicon misses is caught once its word is in
    a family of the data file, and the innocent look-alike stays innocent."""
    sentence, look_alike = "Hire 500 followers for the launch", "Hire 5 baristas for the launch"
    assert find(sentence, HONESTY) == []
    data = tmp_path / "data"
    shutil.copytree(Path(checker.data.FOLDER), data)
    monkeypatch.setattr("checker.data_checks.FOLDER", data)
    toml = data / "text_honesty.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('en = ["buy", "buys",', 'en = ["hire", "buy", "buys",', 1),
                    encoding="utf-8")
    assert lexicon_problems("honesty") == []
    edited = build("honesty", checker.data_checks.read("text_honesty.toml"), shared())
    assert [m.describe() for m in find(sentence, edited)] == [
        "'Hire 500 followers' reads as buying followers or engagement"]
    assert find(look_alike, edited) == []
