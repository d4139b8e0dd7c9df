"""提醒 (remind me) and 督办 documents: one per reminder, one per supervised item."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import pymongo
from pydantic import Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow
from hub.models.duban import DubanItem
from hub.models.ids import PresetIdDocument

ReminderStatus = Literal["pending", "sent", "cancelled"]


class Reminder(PresetIdDocument):
    """A person's "remind me at …" on an item they could see when they set it; fired by the timer
    `reminder:<id>` as a direct message from the 提醒助手 bot."""

    user_id: str
    request_id: str
    target_kind: str
    target_id: str
    label: str
    link: str
    note: str = ""
    due_at: datetime
    status: ReminderStatus = "pending"
    message_id: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None

    class Settings:
        name = "reminders"
        indexes = [
            IndexModel([("user_id", pymongo.ASCENDING), ("request_id", pymongo.ASCENDING)], unique=True,
                       name="user_request_unique"),
            IndexModel([("user_id", pymongo.ASCENDING), ("status", pymongo.ASCENDING), ("due_at", pymongo.ASCENDING)],
                       name="by_user_status_due"),
        ]


REMIND_MODELS: list[type[PresetIdDocument]] = [Reminder, DubanItem]
