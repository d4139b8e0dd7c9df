"""发文字号: one sequence per unit, 机关代字 and year; every number taken is a row of the register, never deleted."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow

NumberStatus = Literal["reserved", "used", "void"]


class NumberSequence(Document):
    """The last number handed out; `_id` is "unit:代字:year", advanced by one single-document $inc."""

    id: str  # type: ignore[assignment]
    unit_id: str
    code: str
    year: int
    last: int = 0

    class Settings:
        name = "number_sequences"


class NumberAct(BaseModel):
    at: datetime
    act: Literal["reserved", "used", "voided"]
    actor_id: str
    actor_name: str
    note: str = ""


class DocNumber(Document):
    """One number of a sequence: reserved (预留), used by one document, or voided (作废) with its reason."""

    id: PydanticObjectId | None = Field(default_factory=PydanticObjectId)
    sequence_id: str
    unit_id: str
    code: str
    year: int
    number: int
    text: str
    status: NumberStatus
    document_id: str | None = None
    reason: str = ""
    request_id: str
    requested_by: str
    history: list[NumberAct] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "doc_numbers"
        indexes = [
            IndexModel([("sequence_id", pymongo.ASCENDING), ("number", pymongo.ASCENDING)], unique=True,
                       name="sequence_number_unique"),
            IndexModel([("requested_by", pymongo.ASCENDING), ("request_id", pymongo.ASCENDING)], unique=True,
                       name="request_unique"),
        ]


class NumberClaim(Document):
    """A document's claim on being numbered, taken before the sequence moves: `_id` is the document id, so a
    document is numbered once however many clerks press 编号 at the same moment."""

    id: str  # type: ignore[assignment]
    number_id: PydanticObjectId | None = None
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "number_claims"


NUMBER_MODELS: list[type[Document]] = [NumberSequence, DocNumber, NumberClaim]
