"""Wire shapes of 催办 on a pending item."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class ChaseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    request_id: str = Field(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")
    note: str = Field(default="", max_length=200)
    user_id: str | None = Field(default=None, pattern=r"^[0-9a-f]{24}$",
                                description="one holder of the current step; default: every holder you may chase")


class Chased(BaseModel):
    task_id: str
    user_id: str
    name: str
    urged_at: datetime
    next_allowed_at: datetime


class ChaseOut(BaseModel):
    instance_id: str
    chased: list[Chased]
