"""The runtime services an action needs: settings, store, password hasher and realtime fan-out."""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argon2 import PasswordHasher

from hub.classification import ClassificationRules
from hub.lib.clock import Clock
from hub.lib.workdays import WorkCalendar
from hub.settings import Settings

if TYPE_CHECKING:
    from hub.actions.search_index import SearchIndexer
    from hub.botplatform.host import BotHost
    from hub.files.scopes import FileScopes
    from hub.files.store import ContentStore
    from hub.handlers import HandlerRegistry
    from hub.models import AuditEntry
    from hub.realtime.bus import Realtime
    from hub.remind.targets import ReminderTargets
    from hub.scheduler import Scheduler
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
    clock: Clock = field(default_factory=Clock)
    bots: BotHost = field(init=False)
    # Card handlers by key (hub.handlers): bots, and the workflow engine as "workflow".
    handlers: HandlerRegistry = field(init=False)
    workdays: WorkCalendar = field(init=False)
    scheduler: Scheduler = field(init=False)
    # The 密级 policy in force (hub/actions/policy.py keeps it fresh from the store).
    classification: ClassificationRules = field(default_factory=ClassificationRules)
    # The search indexer of this process (hub/actions/search_index.py).
    search: SearchIndexer = field(init=False)
    # File content (hub/files/store.py) and who may read and attach files on what (hub/files/scopes.py).
    files: ContentStore = field(init=False)
    file_scopes: FileScopes = field(init=False)
    # What a 提醒 can point at (hub/remind/targets.py); the 公文 work registers its own kind.
    reminder_targets: ReminderTargets = field(init=False)
    _locks: weakref.WeakValueDictionary[str, asyncio.Lock] = field(default_factory=weakref.WeakValueDictionary)
    # Audit entries waiting for the next group commit (hub/actions/audit.py), each with its caller's future.
    audit_queue: list[tuple[dict[str, Any], asyncio.Future[AuditEntry]]] = field(default_factory=list)
    # The highest audit seq this process has seen: the head is read from there on (see _append's comment).
    audit_head_seen: int = 0

    def lock(self, key: str) -> asyncio.Lock:
        """Serialise contended work on one object inside this process (a channel's sequence, a card,
        the audit chain); unique indexes and guarded updates keep it right across processes."""
        lock = self._locks.get(key)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[key] = lock
        return lock
