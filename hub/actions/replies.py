"""Replies that quote a message of the same channel, and forwarding messages to another conversation."""

from __future__ import annotations

from beanie import PydanticObjectId

from hub import wire
from hub.access import access_channel, access_message, parse_id
from hub.actions.messages import check_content, do_send_message
from hub.context import Hub
from hub.errors import HubError
from hub.models import Channel, Message, User
from hub.models.messages import ForwardOrigin
from hub.present import user_names


async def check_reply(channel: Channel, reply_to: str | None) -> Message | None:
    """The quoted message: one of this channel's (the sender is a member), not recalled."""
    if reply_to is None:
        return None
    original = await Message.get(parse_id(reply_to))
    if original is None or original.channel_id != channel.id:
        raise HubError("not_found", detail="reply_to")
    if original.recalled_at is not None:
        raise HubError("message_recalled")
    return original


async def do_send_reply(hub: Hub, sender: User, channel: Channel, content: str, client_msg_id: str | None,
                        reply_to: str | None, *, file_ids: list[str] | None = None) -> tuple[wire.MessageOut, bool]:
    original = await check_reply(channel, reply_to)
    return await do_send_message(hub, sender, channel, content, client_msg_id, reply_to=original, file_ids=file_ids)


def _origin(message: Message, channel: Channel, names: dict[PydanticObjectId, str]) -> ForwardOrigin:
    assert message.id is not None
    if message.forwarded is not None:
        # Forwarding a forward keeps the first origin: who wrote it, not who passed it on.
        return message.forwarded
    return ForwardOrigin(message_id=message.id, sender_name=names.get(message.sender_id, ""),
                         channel_kind=channel.kind, channel_name="" if channel.kind == "direct" else channel.name,
                         created_at=message.created_at)


async def do_forward(hub: Hub, user: User, body: wire.ForwardIn) -> wire.ForwardOut:
    """Copy each message (all must be readable by the forwarder, none recalled or a card) into a conversation the
    forwarder is in, in the order they were written. Every copy is checked as new text would be, before any is
    sent, so a refused one sends none; a repeat with the same client_msg_id stores nothing twice."""
    target, _ = await access_channel(user, body.channel_id)
    originals: list[tuple[Message, Channel]] = []
    for mid in dict.fromkeys(body.message_ids):
        message, channel, _ = await access_message(user, mid)
        if message.recalled_at is not None:
            raise HubError("message_recalled")
        if message.card_id is not None:
            raise HubError("cannot_forward_card")
        check_content(hub, message.content)
        originals.append((message, channel))
    originals.sort(key=lambda mc: (mc[0].created_at, mc[0].seq))
    names = await user_names(m.sender_id for m, _ in originals)
    out: list[wire.MessageOut] = []
    for i, (message, channel) in enumerate(originals):
        origin = _origin(message, channel, names)
        sent, _ = await do_send_message(hub, user, target, message.content, f"{body.client_msg_id}.{i}",
                                        forwarded=origin)
        out.append(sent)
    return wire.ForwardOut(messages=out)
