"""Do the replies data files agree with each other and with the code? Each slip is a line
naming the file and the key, for ``smm-check validate``."""

from __future__ import annotations

import re

from checker.data import DataFileError, load
from checker.replies.settings import DATA_FILE, LEXICON, RUBRIC_FILE, WORDS_FILE, reply_data, reply_lexicon, reply_words
from checker.text.lexicon import LexiconError, lexicon_problems

# The lexicon concepts the rules read.
CONCEPTS = ("non-apology", "excuse", "apology", "vague", "private", "next-step", "complex", "blame", "sarcasm",
            "arguing", "threat", "ask-details", "review-change", "reward", "customer-voice", "staged-reviews", "fake-reviews")
GROUPS = ("answer", "leave", "complaints", "at_fault", "urgent", "next_step")


def replies_data_problems() -> list[str]:
    """Every slip in the replies data files."""
    from checker.replies.rules import RULES  # the rules read these files when imported

    broken = lexicon_problems(LEXICON)
    if broken:
        return broken
    try:
        data, rubric, words = reply_data(), load(RUBRIC_FILE), reply_words()
        lexicon = reply_lexicon()
    except (DataFileError, LexiconError) as error:
        return [str(error)]
    problems = [f"{RUBRIC_FILE}: [weights] has no weight for rule {r}." for r in RULES if r not in rubric["weights"]]
    problems += [f"{RUBRIC_FILE}: [weights] names {r}, which no rule declares." for r in rubric["weights"]
                 if r not in RULES]
    problems += [f"{RUBRIC_FILE}: critical names {r}, which has no weight." for r in rubric["critical"]
                 if r not in rubric["weights"]]
    known = {concept.id for concept in lexicon.concepts}
    problems += [f"text_{LEXICON}.toml: the rules read the concept '{c}', which [[concepts]] lacks." for c in CONCEPTS
                 if c not in known]
    situations = set(data["situations"])
    for name in GROUPS:
        problems += [f"{DATA_FILE}: [groups] {name} names '{s}', not a situation." for s in
                     data["groups"].get(name, [None]) if s not in situations]
    problems += [f"{DATA_FILE}: [action_groups] public names '{a}', not an action." for a in
                 data["action_groups"]["public"] if a not in data["actions"]]
    problems += [f"{DATA_FILE}: [platforms.{p}] needs {key}." for p, table in data["platforms"].items()
                 for key in ("label", "long", "max") if key not in table]
    for name in words["privacy"]["labels"]:
        try:
            re.compile(words["privacy"].get(name, ""))
        except re.error as error:
            problems.append(f"{WORDS_FILE}: [privacy] {name} is not a regular expression ({error}).")
        if not words["privacy"].get(name):
            problems.append(f"{WORDS_FILE}: [privacy] has a label for {name} but no pattern.")
    return problems
