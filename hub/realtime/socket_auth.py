"""Each socket's session and user, kept on the socket so that events do not re-read them from the store.

Revocation stays immediate because every path that ends a session also closes its sockets (logout, disable,
password reset and role change through `Realtime.disconnect_room`, idle and absolute expiry through
`SessionDeadlines`), and a closed socket's entry is dropped. Changes to a user that keep their sessions
(a new name, new contact details) drop that user's entries through `Realtime.user_changed`, on every
process. An entry is also re-checked against the store once it is `RECHECK_EVERY` old: that re-check is
what touches `last_seen_at` (at most once a minute, as HTTP does), so a session used only over its socket
does not idle out, and it bounds how long a change that reached no control path can go unseen.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from beanie import PydanticObjectId

from hub.lib.timeutil import as_utc
from hub.models import AuthSession, User

if TYPE_CHECKING:
    from hub.context import Hub

# hub.actions.auth.authenticate_session, passed in: the actions import the realtime bus, which owns this cache.
Recheck = Callable[[], Awaitable[tuple[User, AuthSession]]]

# The same period as the store's own last_seen_at throttle (hub/actions/auth.py), so each re-check touches.
RECHECK_EVERY = timedelta(seconds=60)


class SocketAuth:
    """sid -> (user, session, when last checked against the store), for this process's sockets."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[User, AuthSession, datetime]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def keep(self, sid: str, user: User, session: AuthSession, checked_at: datetime) -> None:
        self._entries[sid] = (user, session, checked_at)

    def drop(self, sid: str) -> None:
        self._entries.pop(sid, None)

    def forget(self, sids: list[str]) -> None:
        for sid in sids:
            self.drop(sid)

    async def user_and_session(self, hub: Hub, sid: str, session_id: PydanticObjectId,
                               recheck: Recheck) -> tuple[User, AuthSession]:
        """The socket's user and session: from the entry while it is fresh and the session within its
        deadlines, else re-read (and touched) by `recheck` (authenticate_session), which refuses ended sessions."""
        now = hub.clock.now()
        entry = self._entries.get(sid)
        if entry is not None:
            user, session, checked_at = entry
            if (session.id == session_id and now - checked_at < RECHECK_EVERY and now >= checked_at
                    and _within_deadlines(hub, session, now)):
                return user, session
        try:
            user, session = await recheck()
        except Exception:
            self._entries.pop(sid, None)
            raise
        self._entries[sid] = (user, session, now)
        return user, session


def _within_deadlines(hub: Hub, session: AuthSession, now: datetime) -> bool:
    idle = as_utc(session.last_seen_at) + timedelta(minutes=hub.settings.session_idle_minutes)
    return as_utc(session.expires_at) > now and idle > now
