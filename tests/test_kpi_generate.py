"""Per-learner datasets: the same name gives the same data, other names other data, and
every generated dataset is valid and gradable."""

from __future__ import annotations

import pytest

from checker.exercises import list_exercises, load_exercise
from checker.kpi.generate import learner_dataset_csv, seed_for
from checker.kpi.answers import Answer
from checker.kpi.grade import asked_metrics, dataset_from_csv, grade
from checker.kpi.metrics import METRICS

KPI_EXERCISES = [e.id for e in list_exercises() if e.kind == "kpi"]
NAMES = ["Anna Petrova", "Ivan Sidorov", "Maria Ivanova", "Li Wei", "José García", "Ольга Смирнова"]


def test_the_four_kpi_exercises_exist():
    assert {"kpi-report", "organic-report", "paid-funnel", "service-report"} <= set(KPI_EXERCISES)


@pytest.mark.parametrize("exercise_id", KPI_EXERCISES)
def test_same_name_same_data(exercise_id):
    exercise = load_exercise(exercise_id)
    assert learner_dataset_csv(exercise, "Anna Petrova") == learner_dataset_csv(exercise, "Anna Petrova")
    # Case and spacing of the name do not matter: a learner types it differently each time.
    assert learner_dataset_csv(exercise, "  anna   PETROVA ") == learner_dataset_csv(exercise, "Anna Petrova")


@pytest.mark.parametrize("exercise_id", KPI_EXERCISES)
def test_a_classmates_answers_do_not_pass_on_your_data(exercise_id):
    exercise = load_exercise(exercise_id)
    ids = asked_metrics(exercise)
    assert len({learner_dataset_csv(exercise, name) for name in NAMES}) == len(NAMES)
    datasets = [dataset_from_csv(learner_dataset_csv(exercise, name), ids) for name in NAMES]
    for mine, theirs in zip(datasets, datasets[1:] + datasets[:1]):
        copied = {m: Answer(2, f"{METRICS[m].value(theirs):.2f}") for m in ids}
        assert grade(exercise, mine, copied).score < exercise.threshold


def test_the_seed_is_stable_across_processes_and_releases():
    # The first 8 bytes of SHA-256("kpi-report\nanna petrova"). If this changes, every
    # learner's dataset changes under their feet: their answers stop matching.
    assert seed_for("kpi-report", "Anna Petrova") == 0x8D3E01C38BE16639


def test_same_name_other_exercise_other_data():
    assert seed_for("kpi-report", "Anna Petrova") != seed_for("paid-funnel", "Anna Petrova")


@pytest.mark.parametrize("exercise_id", KPI_EXERCISES)
@pytest.mark.parametrize("learner", [f"learner {n}" for n in range(40)])
def test_generated_datasets_are_always_valid(exercise_id, learner):
    exercise = load_exercise(exercise_id)
    data = dataset_from_csv(learner_dataset_csv(exercise, learner), asked_metrics(exercise))
    spec = exercise.params["dataset"]
    assert len(data.rows) == spec.get("posts", spec.get("messages"))
    assert data.dates == sorted(data.dates)


def test_the_margin_column_left_every_learners_other_numbers_as_they_were():
    # Anna's first post before gross_margin was added (drawn after every other number).
    header, first = learner_dataset_csv(load_exercise("kpi-report"), "Anna Petrova").splitlines()[:2]
    assert header.endswith(",revenue,gross_margin")
    assert first.startswith("P01,2026-09-01,VK,7967,20753,13705,804,80,56,160,237,3908.53,14,20692.53,")
    margin = float(first.rsplit(",", 1)[1])
    assert 0.45 * 20692.53 <= margin <= 0.6 * 20692.53  # the exercise's margin_rate range


@pytest.mark.parametrize("learner", [f"learner {n}" for n in range(40)])
def test_generated_messages_look_like_a_community_inbox(learner):
    exercise = load_exercise("service-report")
    rows = [line.split(",") for line in learner_dataset_csv(exercise, learner).splitlines()]
    assert rows[0] == ["message_id", "platform", "type", "received_at", "first_reply_at", "resolved"]
    for message_id, platform, kind, received, replied, resolved in rows[1:]:
        assert kind in {"question", "complaint", "praise", "spam"}
        assert (replied == "") if kind == "spam" else (replied == "" or replied >= received)
        assert replied == "" or "09:00" <= replied[11:] < "21:00"  # the team's working hours
        assert resolved in ({"yes", "no"} if kind == "complaint" else {""})
        assert resolved != "yes" or replied  # a complaint nobody answered was not resolved
