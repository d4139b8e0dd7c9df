"""Login throttling: every attempt is claimed atomically before the password is verified.

Three keys per attempt, all by the username as typed (so unknown names behave exactly like real ones):
- `src:<username>|<ip>`: 等保's lockout, after `login_max_failures` wrong passwords from one source;
- `ip:<ip>`: one source guessing across many names is locked after `login_ip_max_failures`;
- `acct:<username>`: from anywhere, attempts past the limit wait a growing delay, but are never refused,
  so nobody can lock the mayor out from elsewhere.
A claim is admitted only while in-flight + failed attempts stay within the limit, whatever the concurrency.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from pymongo import ReturnDocument

from hub.context import Hub
from hub.lib.timeutil import as_utc
from hub.lib.upsert import upsert_after
from hub.models.security import LoginThrottle


def _coll() -> Any:
    return LoginThrottle.get_pymongo_collection()


@dataclass
class Refused:
    until: datetime


@dataclass
class LoginAttempt:
    """The keys this attempt holds a claim on; decide it exactly once."""

    hub: Hub
    claimed: list[tuple[str, int]] = field(default_factory=list)  # (key, limit)
    account_key: str = ""

    async def failed(self) -> Refused | int:
        """Count the wrong password on every key: the first lock it causes, or how many attempts this name has
        left from this source (the same for every name, real or not: counters are kept by the name typed)."""
        refused: Refused | None = None
        remaining = 0
        for i, (key, limit) in enumerate(self.claimed):
            doc = await _coll().find_one_and_update({"_id": key}, {"$inc": {"inflight": -1, "failures": 1}},
                                                    return_document=ReturnDocument.AFTER)
            failures = int(doc["failures"]) if doc is not None else limit
            if i == 0:
                remaining = max(0, limit - failures)
            if failures >= limit:
                until = await _lock(self.hub, key)
                refused = refused or Refused(until)
        await _reset_expired_window(self.hub, self.account_key)
        await upsert_after(_coll(), self.account_key, {"$inc": {"failures": 1}, "$setOnInsert": {
            "inflight": 0, "window_until": self._window_end(), "locked_until": None}})
        self.claimed = []
        return refused if refused is not None else remaining

    async def succeeded(self) -> None:
        """Clear the failures only when nothing else is in flight: a burst cannot reset its own count."""
        for key, _ in self.claimed:
            done = await _coll().update_one({"_id": key, "inflight": 1}, {"$set": {"inflight": 0, "failures": 0}})
            if done.matched_count == 0:
                await _coll().update_one({"_id": key}, {"$inc": {"inflight": -1}})
        await _coll().update_one({"_id": self.account_key}, {"$set": {"failures": 0}})
        self.claimed = []

    async def release(self) -> None:
        for key, _ in self.claimed:
            await _coll().update_one({"_id": key}, {"$inc": {"inflight": -1}})
        self.claimed = []

    def _window_end(self) -> datetime:
        return self.hub.clock.now() + timedelta(minutes=self.hub.settings.login_window_minutes)


async def _reset_expired_window(hub: Hub, key: str) -> None:
    now = hub.clock.now()
    window = timedelta(minutes=hub.settings.login_window_minutes)
    await _coll().update_one({"_id": key, "window_until": {"$lte": now}, "inflight": 0},
                             {"$set": {"failures": 0, "window_until": now + window}})


async def _lock(hub: Hub, key: str) -> datetime:
    now = hub.clock.now()
    until = now + timedelta(minutes=hub.settings.login_lock_minutes)
    window = timedelta(minutes=hub.settings.login_window_minutes)
    await _coll().update_one({"_id": key}, {"$set": {"locked_until": until, "failures": 0,
                                                     "window_until": until + window}})
    return until


async def _claim(hub: Hub, key: str, limit: int, *, count_inflight: bool = True) -> Refused | None:
    """count_inflight: attempts still being checked count against the limit (one name from one source, where a
    parallel burst is an attack). For a whole source they do not: thirty colleagues behind one office address
    logging in at nine o'clock is a morning, not an attack; only its failures count."""
    now = hub.clock.now()
    await _reset_expired_window(hub, key)
    inc = {"$inc": {"inflight": 1}}
    insert = {"$setOnInsert": {"failures": 0, "locked_until": None,
                               "window_until": now + timedelta(minutes=hub.settings.login_window_minutes)}}
    doc = await upsert_after(_coll(), key, {**inc, **insert})
    locked = doc.get("locked_until")
    if locked is not None and as_utc(locked) > now:
        await _coll().update_one({"_id": key}, {"$inc": {"inflight": -1}})
        return Refused(as_utc(locked))
    if int(doc["failures"]) + (int(doc["inflight"]) if count_inflight else 0) > limit:
        # More parallel attempts than the limit from one source: no person types like that.
        await _coll().update_one({"_id": key}, {"$inc": {"inflight": -1}})
        return Refused(await _lock(hub, key))
    return None


async def claim_attempt(hub: Hub, username: str, ip: str) -> LoginAttempt | Refused:
    """Claim this attempt on every key before any password is checked; a refusal releases what it took."""
    s = hub.settings
    attempt = LoginAttempt(hub, account_key=f"acct:{username}")
    for key, limit, burst in ((f"src:{username}|{ip}", s.login_max_failures, True),
                              (f"ip:{ip}", s.login_ip_max_failures, False)):
        refused = await _claim(hub, key, limit, count_inflight=burst)
        if refused is not None:
            await attempt.release()
            return refused
        attempt.claimed.append((key, limit))
    await asyncio.sleep(await _account_delay(hub, attempt.account_key))
    return attempt


async def _account_delay(hub: Hub, key: str) -> float:
    """Past the limit, each failure from anywhere doubles the wait before the next check, up to a ceiling."""
    await _reset_expired_window(hub, key)
    doc = await _coll().find_one({"_id": key}, projection={"failures": 1})
    # The document may exist with no failures yet (created by an attempt's in-flight claim).
    over = int((doc or {}).get("failures", 0)) - hub.settings.login_max_failures
    if over < 0:
        return 0.0
    return float(min(hub.settings.login_delay_base_seconds * 2 ** min(over, 30), hub.settings.login_delay_max_seconds))


async def clear_throttles(username: str) -> None:
    """An administrator's reset or re-enable unlocks the name from every source."""
    name = re.escape(username)
    await _coll().delete_many({"_id": {"$regex": f"^(src:{name}\\||acct:{name}$)"}})


@dataclass
class RateClaim:
    """One request counted against a per-minute failure budget; decide it exactly once."""

    key: str

    async def failed(self) -> None:
        await _coll().update_one({"_id": self.key}, {"$inc": {"inflight": -1, "failures": 1}})

    async def done(self) -> None:
        await _coll().update_one({"_id": self.key}, {"$inc": {"inflight": -1}})


async def claim_rate(hub: Hub, name: str, source: str, limit: int) -> RateClaim | None:
    """Claim a request before doing any work for it: None when this source's failures this minute, counting
    those still in flight, have used up `limit` (so a parallel burst cannot overshoot it)."""
    minute = hub.clock.now().replace(second=0, microsecond=0)
    key = f"rate:{name}:{source}|{minute.isoformat()}"
    inc = {"$inc": {"inflight": 1}}
    insert = {"$setOnInsert": {"failures": 0, "locked_until": None, "window_until": minute + timedelta(minutes=1)}}
    doc = await upsert_after(_coll(), key, {**inc, **insert})
    if int(doc["inflight"]) + int(doc["failures"]) > limit:
        await _coll().update_one({"_id": key}, {"$inc": {"inflight": -1}})
        return None
    return RateClaim(key)
