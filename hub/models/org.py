"""The org tree: units, people and their memberships (position 岗位 and title 职务)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow

UnitKind = Literal["province", "city", "leadership", "office", "department", "district", "county", "township"]
Role = Literal[
    "staff",
    "leader",
    "office_director",
    "doc_clerk",
    "sys_admin",
    "sec_admin",
    "audit_admin",
]
ADMIN_ROLES: frozenset[str] = frozenset({"sys_admin", "sec_admin", "audit_admin"})


class Unit(Document):
    """An org unit; external units (the province) exchange documents but hold no local staff."""

    code: str
    name: str
    short_name: str
    kind: UnitKind
    parent_id: PydanticObjectId | None = None
    order: int = 0
    external: bool = False
    pinyin: str = ""
    initials: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    # 撤销: kept for history (documents and the audit name it), hidden from the directory.
    retired: bool = False

    class Settings:
        name = "units"
        indexes = [
            IndexModel([("code", pymongo.ASCENDING)], unique=True, name="code_unique"),
            IndexModel([("parent_id", pymongo.ASCENDING), ("order", pymongo.ASCENDING)], name="by_parent"),
        ]


class User(Document):
    """A person (or later a bot) who logs in."""

    username: str
    name: str
    pinyin: str = ""
    initials: str = ""
    password_hash: str = ""
    roles: list[Role] = Field(default_factory=lambda: list[Role](["staff"]))
    disabled: bool = False
    is_bot: bool = False
    failed_logins: int = 0
    locked_until: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    # 通讯录: how to reach the person at work (hub/actions/contacts.py decides who sees the mobile).
    office_phone: str = ""
    mobile: str = ""
    office_room: str = ""

    class Settings:
        name = "users"
        indexes = [
            IndexModel([("username", pymongo.ASCENDING)], unique=True, name="username_unique"),
            IndexModel([("pinyin", pymongo.ASCENDING)], name="by_pinyin"),
            IndexModel([("initials", pymongo.ASCENDING)], name="by_initials"),
        ]


class Membership(Document):
    """A person's seat in a unit."""

    user_id: PydanticObjectId
    unit_id: PydanticObjectId
    position: str
    title: str
    is_head: bool = False
    order: int = 100

    class Settings:
        name = "memberships"
        indexes = [
            IndexModel([("user_id", pymongo.ASCENDING), ("unit_id", pymongo.ASCENDING)], unique=True,
                       name="user_unit_unique"),
            IndexModel([("unit_id", pymongo.ASCENDING), ("order", pymongo.ASCENDING)], name="by_unit"),
        ]
