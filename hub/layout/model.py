"""What a 版式 file shows: the GB/T 9704 elements in print order, and the body's heading levels."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

# The four heading levels of a 公文 body: 一、 （一） 1. （1）
_LEVELS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(r"^[一二三四五六七八九十百]+、")),
    (2, re.compile(r"^（[一二三四五六七八九十百]+）")),
    (3, re.compile(r"^\d+[.．]")),
    (4, re.compile(r"^（\d+）")),
]


class LayoutDoc(BaseModel):
    """The elements of one 公文 as printed (版头, 主体, 版记)."""

    org_mark: str = Field(min_length=1, max_length=40, description="发文机关标志, e.g. 白银市人民政府文件")
    doc_number: str = Field(min_length=1, max_length=40, description="发文字号, e.g. 白政发〔2026〕12号")
    urgency: Literal["特急", "加急"] | None = None
    signer: str | None = Field(default=None, max_length=40, description="签发人: only on 上行文")
    title: str = Field(min_length=1, max_length=200)
    main_to: str = Field(default="", max_length=500, description="主送机关")
    body: list[str] = Field(min_length=1, description="paragraphs; a paragraph starting 一、（一）1.（1） is a heading")
    attachments: list[str] = Field(default_factory=list, description="附件说明: the attachments' names")
    sender: str = Field(min_length=1, max_length=100, description="发文机关署名")
    signed_on: date = Field(description="成文日期")
    note: str | None = Field(default=None, max_length=200, description="附注")
    cc: str = Field(default="", max_length=500, description="抄送机关")
    printer: str = Field(min_length=1, max_length=100, description="印发机关")
    printed_on: date = Field(description="印发日期")


def heading_level(paragraph: str) -> int:
    """0 for plain text, else 1–4 for 一、 （一） 1. （1）."""
    text = paragraph.lstrip()
    for level, pattern in _LEVELS:
        if pattern.match(text):
            return level
    return 0


def chinese_date(day: date) -> str:
    """成文日期 as GB/T 9704-2012 writes it: Arabic numerals, no leading zeros (2026年12月2日)."""
    return f"{day.year}年{day.month}月{day.day}日"
