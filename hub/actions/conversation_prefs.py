"""Setting a person's 免打扰 and 置顶 on one conversation; their other devices hear of it."""

from __future__ import annotations

from typing import Any

from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.announce_wire import ConversationPrefIn, ConversationPrefOut
from hub.context import Hub
from hub.errors import HubError
from hub.events import ConversationPrefChanged
from hub.models import Channel, ConversationPref, User
from hub.models.prefs import pref_id
from hub.realtime.bus import user_room


def pref_out(doc: ConversationPref) -> ConversationPrefOut:
    return ConversationPrefOut(channel_id=str(doc.channel_id), muted=doc.muted, pinned=doc.pinned)


async def do_set_conversation_pref(hub: Hub, user: User, channel: Channel, body: ConversationPrefIn
                                   ) -> ConversationPrefOut:
    """The caller has loaded the channel through access_channel (a member). Created by a plain insert on first
    use, then a plain update: never a retried upsert (see hub/lib/upsert.py)."""
    change: dict[str, Any] = {k: v for k, v in (("muted", body.muted), ("pinned", body.pinned)) if v is not None}
    if not change:
        raise HubError("invalid_request", detail="set muted or pinned")
    key = pref_id(user.id, channel.id)
    change["updated_at"] = hub.clock.now()
    coll = ConversationPref.get_pymongo_collection()
    doc = await coll.find_one_and_update({"_id": key}, {"$set": change}, return_document=ReturnDocument.AFTER)
    if doc is None:
        try:
            await coll.insert_one({"_id": key, "user_id": user.id, "channel_id": channel.id, "muted": False,
                                   "pinned": False, **change})
        except DuplicateKeyError:
            pass  # another device created it a moment ago: apply this change over it
        doc = await coll.find_one_and_update({"_id": key}, {"$set": change}, return_document=ReturnDocument.AFTER)
    out = pref_out(ConversationPref.model_validate(doc))
    await hub.realtime.emit(user_room(user.id), ConversationPrefChanged(pref=out))
    return out
