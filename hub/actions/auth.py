"""Logging in and out, session checks, lockout, and disabling accounts."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta

from beanie import PydanticObjectId

from hub.actions.audit import Origin, do_audit, do_audit_failure
from hub.actions.throttle import Refused, claim_attempt, clear_throttles
from hub.context import Hub
from hub.errors import HubError
from hub.events import SessionEnded
from hub.lib.security import hash_token, new_token, verify_password
from hub.lib.timeutil import as_utc
from hub.models import AuthSession, User
from hub.realtime.bus import session_room, user_room

# Touch last_seen_at at most this often, so an active client does not write on every request.
_TOUCH_EVERY = timedelta(seconds=60)


@dataclass
class LoginResult:
    token: str
    session: AuthSession
    user: User


async def _verify(hub: Hub, stored: str, password: str) -> bool:
    # argon2 is deliberately slow; keep it off the event loop.
    return await asyncio.to_thread(verify_password, hub.hasher, stored, password)


def _locked_error(hub: Hub, until: datetime) -> HubError:
    remaining = max(1, int((as_utc(until) - hub.clock.now()).total_seconds()))
    return HubError("account_locked", locked_until=until.isoformat(), retry_after_seconds=remaining)


async def do_login(hub: Hub, username: str, password: str, origin: Origin) -> LoginResult:
    """Log in; every attempt, good or bad, is audited (without the password)."""
    try:
        result = await _login(hub, username, password, origin)
    except HubError as exc:
        known = await User.find_one(User.username == username.strip().lower())
        await do_audit_failure(hub, "session.login", actor=known, object_type="user",
                               object_id=known.id if known else "", outcome=exc.code,
                               detail={} if known else {"username": username[:64]}, origin=origin)
        raise
    await do_audit(hub, "session.login", actor=result.user, object_type="session", object_id=result.session.id,
                   origin=origin)
    return result


async def _login(hub: Hub, username: str, password: str, origin: Origin) -> LoginResult:
    """Exactly one argon2 verification on every path (a dummy hash when refusing), so that unknown, locked and
    wrong look alike in both answer and timing."""
    name = username.strip().lower()
    attempt = await claim_attempt(hub, name, origin.ip or "unknown")
    if isinstance(attempt, Refused):
        await _verify(hub, hub.dummy_hash, password)
        raise _locked_error(hub, attempt.until)
    try:
        user = await User.find_one(User.username == name)
        known = user is not None and bool(user.password_hash)
        ok = await _verify(hub, user.password_hash if user is not None and known else hub.dummy_hash, password)
    except BaseException:
        await attempt.release()
        raise
    if user is None or not known or not ok:
        outcome = await attempt.failed()
        if isinstance(outcome, Refused):
            raise _locked_error(hub, outcome.until)
        raise HubError("bad_credentials", remaining_attempts=outcome)
    await attempt.succeeded()
    if user.disabled:
        raise HubError("account_disabled")
    if hub.hasher.check_needs_rehash(user.password_hash):
        new_hash = await asyncio.to_thread(hub.hasher.hash, password)
        await User.get_pymongo_collection().update_one({"_id": user.id}, {"$set": {"password_hash": new_hash}})
    token = new_token()
    assert user.id is not None
    now = hub.clock.now()
    session = AuthSession(
        token_hash=hash_token(token),
        user_id=user.id,
        created_at=now,
        last_seen_at=now,
        expires_at=now + timedelta(hours=hub.settings.session_ttl_hours),
        ip=origin.ip,
        user_agent=(origin.user_agent or "")[:300] or None,
    )
    await session.insert()
    return LoginResult(token=token, session=session, user=user)


async def authenticate(hub: Hub, token: str | None) -> tuple[User, AuthSession]:
    """The user behind a token, or unauthenticated/session_expired."""
    if not token or len(token) > 200:
        raise HubError("unauthenticated")
    return await _check_session(hub, await AuthSession.find_one(AuthSession.token_hash == hash_token(token)))


async def authenticate_session(hub: Hub, session_id: PydanticObjectId) -> tuple[User, AuthSession]:
    """Re-check a socket's session on each event: revoked, expired or idle sessions stop working at once."""
    return await _check_session(hub, await AuthSession.get(session_id))


async def _check_session(hub: Hub, session: AuthSession | None) -> tuple[User, AuthSession]:
    if session is None or session.revoked_at is not None:
        raise HubError("unauthenticated")
    now = hub.clock.now()
    idle_limit = timedelta(minutes=hub.settings.session_idle_minutes)
    if as_utc(session.expires_at) <= now or as_utc(session.last_seen_at) + idle_limit <= now:
        await AuthSession.get_pymongo_collection().update_one({"_id": session.id}, {"$set": {"revoked_at": now}})
        raise HubError("session_expired")
    user = await User.get(session.user_id)
    if user is None or user.disabled:
        raise HubError("unauthenticated")
    if now - as_utc(session.last_seen_at) >= _TOUCH_EVERY:
        session.last_seen_at = now
        await AuthSession.get_pymongo_collection().update_one({"_id": session.id}, {"$set": {"last_seen_at": now}})
    return user, session


async def do_logout(hub: Hub, user: User, session: AuthSession, origin: Origin) -> None:
    await AuthSession.get_pymongo_collection().update_one(
        {"_id": session.id, "revoked_at": None}, {"$set": {"revoked_at": hub.clock.now()}}
    )
    await do_audit(hub, "session.logout", actor=user, object_type="session", object_id=session.id, origin=origin)
    await hub.realtime.disconnect_room(session_room(session.id), SessionEnded(reason="logout"))


async def do_disable_user(hub: Hub, user: User, *, actor: User | None = None) -> None:
    """Disable at once: revoke every session and close every socket, on every hub process."""
    await do_audit(hub, "user.disabled", actor=actor, object_type="user", object_id=user.id)
    await User.get_pymongo_collection().update_one({"_id": user.id}, {"$set": {"disabled": True}})
    await AuthSession.get_pymongo_collection().update_many(
        {"user_id": user.id, "revoked_at": None}, {"$set": {"revoked_at": hub.clock.now()}}
    )
    await hub.realtime.disconnect_room(user_room(user.id), SessionEnded(reason="disabled"))


async def do_enable_user(hub: Hub, user: User, *, actor: User | None = None) -> None:
    await do_audit(hub, "user.enabled", actor=actor, object_type="user", object_id=user.id)
    await User.get_pymongo_collection().update_one(
        {"_id": user.id}, {"$set": {"disabled": False, "failed_logins": 0, "locked_until": None}}
    )
    await clear_throttles(user.username)
