"""Wire shapes of GET /api/v1/search: one group per kind of result, each optional, so kinds can be added."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from hub import wire

Kind = Literal["messages", "people", "units", "files"]
KINDS: tuple[Kind, ...] = ("messages", "people", "units", "files")


class Highlight(BaseModel):
    """A [start, end) range of the text, in Unicode code points (Array.from(text) in JavaScript)."""

    start: int
    end: int


class MessageHit(BaseModel):
    """A message that contains every query word: plain text around the first hit, with the hits' ranges."""

    message_id: str
    channel_id: str
    channel_kind: Literal["unit", "group", "direct"]
    channel_name: str = Field(description="For a direct conversation, the other person's name")
    seq: int
    sender_id: str
    sender_name: str
    created_at: datetime
    edited: bool
    snippet: str = Field(description="Plain text (markdown removed); never HTML")
    highlights: list[Highlight]


class MessageResults(BaseModel):
    items: list[MessageHit]
    truncated: bool = Field(description="The scan stopped at its cap: older matches may exist; narrow the search")


class PersonHit(BaseModel):
    user: wire.UserOut
    matched: list[Literal["name", "pinyin", "username", "title", "position", "unit"]]


class PeopleResults(BaseModel):
    items: list[PersonHit]


class UnitResults(BaseModel):
    items: list[wire.UnitOut]


class FileHit(BaseModel):
    """A file (of a scope the searcher may read) whose name or extracted text contains every query word."""

    file_id: str
    name: str
    kind: Literal["pdf", "ofd", "docx", "xlsx", "png", "jpeg"]
    size: int
    scope_kind: str
    scope_id: str
    uploaded_at: datetime
    snippet: str = Field(description="Plain text around the first hit (from the name when the text has none)")
    highlights: list[Highlight]


class FileResults(BaseModel):
    items: list[FileHit]
    truncated: bool = Field(description="The scan stopped at its cap: older matches may exist")


class SearchOut(BaseModel):
    """Groups are present for the kinds asked for; documents and announcements will be further groups."""

    q: str
    words: list[str] = Field(description="The words every message result contains (jieba's segmentation)")
    messages: MessageResults | None = None
    people: PeopleResults | None = None
    units: UnitResults | None = None
    files: FileResults | None = None
