"""The runtime services an action needs: settings, store, password hasher and realtime fan-out."""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argon2 import PasswordHasher

from hub.settings import Settings

if TYPE_CHECKING:
    from hub.realtime.bus import Realtime
    from hub.store.db import Store


@dataclass
class Hub:
    """Owned by one aiohttp app; passed to every do_* action."""

    settings: Settings
    hasher: PasswordHasher
    realtime: Realtime
    # A hash of nothing in particular, verified for unknown usernames to keep login timing flat.
    dummy_hash: str
    store: Store | None = None
    _channel_locks: weakref.WeakValueDictionary[str, asyncio.Lock] = field(
        default_factory=weakref.WeakValueDictionary
    )

    def channel_lock(self, channel_id: str) -> asyncio.Lock:
        """Serialise sequence allocation per channel inside this process; the unique index covers the rest."""
        lock = self._channel_locks.get(channel_id)
        if lock is None:
            lock = asyncio.Lock()
            self._channel_locks[channel_id] = lock
        return lock
