"""Administering the working-day calendar: status with missing-year warnings, and per-date overrides."""

from __future__ import annotations

from datetime import date, datetime

from aiohttp import web
from pydantic import BaseModel, Field

from hub.actions.calendar import check_calendar_admin, do_remove_workday_override, do_set_workday_override
from hub.errors import HubError
from hub.lib.workdays import CalendarStatus
from hub.models import WorkdayOverride
from hub.models.calendar import DayKind
from hub.views.base import EndpointTable, current, hub_of, origin_of

api = EndpointTable("admin")


class OverrideIn(BaseModel):
    kind: DayKind
    note: str = Field(default="", max_length=200)


class OverrideOut(BaseModel):
    day: date
    kind: DayKind
    note: str
    set_by: str | None
    updated_at: datetime


class OverrideList(BaseModel):
    overrides: list[OverrideOut]


def _out(o: WorkdayOverride) -> OverrideOut:
    return OverrideOut(day=date.fromisoformat(o.day), kind=o.kind, note=o.note, set_by=o.set_by,
                       updated_at=o.updated_at)


def _day(request: web.Request) -> date:
    raw = request.match_info["day"]
    try:
        if len(raw) != 10:
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        raise HubError("invalid_request", detail="the date is YYYY-MM-DD") from None


@api("GET", "/api/v1/admin/calendar/status", "Working-day calendar: covered years and warnings (sys_admin)",
     response=CalendarStatus, role="sys_admin")
async def calendar_status(request: web.Request) -> CalendarStatus:
    check_calendar_admin(current(request)[0])
    return (await hub_of(request).workdays.fresh()).status()


@api("GET", "/api/v1/admin/calendar/overrides", "Dates made working days or holidays by hand (sys_admin)",
     response=OverrideList, role="sys_admin")
async def list_overrides(request: web.Request) -> OverrideList:
    check_calendar_admin(current(request)[0])
    found = await WorkdayOverride.find_all().sort("+day").to_list()
    return OverrideList(overrides=[_out(o) for o in found])


@api("PUT", "/api/v1/admin/calendar/overrides/{day}", "Make a date a working day or a holiday (sys_admin)",
     body=OverrideIn, response=OverrideOut, role="sys_admin")
async def set_override(request: web.Request, body: OverrideIn) -> OverrideOut:
    user = current(request)[0]
    check_calendar_admin(user)
    return _out(await do_set_workday_override(hub_of(request), user, _day(request), body.kind, body.note,
                                              origin_of(request)))


@api("DELETE", "/api/v1/admin/calendar/overrides/{day}", "Remove a date's override (sys_admin)", role="sys_admin")
async def remove_override(request: web.Request) -> None:
    user = current(request)[0]
    check_calendar_admin(user)
    await do_remove_workday_override(hub_of(request), user, _day(request), origin_of(request))
