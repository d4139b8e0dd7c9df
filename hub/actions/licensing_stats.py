"""审批动态: the leader's figures per department and per 事项, summed from the counters, and their Excel export."""

from __future__ import annotations

import io
import math
from datetime import datetime, timedelta
from typing import Any, Literal

from beanie import PydanticObjectId
from openpyxl import Workbook
from pydantic import BaseModel

from hub.actions.licensing_counters import PENDING, counter_docs, day_of
from hub.context import Hub
from hub.lib.timeutil import BEIJING
from hub.models import Membership, User
from hub.models.licensing import FollowUp, LicensingCase, iso_week

Dimension = Literal["unit", "matter"]
DONE = ["delivered", "refused"]
TREND_WEEKS = 8
DUE_SOON_DAYS = 2


class StatRow(BaseModel):
    key: str
    label: str
    total: int
    pending: int
    due_soon: int
    yellow: int
    red: int
    done_week: int
    done_month: int
    decided: int
    avg_days: float | None
    p90_days: float | None
    extension_rate: float | None
    correction_rate: float | None
    bad_ratings: int


class TrendPoint(BaseModel):
    week: str
    submitted: int
    completed: int


class Dashboard(BaseModel):
    generated_at: datetime
    by_unit: list[StatRow]
    by_matter: list[StatRow]
    trend: list[TrendPoint]


async def visible_units(user: User) -> list[PydanticObjectId] | None:
    """None: every department (city leaders); else the units the user belongs to."""
    if "leader" in user.roles:
        return None
    return [m.unit_id for m in await Membership.find(Membership.user_id == user.id).to_list()]


def _scope(units: list[PydanticObjectId] | None) -> dict[str, Any]:
    return {} if units is None else {"unit_id": {"$in": units}}


def _percentile90(hist: dict[int, int]) -> float | None:
    """Nearest-rank 90th percentile of a histogram {working days: cases}, as of the list of cases it stands for."""
    total = sum(hist.values())
    if not total:
        return None
    rank, seen = max(math.ceil(0.9 * total), 1), 0
    for days in sorted(hist):
        seen += hist[days]
        if seen >= rank:
            return float(days)
    return None  # unreachable: the ranks add up to total


class _Acc:
    """One bar's sums over its counter documents."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.n: dict[str, int] = {}
        self.hist: dict[int, int] = {}
        self.done_week = self.done_month = self.due_soon = 0


async def _due_on(hub: Hub, units: list[PydanticObjectId] | None, day: str, soon: datetime) -> list[dict[str, Any]]:
    """Cases falling due on `soon`'s own day, up to that hour: the counters know days, not hours."""
    query: dict[str, Any] = {"due_day": day, "status": {"$in": PENDING}, "light": {"$ne": "red"},
                             "due_at": {"$lte": soon}} | _scope(units)
    cursor = LicensingCase.get_pymongo_collection().find(query, {"unit_id": 1, "matter_key": 1})
    return [dict(d) async for d in cursor]


