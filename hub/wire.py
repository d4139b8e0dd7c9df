"""Shapes that cross the wire (HTTP bodies, socket payloads), as pydantic models."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from hub.cards import CardOut, CardSpec

Id = str


class WireModel(BaseModel):
    """Base for request bodies: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class ErrorOut(BaseModel):
    code: str
    message: str
    message_en: str
    detail: str | None = None


class MembershipOut(BaseModel):
    unit_id: Id
    unit_name: str
    position: str
    title: str
    is_head: bool


class UserOut(BaseModel):
    id: Id
    username: str
    name: str
    pinyin: str
    initials: str
    roles: list[str]
    disabled: bool
    memberships: list[MembershipOut] = Field(default_factory=list)


class UnitOut(BaseModel):
    id: Id
    code: str
    name: str
    short_name: str
    kind: str
    parent_id: Id | None
    external: bool
    order: int
    channel_id: Id | None = None


class ChannelOut(BaseModel):
    id: Id
    kind: Literal["unit", "group", "direct"]
    name: str
    topic: str
    unit_id: Id | None
    last_seq: int
    rev: int
    last_message_at: datetime | None
    # Per-viewer fields: absent when the channel is sent to a whole room.
    last_read_seq: int | None = None
    unread: int | None = None
    role: Literal["owner", "admin", "member"] | None = None
    peer_id: Id | None = None
    # In the channel list only: the newest message (the preview) and the cards with buttons waiting for the
    # viewer (待处理), so that logging in costs no request per channel.
    last_message: MessageOut | None = None
    pending_card_ids: list[Id] | None = None


class AttachmentOut(BaseModel):
    """A file carried by a message: GET /api/v1/files/{id}/content downloads it, /preview shows it."""

    file_id: Id
    name: str
    size: int
    kind: str
    content_type: str
    previewable: bool


class MessageOut(BaseModel):
    id: Id
    channel_id: Id
    seq: int
    rev: int
    sender_id: Id
    sender_name: str
    client_msg_id: str
    content: str
    mentions: list[Id]
    created_at: datetime
    edited_at: datetime | None
    recalled: bool
    card: CardOut | None = None
    attachments: list[AttachmentOut] = Field(default_factory=list)
    reply_to: QuoteOut | None = None
    forwarded: ForwardedOut | None = None
    reactions: list[ReactionOut] = Field(default_factory=list)
    system: bool = False


ReactionKey = Literal["like", "ok", "smile", "thanks", "clap", "heart"]
# The fixed set, as DingTalk has: key -> the emoji shown.
REACTIONS: dict[ReactionKey, str] = {"like": "👍", "ok": "✅", "smile": "😄", "thanks": "🙏", "clap": "👏",
                                     "heart": "❤️"}


class ReactionOut(BaseModel):
    key: ReactionKey
    emoji: str
    count: int
    user_ids: list[Id] = Field(description="Who reacted, in the order they did")


class ReactionIn(WireModel):
    """Set (on) or clear (off) your reaction; repeating either changes nothing."""

    key: ReactionKey
    on: bool = True


class QuoteOut(BaseModel):
    """The message a reply quotes, as the reader may see it now: a recalled original shows as recalled."""

    message_id: Id
    seq: int
    sender_id: Id
    sender_name: str
    snippet: str = Field(description="The start of the original's markdown; empty when recalled")
    recalled: bool


class ForwardedOut(BaseModel):
    """The origin of a forwarded message: who wrote it, where, and when."""

    sender_name: str
    channel_kind: Literal["unit", "group", "direct"]
    channel_name: str = Field(description="Empty for a direct conversation")
    created_at: datetime


class SessionOut(BaseModel):
    token: str
    expires_at: datetime
    user: UserOut


