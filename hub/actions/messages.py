"""Sending, editing, recalling and reading messages."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta
from typing import Any

from beanie import PydanticObjectId
from beanie.operators import In, Or
from pymongo import DESCENDING, ReturnDocument
from pymongo.errors import DuplicateKeyError

from bots.protocol import Actor, MentionEvent
from hub import wire
from hub.actions.files import channel_attachments
from hub.actions.policy import check_texts
from hub.actions.search_index import unindex_change
from hub.cards import CardOut
from hub.context import Hub
from hub.errors import HubError
from hub.events import MessageNew, MessageUpdated, ReadUpdated
from hub.lib.timeutil import as_utc
from hub.models import BotAccount, Card, Channel, Message, Subscription, User
from hub.models.channels import subscription_id
from hub.models.messages import ForwardOrigin
from hub.present import card_view, message_out, quote_out, quotes_for, user_names
from hub.realtime.bus import channel_room, user_room

_MENTION = re.compile(r"@([^\s@,，。:：;；!！?？()（）]{1,32})")
_MAX_SEQ_RETRIES = 100


def check_content(hub: Hub, content: str, *, allow_empty: bool = False) -> str:
    if len(content) > hub.settings.message_max_chars:
        raise HubError("message_too_long", limit=hub.settings.message_max_chars)
    if not content.strip() and not allow_empty:
        raise HubError("empty_message")
    check_texts(hub, [content])
    return content


async def _mentions(channel: Channel, content: str) -> list[PydanticObjectId]:
    """Members named as @username or @显示名; names of non-members are left as plain text."""
    tokens = list(dict.fromkeys(_MENTION.findall(content)))[:50]
    if not tokens:
        return []
    users = await User.find(Or(In(User.username, [t.lower() for t in tokens]), In(User.name, tokens))).to_list()
    ids = [u.id for u in users if u.id is not None]
    if not ids:
        return []
    subs = await Subscription.find(Subscription.channel_id == channel.id, In(Subscription.user_id, ids)).to_list()
    members = {s.user_id for s in subs}
    return [i for i in ids if i in members]


async def _next_seq(channel_id: PydanticObjectId) -> int:
    last = await Message.get_pymongo_collection().find_one(
        {"channel_id": channel_id}, sort=[("seq", DESCENDING)], projection={"seq": 1}
    )
    return int(last["seq"]) + 1 if last else 1


async def do_send_message(hub: Hub, sender: User, channel: Channel, content: str,
                          client_msg_id: str | None, *, card: Card | None = None,
                          message_id: PydanticObjectId | None = None, file_ids: list[str] | None = None,
                          reply_to: Message | None = None, forwarded: ForwardOrigin | None = None,
                          system: bool = False) -> tuple[wire.MessageOut, bool]:
    """Store once and fan out; a re-send with the same client_msg_id returns the original.

    A client_msg_id names one message of one sender, wherever it went: reused in another channel it is
    refused (client_msg_id_reused) rather than answered with the first channel's message. Refusing, not
    scoping the id per channel, keeps the existing unique index (sender, client_msg_id) on every store
    already deployed, and a client that sends one id to two channels has a bug worth hearing about.
    message_id: an id chosen beforehand (an outbox effect), so a second try finds the first.

    The sequence is claimed by the unique (channel_id, seq) index. The first guess is the channel's
    head plus one; the head moves only after a message is stored, so it never runs ahead, and when it
    lags (another process, a crash) the insert collides and the next guess is the highest stored seq
    plus one. A message can only be stored once its predecessor is: the numbers have no gaps.
    reply_to: the quoted message, already checked (hub/actions/replies.py); forwarded: the origin of a copy.
    """
    check_content(hub, content, allow_empty=bool(file_ids))
    assert sender.id is not None and channel.id is not None
    # Only a message with files pays for the lookup (hub/actions/files.py).
    attachments = await channel_attachments(channel, file_ids) if file_ids else None
    cmid = client_msg_id or f"srv-{uuid.uuid4().hex}"
    mentions = [] if system else await _mentions(channel, content)
    channels = Channel.get_pymongo_collection()
    async with hub.lock(f"channel:{channel.id}"):
        head = await channels.find_one({"_id": channel.id}, projection={"last_seq": 1})
        seq = int(head["last_seq"]) + 1 if head else await _next_seq(channel.id)
        for _ in range(_MAX_SEQ_RETRIES):
            message = Message(channel_id=channel.id, seq=seq, sender_id=sender.id, client_msg_id=cmid,
                              content=content, mentions=mentions, card_id=card.id if card else None,
                              created_at=hub.clock.now(), attachments=attachments,
                              reply_to=reply_to.id if reply_to else None, forwarded=forwarded, system=system)
            if message_id is not None:
                message.id = message_id
            try:
                await message.insert()
                break
            except DuplicateKeyError:
                original = await Message.find_one(Message.sender_id == sender.id, Message.client_msg_id == cmid)
                if original is not None and original.channel_id != channel.id:
                    raise HubError("client_msg_id_reused", client_msg_id=cmid) from None
                if original is not None:
                    quotes = await quotes_for([original])
                    return message_out(original, sender.name, _public_view(card),
                                       quotes.get(original.reply_to) if original.reply_to else None), False
                seq = await _next_seq(channel.id)
        else:
            raise HubError("conflict", detail="could not allocate a sequence number")
        # Guarded, so a slower writer in another process never moves the channel's head backwards.
        await channels.update_one(
            {"_id": channel.id, "last_seq": {"$lt": message.seq}},
            {"$set": {"last_seq": message.seq, "last_message_at": message.created_at}},
        )
    # Your own message is never unread.
    await Subscription.get_pymongo_collection().update_one(
        {"_id": subscription_id(channel.id, sender.id)}, {"$max": {"last_read_seq": message.seq}}
    )
    quote = quote_out(reply_to, await _name_of(reply_to.sender_id)) if reply_to is not None else None
    out = message_out(message, sender.name, _public_view(card), quote)
    await hub.realtime.emit(channel_room(channel.id), MessageNew(message=out))
    # Stored with search_pending set: the indexer takes it from there, off this path.
    hub.search.notify(message.id)
    if mentions and not sender.is_bot:
        await _tell_mentioned_bots(hub, sender, message)
    return out, True


async def _name_of(user_id: PydanticObjectId) -> str:
    return (await user_names([user_id])).get(user_id, "")


async def _tell_mentioned_bots(hub: Hub, sender: User, message: Message) -> None:
    for account in await BotAccount.find(In(BotAccount.user_id, message.mentions)).to_list():
        hub.bots.notify_mention(account.key, MentionEvent(
            message_id=str(message.id), channel_id=str(message.channel_id), content=message.content,
            user=Actor(id=str(sender.id), name=sender.name)))


def _public_view(card: Card | None) -> CardOut | None:
    """The card as a whole room sees it: only buttons anyone may press; the rest go out per person."""
    return card_view(card, [a for a in card.actions if a.rule.anyone]) if card else None


async def next_rev(channel_id: PydanticObjectId | None) -> int:
    """The channel's next revision: edits, recalls and card changes are caught up by it."""
    doc = await Channel.get_pymongo_collection().find_one_and_update(
        {"_id": channel_id}, {"$inc": {"rev": 1}}, return_document=ReturnDocument.AFTER
    )
    if doc is None:
        raise HubError("not_found")
    return int(doc["rev"])


