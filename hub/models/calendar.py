"""Administrators' corrections to the working-day calendar: one document per Beijing date."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import pymongo
from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow

DayKind = Literal["workday", "holiday"]


class WorkdayOverride(Document):
    """The date (ISO "YYYY-MM-DD", Beijing) is a working day or a holiday whatever chinese-calendar says."""

    day: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    kind: DayKind
    note: str = ""
    set_by: str | None = None
    updated_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "workday_overrides"
        indexes = [IndexModel([("day", pymongo.ASCENDING)], unique=True, name="day_unique")]