class LoginIn(WireModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class SendIn(WireModel):
    content: str
    client_msg_id: str | None = Field(default=None, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")
    # Files already uploaded to this channel (POST /api/v1/files); with files the text may be empty.
    file_ids: list[Id] = Field(default_factory=list, max_length=10)
    reply_to: Id | None = Field(default=None, description="A message of the same channel to quote")


class SocketSendIn(SendIn):
    channel_id: Id


class EditIn(WireModel):
    content: str


class SocketEditIn(EditIn):
    message_id: Id


class SocketRecallIn(WireModel):
    message_id: Id


class ReadIn(WireModel):
    seq: int = Field(ge=0)


class SocketReadIn(ReadIn):
    channel_id: Id


class ChannelCreateIn(WireModel):
    name: str = Field(min_length=1, max_length=64)
    topic: str = Field(default="", max_length=500)
    member_ids: list[Id] = Field(default_factory=list, max_length=500)


class DirectIn(WireModel):
    user_id: Id


class MembersAddIn(WireModel):
    user_ids: list[Id] = Field(min_length=1, max_length=500)


class SyncChannelIn(WireModel):
    channel_id: Id
    last_seq: int = Field(ge=0)
    last_rev: int = Field(default=0, ge=0)


class SyncIn(WireModel):
    channels: list[SyncChannelIn] = Field(max_length=5000)


class SyncChannelOut(BaseModel):
    channel_id: Id
    messages: list[MessageOut]
    updates: list[MessageOut]
    last_seq: int
    rev: int
    # True when more was missed than catch-up sends: page through history instead.
    too_far_behind: bool


class SyncOut(BaseModel):
    channels: list[SyncChannelOut]
    unknown: list[Id]


class HistoryOut(BaseModel):
    messages: list[MessageOut]
    has_more: bool


class MembersOut(BaseModel):
    members: list[UserOut]


class Health(BaseModel):
    """Anonymous callers get the status only; administrators also get the details."""

    status: Literal["ok", "degraded"]
    store: dict[str, Any] | None = None
    redis: dict[str, Any] | None = None


class CardActionIn(WireModel):
    action_id: str = Field(min_length=1, max_length=64)
    version: int = Field(ge=1)
    request_id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")
    comment: str | None = Field(default=None, max_length=1000)
    choice: str | None = Field(default=None, max_length=100)


class SocketCardActionIn(CardActionIn):
    card_id: Id


class CardActionOut(BaseModel):
    card: CardOut
    reply: str | None = None


class CommandIn(WireModel):
    text: str = Field(min_length=2, max_length=2000)


class SocketCommandIn(CommandIn):
    channel_id: Id


class CommandOut(BaseModel):
    reply: str | None = None


class CommandInfo(BaseModel):
    name: str
    description: str
    usage: str
    bot_name: str


class CommandList(BaseModel):
    commands: list[CommandInfo]


class DelegationIn(WireModel):
    delegate_id: Id
    starts_at: datetime
    ends_at: datetime
    reason: str = Field(default="", max_length=200)


class DelegationOut(BaseModel):
    id: Id
    principal_id: Id
    principal_name: str
    delegate_id: Id
    delegate_name: str
    starts_at: datetime
    ends_at: datetime
    reason: str
    active: bool


class DelegationList(BaseModel):
    delegations: list[DelegationOut]


class AuditEntryOut(BaseModel):
    seq: int
    at: datetime
    actor_id: str | None
    actor_name: str
    on_behalf_of_name: str | None
    action: str
    object_type: str
    object_id: str
    outcome: str
    ip: str | None
    user_agent: str | None
    detail: dict[str, Any]
    hash: str


class AuditList(BaseModel):
    entries: list[AuditEntryOut]
    chain_ok: bool


class BotPostIn(WireModel):
    channel_ids: list[Id] = Field(default_factory=list, max_length=50)
    user_ids: list[Id] = Field(default_factory=list, max_length=500)


class BotMessageIn(BotPostIn):
    text: str = Field(min_length=1, max_length=8000)


class BotCardIn(BotPostIn):
    card: CardSpec


class BotIdOut(BaseModel):
    id: str
    version: int | None = None


class StorageValue(BaseModel):
    value: Any = None


class ForwardIn(WireModel):
    """Forward messages (each one you can read) to a conversation you are in, one new message each, in order."""

    message_ids: list[Id] = Field(min_length=1, max_length=20)
    channel_id: Id
    # Each forwarded copy gets client_msg_id + "." + its position, so a repeat stores nothing twice.
    client_msg_id: str = Field(min_length=1, max_length=60, pattern=r"^[A-Za-z0-9_:-]+$")


class ForwardOut(BaseModel):
    messages: list[MessageOut]


class PersonRef(BaseModel):
    id: Id
    name: str


class ReadPositionOut(BaseModel):
    user_id: Id
    name: str
    last_read_seq: int


class ReadPositionsOut(BaseModel):
    """Every member's read position (bots left out); available is false above the receipt limit (200 members)."""

    available: bool
    positions: list[ReadPositionOut]


class MessageReadsOut(BaseModel):
    """Who of the channel (but the sender and bots) has read this message, and who has not."""

    read: list[PersonRef]
    unread: list[PersonRef]


class GroupRolesOut(BaseModel):
    owner_id: Id | None
    admin_ids: list[Id]


class RenameIn(WireModel):
    name: str = Field(min_length=1, max_length=64)


class AdminIn(WireModel):
    user_id: Id
    admin: bool


class TransferIn(WireModel):
    user_id: Id
