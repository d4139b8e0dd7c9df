"""Read receipts (已读/未读, "N 人未读"), computed from members' read positions, never a write per reader."""

from __future__ import annotations

from beanie.operators import In

from hub import wire
from hub.actions.messages import do_mark_read
from hub.context import Hub
from hub.events import ReadPosition, ReadUpdated
from hub.models import Channel, Message, Subscription, User
from hub.realtime.bus import channel_room

# Above this many members a channel shows no receipts and hears no read positions (as DingTalk's groups).
RECEIPT_MAX_MEMBERS = 200


async def _member_count(channel: Channel) -> int:
    return await Subscription.find(Subscription.channel_id == channel.id).count()


async def do_mark_read_with_receipts(hub: Hub, user: User, channel: Channel, sub: Subscription,
                                     seq: int) -> ReadUpdated:
    """Mark read; when the reader's position moved, the channel hears it (small channels only). The position is
    one $max on the reader's subscription, so thirty members reading at once write thirty documents, not one."""
    before = sub.last_read_seq
    event = await do_mark_read(hub, user, channel, sub, seq)
    if event.last_read_seq > before and not user.is_bot and await _member_count(channel) <= RECEIPT_MAX_MEMBERS:
        await hub.realtime.emit(channel_room(channel.id), ReadPosition(
            channel_id=str(channel.id), user_id=str(user.id), last_read_seq=event.last_read_seq))
    return event


async def _people(channel: Channel) -> tuple[list[Subscription], dict[object, User]]:
    subs = await Subscription.find(Subscription.channel_id == channel.id).limit(RECEIPT_MAX_MEMBERS + 1).to_list()
    users = await User.find(In(User.id, [s.user_id for s in subs])).to_list()
    return subs, {u.id: u for u in users if not u.is_bot}


async def read_positions(channel: Channel) -> wire.ReadPositionsOut:
    subs, people = await _people(channel)
    if len(subs) > RECEIPT_MAX_MEMBERS:
        return wire.ReadPositionsOut(available=False, positions=[])
    return wire.ReadPositionsOut(available=True, positions=[
        wire.ReadPositionOut(user_id=str(s.user_id), name=people[s.user_id].name, last_read_seq=s.last_read_seq)
        for s in subs if s.user_id in people])


async def message_reads(channel: Channel, message: Message) -> wire.MessageReadsOut:
    subs, people = await _people(channel)
    if len(subs) > RECEIPT_MAX_MEMBERS:
        return wire.MessageReadsOut(read=[], unread=[])
    read: list[wire.PersonRef] = []
    unread: list[wire.PersonRef] = []
    for s in sorted(subs, key=lambda s: s.joined_at):
        person = people.get(s.user_id)
        if person is None or s.user_id == message.sender_id:
            continue
        (read if s.last_read_seq >= message.seq else unread).append(wire.PersonRef(id=str(s.user_id), name=person.name))
    return wire.MessageReadsOut(read=read, unread=unread)
