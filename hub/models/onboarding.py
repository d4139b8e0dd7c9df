"""Which guided tours (分角色培训) a person has completed or skipped, kept on the server so it follows them."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Literal

from beanie import Document, PydanticObjectId
from pydantic import BaseModel, Field

TourOutcome = Literal["completed", "skipped"]


def tour_state_id(user_id: object) -> PydanticObjectId:
    """Derived from the person, so two devices creating it at once cannot make two."""
    return PydanticObjectId(hashlib.sha256(f"tours:{user_id}".encode()).digest()[:12])


class TourSeen(BaseModel):
    version: int
    outcome: TourOutcome
    at: datetime


class TourState(Document):
    user_id: PydanticObjectId
    # Tour key (hub.onboarding_wire.TOURS) -> the last version seen and how it ended.
    seen: dict[str, TourSeen] = Field(default_factory=dict)
    updated_at: datetime

    class Settings:
        name = "tour_states"
