"""Administration state: the security policy document and XLSX import batches (issue 17)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from beanie import Document
from pydantic import Field

from hub.lib.timeutil import utcnow


class SecurityPolicy(Document):
    """Password rules, lockout, session timeouts and uploads, edited by the 安全保密管理员; one document.

    Absent until first saved: the process settings (HUB_*) apply until then."""

    id: str = "security"  # type: ignore[assignment]
    password_min_length: int
    password_classes: int
    login_max_failures: int
    login_lock_minutes: float
    session_ttl_hours: float
    session_idle_minutes: float
    upload_max_mb: float
    upload_types: list[str]
    version: int = 0
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: str | None = None

    class Settings:
        name = "security_policy"


ImportStatus = Literal["invalid", "ready", "applying", "applied"]


class ImportBatch(Document):
    """One uploaded XLSX: its validated rows (passwords already hashed) and, once applied, what was created.

    Apply is claimed by a guarded status change, and every object gets an id derived from the batch and row,
    so a second apply (or one after a crash) creates nothing twice."""

    uploaded_by: str
    uploaded_at: datetime
    filename: str
    status: ImportStatus
    units: list[dict[str, Any]] = Field(default_factory=list)
    people: list[dict[str, Any]] = Field(default_factory=list)
    errors: list[dict[str, Any]] = Field(default_factory=list)
    applied_at: datetime | None = None

    class Settings:
        name = "import_batches"
