"""Turn stored documents into wire models, batching the look-ups a list needs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from beanie import PydanticObjectId
from beanie.operators import In

from hub import wire
from hub.cards import CardActionDef, CardActionOut, CardContent, CardOut, CardTimelineEntry
from hub.models import Card, Channel, Membership, Message, Subscription, Unit, User
from hub.models.cards import TimelineEntry
from hub.permissions import Rights

RECALLED_TEXT = ""


async def user_names(ids: Iterable[PydanticObjectId]) -> dict[PydanticObjectId, str]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    users = await User.find(In(User.id, wanted)).to_list()
    return {u.id: u.name for u in users if u.id is not None}


def card_view(card: Card, actions: list[CardActionDef]) -> CardOut:
    return CardOut(
        **{name: getattr(card, name) for name in CardContent.model_fields},
        id=str(card.id), version=card.version, bot=card.bot,
        timeline=[CardTimelineEntry(at=t.at, text=t.text, actor_name=actor_label(t)) for t in card.timeline],
        bot_name=card.bot_name, actions=[action_out(a) for a in actions],
        fallback_text=card.fallback_text,
    )


def action_out(action: CardActionDef) -> CardActionOut:
    """A button without its rule, marked personal when the rule is narrower than everyone and it is work to do
    (an owner's management button is not)."""
    return CardActionOut(**action.model_dump(exclude={"rule", "exclusive", "manage"}),
                         personal=not action.rule.anyone and not action.manage)


def actor_label(entry: TimelineEntry) -> str:
    if entry.on_behalf_of_name:
        return f"{entry.actor_name}（代{entry.on_behalf_of_name}）"
    return entry.actor_name


QUOTE_CHARS = 120


def quote_out(original: Message, sender_name: str) -> wire.QuoteOut:
    recalled = original.recalled_at is not None
    return wire.QuoteOut(message_id=str(original.id), seq=original.seq, sender_id=str(original.sender_id),
                         sender_name=sender_name, recalled=recalled,
                         snippet="" if recalled else original.content[:QUOTE_CHARS])


def forwarded_out(message: Message) -> wire.ForwardedOut | None:
    f = message.forwarded
    if f is None or message.recalled_at is not None:
        return None
    return wire.ForwardedOut(sender_name=f.sender_name, channel_kind=f.channel_kind,
                             channel_name=f.channel_name, created_at=f.created_at)


async def quotes_for(messages: Iterable[Message]) -> dict[PydanticObjectId, wire.QuoteOut]:
    """The quotes of these replies as they stand now, keyed by the quoted message's id."""
    wanted = {m.reply_to for m in messages if m.reply_to is not None and m.recalled_at is None}
    if not wanted:
        return {}
    originals = await Message.find(In(Message.id, list(wanted))).to_list()
    names = await user_names(o.sender_id for o in originals)
    return {o.id: quote_out(o, names.get(o.sender_id, "")) for o in originals if o.id is not None}


def message_out(message: Message, sender_name: str, card: CardOut | None = None,
                quote: wire.QuoteOut | None = None) -> wire.MessageOut:
    recalled = message.recalled_at is not None
    return wire.MessageOut(
        id=str(message.id),
        channel_id=str(message.channel_id),
        seq=message.seq,
        rev=message.rev,
        sender_id=str(message.sender_id),
        sender_name=sender_name,
        client_msg_id=message.client_msg_id,
        content=RECALLED_TEXT if recalled else message.content,
        mentions=[] if recalled else [str(m) for m in message.mentions],
        created_at=message.created_at,
        edited_at=message.edited_at,
        recalled=recalled,
        card=None if recalled else card,
        attachments=[] if recalled or not message.attachments else [
            wire.AttachmentOut(file_id=str(a.file_id), name=a.name, size=a.size, kind=a.kind,
                               content_type=a.content_type, previewable=a.kind in ("pdf", "png", "jpeg"))
            for a in message.attachments],
        reply_to=None if recalled else quote,
        forwarded=forwarded_out(message),
        reactions=[] if recalled else reactions_out(message),
        system=message.system,
    )


def reactions_out(message: Message) -> list[wire.ReactionOut]:
    return [wire.ReactionOut(key=key, emoji=emoji, count=len(who), user_ids=[str(u) for u in who])
            for key, emoji in wire.REACTIONS.items() if (who := message.reactions.get(key))]


async def messages_out(messages: list[Message], viewer: User, now: datetime) -> list[wire.MessageOut]:
    """Messages as this viewer sees them: cards carry only the buttons the viewer may press at `now`."""
    names = await user_names(m.sender_id for m in messages)
    card_ids = list({m.card_id for m in messages if m.card_id is not None})
    cards = {card.id: card for card in await Card.find(In(Card.id, card_ids)).to_list()} if card_ids else {}
    views: dict[PydanticObjectId, CardOut] = {}
    rights = Rights(viewer, now)
    for cid, card in cards.items():
        assert cid is not None
        views[cid] = card_view(card, await rights.actions(card))
    quotes = await quotes_for(messages)
    return [message_out(m, names.get(m.sender_id, ""), views.get(m.card_id) if m.card_id else None,
                        quotes.get(m.reply_to) if m.reply_to else None)
            for m in messages]


def channel_out(channel: Channel, sub: Subscription | None = None, peer_id: str | None = None) -> wire.ChannelOut:
    out = wire.ChannelOut(
        id=str(channel.id),
        kind=channel.kind,
        name=channel.name,
        topic=channel.topic,
        unit_id=str(channel.unit_id) if channel.unit_id else None,
        last_seq=channel.last_seq,
        rev=channel.rev,
        last_message_at=channel.last_message_at,
        peer_id=peer_id,
    )
    if sub is not None:
        out.last_read_seq = sub.last_read_seq
        out.unread = max(0, channel.last_seq - sub.last_read_seq)
        out.role = sub.role
    return out


def unit_out(unit: Unit, channel_id: str | None = None) -> wire.UnitOut:
    return wire.UnitOut(
        id=str(unit.id),
        code=unit.code,
        name=unit.name,
        short_name=unit.short_name,
        kind=unit.kind,
        parent_id=str(unit.parent_id) if unit.parent_id else None,
        external=unit.external,
        order=unit.order,
        channel_id=channel_id,
    )


async def users_out(users: list[User]) -> list[wire.UserOut]:
    """Users with their memberships and unit names, in three queries whatever the list's length."""
    ids = [u.id for u in users if u.id is not None]
    memberships = await Membership.find(In(Membership.user_id, ids)).to_list() if ids else []
    unit_ids = list({m.unit_id for m in memberships})
    units = {u.id: u for u in await Unit.find(In(Unit.id, unit_ids)).to_list()} if unit_ids else {}
    by_user: dict[PydanticObjectId, list[wire.MembershipOut]] = {}
    for m in sorted(memberships, key=lambda m: m.order):
        unit = units.get(m.unit_id)
        by_user.setdefault(m.user_id, []).append(
            wire.MembershipOut(unit_id=str(m.unit_id), unit_name=unit.name if unit else "", position=m.position,
                               title=m.title, is_head=m.is_head)
        )
    return [
        wire.UserOut(
            id=str(u.id), username=u.username, name=u.name, pinyin=u.pinyin, initials=u.initials,
            roles=list(u.roles), disabled=u.disabled, memberships=by_user.get(u.id, []) if u.id else [],
        )
        for u in users
    ]


async def user_out(user: User) -> wire.UserOut:
    return (await users_out([user]))[0]
