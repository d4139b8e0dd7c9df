"""Typed socket events, server to client and client to server; schemas/ mirrors these models."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel

from hub import wire
from hub.cards import CardActionOut, CardOut


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
    reason: Literal["logout", "disabled", "expired"]


class Ack(BaseModel):
    """Every client-to-server event is answered with one of these."""

    ok: bool
    data: Any = None
    error: wire.ErrorOut | None = None


SERVER_EVENTS: list[type[Event]] = [MessageNew, MessageUpdated, MemberAdded, MemberRemoved, ReadUpdated,
                                    CardUpdated, CardActions, SessionEnded]

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
