"""Throttling failed sign-ins: at most ``limit`` failures per key in a sliding window.

The web app keeps one :class:`Throttle` per name and one per address (docs/web.md,
"Security"). It lives in the server process's memory: several server processes each
count on their own, so the limit is per process. Time is passed in, so tests need no
clock.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field

NAME_LIMIT = 5  # failed sign-ins for one name ...
ADDRESS_LIMIT = 20  # ... or from one address ...
WINDOW = 15 * 60.0  # ... within this many seconds
MAX_KEYS = 100_000  # keys remembered at most (the oldest are forgotten first)


@dataclass
class Throttle:
    """Failures per key in the last ``window`` seconds.

    >>> t = Throttle(limit=2, window=60)
    >>> t.fail("ana", 0); t.fail("ana", 1); t.wait("ana", 2)
    58.0
    >>> t.wait("ana", 61)
    0.0
    """

    limit: int
    window: float = WINDOW
    _failures: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.get(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def wait(self, key: str, now: float) -> float:
        """Seconds until ``key`` may try again (0.0: now)."""
        with self._lock:
            times = self._recent(key, now)
            if len(times) < self.limit:
                return 0.0
            return float(times[len(times) - self.limit] + self.window - now)

    def fail(self, key: str, now: float) -> None:
        """Count a failure for ``key``."""
        with self._lock:
            times = self._recent(key, now)
            times.append(now)
            self._failures[key] = times
            if len(self._failures) > MAX_KEYS:
                del self._failures[next(iter(self._failures))]

    def clear(self, key: str) -> None:
        """Forget ``key``'s failures (after a successful sign-in)."""
        with self._lock:
            self._failures.pop(key, None)
