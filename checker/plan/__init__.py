"""The content-plan checker: a month of planned posts in, a score and teaching findings out.

The steps stay apart, as in the rest of the grader: ``parse`` turns a table into posts
or refuses it with every input problem, ``rules`` judge the posts one rubric rule at a
time, and ``grade`` weighs the verdicts into a score. All of it is standard library only
and reads no files of its own except the data tables, so it also runs in Pyodide.
"""
