"""Typed socket events, server to client and client to server; schemas/ mirrors these models."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel

from hub import wire
from hub.announce_wire import AnnouncementOut, ConversationPrefOut, ReceiptRow
from hub.cards import CardActionOut, CardOut
from hub.workflow.wire import TaskOut


class Event(BaseModel):
    """A server-to-client event; NAME is the Socket.IO event name."""

    NAME: ClassVar[str]


class MessageNew(Event):
    NAME: ClassVar[str] = "message.new"
    message: wire.MessageOut


class MessageUpdated(Event):
    """An edit or a recall; message.rev is the channel revision that carried it."""

    NAME: ClassVar[str] = "message.updated"
    message: wire.MessageOut


class MemberAdded(Event):
    NAME: ClassVar[str] = "channel.member_added"
    channel: wire.ChannelOut
    user_ids: list[str]


class MemberRemoved(Event):
    NAME: ClassVar[str] = "channel.member_removed"
    channel_id: str
    user_id: str


class ReadUpdated(Event):
    """Sent to the reader's own sockets, so every device shows the same unread count."""

    NAME: ClassVar[str] = "channel.read"
    channel_id: str
    last_read_seq: int
    unread: int


class ChannelUpdated(Event):
    """A channel's name or topic changed, or a member's role (群主, admin) did; members refresh their copy."""

    NAME: ClassVar[str] = "channel.updated"
    channel: wire.ChannelOut


class ReadPosition(Event):
    """Sent to a channel of at most RECEIPT_MAX_MEMBERS people when a member read further: read receipts follow."""

    NAME: ClassVar[str] = "channel.read_position"
    channel_id: str
    user_id: str
    last_read_seq: int


class CardUpdated(Event):
    """A card changed. Its actions are the buttons everyone who sees it may press."""

    NAME: ClassVar[str] = "card.updated"
    card: CardOut


class CardActions(Event):
    """Sent to one person: the buttons they may press on this version of the card (others see none)."""

    NAME: ClassVar[str] = "card.actions"
    card_id: str
    version: int
    actions: list[CardActionOut]


class SessionEnded(Event):
    NAME: ClassVar[str] = "session.ended"
    # idle: no activity for session_idle_minutes; expired: session_ttl_hours reached.
    reason: Literal["logout", "disabled", "expired", "idle", "password_reset", "role_changed"]


class TaskCreated(Event):
    """A new 待办 for you (box pending), or a process you were copied on (box cc)."""

    NAME: ClassVar[str] = "task.created"
    task: TaskOut


class TaskUpdated(Event):
    """One of your items changed: done, urged (催办), or a process you started moved on."""

    NAME: ClassVar[str] = "task.updated"
    task: TaskOut


class TaskRemoved(Event):
    """A 待办 is no longer yours: the step moved on without you, it was handed over, withdrawn or voided."""

    NAME: ClassVar[str] = "task.removed"
    task: TaskOut


class Ack(BaseModel):
    """Every client-to-server event is answered with one of these."""

    ok: bool
    data: Any = None
    error: wire.ErrorOut | None = None


SERVER_EVENTS: list[type[Event]] = [MessageNew, MessageUpdated, MemberAdded, MemberRemoved, ReadUpdated,
                                    CardUpdated, CardActions, SessionEnded]
SERVER_EVENTS += [TaskCreated, TaskUpdated, TaskRemoved]
SERVER_EVENTS += [ReadPosition, ChannelUpdated]

# Client-to-server events and the model each payload must match.
CLIENT_EVENTS: dict[str, type[BaseModel]] = {
    "message.send": wire.SocketSendIn,
    "message.edit": wire.SocketEditIn,
    "message.recall": wire.SocketRecallIn,
    "channel.read": wire.SocketReadIn,
    "sync": wire.SyncIn,
    "card.action": wire.SocketCardActionIn,
    "command.run": wire.SocketCommandIn,
}


class AnnouncementNew(Event):
    """An announcement reached you (or, for its publisher, went out)."""

    NAME: ClassVar[str] = "announcement.new"
    announcement: AnnouncementOut


class AnnouncementRemoved(Event):
    """Recalled (撤回) by its publisher: it vanishes from your list and the channel's 置顶 area."""

    NAME: ClassVar[str] = "announcement.removed"
    announcement_id: str


class AnnouncementNudged(Event):
    """催阅: you have not confirmed an announcement that asks for it."""

    NAME: ClassVar[str] = "announcement.nudged"
    announcement: AnnouncementOut


class AnnouncementReceiptChanged(Event):
    """To the publisher: one recipient opened, confirmed or was nudged (催阅); totals as the announcement had them."""

    NAME: ClassVar[str] = "announcement.receipt"
    announcement_id: str
    receipt: ReceiptRow
    recipients: int
    opened: int
    confirmed: int


SERVER_EVENTS += [AnnouncementNew, AnnouncementRemoved, AnnouncementNudged, AnnouncementReceiptChanged]


class ConversationPrefChanged(Event):
    """To your own sockets: a conversation's 免打扰 or 置顶 changed (on another device too)."""

    NAME: ClassVar[str] = "conversation.prefs"
    pref: ConversationPrefOut


SERVER_EVENTS.append(ConversationPrefChanged)
