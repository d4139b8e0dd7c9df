"""安全审计员 endpoints, all read-only: the audit log with filters, chain verification, CSV and XLSX export."""

from __future__ import annotations

from typing import Literal

from aiohttp import web
from pydantic import BaseModel

from hub import wire
from hub.actions.audit_chain import verify_recent
from hub.actions.audit_query import AuditFilter, ChainVerification, do_export_audit, do_verify_chain, find_entries
from hub.views.base import EndpointTable, current, hub_of, origin_of

api = EndpointTable("admin")
AUDIT = "audit_admin"
MEDIA = {"csv": "text/csv; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


class AuditExportQuery(AuditFilter):
    format: Literal["csv", "xlsx"] = "csv"


class AdminAuditList(BaseModel):
    entries: list[wire.AuditEntryOut]
    chain_ok: bool


@api("GET", "/api/v1/admin/audit", "The audit log, newest first: by actor, action (or 'prefix.'), object, outcome, "
     "time range, or what one administrator role did (audit_admin)", query=AuditFilter, response=AdminAuditList,
     role=AUDIT)
async def admin_audit(request: web.Request, query: AuditFilter) -> AdminAuditList:
    entries = await find_entries(hub_of(request), query, query.limit)
    return AdminAuditList(entries=[wire.AuditEntryOut.model_validate(e.model_dump()) for e in entries],
                          chain_ok=(await verify_recent(hub_of(request))).ok)


@api("GET", "/api/v1/admin/audit/verify", "Verify the whole hash chain and its anchors (audit_admin)",
     response=ChainVerification, role=AUDIT)
async def admin_audit_verify(request: web.Request) -> ChainVerification:
    return await do_verify_chain(hub_of(request), current(request)[0], origin_of(request))


@api("GET", "/api/v1/admin/audit/export", "The filtered entries as CSV or XLSX, oldest first (audit_admin)",
     query=AuditExportQuery, role=AUDIT)
async def admin_audit_export(request: web.Request, query: AuditExportQuery) -> web.Response:
    body = await do_export_audit(hub_of(request), current(request)[0],
                                 AuditFilter.model_validate(query.model_dump(exclude={"format"})), query.format,
                                 origin_of(request))
    stamp = hub_of(request).clock.now().strftime("%Y%m%d-%H%M%S")
    return web.Response(body=body, headers={
        "Content-Type": MEDIA[query.format],
        "Content-Disposition": f"attachment; filename*=UTF-8''audit-{stamp}.{query.format}"})