async def _store_update(hub: Hub, sender: User, message: Message, channel: Channel,
                        changes: dict[str, object]) -> wire.MessageOut:
    """Apply an edit or recall only if the message is still not recalled, then tell the channel.

    The change marks the message for the search indexer in the same update; the old text's postings go now.
    """
    changes["rev"] = await next_rev(channel.id)
    changes["search_pending"] = 1
    doc = await Message.get_pymongo_collection().find_one_and_update(
        {"_id": message.id, "recalled_at": None}, {"$set": changes}, return_document=ReturnDocument.AFTER
    )
    if doc is None:
        raise HubError("message_recalled")
    updated = Message.model_validate(doc)
    quotes = await quotes_for([updated])
    out = message_out(updated, sender.name, None, quotes.get(updated.reply_to) if updated.reply_to else None)
    await hub.realtime.emit(channel_room(channel.id), MessageUpdated(message=out))
    await unindex_change(message, None if doc.get("recalled_at") is not None else str(doc["content"]))
    hub.search.notify(message.id)
    return out


async def do_edit_message(hub: Hub, editor: User, message: Message, channel: Channel,
                          content: str) -> wire.MessageOut:
    if message.sender_id != editor.id:
        raise HubError("forbidden")
    if message.recalled_at is not None:
        raise HubError("message_recalled")
    check_content(hub, content)
    if content == message.content:
        return message_out(message, editor.name)
    changes: dict[str, object] = {"content": content, "edited_at": hub.clock.now(),
                                  "mentions": await _mentions(channel, content)}
    return await _store_update(hub, editor, message, channel, changes)


async def do_recall_message(hub: Hub, user: User, message: Message, channel: Channel) -> wire.MessageOut:
    if message.sender_id != user.id:
        raise HubError("forbidden")
    if message.recalled_at is not None:
        return message_out(message, user.name)
    if hub.clock.now() - as_utc(message.created_at) > timedelta(seconds=hub.settings.recall_window_seconds):
        raise HubError("recall_expired", **recall_window_texts(hub.settings.recall_window_seconds))
    # The text is cleared, not hidden: a recalled message no longer exists for anyone.
    changes: dict[str, object] = {"recalled_at": hub.clock.now(), "content": "", "mentions": []}
    return await _store_update(hub, user, message, channel, changes)


def recall_window_texts(seconds: int) -> dict[str, Any]:
    """The recall window as the error message says it: "2分钟" / "2 minutes", or seconds when not whole minutes."""
    if seconds % 60 == 0:
        n = seconds // 60
        return {"window": f"{n}分钟", "window_en": f"{n} minute{'s' if n != 1 else ''}", "window_seconds": seconds}
    return {"window": f"{seconds}秒", "window_en": f"{seconds} seconds", "window_seconds": seconds}


async def do_mark_read(hub: Hub, user: User, channel: Channel, sub: Subscription, seq: int) -> ReadUpdated:
    target = min(seq, channel.last_seq)
    if sub.last_read_seq >= target:
        # Nothing moves ($max only ever raises it, and sub was just read): answer without a write.
        last_read = sub.last_read_seq
    else:
        doc = await Subscription.get_pymongo_collection().find_one_and_update(
            {"_id": sub.id}, {"$max": {"last_read_seq": target}}, return_document=ReturnDocument.AFTER
        )
        last_read = int(doc["last_read_seq"]) if doc else target
    event = ReadUpdated(channel_id=str(channel.id), last_read_seq=last_read,
                        unread=max(0, channel.last_seq - last_read))
    await hub.realtime.emit(user_room(user.id), event)
    return event
