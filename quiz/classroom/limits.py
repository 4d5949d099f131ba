"""Per-client limits kept in one process's memory: nothing is written to disk or to the database.

A client is whatever the caller names it by (a browser session, a teacher's device key): the
name lives only in this process, only as long as its window, and never next to any answers.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class SlidingWindow:
    """At most `limit` events per `seconds` for each client name."""

    def __init__(self, limit: int, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.seconds, self.clock = limit, seconds, clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        """Record one event for `client` and say whether it is within the limit."""
        now = self.clock()
        with self._lock:
            self._forget_before(now - self.seconds)
            events = self._events.setdefault(client, deque())
            if len(events) >= self.limit:
                return False
            events.append(now)
            return True

    def _forget_before(self, moment: float) -> None:
        for client in list(self._events):
            events = self._events[client]
            while events and events[0] <= moment:
                events.popleft()
            if not events:
                del self._events[client]
