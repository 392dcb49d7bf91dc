"""Judging what a text says: concepts found as word families standing close together,
read in their sentence (negated, reported, quoted, asked about, or said outright).

Standard library only (it runs in the browser under Pyodide). The words live in data
files, not here: ``checker/data/text_language.toml`` holds what every lexicon shares
(negators, reporting phrases, modifiers, clause lead-ins), and each lexicon
``checker/data/text_<name>.toml`` its own word families and concepts (``honesty`` for
``plan.honesty``, ``bait`` for ``plan.bait``).

Public API::

    from checker.text import find, lexicon, scan

    honesty = lexicon("honesty")            # read and indexed once per process
    for match in find(text, honesty):       # the matches that count against the text
        match.concept    # "fake-reviews": the concept's id in the data file
        match.label      # "faking reviews or testimonials": what the learner is told
        match.quote      # "fake five-star reviews": the text's own words, first to last part
        match.start, match.end   # character offsets of the quote in ``text``
        match.reading    # "asserted" for every match ``find`` returns
        match.language   # "ru" if the quote holds Cyrillic, else "en"
        match.describe() # "'fake five-star reviews' reads as faking reviews or testimonials"

    scan(text, honesty)   # every match however said: reading is also "negated",
                          # "reported", "quoted" or "question" (tests, reply rules)

    tokenize(text)        # the tokens (norm: lower case, ё as е; start, end offsets)

How it works: ``tokens`` splits the text into words, numbers and marks and finds its
sentences, clauses and quotations; ``lexicon`` reads the families (entries such as
``buy``, ``купи*``, ``*ых``, ``pay for``) and concepts, and finds every family entry at
each token; ``match`` links a concept's parts (in order, within its gap of non-modifier
words, never across a clause mark) and reads each place in its sentence. A new lexicon
is a new data file; see CONTRIBUTING.md, "How to add a word family or a concept"."""

from checker.text.lexicon import Concept, Lexicon, LexiconError, lexicon
from checker.text.match import Match, find, scan
from checker.text.tokens import Token, tokenize

__all__ = ["Concept", "Lexicon", "LexiconError", "Match", "Token", "find", "lexicon", "scan", "tokenize"]
