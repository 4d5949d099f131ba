"""Races on both databases: `close()` is a barrier, and the room limit holds with 2 processes × 10
threads (security audit H1 and L4)."""

from __future__ import annotations

import multiprocessing
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from quiz.classroom import ClassroomError, ClassroomStore
from quiz.model import Answers
from tests.test_classroom_store import IDS, store_factory  # noqa: F401 - the fixture

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _pupils_until_closed(store: ClassroomStore, code: str, worker: str, start: threading.Event) -> None:
    start.wait()
    for n in range(25):
        try:
            store.submit(code, f"{worker}-{n}", Answers({"s0": 1}))
        except ClassroomError:
            return
        time.sleep(0.002)


def test_no_submission_is_stored_after_close_returns(store_factory):  # noqa: F811
    """Four pupil threads send while the room is closed, four more start once the close has
    returned. (With all eight sending from the start, SQLite once let all 200 in before the close got
    its turn, and the test proved nothing.) Whatever got in before the close returned stays; nothing
    gets in after it."""
    store = store_factory()
    for trial in range(3):
        created = store.create_room("quiz", IDS, ["S"], all_statements=len(IDS), class_size=200)
        early, late = threading.Event(), threading.Event()
        threads = [threading.Thread(target=_pupils_until_closed,
                                    args=(store, created.code, f"{trial}-{w}", early if w < 4 else late))
                   for w in range(8)]
        for thread in threads:
            thread.start()
        early.set()
        deadline = time.monotonic() + 30
        while store.count(created.room) < 40 and time.monotonic() < deadline:  # not a fixed wait
            time.sleep(0.001)
        store.close(created.token)
        stored_at_close = store.count(created.room)
        late.set()
        for thread in threads:
            thread.join()
        assert 40 <= stored_at_close <= 100, "the close came while the first four were sending or after"
        assert store.count(created.room) == stored_at_close, f"trial {trial}"


def _create_rooms(url: str, schema: str | None, barrier: multiprocessing.synchronize.Barrier) -> list[int]:
    store = ClassroomStore(url, schema=schema, room_limit=30)
    barrier.wait()

    def attempt(_: int) -> int:
        made = 0
        for _ in range(5):
            try:
                store.create_room("quiz", IDS, ["S"], all_statements=len(IDS))
                made += 1
            except ClassroomError as error:
                assert error.reason == "rate_limited"
        return made

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(attempt, range(10)))
    store.engine.dispose()
    return results


def test_the_room_limit_holds_with_2_processes_of_10_threads(store_factory):  # noqa: F811
    store = store_factory()
    url = store.engine.url.render_as_string(hide_password=False)
    schema = store.tables.meta.schema
    context = multiprocessing.get_context("spawn")
    barrier = context.Manager().Barrier(2)
    with context.Pool(2) as pool:
        made = pool.starmap(_create_rooms, [(url, schema, barrier)] * 2)
    assert sum(map(sum, made)) == 30  # 100 attempts, limit 30
    assert store.count_rooms() == 30
