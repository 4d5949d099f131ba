"""Classrooms on a real database: SQLite (WAL) and PostgreSQL, with nothing lost under load."""

from __future__ import annotations

import logging
import os
import secrets
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text

from quiz.classroom import ClassroomError, ClassroomStore, format_code, normalise_code
from quiz.classroom.codes import ALPHABET
from quiz.model import Answers

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
IDS = [f"s{i}" for i in range(30)]


def postgres_available() -> bool:
    try:
        with create_engine(POSTGRES).connect() as conn:
            conn.execute(text("select 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means "not here"
        return False


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_factory(request, tmp_path):
    """Makes stores on one database; each call is like a restarted app process."""
    if request.param == "sqlite":
        url, schema = f"sqlite:///{tmp_path / 'class.sqlite3'}", None
    else:
        if not postgres_available():
            if os.environ.get("CI") == "true":
                pytest.fail("CI=true but PostgreSQL at 127.0.0.1:5432 does not answer")
            pytest.skip("PostgreSQL at 127.0.0.1:5432 does not answer")
        url, schema = POSTGRES, f"cm_{secrets.token_hex(6)}"
        with create_engine(POSTGRES).begin() as conn:
            conn.execute(text(f"create schema {schema}"))
    stores = []

    def make(**options):
        store = ClassroomStore(url, schema=schema, **options)
        stores.append(store)
        return store

    yield make
    for store in stores:
        store.engine.dispose()
    if schema:
        with create_engine(POSTGRES).begin() as conn:
            conn.execute(text(f"drop schema {schema} cascade"))


def new_room(store, **options):
    return store.create_room("quiz", IDS, ["S", "SJVP"], all_statements=len(IDS), **options)


def pupil(value: int) -> Answers:
    return Answers({sid: value for sid in IDS[:10]}, frozenset({"s1"}))


def test_codes_are_short_unambiguous_and_forgiving():
    assert not set(ALPHABET) & set("0O1IL")
    assert format_code("ABCDEFGH") == "ABCD-EFGH"
    assert normalise_code(" abcd-efgh ") == "ABCDEFGH"


def test_a_pupil_joins_with_the_code_and_submits_once_per_key(store_factory):
    store = store_factory()
    created = new_room(store)
    assert store.join(format_code(created.code).lower()).id == created.room.id
    store.submit(created.code, "key-1", pupil(1))
    store.submit(created.code, "key-1", pupil(1))  # a double click or a reload
    store.submit(created.code, "key-1", pupil(-1))  # the pupil changes an answer
    store.submit(created.code, "key-2", pupil(2))
    assert sorted(a.values["s0"] for a in store.answers(created.room)) == [-1, 2]


def test_rooms_survive_a_restart(store_factory):
    created = new_room(store_factory())
    store_factory().submit(created.code, "k", pupil(0))
    assert store_factory().count(store_factory().teacher_room(created.token)) == 1


def test_a_wrong_code_and_a_closed_room_are_refused_clearly(store_factory):
    store = store_factory()
    created = new_room(store)
    with pytest.raises(ClassroomError) as unknown:
        store.join("ZZZZ-ZZZZ")
    assert unknown.value.message("sv") == "Koden finns inte eller har gått ut. Kontrollera koden med din lärare."
    store.close(created.token)
    with pytest.raises(ClassroomError) as closed:
        store.submit(created.code, "k", pupil(1))
    assert closed.value.message("en") == "The classroom is closed and takes no more answers."


def test_a_pupil_code_never_opens_the_dashboard_and_bad_tokens_look_alike(store_factory):
    store = store_factory()
    created = new_room(store)
    messages = set()
    for attempt in (created.code, created.token[:-1] + ("A" if created.token[-1] != "A" else "B"), "nonsense"):
        with pytest.raises(ClassroomError) as caught:
            store.teacher_room(attempt)
        messages.add(caught.value.message("sv"))
    assert len(messages) == 1


def test_deleting_a_room_removes_every_answer(store_factory):
    store = store_factory()
    created = new_room(store)
    store.submit(created.code, "k", pupil(1))
    store.delete(created.token)
    with pytest.raises(ClassroomError):
        store.teacher_room(created.token)
    with store.engine.begin() as conn:
        assert conn.execute(store.submissions.select()).fetchall() == []
    with pytest.raises(ClassroomError):
        store.submit(created.code, "k2", pupil(1))


def test_expired_rooms_are_refused_and_purged(store_factory):
    now = [datetime(2026, 11, 1, tzinfo=UTC)]
    store = store_factory(clock=lambda: now[0])
    created = new_room(store, ttl=timedelta(days=7))
    store.submit(created.code, "k", pupil(1))
    now[0] += timedelta(days=8)
    with pytest.raises(ClassroomError):
        store.join(created.code)
    assert store.purge_expired() == 1
    with store.engine.begin() as conn:
        assert conn.execute(store.submissions.select()).fetchall() == []


def test_threshold_can_be_raised_but_never_below_three(store_factory):
    store = store_factory()
    assert new_room(store, threshold=8).room.threshold == 8
    with pytest.raises(ClassroomError) as caught:
        new_room(store, threshold=2)
    assert caught.value.message("sv") == "Gränsen för anonymitet måste vara minst 3 elever."


def test_a_subset_has_ten_to_fifteen_statements(store_factory):
    store = store_factory()
    assert store.create_room("quiz", IDS[:12], ["S"], all_statements=30).room.statement_ids == tuple(IDS[:12])
    with pytest.raises(ClassroomError) as caught:
        store.create_room("quiz", IDS[:3], ["S"], all_statements=30)
    assert caught.value.message("en") == "Choose between 10 and 15 statements, or all of them."


def test_room_creation_is_rate_limited_across_processes(store_factory):
    first, second = store_factory(room_limit=3), store_factory(room_limit=3)
    new_room(first)
    new_room(second)
    new_room(first)
    with pytest.raises(ClassroomError) as caught:
        new_room(second)
    assert caught.value.reason == "rate_limited"


def test_300_pupils_in_10_rooms_at_once_are_all_stored_exactly_once(store_factory):
    store = store_factory(room_limit=100)
    rooms = [new_room(store) for _ in range(10)]
    jobs = [(room, f"pupil-{r}-{p}", (p % 5) - 2) for r, room in enumerate(rooms) for p in range(30)]
    jobs += jobs[::7]  # some double clicks, sent again at the same time

    def send(job):
        room, key, value = job
        store.submit(room.code, key, pupil(value))

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(send, jobs))
    assert [store.count(room.room) for room in rooms] == [30] * 10


def test_a_room_takes_at_most_the_class_size_but_known_pupils_can_still_change(store_factory):
    store = store_factory()
    created = new_room(store, threshold=3, class_size=3)
    for key in ("a", "b", "c"):
        store.submit(created.code, key, pupil(1))
    with pytest.raises(ClassroomError) as caught:
        store.submit(created.code, "d", pupil(1))
    assert caught.value.message("sv") == "Klassrummet är fullt: 3 elever har redan svarat. Be din lärare om hjälp."
    store.submit(created.code, "c", pupil(-2))
    assert store.count(created.room) == 3


def test_the_class_size_is_at_least_the_threshold(store_factory):
    with pytest.raises(ClassroomError) as caught:
        new_room(store_factory(), threshold=5, class_size=4)
    assert caught.value.message("en") == "The class size must be at least the anonymity threshold (5) and at most 200."


def test_the_projector_token_opens_only_the_board_and_the_control_token_only_the_controls(store_factory):
    store = store_factory()
    created = new_room(store)
    assert store.board_room(created.board_token).id == created.room.id
    for wrong in (created.token, created.code, "nonsense"):
        with pytest.raises(ClassroomError) as caught:
            store.board_room(wrong)
        assert caught.value.reason == "bad_board"
    with pytest.raises(ClassroomError):
        store.teacher_room(created.board_token)
    with pytest.raises(ClassroomError):
        store.close(created.board_token)


def test_answers_come_back_sorted_by_content_not_by_arrival(store_factory):
    store = store_factory()
    created = new_room(store)
    for key, value in (("x", 2), ("y", -2), ("z", 0), ("w", 1)):
        store.submit(created.code, key, pupil(value))
    assert [a.values["s0"] for a in store.answers(created.room)] == [-2, 0, 1, 2]  # JSON text order


def test_a_room_is_pinned_to_its_quiz_version(store_factory):
    created = new_room(store_factory(), fingerprint="abcdef0123456789")
    assert created.room.fingerprint == "abcdef0123456789"


def test_nothing_in_the_logs_contains_answers_or_tokens(store_factory, caplog):
    caplog.set_level(logging.DEBUG)
    store = store_factory()
    created = new_room(store)
    store.submit(created.code, "secret-key", Answers({"s0": -2}, frozenset({"s0"})))
    store.answers(created.room)
    logged = caplog.text
    assert created.token not in logged and "secret-key" not in logged and '"s0": -2' not in logged
