"""Wire shapes of 发文字号 allocation and the register (发文登记簿's numbers)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from hub.models.docnumbers import NumberAct, NumberStatus

# 机关代字: Chinese characters only (白政发, 白财预, 白政办函 …).
CODE = r"^[\u4e00-\u9fa5]{1,10}$"


class AllocateIn(BaseModel):
    request_id: str = Field(min_length=8, max_length=64)
    unit_id: str = Field(min_length=1, max_length=64)
    code: str = Field(pattern=CODE)
    year: int = Field(ge=2000, le=2100)
    document_id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


class ReserveIn(BaseModel):
    request_id: str = Field(min_length=8, max_length=64)
    unit_id: str = Field(min_length=1, max_length=64)
    code: str = Field(pattern=CODE)
    year: int = Field(ge=2000, le=2100)
    reason: str = Field(min_length=2, max_length=200)


class AssignIn(BaseModel):
    document_id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


class VoidIn(BaseModel):
    reason: str = Field(min_length=2, max_length=200)


class RegisterQuery(BaseModel):
    unit_id: str = Field(min_length=1, max_length=64)
    code: str = Field(pattern=CODE)
    year: int = Field(ge=2000, le=2100)


class NumberOut(BaseModel):
    id: str
    text: str
    number: int
    status: NumberStatus
    document_id: str | None
    reason: str
    history: list[NumberAct]
    created_at: datetime


class NumberRegisterOut(BaseModel):
    """Every number of the sequence in order; `unexplained` lists numbers passed with no row at all."""

    code: str
    year: int
    numbers: list[NumberOut]
    unexplained: list[int]
