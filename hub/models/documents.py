"""公文 per GB/T 9704-2012: the elements with their conditional rules, incoming records, receipts, counters."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

import orjson
import pymongo
from beanie import Document, PydanticObjectId
from pydantic import BaseModel, ConfigDict, Field, model_validator
from pymongo import IndexModel

from hub.lib.timeutil import utcnow

DOC_TYPES: tuple[str, ...] = ("决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示",
                              "批复", "议案", "函", "纪要")
DocType = Literal["决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
                  "议案", "函", "纪要"]
Urgency = Literal["特急", "加急"]
Openness = Literal["公开", "内部"]
Direction = Literal["up", "down", "parallel"]  # 上行文, 下行文, 平行文
# 机关代字〔2026〕12号: four-digit year in 六角括号, a number without leading zeros and without 第.
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fa5A-Za-z]{1,12}〔\d{4}〕[1-9]\d{0,5}号$")
_ID = r"^[0-9a-f]{24}$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentElements(Strict):
    """What a sender fills in. 份号, 密级 and 保密期限 exist only on 涉密 documents, refused at the door: the
    fields are named here only so that a marked document is refused with a clear error, never stored."""

    doc_type: DocType = Field(description="文种")
    issuer: Annotated[str, Field(min_length=2, max_length=60, description="发文机关 (as printed)")]
    doc_number: Annotated[str, Field(max_length=40, description="发文字号, e.g. 白政发〔2026〕12号")]
    direction: Direction = Field(default="down", description="上行文 up, 下行文 down, 平行文 parallel")
    main_to: list[Annotated[str, Field(pattern=_ID)]] = Field(min_length=1, max_length=200,
                                                               description="主送机关: unit ids")
    cc_to: list[Annotated[str, Field(pattern=_ID)]] = Field(default_factory=list, max_length=200,
                                                             description="抄送机关: unit ids")
    title: Annotated[str, Field(min_length=2, max_length=200, description="标题")]
    body: Annotated[str, Field(min_length=1, max_length=50000, description="正文")]
    written_on: date = Field(description="成文日期")
    note: Annotated[str, Field(max_length=500)] = Field(default="", description="附注")
    openness: Openness = Field(default="内部", description="公开 or 内部 (工作秘密)")
    urgency: Urgency | None = Field(default=None, description="紧急程度: only when urgent; 平件 is no marking")
    signer: Annotated[str, Field(max_length=40)] | None = Field(default=None, description="签发人: 上行文 only")
    copy_no: str | None = Field(default=None, description="份号: 涉密 documents only, refused")
    secret_level: str | None = Field(default=None, description="密级: 涉密 documents only, refused")
    secrecy_term: str | None = Field(default=None, description="保密期限: 涉密 documents only, refused")

    @model_validator(mode="after")
    def _rules(self) -> DocumentElements:
        if not DOC_NUMBER.match(self.doc_number):
            raise ValueError("doc_number: 机关代字〔YYYY〕N号, no leading zeros, no 第")
        if self.direction == "up" and not (self.signer or "").strip():
            raise ValueError("signer: 上行文 carry the 签发人")
        if self.direction != "up" and self.signer:
            raise ValueError("signer: only 上行文 carry a 签发人")
        if set(self.main_to) & set(self.cc_to) or len(set(self.main_to)) != len(self.main_to) \
                or len(set(self.cc_to)) != len(self.cc_to):
            raise ValueError("main_to/cc_to: each unit once")
        return self

    @property
    def classified(self) -> bool:
        return any(v not in (None, "") for v in (self.copy_no, self.secret_level, self.secrecy_term))

    def texts(self) -> list[str]:
        return [self.issuer, self.doc_number, self.title, self.body, self.note, self.signer or ""]


def content_hash(elements: dict[str, Any]) -> str:
    """SHA-256 of the elements as canonical JSON: what a receipt says was received."""
    return hashlib.sha256(orjson.dumps(elements, option=orjson.OPT_SORT_KEYS)).hexdigest()


class OfficialDocument(Document):
    """One 公文 as sent; its elements never change after sending (receipts hash them)."""

    id: PydanticObjectId | None = Field(default_factory=PydanticObjectId)
    elements: DocumentElements
    sender_unit_id: PydanticObjectId
    sender_unit_name: str
    sent_by: str
    sent_by_name: str
    external: bool = False
    content_hash: str
    recipients: list[PydanticObjectId]
    send_request_id: str
    sent_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "documents"
        indexes = [
            IndexModel([("sender_unit_id", pymongo.ASCENDING), ("sent_at", pymongo.DESCENDING)], name="by_sender"),
            IndexModel([("sent_by", pymongo.ASCENDING), ("send_request_id", pymongo.ASCENDING)], unique=True,
                       name="send_request_unique"),
        ]


IncomingStatus = Literal["pending", "returned", "handling", "done", "archived", "recalled"]
ReaderState = Literal["delivered", "opened", "read", "recalled"]


class Reader(BaseModel):
    user_id: str
    name: str
    state: ReaderState = "delivered"
    delivered_at: datetime
    opened_at: datetime | None = None
    read_at: datetime | None = None
    comment: str | None = None


class Instruction(BaseModel):
    """批示: enough to open a 督办 item from it later."""

    by_id: str
    by_name: str
    text: str
    lead_unit_id: str
    lead_unit_name: str
    co_unit_ids: list[str] = Field(default_factory=list)
    deadline: date | None = None
    at: datetime
    # The 督办 item a 批示 with a deadline opens (the leader follows it in the 工作台's 督办 list).
    duban_id: str | None = None


class IncomingRecord(Document):
    """A document as one recipient unit holds it: its 收文 process, number, 批示 and 传阅."""

    id: PydanticObjectId | None = Field(default_factory=PydanticObjectId)
    document_id: PydanticObjectId
    unit_id: PydanticObjectId
    unit_name: str
    copied: bool = False  # 抄送 rather than 主送
    instance_id: PydanticObjectId | None = None
    status: IncomingStatus = "pending"
    doc_type: str
    title: str
    urgency: str | None = None
    sender_unit_id: PydanticObjectId
    sender_unit_name: str
    received_at: datetime
    signed_by: str | None = None
    signed_by_name: str | None = None
    signed_at: datetime | None = None
    returned_reason: str | None = None
    returned_at: datetime | None = None
    reg_claim: str | None = None
    reg_year: int | None = None
    reg_seq: int | None = None
    reg_no: str | None = None
    registered_at: datetime | None = None
    checklist: dict[str, bool] = Field(default_factory=dict)
    proposal: str | None = None
    leaders: list[str] = Field(default_factory=list)
    instruction: Instruction | None = None
    readers: list[Reader] = Field(default_factory=list)
    due_at: datetime | None = None
    last_urged_at: datetime | None = None
    replies: list[dict[str, Any]] = Field(default_factory=list)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1

    class Settings:
        name = "incoming_records"
        indexes = [
            IndexModel([("document_id", pymongo.ASCENDING), ("unit_id", pymongo.ASCENDING)], unique=True,
                       name="document_unit_unique"),
            IndexModel([("unit_id", pymongo.ASCENDING), ("received_at", pymongo.DESCENDING)], name="by_unit"),
            IndexModel([("readers.user_id", pymongo.ASCENDING)], name="by_reader"),
            # 协办 units named in a 批示 (they follow the record in their 收文箱).
            IndexModel([("instruction.co_unit_ids", pymongo.ASCENDING)], name="by_co_unit"),
            IndexModel([("instance_id", pymongo.ASCENDING)], name="by_instance"),
            IndexModel([("unit_id", pymongo.ASCENDING), ("reg_year", pymongo.ASCENDING),
                        ("reg_seq", pymongo.ASCENDING)], unique=True, name="reg_no_unique",
                       partialFilterExpression={"reg_seq": {"$gt": 0}}),
        ]


ReceiptKind = Literal["signed", "returned"]


class DocumentReceipt(Document):
    """签收回执, legal evidence: inserted once, never updated or deleted."""

    id: PydanticObjectId | None = Field(default_factory=PydanticObjectId)
    document_id: PydanticObjectId
    record_id: PydanticObjectId
    unit_id: PydanticObjectId
    unit_name: str
    kind: ReceiptKind
    user_id: str
    user_name: str
    at: datetime
    content_hash: str
    reason: str | None = None
    doc_number: str
    title: str

    class Settings:
        name = "document_receipts"
        indexes = [
            IndexModel([("record_id", pymongo.ASCENDING)], unique=True, name="one_receipt_per_record"),
            IndexModel([("document_id", pymongo.ASCENDING)], name="by_document"),
        ]


class RegisterCounter(Document):
    """The 收文编号 sequence of one unit and year; `_id` is "unit:year", advanced only by $inc."""

    id: str  # type: ignore[assignment]
    seq: int = 0

    class Settings:
        name = "register_counters"


DOCUMENT_MODELS: list[type[Document]] = [OfficialDocument, IncomingRecord, DocumentReceipt, RegisterCounter]
