"""smm-course: the grader and site tooling behind the SMM course.

The grading core (everything but ``checker.xlsx`` and ``checker.site``) imports the
standard library only, so the same code runs in the CLI, notebooks, CI and Pyodide.
"""

__version__ = "0.1.0"
