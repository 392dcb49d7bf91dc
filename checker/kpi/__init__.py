"""KPI reports: compute the course's social media metrics from a campaign dataset, grade
a learner's answer sheet and diagnose the mistake behind each wrong number.

Steps are kept apart as in the rest of the grader: ``dataset`` and ``answers`` parse
(bad input raises ``InvalidInput``), ``metrics`` computes, ``diagnose`` explains,
``grade`` scores, ``generate`` makes each learner's own dataset. Standard library only.
"""

from checker.kpi.answers import read_answers
from checker.kpi.dataset import read_dataset
from checker.kpi.grade import grade, grade_files
from checker.kpi.metrics import METRICS

__all__ = ["METRICS", "grade", "grade_files", "read_answers", "read_dataset"]
