"""The hub's clock: the one source of "now", which tests move forward instead of sleeping or writing timestamps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from hub.lib.timeutil import utcnow


class Clock:
    """Wall time plus an offset; moving it notifies listeners (the scheduler re-reads its next due timer)."""

    def __init__(self) -> None:
        self._offset = timedelta(0)
        self._listeners: list[Callable[[], None]] = []

    def now(self) -> datetime:
        """Aware UTC at millisecond precision, like every stored timestamp."""
        return utcnow() + self._offset

    @property
    def offset(self) -> timedelta:
        return self._offset

    def advance(self, delta: timedelta) -> datetime:
        """Move time forward (never back: timers and leases assume time only grows)."""
        if delta < timedelta(0):
            raise ValueError("the clock only moves forward")
        self._offset += delta
        for listener in list(self._listeners):
            listener()
        return self.now()

    def on_change(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)
