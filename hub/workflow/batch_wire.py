"""Wire shapes of batch approval from the 工作台: several instances, one decision, one result per item."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from hub.workflow.state import InstanceStatus

BatchOp = Literal["approve", "reject", "transfer"]
BATCH_MAX = 50


class BatchItemIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    instance_id: str = Field(min_length=1, max_length=24)
    request_id: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$",
                            description="this item's own id: a replay of it is answered without acting again")
    version: int | None = Field(default=None, description="the instance version the person saw")


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    op: BatchOp
    opinion: str | None = Field(default=None, max_length=1000)
    users: list[str] = Field(default_factory=list, max_length=1, description="transfer: the one person to hand to")
    items: list[BatchItemIn] = Field(min_length=1, max_length=BATCH_MAX)


class BatchItemOut(BaseModel):
    instance_id: str
    request_id: str
    ok: bool
    code: str | None = Field(default=None, description="the error code when the item failed")
    message: str | None = None
    message_en: str | None = None
    detail: str | None = None
    title: str | None = None
    instance_status: InstanceStatus | None = None
    current_step: str | None = None


class BatchOut(BaseModel):
    op: BatchOp
    succeeded: int
    failed: int
    results: list[BatchItemOut]
