"""Targets as their readers see them, and the board's counts from one aggregation."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from openpyxl import Workbook

from hub.lib.workdays import beijing_date
from hub.models import Unit
from hub.models.targets import Target, TargetReport
from hub.targets.lights import cumulative, expected_progress
from hub.targets.wire import BoardRow, MilestoneOut, ReportOut, TargetBoard, TargetDetail, TargetOut, UnitRef

LIGHT_NAMES = {"green": "绿灯（正常）", "yellow": "黄灯（临期）", "red": "红灯（逾期）"}


async def unit_names(ids: set[str]) -> dict[str, str]:
    oids = [PydanticObjectId(i) for i in ids if PydanticObjectId.is_valid(i)]
    found = await Unit.find({"_id": {"$in": oids}}).to_list() if oids else []
    return {str(u.id): u.name for u in found}


def _ref(names: dict[str, str], unit_id: str) -> UnitRef:
    return UnitRef(id=unit_id, name=names.get(unit_id, ""))


def target_out(t: Target, names: dict[str, str], now: datetime, pending: int) -> TargetOut:
    return TargetOut(
        id=str(t.id), year=t.year, code=t.code, title=t.title, description=t.description,
        lead_unit=_ref(names, t.lead_unit_id), partner_units=[_ref(names, u) for u in t.partner_unit_ids],
        milestones=[MilestoneOut(key=m.key, title=m.title, due=m.due, weight=m.weight, cumulative=pct,
                                 reached=t.progress >= pct) for m, pct in cumulative(t.milestones)],
        progress=t.progress, expected=expected_progress(t.milestones, beijing_date(now)), status=t.status,
        light=t.light, pending_reports=pending, created_by_name=t.created_by_name, created_at=t.created_at,
        closed_at=t.closed_at)


async def pending_counts(ids: list[PydanticObjectId]) -> dict[str, int]:
    if not ids:
        return {}
    cursor = await TargetReport.get_pymongo_collection().aggregate([
        {"$match": {"target_id": {"$in": ids}, "status": "pending"}},
        {"$group": {"_id": "$target_id", "n": {"$sum": 1}}}])
    rows = await cursor.to_list(None)
    return {str(r["_id"]): int(r["n"]) for r in rows}


async def targets_out(targets: list[Target], now: datetime) -> list[TargetOut]:
    names = await unit_names({u for t in targets for u in [t.lead_unit_id, *t.partner_unit_ids]})
    pending = await pending_counts([t.id for t in targets if t.id is not None])
    return [target_out(t, names, now, pending.get(str(t.id), 0)) for t in targets]


async def detail_out(t: Target, now: datetime, *, can_report: bool, can_manage: bool) -> TargetDetail:
    reports = await TargetReport.find(TargetReport.target_id == t.id).sort("-created_at").to_list()
    names = await unit_names({t.lead_unit_id, *t.partner_unit_ids, *(r.unit_id for r in reports)})
    base = target_out(t, names, now, sum(1 for r in reports if r.status == "pending"))
    return TargetDetail(
        **base.model_dump(), trail=t.trail, can_report=can_report and t.status == "active", can_manage=can_manage,
        reports=[ReportOut(id=str(r.id), unit=_ref(names, r.unit_id), reporter_name=r.reporter_name,
                           percent=r.percent, text=r.text, status=r.status, reviewer_name=r.reviewer_name,
                           reason=r.reason, created_at=r.created_at, reviewed_at=r.reviewed_at) for r in reports])


async def board(year: int, visible: dict[str, Any] | None) -> TargetBoard:
    """Per 主责 unit: active targets by light, and closed ones; one $group over the year's targets."""
    match: dict[str, Any] = {"year": year, **(visible or {})}
    cursor = await Target.get_pymongo_collection().aggregate([
        {"$match": match},
        {"$group": {"_id": {"unit": "$lead_unit_id", "status": "$status", "light": "$light"}, "n": {"$sum": 1}}},
    ])
    rows = await cursor.to_list(None)
    per: dict[str, dict[str, int]] = {}
    for r in rows:
        counts = per.setdefault(r["_id"]["unit"], {"green": 0, "yellow": 0, "red": 0, "closed": 0})
        key = "closed" if r["_id"]["status"] == "closed" else r["_id"]["light"]
        counts[key] += int(r["n"])
    names = await unit_names(set(per))
    out = [BoardRow(unit=_ref(names, u), total=sum(c.values()), **c) for u, c in per.items()]
    out.sort(key=lambda r: (-r.red, -r.yellow, -r.total, r.unit.name))
    totals = {k: sum(getattr(r, k) for r in out) for k in ("green", "yellow", "red", "closed", "total")}
    return TargetBoard(year=year, rows=out, totals=totals)


def export_xlsx(targets: list[TargetOut]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "目标清单"
    sheet.append(["编号", "年度", "目标", "主责单位", "配合单位", "应达进度%", "已复核进度%", "状态", "灯", "下一节点",
                  "节点日期"])
    for t in targets:
        nxt = next((m for m in t.milestones if not m.reached), None)
        sheet.append([t.code, t.year, t.title, t.lead_unit.name, "、".join(u.name for u in t.partner_units),
                      t.expected, t.progress, "已销号" if t.status == "closed" else "推进中",
                      "" if t.status == "closed" else LIGHT_NAMES[t.light], nxt.title if nxt else "",
                      nxt.due.isoformat() if nxt else ""])
    for col, width in zip("ABCDEFGHIJK", (12, 6, 40, 20, 30, 10, 12, 8, 14, 20, 12), strict=True):
        sheet.column_dimensions[col].width = width
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
