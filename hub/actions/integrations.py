"""Incoming integrations: HMAC-SHA256 over timestamp and body, a 5-minute window, and no replays."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from typing import Any

import orjson
from pymongo.errors import DuplicateKeyError

from bots.protocol import IntegrationEvent
from hub.actions.audit import Origin, do_audit
from hub.context import Hub
from hub.errors import HubError
from hub.models import BotAccount, Integration, IntegrationReceipt, User

WINDOW_SECONDS = 300
_KEY = re.compile(r"^[a-z][a-z0-9-]{1,39}$")


def integration_secret(hub: Hub, integration: Integration) -> str:
    """Derived, never stored: the server key and the integration's salt give it back on demand."""
    material = f"integration:{integration.key}:{integration.salt}".encode()
    return hmac.new(hub.settings.secret_key.encode(), material, hashlib.sha256).hexdigest()


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """What a sender puts in X-Xietong-Signature: sha256=hex(HMAC(secret, timestamp + "." + body))."""
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


async def do_create_integration(hub: Hub, admin: User | None, key: str, name: str, bot_key: str) -> tuple[
        Integration, str]:
    if not _KEY.match(key):
        raise HubError("invalid_request", detail="key: 2-40 of a-z 0-9 -, starting with a letter")
    if await BotAccount.find_one(BotAccount.key == bot_key) is None:
        raise HubError("not_found", detail=f"bot {bot_key}")
    integration = Integration(key=key, name=name, bot_key=bot_key, salt=secrets.token_hex(16))
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
    """Verify, refuse replays, then hand the payload to the integration's bot."""
    integration = await Integration.find_one(Integration.key == key)
    if integration is None or integration.disabled:
        raise HubError("not_found")
    if not timestamp or not signature:
        raise HubError("bad_signature", detail="X-Xietong-Timestamp and X-Xietong-Signature are required")
    expected = sign(integration_secret(hub, integration), timestamp, body)
    if not hmac.compare_digest(expected, signature):
        await do_audit(hub, "integration.push", actor=None, object_type="integration", object_id=key,
                       outcome="bad_signature", origin=origin)
        raise HubError("bad_signature")
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
    try:
        payload: Any = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise HubError("invalid_request", detail="body must be JSON") from None
    await hub.bots.run_integration(integration.bot_key, IntegrationEvent(integration=key, payload=payload))
    await do_audit(hub, "integration.push", actor=None, object_type="integration", object_id=key, origin=origin)
