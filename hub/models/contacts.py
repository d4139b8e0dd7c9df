"""通讯录: the contacts a person has starred (常用联系人)."""

from __future__ import annotations

from datetime import datetime

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow


class ContactStar(Document):
    """One starred contact of one person; the unique index makes starring twice a no-op."""

    user_id: PydanticObjectId
    contact_id: PydanticObjectId
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "contact_stars"
        indexes = [IndexModel([("user_id", pymongo.ASCENDING), ("contact_id", pymongo.ASCENDING)], unique=True,
                              name="user_contact_unique")]
