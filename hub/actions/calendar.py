"""Administering the working-day calendar: overrides of single dates, audited; sys_admin only over HTTP."""

from __future__ import annotations

from datetime import date

from pymongo import ReturnDocument

from hub.actions.audit import Origin, do_audit
from hub.classification import check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.models import User, WorkdayOverride
from hub.models.calendar import DayKind


def check_calendar_admin(user: User) -> None:
    """系统管理员 keeps the calendar; the other two administrator roles and staff may not."""
    if "sys_admin" not in user.roles or user.disabled:
        raise HubError("forbidden")


def check_note(note: str) -> str:
    note = note.strip()
    if len(note) > 200:
        raise HubError("invalid_request", detail="the note is longer than 200 characters")
    check_unclassified([note])
    return note


async def do_set_workday_override(hub: Hub, actor: User | None, day: date, kind: DayKind, note: str = "",
                                  origin: Origin | None = None) -> WorkdayOverride:
    """Make one Beijing date a working day or a holiday (replacing any earlier override of it)."""
    note = check_note(note)
    key = day.isoformat()
    before = await WorkdayOverride.find_one(WorkdayOverride.day == key)
    doc = await WorkdayOverride.get_pymongo_collection().find_one_and_update(
        {"day": key}, {"$set": {"kind": kind, "note": note, "set_by": actor.name if actor else "system",
                                "updated_at": hub.clock.now()}},
        upsert=True, return_document=ReturnDocument.AFTER)
    await do_audit(hub, "calendar.override_set", actor=actor, object_type="calendar_day", object_id=key,
                   detail={"kind": kind, "before": before.kind if before else None}, origin=origin)
    await hub.workdays.refresh()
    override: WorkdayOverride = WorkdayOverride.model_validate(doc)
    return override


async def do_remove_workday_override(hub: Hub, actor: User | None, day: date,
                                     origin: Origin | None = None) -> None:
    """Give the date back to chinese-calendar (or the weekend rule); not_found when it had no override."""
    key = day.isoformat()
    doc = await WorkdayOverride.get_pymongo_collection().find_one_and_delete({"day": key})
    if doc is None:
        raise HubError("not_found", detail=f"no override for {key}")
    await do_audit(hub, "calendar.override_removed", actor=actor, object_type="calendar_day", object_id=key,
                   detail={"kind": doc["kind"]}, origin=origin)
    await hub.workdays.refresh()
