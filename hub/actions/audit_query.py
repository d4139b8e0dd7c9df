"""Reading the audit log for the 安全审计员: typed filters, full chain verification, CSV and XLSX export."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any, Literal

import orjson
from beanie.operators import In
from openpyxl import Workbook
from pydantic import BaseModel, Field

from hub.actions.audit import Origin, do_audit, flush_failure_counts, verify_chain
from hub.actions.audit_chain import check_anchors
from hub.context import Hub
from hub.errors import HubError
from hub.lib.timeutil import as_utc
from hub.models import AuditEntry, User

EXPORT_MAX = 50_000
COLUMNS = ("seq", "at", "actor_name", "actor_id", "on_behalf_of_name", "action", "object_type", "object_id",
           "outcome", "ip", "detail", "hash")
HEADERS_ZH = ("序号", "时间(UTC)", "操作人", "操作人ID", "代理", "操作", "对象类型", "对象ID", "结果", "来源IP",
              "详情", "哈希")


class AuditFilter(BaseModel):
    """Every filter is a typed value matched exactly (or a time bound): never client JSON in a query."""

    actor_id: str | None = Field(default=None, max_length=64)
    action: str | None = Field(default=None, max_length=64, description="exact, or a prefix ending in '.'")
    object_type: str | None = Field(default=None, max_length=32)
    object_id: str | None = Field(default=None, max_length=64)
    outcome: str | None = Field(default=None, max_length=32)
    admin_role: Literal["sys_admin", "sec_admin", "audit_admin"] | None = Field(
        default=None, description="only what holders of this administrator role did (三员 audit)")
    since: datetime | None = None
    until: datetime | None = None
    limit: int = Field(default=200, ge=1, le=1000)


async def audit_query(f: AuditFilter) -> dict[str, Any]:
    query: dict[str, Any] = {}
    for name in ("actor_id", "object_type", "object_id", "outcome"):
        if (value := getattr(f, name)) is not None and value != "":
            query[name] = value
    if f.action:
        if f.action.endswith("."):
            query["action"] = {"$gte": f.action, "$lt": f.action[:-1] + "/"}  # '/' sorts right after '.'
        else:
            query["action"] = f.action
    if f.admin_role is not None:
        holders = [str(u.id) for u in await User.find(In(User.roles, [f.admin_role])).to_list()]
        if "actor_id" in query:
            holders = [h for h in holders if h == query["actor_id"]]
        query["actor_id"] = {"$in": holders}
    if f.since or f.until:
        query["at"] = {k: as_utc(v) for k, v in (("$gte", f.since), ("$lt", f.until)) if v is not None}
    return query


async def find_entries(hub: Hub, f: AuditFilter, limit: int) -> list[AuditEntry]:
    await flush_failure_counts(hub)
    return await AuditEntry.find(await audit_query(f)).sort("-seq").limit(limit).to_list()


class ChainVerification(BaseModel):
    ok: bool
    entries: int
    broken_at: int | None
    reason: str
    anchors: int
    anchors_ok: bool
    anchors_reason: str


async def do_verify_chain(hub: Hub, actor: User, origin: Origin | None = None) -> ChainVerification:
    """Every entry from the first, and the anchors outside the store; the check itself is audited."""
    await flush_failure_counts(hub)
    report = await verify_chain()
    anchors = await check_anchors(hub)
    await do_audit(hub, "audit.verified", actor=actor, object_type="audit", origin=origin,
                   detail={"ok": report.ok and anchors.ok, "entries": report.entries})
    return ChainVerification(ok=report.ok and anchors.ok, entries=report.entries, broken_at=report.broken_at,
                             reason=report.reason, anchors=anchors.anchors, anchors_ok=anchors.ok,
                             anchors_reason=anchors.reason)


def _row(e: AuditEntry) -> list[str]:
    values: list[str] = []
    for name in COLUMNS:
        value = getattr(e, name)
        if name == "at":
            value = as_utc(value).isoformat(timespec="milliseconds")
        elif name == "detail":
            value = orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
        text = "" if value is None else str(value)
        # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
        values.append("'" + text if text[:1] in ("=", "+", "-", "@") else text)
    return values


def to_csv(entries: list[AuditEntry]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS_ZH)
    writer.writerows(_row(e) for e in entries)
    return ("\ufeff" + out.getvalue()).encode()  # the BOM makes Excel read UTF-8


def to_xlsx(entries: list[AuditEntry]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("审计日志")
    sheet.append(list(HEADERS_ZH))
    for e in entries:
        sheet.append(_row(e))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def do_export_audit(hub: Hub, actor: User, f: AuditFilter, fmt: Literal["csv", "xlsx"],
                          origin: Origin | None = None) -> bytes:
    """The filtered entries, oldest first; an export is itself an audited act."""
    entries = await find_entries(hub, f, EXPORT_MAX)
    if len(entries) >= EXPORT_MAX:
        raise HubError("invalid_request", detail=f"more than {EXPORT_MAX} entries: narrow the filters")
    entries.reverse()
    body = to_csv(entries) if fmt == "csv" else to_xlsx(entries)
    await do_audit(hub, "audit.exported", actor=actor, object_type="audit", origin=origin,
                   detail={"format": fmt, "entries": len(entries),
                           "filters": f.model_dump(mode="json", exclude_none=True, exclude={"limit"})})
    return body
