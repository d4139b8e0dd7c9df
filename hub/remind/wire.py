"""Wire shapes of 提醒 (remind me): setting one with a quick choice or a time, and listing them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

Preset = Literal["in_1h", "tomorrow_0900", "next_workday_0900"]
_ID = r"^[A-Za-z0-9_.:-]{1,64}$"


class ReminderTargetIn(BaseModel):
    """A typed reference: kind from the registry (message, card, task, process; 公文 adds its own) and id."""

    model_config = ConfigDict(extra="forbid")
    kind: str = Field(pattern=r"^[a-z_]{1,32}$")
    id: str = Field(pattern=_ID)


class ReminderIn(BaseModel):
    """Exactly one of `preset` (in 1 hour, tomorrow 09:00, next working day 09:00, Beijing time) and `at`."""

    model_config = ConfigDict(extra="forbid")
    request_id: str = Field(pattern=_ID)
    target: ReminderTargetIn
    preset: Preset | None = None
    at: AwareDatetime | None = None
    note: str = Field(default="", max_length=200)


class ReminderOut(BaseModel):
    id: str
    target_kind: str
    target_id: str
    label: str
    link: str
    note: str
    due_at: datetime
    status: Literal["pending", "sent", "cancelled"]
    created_at: datetime


class ReminderList(BaseModel):
    reminders: list[ReminderOut]


class ReminderQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Literal["pending", "sent", "cancelled", "all"] = "pending"
