"""A small memo for citations: citeproc-py takes 5-100 ms per style and claim, and the claim
page shows six styles. A citation is a pure function of the claim's and the source's fields,
so the key is those fields themselves (as JSON): an edit to either gives a new key, and a
hit is exactly what rendering again would give."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

SIZE = 4_096  # entries (a few hundred bytes each)


class Memo:
    """A thread-safe least-recently-used map from JSON-able keys to strings.

    >>> memo = Memo(size=2)
    >>> memo.get(("a", 1), lambda: "first"), memo.get(("a", 1), lambda: "second")
    ('first', 'first')
    """

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._items: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any, compute: Callable[[], str]) -> str:
        text = json.dumps(key, sort_keys=True, default=str)
        with self._lock:
            if text in self._items:
                self._items.move_to_end(text)
                return self._items[text]
        value = compute()
        with self._lock:
            self._items[text] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


citations = Memo()

# citeproc-py renders through style objects that claims.cite caches and shares; requests
# run in a thread pool, so the calls that render citations take turns.
CITEPROC = threading.RLock()
