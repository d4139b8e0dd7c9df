"""Wire shapes of announcements: the publish body, the reader's and publisher's views, the receipt board."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, model_validator

from hub.wire import Id, WireModel

IdStr = str
FileId = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class AnnouncementIn(WireModel):
    """Publish now (publish_at absent or past) or at publish_at. request_id makes a repeated send harmless.
    Address org subtrees, named units and named people together, or one ad-hoc group alone (群公告)."""

    request_id: str = Field(min_length=1, max_length=100)
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1, max_length=20000)
    subtree_unit_ids: list[IdStr] = Field(default_factory=list, max_length=50)
    unit_ids: list[IdStr] = Field(default_factory=list, max_length=200)
    user_ids: list[IdStr] = Field(default_factory=list, max_length=2000)
    group_channel_id: IdStr | None = None
    publish_at: datetime | None = None
    pinned: bool = True
    urgent: bool = False
    # 必达: also chase those who have not opened it this many minutes after publishing.
    urgent_after_minutes: int = Field(default=30, ge=1, le=1440)
    # Chase non-confirmers every chase_interval_minutes, at most chase_max rounds (0: never).
    chase_interval_minutes: int = Field(default=60, ge=1, le=10080)
    chase_max: int = Field(default=0, ge=0, le=10)
    # Upload ids from the file store; wired to attachments once uploads exist (kept, never dereferenced yet).
    file_ids: list[FileId] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _someone(self) -> AnnouncementIn:
        people = self.subtree_unit_ids or self.unit_ids or self.user_ids
        if self.group_channel_id is not None and people:
            raise ValueError("a 群公告 goes to its group alone: no units or people besides")
        if self.group_channel_id is None and not people:
            raise ValueError("address at least one unit, subtree or person")
        return self


class ReceiptState(BaseModel):
    delivered_at: datetime
    opened_at: datetime | None
    confirmed_at: datetime | None
    nudges: int


class AnnouncementOut(BaseModel):
    id: Id
    title: str
    body: str
    publisher_id: Id
    publisher_name: str
    status: Literal["scheduled", "published", "recalled"]
    publish_at: datetime
    published_at: datetime | None
    recalled_at: datetime | None
    pinned: bool
    urgent: bool
    urgent_after_minutes: int
    chase_interval_minutes: int
    chase_max: int
    file_ids: list[str]
    group_channel_id: Id | None
    unit_ids: list[Id]
    recipients: int
    opened: int
    confirmed: int
    # The viewer's own receipt (a recipient), and whether the viewer published it (sees the board, may recall).
    mine: ReceiptState | None = None
    is_publisher: bool = False


class AnnouncementList(BaseModel):
    announcements: list[AnnouncementOut]


class AnnouncementQuery(WireModel):
    box: Literal["inbox", "sent"] = "inbox"


class PinIn(WireModel):
    pinned: bool


class ReceiptRow(BaseModel):
    user_id: Id
    user_name: str
    unit_id: Id | None
    unit_name: str
    delivered_at: datetime
    opened_at: datetime | None
    confirmed_at: datetime | None
    nudges: int


class UnitRate(BaseModel):
    unit_id: Id | None
    unit_name: str
    recipients: int
    opened: int
    confirmed: int
    # opened / recipients and confirmed / recipients, 0..1 (0 for a unit with nobody).
    read_rate: float
    confirm_rate: float


class ReceiptBoard(BaseModel):
    announcement: AnnouncementOut
    units: list[UnitRate]
    not_read: list[ReceiptRow]
    not_confirmed: list[ReceiptRow]


class ConversationPrefIn(WireModel):
    """Change one or both; an absent field keeps its value."""

    muted: bool | None = None
    pinned: bool | None = None


class ConversationPrefOut(BaseModel):
    channel_id: Id
    muted: bool
    pinned: bool


class ConversationPrefList(BaseModel):
    prefs: list[ConversationPrefOut]
