"""Incoming integrations: HMAC-SHA256 over timestamp and body, a 5-minute window, and no replays."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

import orjson
from pymongo.errors import DuplicateKeyError

from bots.protocol import IntegrationEvent
from hub.actions.audit import Origin, do_audit, do_audit_failure
from hub.actions.policy import check_texts
from hub.actions.throttle import claim_rate
from hub.context import Hub
from hub.errors import HubError
from hub.lib.jsonguard import check_json_depth
from hub.models import BotAccount, Integration, IntegrationReceipt, User

WINDOW_SECONDS = 300
T = TypeVar("T")
_KEY = re.compile(r"^[a-z][a-z0-9-]{1,39}$")


def integration_secret(hub: Hub, integration: Integration) -> str:
    """Derived, never stored: the server key and the integration's salt give it back on demand."""
    material = f"integration:{integration.key}:{integration.salt}".encode()
    return hmac.new(hub.settings.secret_key.encode(), material, hashlib.sha256).hexdigest()


def _unknown_secret(hub: Hub, key: str) -> str:
    return hmac.new(hub.settings.secret_key.encode(), f"no-integration:{key}".encode(), hashlib.sha256).hexdigest()


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """What a sender puts in X-Xietong-Signature: sha256=hex(HMAC(secret, timestamp + "." + body))."""
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


async def do_create_integration(hub: Hub, admin: User | None, key: str, name: str, bot_key: str,
                                salt: str | None = None) -> tuple[Integration, str]:
    """salt: random unless given; a fixed one (the demo's) keeps the secret stable for a given HUB_SECRET_KEY."""
    if not _KEY.match(key):
        raise HubError("invalid_request", detail="key: 2-40 of a-z 0-9 -, starting with a letter")
    if await BotAccount.find_one(BotAccount.key == bot_key) is None:
        raise HubError("not_found", detail=f"bot {bot_key}")
    integration = Integration(key=key, name=name, bot_key=bot_key, salt=salt or secrets.token_hex(16))
    try:
        await integration.insert()
    except DuplicateKeyError:
        raise HubError("conflict", detail=f"integration {key}") from None
    await do_audit(hub, "integration.created", actor=admin, object_type="integration", object_id=key)
    return integration, integration_secret(hub, integration)


async def do_rotate_integration_secret(hub: Hub, admin: User | None, key: str) -> str:
    integration = await Integration.find_one(Integration.key == key)
    if integration is None:
        raise HubError("not_found")
    integration.salt = secrets.token_hex(16)
    await Integration.get_pymongo_collection().update_one({"_id": integration.id},
                                                          {"$set": {"salt": integration.salt}})
    await do_audit(hub, "integration.secret_rotated", actor=admin, object_type="integration", object_id=key)
    return integration_secret(hub, integration)


async def do_accept_push(hub: Hub, key: str, timestamp: str | None, signature: str | None, body: bytes,
                         origin: Origin) -> None:
    """Verify, refuse replays, then hand the payload to the integration's bot. A source whose bad signatures
    used up this minute's budget is refused before any work (rate_limited)."""
    async def to_bot(integration: Integration, payload: Any) -> None:
        if integration.bot_key == "exchange":  # 公文 from the province: documents, not bot messages
            from hub.actions.documents_inbound import do_receive_province
            await do_receive_province(hub, integration, payload)
            return
        await hub.bots.run_integration(integration.bot_key, IntegrationEvent(integration=key, payload=payload))

    await accept_signed(hub, key, timestamp, signature, body, origin, to_bot)


async def accept_signed(hub: Hub, key: str, timestamp: str | None, signature: str | None, body: bytes,
                           origin: Origin, consume: Callable[[Integration, Any], Awaitable[T]]) -> T:
    """The checks of do_accept_push, then `consume` (a bot, or an action such as 行政审批 intake) gets the
    verified integration and payload."""
    claim = await claim_rate(hub, "integration.push", origin.ip or "-", hub.settings.unauth_failures_per_minute)
    if claim is None:
        await do_audit_failure(hub, "integration.push", actor=None, object_type="integration", object_id=key[:40],
                               outcome="rate_limited", origin=origin)
        raise HubError("rate_limited", retry_after_seconds=60 - hub.clock.now().second)
    try:
        result = await _accept(hub, key, timestamp, signature, body, origin, consume)
    except HubError as exc:
        await (claim.failed() if exc.code == "bad_signature" else claim.done())
        raise
    except BaseException:
        await claim.done()
        raise
    await claim.done()
    return result


async def _accept(hub: Hub, key: str, timestamp: str | None, signature: str | None, body: bytes,
                     origin: Origin, consume: Callable[[Integration, Any], Awaitable[T]]) -> T:
    integration = await Integration.find_one(Integration.key == key) if _KEY.match(key) else None
    if integration is not None and integration.disabled:
        integration = None
    # Unknown, disabled and known keys answer alike (and take the same HMAC), so keys cannot be enumerated.
    secret = integration_secret(hub, integration) if integration else _unknown_secret(hub, key)
    expected = sign(secret, timestamp or "", body)
    if integration is None or not timestamp or not signature or not hmac.compare_digest(expected, signature):
        await do_audit_failure(hub, "integration.push", actor=None, object_type="integration",
                               object_id=key[:40], outcome="bad_signature", origin=origin)
        raise HubError("bad_signature", detail="X-Xietong-Timestamp and X-Xietong-Signature must sign the body")
    try:
        age = abs(time.time() - int(timestamp))
    except ValueError:
        raise HubError("bad_signature", detail="timestamp must be Unix seconds") from None
    if age > WINDOW_SECONDS:
        raise HubError("stale_request")
    try:
        await IntegrationReceipt(integration_key=key, signature=signature).insert()
    except DuplicateKeyError:
        raise HubError("replayed_request") from None
    check_json_depth(body, hub.settings.max_json_depth)
    try:
        payload: Any = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise HubError("invalid_request", detail="body must be JSON") from None
    check_texts(hub, _strings(payload))
    result = await consume(integration, payload)
    await do_audit(hub, "integration.push", actor=None, object_type="integration", object_id=key, origin=origin)
    return result


def _strings(value: Any) -> Iterator[str]:
    """Every string in a pushed JSON document, keys included (its depth is bounded at the edge)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
