"""Security state kept in the store: login throttles, the classification policy, audit aggregates and checkpoints."""

from __future__ import annotations

from datetime import datetime

import pymongo
from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from hub.lib.timeutil import utcnow


class LoginThrottle(Document):
    """Attempts on one key (a username from one source, a source, or a username from anywhere).

    `inflight` counts attempts claimed and not yet decided; `failures` the wrong ones in the current window.
    A claim is admitted only while inflight + failures stays within the limit, so parallel guesses cannot
    get more verifications than sequential ones.
    """

    id: str  # type: ignore[assignment]
    inflight: int = 0
    failures: int = 0
    window_until: datetime
    locked_until: datetime | None = None

    class Settings:
        name = "login_throttles"


class ClassificationPolicy(Document):
    """The 密级 marker and allow lists, edited by the security administrator (安全管理员); one document."""

    id: str = "classification"  # type: ignore[assignment]
    levels: list[str] = Field(default_factory=list)
    allow: list[str] = Field(default_factory=list)
    version: int = 0
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: str | None = None

    class Settings:
        name = "policies"


class AuditAggregate(Document):
    """Repeated unauthenticated failures from one source in one minute: the first is an audit entry, the rest
    only counted here, and written as one summary entry when the minute is over."""

    id: str  # type: ignore[assignment]
    action: str
    outcome: str
    ip: str | None = None
    minute: datetime
    seen: int = 0
    flushed: bool = False

    class Settings:
        name = "audit_aggregates"
        indexes = [IndexModel([("flushed", pymongo.ASCENDING), ("minute", pymongo.ASCENDING)], name="pending")]


class AuditCheckpoint(Document):
    """A signed statement that the chain up to `seq` ends in `hash`: verification starts from the newest one."""

    seq: int
    hash: str
    signature: str
    at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "audit_checkpoints"
        indexes = [IndexModel([("seq", pymongo.DESCENDING)], unique=True, name="seq_unique")]
