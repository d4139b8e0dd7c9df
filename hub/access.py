"""Loading user-visible objects: a missing object and a forbidden one both give "not_found"."""

from __future__ import annotations

from beanie import PydanticObjectId
from bson import ObjectId
from bson.errors import InvalidId

from hub.errors import HubError
from hub.models import Channel, Message, Subscription, Unit, User
from hub.models.channels import subscription_id


def parse_id(raw: object) -> PydanticObjectId:
    if not isinstance(raw, str):
        raise HubError("not_found")
    try:
        return PydanticObjectId(ObjectId(raw))
    except (InvalidId, TypeError):
        raise HubError("not_found") from None


async def access_channel(user: User, channel_id: object) -> tuple[Channel, Subscription]:
    """A channel and the user's subscription to it; non-members cannot tell it exists."""
    cid = parse_id(channel_id)
    sub = await Subscription.get(subscription_id(cid, user.id))
    if sub is None:
        raise HubError("not_found")
    channel = await Channel.get(cid)
    if channel is None:
        raise HubError("not_found")
    return channel, sub


async def access_message(user: User, message_id: object) -> tuple[Message, Channel, Subscription]:
    message = await Message.get(parse_id(message_id))
    if message is None:
        raise HubError("not_found")
    channel, sub = await access_channel(user, str(message.channel_id))
    return message, channel, sub


async def access_user(viewer: User, user_id: object) -> User:
    """Everyone inside the government network may see the directory; bots come later with rules."""
    del viewer
    user = await User.get(parse_id(user_id))
    if user is None:
        raise HubError("not_found")
    return user


async def access_unit(viewer: User, unit_id: object) -> Unit:
    del viewer
    unit = await Unit.get(parse_id(unit_id))
    if unit is None:
        raise HubError("not_found")
    return unit
