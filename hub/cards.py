"""The card a message can carry: typed here, mirrored in schemas/card.json, rendered by every client."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, field_validator

Classification = Literal["公开", "内部"]
Urgency = Literal["特急", "加急", "平件"]
Tone = Literal["neutral", "info", "success", "warning", "danger"]


class CardField(BaseModel):
    label: str
    value: str


# Our own file URLs only: a path under /files/ or /api/v1/files/, no scheme, host, backslash, dot segment or
# query. Browsers treat `/\evil.example/x` and `//evil.example/x` as off-site, so only plain segments pass.
_OWN_FILE_URL = re.compile(r"^/(?:api/v1/)?files/(?:[A-Za-z0-9_\-~%][A-Za-z0-9._\-~%]*/)*"
                           r"[A-Za-z0-9_\-~%][A-Za-z0-9._\-~%]*$")


class CardAttachment(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    url: str = Field(max_length=500)
    mime: str = "application/octet-stream"
    size: int | None = None

    @field_validator("url")
    @classmethod
    def _own_file(cls, url: str) -> str:
        if not _OWN_FILE_URL.match(url) or "%2f" in url.lower() or "%5c" in url.lower() or "%2e" in url.lower():
            raise ValueError("only the hub's own file URLs (/files/...) may be attached")
        return url


class CardStatus(BaseModel):
    code: str
    label: str
    tone: Tone = "neutral"


class CardTimelineEntry(BaseModel):
    at: datetime
    actor_name: str
    text: str


class ActionInput(BaseModel):
    """What a button asks for before it acts: nothing, a comment, or one of several choices."""

    kind: Literal["none", "comment", "choice"] = "none"
    required: bool = False
    label: str | None = None
    options: list[str] = Field(default_factory=list)


class CardAction(BaseModel):
    id: str
    label: str
    style: Literal["primary", "danger", "default"] = "default"
    confirm: str | None = None
    input: ActionInput = Field(default_factory=ActionInput)


class CardActionOut(CardAction):
    """A button as a viewer gets it. personal: the rule names this viewer, not everyone who sees the card,
    so the card is waiting for them (a poll's vote buttons are not personal)."""

    personal: bool = False


class CardContent(BaseModel):
    """What a card says, shared by what a bot posts, what is stored and what a viewer sees."""

    kind: str = Field(min_length=1, max_length=40)
    title: str = Field(min_length=1, max_length=200)
    fields: list[CardField] = Field(default_factory=list, max_length=50)
    body: str = Field(default="", max_length=8000)
    attachments: list[CardAttachment] = Field(default_factory=list, max_length=20)
    classification: Classification = "公开"
    urgency: Urgency = "平件"
    deadline: datetime | None = None
    status: CardStatus


class CardOut(CardContent):
    """A card as one viewer sees it: actions holds only the buttons this viewer may press."""

    id: str
    timeline: list[CardTimelineEntry] = Field(default_factory=list)
    version: int = 1
    bot: str
    bot_name: str = ""
    actions: list[CardActionOut] = Field(default_factory=list)
    fallback_text: str


class PositionRule(BaseModel):
    """A seat in a unit: its head, or whoever holds a named position (岗位) there."""

    unit_id: str
    head: bool = True
    position: str | None = None


class ActionRule(BaseModel):
    """Who may press a button. Empty means nobody; anyone means anyone who can see the card."""

    anyone: bool = False
    users: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    positions: list[PositionRule] = Field(default_factory=list)


class CardActionDef(CardAction):
    """A button as a bot declares it; rule and exclusive never leave the server."""

    rule: ActionRule = Field(default_factory=ActionRule)
    # Exclusive actions (approve, reject) must be pressed on the current version: one wins.
    # Others (a vote) apply to whatever the card is now.
    exclusive: bool = True
    # A management button of the card's owner (a poll's 结束投票): pressable, but not work waiting for them.
    manage: bool = False


class CardSpec(CardContent):
    """What a bot posts. context is the bot's private state and is never shown to users."""

    actions: list[CardActionDef] = Field(default_factory=list, max_length=12)
    context: dict[str, object] = Field(default_factory=dict)
    fallback_text: str | None = Field(default=None, max_length=2000)


class CardChange(BaseModel):
    """A bot's answer to an action, or an update it makes on its own: only what changes."""

    title: str | None = Field(default=None, max_length=200)
    fields: list[CardField] | None = None
    body: str | None = Field(default=None, max_length=8000)
    status: CardStatus | None = None
    actions: list[CardActionDef] | None = None
    context: dict[str, object] | None = None
    # Recorded on the card's timeline with who did it.
    timeline: str | None = Field(default=None, max_length=500)
    fallback_text: str | None = Field(default=None, max_length=2000)
    # Shown only to the person who pressed the button.
    reply: str | None = Field(default=None, max_length=2000)
