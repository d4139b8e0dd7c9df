"""The outbox: effects committed with a change are handed on, claimed with a lease, and applied once.

1. The compare-and-set that changes a document (a card) also pushes its effects onto the document's own
   `outbox` list, each with a deterministic key (`card:<id>:<new version>:<n>`): both commit together.
2. After the commit, `release` copies each item to an OutboxEntry (unique key: a second copy is a no-op),
   pulls it off the document, and dispatches it in this process.
3. `dispatch` claims an entry with find_one_and_update (pending, or claimed with an expired lease), runs it
   and marks it done. Applying is idempotent by key too (preset message and card ids, the key as the
   message's client id, the key recorded on an updated card), so a dispatcher that died half way can be
   replaced without doubling anything.
4. At start-up `sweep_outbox` releases what a crash left on documents and dispatches pending entries.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from beanie import Document, PydanticObjectId
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.context import Hub
from hub.effects import Effect, PostCardEffect, PostMessageEffect, UpdateCardEffect
from hub.errors import HubError
from hub.models import BotAccount, Card, OutboxEntry, User
from hub.models.outbox import OutboxItem

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)


def stage(prefix: str, effects: Sequence[Effect]) -> list[OutboxItem]:
    """Outbox items for one committed change; prefix names the change uniquely (document and new version)."""
    return [OutboxItem(key=f"{prefix}:{n}", effect=effect) for n, effect in enumerate(effects)]


def push_update(items: Sequence[OutboxItem]) -> dict[str, Any]:
    """The part of a compare-and-set update that carries the items."""
    if not items:
        return {}
    return {"$push": {"outbox": {"$each": [i.model_dump(mode="json") for i in items]}}}


async def release(hub: Hub, carrier: type[Document], doc_id: PydanticObjectId | None,
                  items: Sequence[OutboxItem]) -> int:
    """Hand committed items from their document to the outbox, then apply them; how many this call applied."""
    if not items:
        return 0
    for item in items:
        now = hub.clock.now()
        try:
            await OutboxEntry(key=item.key, effect=item.effect, lease_until=now, created_at=now).insert()
        except DuplicateKeyError:
            pass  # handed on before (a sweep got there first)
    await carrier.get_pymongo_collection().update_one(
        {"_id": doc_id}, {"$pull": {"outbox": {"key": {"$in": [i.key for i in items]}}}})
    return await dispatch(hub, [i.key for i in items])


async def dispatch(hub: Hub, keys: Sequence[str]) -> int:
    """Apply the entries of these keys that nobody else holds; how many this call applied (or gave up on)."""
    handled = 0
    for key in keys:
        entry = await _claim(hub, key)
        if entry is not None:
            await _apply(hub, entry)
            handled += 1
    return handled


async def _claim(hub: Hub, key: str) -> OutboxEntry | None:
    """Exactly one dispatcher holds an entry at a time; a claim whose holder died expires with its lease."""
    now = hub.clock.now()
    doc = await OutboxEntry.get_pymongo_collection().find_one_and_update(
        {"key": key, "status": {"$in": ["pending", "claimed"]}, "lease_until": {"$lte": now}},
        {"$set": {"status": "claimed", "claimed_by": uuid.uuid4().hex, "lease_until": now + LEASE},
         "$inc": {"attempts": 1}},
        return_document=ReturnDocument.AFTER)
    return OutboxEntry.model_validate(doc) if doc else None


async def _apply(hub: Hub, entry: OutboxEntry) -> None:
    update: dict[str, Any]
    try:
        await apply_effect(hub, entry.key, entry.effect)
        update = {"status": "done", "done_at": hub.clock.now(), "error": None}
    except HubError as exc:
        # The effect can never apply (the bot left the channel, the card is gone): stop, and say why.
        log.warning("outbox %s failed: %s", entry.key, exc)
        update = {"status": "failed", "done_at": hub.clock.now(), "error": str(exc)[:500]}
    except Exception as exc:
        # Anything else may pass (the store hiccupped): back to pending, tried again after a pause.
        log.exception("outbox %s: will retry", entry.key)
        pause = timedelta(seconds=min(600, 5 * 2 ** min(entry.attempts, 7)))
        update = {"status": "pending", "lease_until": hub.clock.now() + pause, "error": repr(exc)[:500]}
    await OutboxEntry.get_pymongo_collection().update_one(
        {"_id": entry.id, "claimed_by": entry.claimed_by}, {"$set": update})


async def apply_effect(hub: Hub, key: str, effect: Effect) -> None:
    """Run one effect as its bot, through the same actions as the bot API."""
    from hub.actions.bots import bot_channels
    from hub.actions.cards import do_post_card, do_update_card
    from hub.actions.messages import do_send_message

    account = await BotAccount.find_one(BotAccount.key == effect.bot_key)
    user = await User.get(account.user_id) if account else None
    if account is None or user is None:
        raise HubError("bot_unavailable", detail=effect.bot_key)
    if isinstance(effect, PostMessageEffect):
        (channel,) = await bot_channels(hub, user, [effect.channel_id] if effect.channel_id else [],
                                        [effect.user_id] if effect.user_id else [])
        await do_send_message(hub, user, channel, effect.text, f"outbox:{key}",
                              message_id=PydanticObjectId(effect.message_id))
    elif isinstance(effect, PostCardEffect):
        channels = await bot_channels(hub, user, effect.channel_ids, effect.user_ids)
        await do_post_card(hub, user, account.key, effect.spec, channels, card_id=PydanticObjectId(effect.card_id))
    elif isinstance(effect, UpdateCardEffect):
        await do_update_card(hub, account.key, effect.card_id, effect.change, effect_key=key)


async def sweep_outbox(hub: Hub, carriers: Sequence[type[Document]] = (Card,)) -> int:
    """Start-up: release what a crash left on documents, then dispatch every entry that is due.

    Returns how many entries this sweep applied or gave up on."""
    handled = 0
    for carrier in carriers:
        found = carrier.get_pymongo_collection().find({"outbox.key": {"$exists": True}})
        for raw in [d async for d in found]:
            items = [OutboxItem.model_validate(i) for i in raw.get("outbox") or []]
            handled += await release(hub, carrier, raw["_id"], items)
    due = OutboxEntry.get_pymongo_collection().find(
        {"status": {"$in": ["pending", "claimed"]}, "lease_until": {"$lte": hub.clock.now()}}, projection={"key": 1})
    return handled + await dispatch(hub, [d["key"] async for d in due])
