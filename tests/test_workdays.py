"""The working-day calendar: 2026's 调休, office hours, pausable deadlines, missing years and overrides."""

from __future__ import annotations

import logging
import subprocess
import sys
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from hub.context import Hub
from hub.errors import HubError
from hub.lib.clock import Clock
from hub.lib.timeutil import BEIJING
from hub.lib.workdays import DeadlineClock, OfficeHours, WorkCalendar
from hub.models import AuditEntry
from tests.conftest import World


def bj(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    """A Beijing wall-clock moment as aware UTC."""
    return datetime(y, m, d, hh, mm, tzinfo=BEIJING).astimezone(UTC)


def end_of(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 23, 59, 59, 999000, tzinfo=BEIJING).astimezone(UTC)


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar(Clock(), OfficeHours.parse(["09:00-12:00", "13:30-17:30"]))


def test_2026_make_up_days_and_holidays(cal: WorkCalendar) -> None:
    # 调休: the Saturdays around the Spring Festival are working days; the festival week is not.
    assert cal.is_workday(date(2026, 2, 14)) and date(2026, 2, 14).weekday() == 5
    assert cal.is_workday(date(2026, 2, 28))
    assert not any(cal.is_workday(date(2026, 2, d)) for d in range(15, 24))
    assert cal.is_workday(date(2026, 2, 24))
    # National Day: 1-7 October off, Saturday 10 October worked.
    assert not any(cal.is_workday(date(2026, 10, d)) for d in range(1, 8))
    assert cal.is_workday(date(2026, 10, 10)) and cal.is_workday(date(2026, 10, 8))
    assert not cal.is_workday(date(2026, 3, 7))  # an ordinary Saturday


def test_add_working_days_across_spring_festival(cal: WorkCalendar) -> None:
    # Friday 13 Feb + 1 = the working Saturday 14th; + 2 skips the festival to Tuesday 24th.
    assert cal.add_working_days(bj(2026, 2, 13, 10), 1) == end_of(2026, 2, 14)
    assert cal.add_working_days(bj(2026, 2, 13, 10), 2) == end_of(2026, 2, 24)
    # Started during the holiday: the first working day after it is day 1.
    assert cal.add_working_days(bj(2026, 2, 16, 10), 1) == end_of(2026, 2, 24)
    # Through National Day: Wednesday 30 Sept + 1 = Thursday 8 Oct; + 3 = Saturday 10 Oct (调休).
    assert cal.add_working_days(bj(2026, 9, 30, 16), 1) == end_of(2026, 10, 8)
    assert cal.add_working_days(bj(2026, 9, 30, 16), 3) == end_of(2026, 10, 10)
    # 0 days: the end of today if it is a working day, else of the next one.
    assert cal.add_working_days(bj(2026, 2, 14, 8), 0) == end_of(2026, 2, 14)
    assert cal.add_working_days(bj(2026, 2, 15, 8), 0) == end_of(2026, 2, 24)
    # Beijing dates, not UTC ones: 01:00 Beijing on Monday 9 March is still Sunday in UTC.
    assert cal.add_working_days(bj(2026, 3, 9, 1), 1) == end_of(2026, 3, 10)
    with pytest.raises(ValueError):
        cal.add_working_days(bj(2026, 3, 9), -1)


def test_working_days_between_is_the_inverse(cal: WorkCalendar) -> None:
    start = bj(2026, 2, 10, 15)
    for n in range(0, 30):
        due = cal.add_working_days(start, n)
        assert cal.working_days_between(start, due) == n
    assert cal.working_days_between(bj(2026, 2, 13), bj(2026, 2, 24)) == 2
    assert cal.working_days_between(bj(2026, 2, 24), bj(2026, 2, 13)) == -2


def test_working_hours_across_lunch_overnight_and_holidays(cal: WorkCalendar) -> None:
    # Lunch does not count: 11:00 + 2 h = 14:30.
    assert cal.add_working_hours(bj(2026, 3, 10, 11), 2) == bj(2026, 3, 10, 14, 30)
    # Ending exactly at noon is noon, not 13:30.
    assert cal.add_working_hours(bj(2026, 3, 10, 11), 1) == bj(2026, 3, 10, 12)
    # Overnight: 17:00 + 1 h = 09:30 the next day.
    assert cal.add_working_hours(bj(2026, 3, 10, 17), 1) == bj(2026, 3, 11, 9, 30)
    # Friday 13 Feb 17:00 + 2 h: half an hour on Friday, then the working Saturday 14th.
    assert cal.add_working_hours(bj(2026, 2, 13, 17), 2) == bj(2026, 2, 14, 10, 30)
    # Saturday 14th 17:00 + 1 h skips the whole festival.
    assert cal.add_working_hours(bj(2026, 2, 14, 17), 1) == bj(2026, 2, 24, 9, 30)
    # Outside office hours, the clock starts at the next period; 0 hours is that moment.
    assert cal.add_working_hours(bj(2026, 3, 10, 7), 0) == bj(2026, 3, 10, 9)
    assert cal.add_working_hours(bj(2026, 3, 10, 12, 30), 0.5) == bj(2026, 3, 10, 14)
    # A full day is 7 office hours.
    assert cal.add_working_hours(bj(2026, 3, 10, 9), 7) == bj(2026, 3, 10, 17, 30)
    assert cal.working_hours_between(bj(2026, 3, 10, 11), bj(2026, 3, 11, 9, 30)) == pytest.approx(5.5)
    assert cal.working_hours_between(bj(2026, 2, 14, 17), bj(2026, 2, 24, 9, 30)) == pytest.approx(1)


def test_office_hours_are_validated() -> None:
    for bad in (["12:00-09:00"], ["09:00-12:00", "11:00-13:00"], ["nine to five"], []):
        with pytest.raises(ValueError):
            OfficeHours.parse(bad)


def test_deadline_clock_pauses_in_working_hours(cal: WorkCalendar) -> None:
    clock = DeadlineClock(started_at=bj(2026, 3, 10, 9), limit=10, unit="working_hours")
    assert clock.due_at(cal) == bj(2026, 3, 11, 12)
    assert clock.remaining(cal, bj(2026, 3, 10, 17, 30)) == pytest.approx(3)
    # 补正: paused at 10:00 on the 10th; the remaining 9 h freeze while it lasts.
    paused = clock.pause(bj(2026, 3, 10, 10))
    assert paused.paused and paused.due_at(cal) is None
    assert paused.remaining(cal, bj(2026, 3, 20, 10)) == pytest.approx(9)
    # Resumed at 14:30 on the 12th: 9 h from then.
    resumed = paused.resume(bj(2026, 3, 12, 14, 30))
    assert not resumed.paused
    assert resumed.due_at(cal) == bj(2026, 3, 13, 16, 30)
    assert resumed.remaining(cal, bj(2026, 3, 12, 14, 30)) == pytest.approx(9)
    assert resumed.remaining(cal, bj(2026, 3, 16, 9, 30)) == pytest.approx(-1.5)
    # The value is unchanged by pause/resume, and survives a round trip through JSON.
    assert clock.pauses == ()
    assert DeadlineClock.model_validate_json(resumed.model_dump_json()) == resumed


def test_deadline_clock_pauses_in_working_days(cal: WorkCalendar) -> None:
    clock = DeadlineClock(started_at=bj(2026, 2, 10, 10), limit=5, unit="working_days")
    assert clock.due_at(cal) == end_of(2026, 2, 24)  # 11, 12, 13, 14 (调休), 24
    # 听证 from Wednesday 11th to Friday 13th gives back two working days (12th and 13th).
    heard = clock.pause(bj(2026, 2, 11, 15)).resume(bj(2026, 2, 13, 9))
    assert heard.due_at(cal) == end_of(2026, 2, 26)
    # While paused the projected due moment moves with "now".
    open_pause = clock.pause(bj(2026, 2, 11, 15))
    assert open_pause.due_at(cal, now=bj(2026, 2, 12, 9)) == end_of(2026, 2, 25)
    assert open_pause.remaining(cal, bj(2026, 3, 1)) == 4


def test_deadline_clock_refuses_bad_transitions(cal: WorkCalendar) -> None:
    clock = DeadlineClock(started_at=bj(2026, 3, 10, 9), limit=3, unit="working_days")
    with pytest.raises(HubError) as err:
        clock.resume(bj(2026, 3, 10, 10))
    assert err.value.code == "conflict"
    with pytest.raises(HubError):
        clock.pause(bj(2026, 3, 10, 10)).pause(bj(2026, 3, 10, 11))
    with pytest.raises(HubError):
        clock.pause(bj(2026, 3, 9))  # before it started
    with pytest.raises(HubError):
        clock.pause(bj(2026, 3, 10, 10)).resume(bj(2026, 3, 10, 9, 30))
    with pytest.raises(ValueError):
        DeadlineClock(started_at=bj(2026, 3, 10), limit=1.5, unit="working_days")


def test_a_year_without_data_warns_and_uses_the_weekend_rule(cal: WorkCalendar,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="hub.lib.workdays"):
        assert cal.is_workday(date(2031, 1, 1))  # a Wednesday, whatever the real 元旦 will be
        assert not cal.is_workday(date(2031, 1, 4))
    assert [r for r in caplog.records if "2031" in r.getMessage()]
    status = cal.status()
    assert 2031 in status.missing_years
    assert any("2031" in w for w in status.warnings)
    # Once an administrator enters any override for the year, it is no longer a guess.
    cal.set_overrides({date(2031, 1, 1): "holiday"})
    assert not cal.is_workday(date(2031, 1, 1))
    assert 2031 not in cal.status().missing_years


async def test_overrides_through_the_admin_api(client: TestClient[Any, Any], hub: Hub, world: World) -> None:
    admin = await world.user("sysadmin1", roles=["sys_admin"])
    await world.user("staff1")
    admin_token, staff_token = await world.login("sysadmin1"), await world.login("staff1")
    # Staff and the other administrators may not touch the calendar.
    status, body = await world.api("PUT", "/api/v1/admin/calendar/overrides/2026-03-09", staff_token,
                                   json={"kind": "holiday"})
    assert status == 403 and body["error"]["code"] == "forbidden"
    status, _ = await world.api("GET", "/api/v1/admin/calendar/status", staff_token)
    assert status == 403

    monday = bj(2026, 3, 9, 10)
    assert hub.workdays.add_working_days(bj(2026, 3, 6, 10), 1) == end_of(2026, 3, 9)
    status, body = await world.api("PUT", "/api/v1/admin/calendar/overrides/2026-03-09", admin_token,
                                   json={"kind": "holiday", "note": "防汛停工"})
    assert status == 200 and body["kind"] == "holiday" and body["day"] == "2026-03-09"
    assert not hub.workdays.is_workday(monday.astimezone(BEIJING).date())
    assert hub.workdays.add_working_days(bj(2026, 3, 6, 10), 1) == end_of(2026, 3, 10)
    # An ordinary Saturday made a working day.
    status, _ = await world.api("PUT", "/api/v1/admin/calendar/overrides/2026-03-07", admin_token,
                                json={"kind": "workday"})
    assert status == 200
    assert hub.workdays.add_working_days(bj(2026, 3, 6, 10), 1) == end_of(2026, 3, 7)
    status, body = await world.api("GET", "/api/v1/admin/calendar/overrides", admin_token)
    assert [o["day"] for o in body["overrides"]] == ["2026-03-07", "2026-03-09"]
    # Bad input changes nothing.
    for path, payload in (("2026-13-01", {"kind": "holiday"}), ("2026-03-10", {"kind": "maybe"}),
                          ("2026-03-10", {"kind": "holiday", "note": "绝密会议"})):
        status, _ = await world.api("PUT", f"/api/v1/admin/calendar/overrides/{path}", admin_token, json=payload)
        assert status in (400, 422)
    assert hub.workdays.is_workday(date(2026, 3, 10))
    status, _ = await world.api("DELETE", "/api/v1/admin/calendar/overrides/2026-03-09", admin_token)
    assert status == 204
    assert hub.workdays.is_workday(date(2026, 3, 9))
    status, body = await world.api("DELETE", "/api/v1/admin/calendar/overrides/2026-03-09", admin_token)
    assert status == 404
    actions = [e.action for e in await AuditEntry.find(AuditEntry.object_type == "calendar_day").to_list()]
    assert actions == ["calendar.override_set", "calendar.override_set", "calendar.override_removed"]
    entry = await AuditEntry.find_one(AuditEntry.action == "calendar.override_set")
    assert entry is not None and entry.actor_id == str(admin.id)


async def test_status_warns_about_next_year(client: TestClient[Any, Any], hub: Hub, world: World) -> None:
    await world.user("sysadmin2", roles=["sys_admin"])
    # Move the clock to a year past the package's data: this year and next are missing.
    year = hub.workdays.status().package_years[1] + 1
    hub.clock.advance(bj(year, 6, 1) - hub.clock.now() if bj(year, 6, 1) > hub.clock.now() else timedelta(0))
    token = await world.login("sysadmin2")
    status, body = await world.api("GET", "/api/v1/admin/calendar/status", token)
    assert status == 200
    assert year in body["missing_years"] and body["warnings"]
    status, _ = await world.api("PUT", f"/api/v1/admin/calendar/overrides/{year}-10-01", token,
                                json={"kind": "holiday", "note": "国庆节"})
    assert status == 200
    status, body = await world.api("GET", "/api/v1/admin/calendar/status", token)
    assert year not in body["missing_years"]


def test_holidays_cli(store_server_url: str) -> None:
    """set, list and remove through `python -m hub holidays`, on the store a running hub would use."""
    env = {"PATH": "/usr/bin:/bin", "HUB_ARGON2_TIME_COST": "1", "HUB_ARGON2_MEMORY_KIB": "8192",
           "HUB_MONGODB_URL": store_server_url, "HUB_MONGODB_DB": f"hubtest_{uuid.uuid4().hex[:12]}"}
    run = subprocess.run([sys.executable, "-m", "hub", "holidays", "set", "2026-03-09", "--holiday",
                          "--note", "test"], capture_output=True, text=True, timeout=60, env=env)
    assert run.returncode == 0, run.stderr
    assert "2026-03-09 is now a holiday" in run.stdout
    listed = subprocess.run([sys.executable, "-m", "hub", "holidays", "list"], capture_output=True, text=True,
                            timeout=60, env=env)
    assert listed.returncode == 0 and "2026-03-09" in listed.stdout, listed.stdout + listed.stderr
    bad = subprocess.run([sys.executable, "-m", "hub", "holidays", "remove", "2026-03-09x"], capture_output=True,
                         text=True, timeout=60, env=env)
    assert bad.returncode == 2 and "invalid_request" in bad.stderr
