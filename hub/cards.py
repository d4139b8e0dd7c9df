"""The card a message can carry: typed here, mirrored in schemas/card.json, rendered by every client."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

Classification = Literal["公开", "内部"]
Urgency = Literal["特急", "加急", "平件"]
Tone = Literal["neutral", "info", "success", "warning", "danger"]


class CardField(BaseModel):
    label: str
    value: str


class CardAttachment(BaseModel):
    name: str
    url: str
    mime: str = "application/octet-stream"
    size: int | None = None


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


class CardOut(BaseModel):
    """A card as one viewer sees it: actions holds only the buttons this viewer may press."""

    id: str
    kind: str
    title: str
    fields: list[CardField] = Field(default_factory=list)
    body: str = ""
    attachments: list[CardAttachment] = Field(default_factory=list)
    classification: Classification = "公开"
    urgency: Urgency = "平件"
    deadline: datetime | None = None
    status: CardStatus
    timeline: list[CardTimelineEntry] = Field(default_factory=list)
    version: int = 1
    bot: str
    actions: list[CardAction] = Field(default_factory=list)
    fallback_text: str
