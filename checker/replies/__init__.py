"""The ``replies`` exercise kind: a learner answers a page's comments (complaints,
questions, praise, trolls, spam, black PR) in an answer sheet, graded on coverage, speed,
what each reply says and how it says it, read with the text engine (``checker.text``)."""
