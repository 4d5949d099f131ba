"""Published class results never isolate one pupil: any two snapshots differ by at least k pupils.

The differencing attack (security audit M2, UX walk #4): with exact live counts, the results
before and after one more pupil give that pupil's answers. Published snapshots move only in steps
of at least `threshold` new or changed answer sets.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.classroom import ClassroomStore, Room, published_summary, summary_csv
from quiz.classroom.store import _payload
from quiz.model import Answers
from tests.conftest import make_quiz

IDS = [f"s{i}" for i in range(10)]
submit = st.tuples(st.just("submit"), st.integers(0, 7), st.integers(-2, 2), st.integers(-2, 2))
read = st.tuples(st.just("read"), st.just(0), st.just(0), st.just(0))


def answer_set(first: int, second: int) -> Answers:
    return Answers({"s0": first, "s1": second})


@settings(max_examples=60, deadline=None)
@given(threshold=st.integers(3, 5), steps=st.lists(st.one_of(submit, submit, read), max_size=40))
def test_two_published_snapshots_never_differ_by_fewer_than_k_pupils(threshold, steps):
    store = ClassroomStore("sqlite://")
    created = store.create_room("quiz", IDS, ["S"], all_statements=len(IDS), threshold=threshold)
    room = created.room
    current: dict[int, str] = {}          # pupil → answers now
    published: dict[int, str] | None = None  # pupil → answers in the last snapshot
    built: list[list[Answers]] = []          # what the store built a snapshot from, this read
    for action, key, first, second in [*steps, ("read", 0, 0, 0)]:
        if action == "submit":
            store.submit(created.code, f"pupil-{key}", answer_set(first, second))
            current[key] = _payload(answer_set(first, second))
            continue
        built.clear()
        snapshot = store.publish(room, lambda subs: built.append(subs) or json.dumps(len(subs)))
        changed = {k for k, v in current.items() if published is None or published.get(k) != v}
        if built:
            assert len(changed) >= threshold  # the step between two snapshots is at least k pupils
            assert sorted(map(_payload, built[0])) == sorted(current.values())
            published = dict(current)
        else:
            assert len(changed) < threshold  # and results are published as soon as it is
        assert (snapshot is None) == (published is None)
    store.engine.dispose()


def test_the_audit_reproducer_one_more_pupil_changes_nothing_visible(five_point):
    # threshold 3; five pupils, look; a sixth pupil answers, look again: identical results and CSV
    quiz = make_quiz(five_point, {sid: {"X": 2, "Y": -2} for sid in IDS})
    store = ClassroomStore("sqlite://")
    created = store.create_room("mem", IDS, ["X", "Y"], all_statements=len(IDS), threshold=3)
    room: Room = created.room
    for pupil in range(5):
        store.submit(created.code, f"p{pupil}", Answers({sid: (pupil % 5) - 2 for sid in IDS}))
    before = published_summary(store, quiz, room)
    store.submit(created.code, "p5", Answers({sid: 2 for sid in IDS}))
    after = published_summary(store, quiz, room)
    assert before is not None and before == after and before.finished == 5
    assert summary_csv(quiz, before) == summary_csv(quiz, after)  # the CSV is the snapshot
    assert store.pending(room) == 1
    for pupil in (6, 7):
        store.submit(created.code, f"p{pupil}", Answers({sid: 0 for sid in IDS}))
    renewed = published_summary(store, quiz, room)
    assert renewed is not None and renewed.finished == 8 and store.pending(room) == 0


def test_changing_back_and_forth_does_not_count_as_a_change(five_point):
    store = ClassroomStore("sqlite://")
    created = store.create_room("quiz", IDS, ["S"], all_statements=len(IDS), threshold=3)
    for pupil in range(3):
        store.submit(created.code, f"p{pupil}", answer_set(1, 1))
    assert store.publish(created.room, lambda subs: "first") is not None
    store.submit(created.code, "p0", answer_set(-2, -2))
    store.submit(created.code, "p0", answer_set(1, 1))  # back to what was published
    store.submit(created.code, "p1", answer_set(0, 0))
    assert store.pending(created.room) == 1
