"""Quizzes: banks as data (``bank``), grading shared with the site widget (``grade``),
learners' answer files (``answers``), LMS export (``export``) and the CLI (``command``)."""
