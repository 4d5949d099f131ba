"""Per-client limits in memory: one client is stopped, the others are not."""

from __future__ import annotations

from quiz.classroom import SlidingWindow


def test_one_client_is_limited_and_another_is_not():
    now = [0.0]
    window = SlidingWindow(limit=3, seconds=600, clock=lambda: now[0])
    assert [window.allow("prankster") for _ in range(5)] == [True, True, True, False, False]
    assert window.allow("teacher")  # the prankster's clicks lock nobody else out


def test_the_window_slides_and_forgets_old_clients():
    now = [0.0]
    window = SlidingWindow(limit=2, seconds=60, clock=lambda: now[0])
    window.allow("a")
    now[0] = 30
    window.allow("a")
    assert not window.allow("a")
    now[0] = 61  # the first event is out of the window
    assert window.allow("a") and not window.allow("a")
    now[0] = 200
    window.allow("b")
    assert set(window._events) == {"b"}  # nothing is kept about "a" once its window is over