async def _rows(hub: Hub, units: list[PydanticObjectId] | None) -> tuple[list[StatRow], list[StatRow],
                                                                        list[TrendPoint]]:
    """Both tables and the trend from the counter documents (hub/actions/licensing_counters.py): a few hundred
    small documents whatever the number of cases, plus the cases falling due on one day."""
    now = hub.clock.now()
    local = now.astimezone(BEIJING)
    week_start = (local - timedelta(days=local.weekday())).date().isoformat()
    month_start = local.replace(day=1).date().isoformat()
    soon = (await hub.workdays.fresh()).add_working_days(now, DUE_SOON_DAYS)
    soon_day = day_of(soon)
    weeks = [iso_week(now - timedelta(weeks=n)) for n in range(TREND_WEEKS - 1, -1, -1)]
    trend = {w: TrendPoint(week=w, submitted=0, completed=0) for w in weeks}
    accs: dict[Dimension, dict[str, _Acc]] = {"unit": {}, "matter": {}}
    for doc in await counter_docs(units):
        n: dict[str, int] = doc.get("n", {})
        day = str(doc["day"])
        point = trend.get(str(doc["week"]))
        if point is not None:
            point.submitted += n.get("total", 0)
            point.completed += n.get("done", 0)
        bars: tuple[tuple[Dimension, str, str], ...] = (("unit", str(doc["unit_id"]), str(doc["unit_name"])),
                                                         ("matter", str(doc["matter_key"]), str(doc["matter_name"])))
        for dim, key, label in bars:
            acc = accs[dim].setdefault(key, _Acc(str(label)))
            for name, v in n.items():
                if name.startswith("h"):
                    acc.hist[int(name[1:])] = acc.hist.get(int(name[1:]), 0) + v
                else:
                    acc.n[name] = acc.n.get(name, 0) + v
            if day >= week_start:
                acc.done_week += n.get("done", 0)
            if day >= month_start:
                acc.done_month += n.get("done", 0)
            if day < soon_day:
                acc.due_soon += n.get("due", 0)
    for case in await _due_on(hub, units, soon_day, soon):
        keys: tuple[tuple[Dimension, str], ...] = (("unit", str(case["unit_id"])), ("matter", str(case["matter_key"])))
        for dim, key in keys:
            if key in accs[dim]:
                accs[dim][key].due_soon += 1
    tables = ([_row(k, a) for k, a in sorted(accs["unit"].items()) if a.n.get("total")],
              [_row(k, a) for k, a in sorted(accs["matter"].items()) if a.n.get("total")])
    return tables[0], tables[1], list(trend.values())


def _row(key: str, acc: _Acc) -> StatRow:
    n, decided = acc.n, sum(acc.hist.values())
    total, accepted = n.get("total", 0), n.get("accepted", 0)
    return StatRow(
        key=key, label=acc.label, total=total, pending=n.get("pending", 0), due_soon=acc.due_soon,
        yellow=n.get("yellow", 0), red=n.get("red", 0), done_week=acc.done_week, done_month=acc.done_month,
        decided=decided,
        avg_days=round(sum(d * c for d, c in acc.hist.items()) / decided, 2) if decided else None,
        p90_days=_percentile90(acc.hist),
        extension_rate=round(n.get("extended", 0) / accepted, 4) if accepted else None,
        correction_rate=round(n.get("corrected", 0) / total, 4) if total else None,
        bad_ratings=n.get("bad", 0))


async def dashboard(hub: Hub, user: User) -> Dashboard:
    by_unit, by_matter, trend = await _rows(hub, await visible_units(user))
    return Dashboard(generated_at=hub.clock.now(), by_unit=by_unit, by_matter=by_matter, trend=trend)


async def open_follow_ups(user: User) -> list[FollowUp]:
    units = await visible_units(user)
    query: dict[str, Any] = {"status": "open"} | ({} if units is None else {"unit_id": {"$in": units}})
    return await FollowUp.find(query).sort("+due_at").to_list()


_COLUMNS = [("label", "名称"), ("total", "办件总数"), ("pending", "在办"), ("due_soon", "即将到期"), ("yellow", "黄灯"),
            ("red", "红灯"), ("done_week", "本周办结"), ("done_month", "本月办结"), ("avg_days", "平均办理工作日"),
            ("p90_days", "P90办理工作日"), ("extension_rate", "延期率"), ("correction_rate", "补正率"),
            ("bad_ratings", "差评")]


def export_xlsx(board: Dashboard) -> bytes:
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for title, rows in (("按部门", board.by_unit), ("按事项", board.by_matter)):
        ws = wb.create_sheet(title)
        ws.append([c[1] for c in _COLUMNS])
        for row in rows:
            data = row.model_dump()
            ws.append([data[c[0]] for c in _COLUMNS])
    ws = wb.create_sheet("周趋势")
    ws.append(["周", "收件", "办结"])
    for p in board.trend:
        ws.append([p.week, p.submitted, p.completed])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
