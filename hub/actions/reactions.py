"""Reactions (👍 ✅ 😄 🙏 👏 ❤️): one atomic update of the message each, heard by the channel as an update."""

from __future__ import annotations

from pymongo import ReturnDocument

from hub import wire
from hub.actions.messages import next_rev
from hub.context import Hub
from hub.errors import HubError
from hub.events import MessageUpdated
from hub.models import Channel, Message, User
from hub.present import message_out, quotes_for, user_names
from hub.realtime.bus import channel_room


async def do_react(hub: Hub, user: User, message: Message, channel: Channel, body: wire.ReactionIn) -> wire.MessageOut:
    """Set or clear the user's reaction. The channel's revision moves with it, so a client that was away catches
    up on reactions as it does on edits (sync by rev). The key is one of a fixed set, checked by the wire model
    before it names a field."""
    if message.recalled_at is not None:
        raise HubError("message_recalled")
    if message.card_id is not None:
        raise HubError("cannot_react_card")
    assert user.id is not None
    field = f"reactions.{body.key}"
    change = {"$addToSet": {field: user.id}} if body.on else {"$pull": {field: user.id}}
    rev = await next_rev(channel.id)
    doc = await Message.get_pymongo_collection().find_one_and_update(
        {"_id": message.id, "recalled_at": None}, {**change, "$set": {"rev": rev}},
        return_document=ReturnDocument.AFTER)
    if doc is None:
        raise HubError("message_recalled")
    updated = Message.model_validate(doc)
    names = await user_names([updated.sender_id])
    quotes = await quotes_for([updated])
    out = message_out(updated, names.get(updated.sender_id, ""), None,
                      quotes.get(updated.reply_to) if updated.reply_to else None)
    await hub.realtime.emit(channel_room(channel.id), MessageUpdated(message=out))
    return out
