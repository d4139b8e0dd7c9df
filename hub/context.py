"""The runtime services an action needs: settings, store, password hasher and realtime fan-out."""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argon2 import PasswordHasher

from hub.settings import Settings

if TYPE_CHECKING:
    from hub.botplatform.host import BotHost
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
    bots: BotHost = field(init=False)
    _locks: weakref.WeakValueDictionary[str, asyncio.Lock] = field(default_factory=weakref.WeakValueDictionary)

    def lock(self, key: str) -> asyncio.Lock:
        """Serialise contended work on one object inside this process (a channel's sequence, a card,
        the audit chain); unique indexes and guarded updates keep it right across processes."""
        lock = self._locks.get(key)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[key] = lock
        return lock
