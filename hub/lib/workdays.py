"""Working days and office hours in Beijing time: chinese-calendar (调休 included) plus administrators' overrides."""

from __future__ import annotations

import logging
import time as monotonic_time
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

import chinese_calendar
from pydantic import BaseModel, ConfigDict, Field, model_validator

from hub.errors import HubError
from hub.lib.clock import Clock
from hub.lib.timeutil import BEIJING, as_utc
from hub.models.calendar import DayKind, WorkdayOverride

log = logging.getLogger(__name__)

# The years chinese-calendar knows (its own check uses the same bounds); later years need overrides.
PACKAGE_YEARS: tuple[int, int] = (min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year)
# Arithmetic gives up rather than loop forever on a calendar of nothing but holidays.
_MAX_DAYS = 3660
_END_OF_DAY = time(23, 59, 59, 999000)


@dataclass(frozen=True)
class OfficeHours:
    """The working periods of a working day, in Beijing wall-clock time, in order and not overlapping."""

    periods: tuple[tuple[time, time], ...]

    @classmethod
    def parse(cls, specs: list[str]) -> OfficeHours:
        """From settings such as ["09:00-12:00", "13:30-17:30"]."""
        periods: list[tuple[time, time]] = []
        for spec in specs:
            try:
                start_s, end_s = spec.split("-")
                start, end = time.fromisoformat(start_s.strip()), time.fromisoformat(end_s.strip())
            except ValueError:
                raise ValueError(f"office hours period {spec!r} is not HH:MM-HH:MM") from None
            if end <= start or (periods and start < periods[-1][1]):
                raise ValueError(f"office hours period {spec!r} is empty, out of order or overlapping")
            periods.append((start, end))
        if not periods:
            raise ValueError("office hours need at least one period")
        return cls(tuple(periods))

    def on(self, day: date) -> list[tuple[datetime, datetime]]:
        """The periods of one (working) day as aware Beijing datetimes."""
        return [(datetime.combine(day, a, BEIJING), datetime.combine(day, b, BEIJING)) for a, b in self.periods]

    def describe(self) -> list[str]:
        return [f"{a:%H:%M}-{b:%H:%M}" for a, b in self.periods]


class CalendarStatus(BaseModel):
    """What administrators see: which years have data, and a warning for each year the hub would guess."""

    package_years: tuple[int, int]
    override_count: int
    missing_years: list[int]
    warnings: list[str]
    office_hours: list[str]
    loaded_at: datetime | None


def beijing_date(at: datetime) -> date:
    return as_utc(at).astimezone(BEIJING).date()


class WorkCalendar:
    """Working-day arithmetic for one hub. Overrides are loaded from the store and cached: `refresh()` reloads
    them now, `fresh()` reloads them when older than `refresh_seconds` (other processes may have changed them).

    All arithmetic is in Beijing time and returns aware UTC datetimes at millisecond precision. For a year
    chinese-calendar does not cover and with no override entered, the weekend rule applies (Saturday and
    Sunday off), a warning is logged once and the year is listed in `status()` for administrators."""

    def __init__(self, clock: Clock, office_hours: OfficeHours, refresh_seconds: float = 60.0) -> None:
        self.clock = clock
        self.office_hours = office_hours
        self.refresh_seconds = refresh_seconds
        self.overrides: dict[date, DayKind] = {}
        self.loaded_at: datetime | None = None
        self._loaded_mono: float | None = None
        self._override_years: set[int] = set()
        self._guessed_years: set[int] = set()

    # -- overrides ---------------------------------------------------------------------------------------
    async def refresh(self) -> None:
        """Reload every override from the store (a few hundred at most: one per corrected date)."""
        found = await WorkdayOverride.find_all().to_list()
        self.set_overrides({date.fromisoformat(o.day): o.kind for o in found})
        self.loaded_at = self.clock.now()
        self._loaded_mono = monotonic_time.monotonic()

    async def fresh(self) -> WorkCalendar:
        """This calendar, reloaded first when its overrides are older than refresh_seconds."""
        if self._loaded_mono is None or monotonic_time.monotonic() - self._loaded_mono >= self.refresh_seconds:
            await self.refresh()
        return self

    def set_overrides(self, overrides: dict[date, DayKind]) -> None:
        self.overrides = dict(overrides)
        self._override_years = {d.year for d in overrides}
        self._guessed_years -= self._override_years

    def has_data(self, year: int) -> bool:
        """True when the package covers the year or administrators have entered overrides for it."""
        return PACKAGE_YEARS[0] <= year <= PACKAGE_YEARS[1] or year in self._override_years

    # -- days ----------------------------------------------------------------------------------------------
    def is_workday(self, day: date) -> bool:
        """A Beijing date: an override wins; then chinese-calendar (调休 Saturdays are working days); then,
        for a year without data, the weekend rule, with a warning for administrators."""
        kind = self.overrides.get(day)
        if kind is not None:
            return kind == "workday"
        if PACKAGE_YEARS[0] <= day.year <= PACKAGE_YEARS[1]:
            return bool(chinese_calendar.is_workday(day))
        if day.year not in self._override_years and day.year not in self._guessed_years:
            self._guessed_years.add(day.year)
            log.warning("no holiday data for %d: the weekend rule applies until administrators enter overrides "
                        "(python -m hub holidays set …)", day.year)
        return day.weekday() < 5

    def next_workday(self, day: date) -> date:
        """The first working day on or after this date."""
        for _ in range(_MAX_DAYS):
            if self.is_workday(day):
                return day
            day += timedelta(days=1)
        raise ValueError("no working day within ten years")

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """The end (23:59:59.999 Beijing) of the `days`-th working day after the Beijing date of `start`.
        The start date itself is not counted (期间开始之日不计算在内), so Friday + 1 is the next working
        Monday. `days=0` is the end of the start date if it is a working day, else of the next working day."""
        if days < 0:
            raise ValueError("days must not be negative")
        day = beijing_date(start)
        if days == 0:
            day = self.next_workday(day)
        for _ in range(days):
            day = self.next_workday(day + timedelta(days=1))
        return datetime.combine(day, _END_OF_DAY, BEIJING).astimezone(UTC)

    def working_days_between(self, a: datetime, b: datetime) -> int:
        """Working days d with date(a) < d <= date(b), Beijing dates; negative when b is before a. The inverse
        of add_working_days: working_days_between(s, add_working_days(s, n)) == n."""
        if b < a:
            return -self.working_days_between(b, a)
        first, last = beijing_date(a), beijing_date(b)
        if (last - first).days > _MAX_DAYS:
            raise ValueError("span longer than ten years")
        return sum(1 for n in range(1, (last - first).days + 1) if self.is_workday(first + timedelta(days=n)))

    # -- hours ---------------------------------------------------------------------------------------------
    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """The moment when `hours` of office time (settings.office_hours on working days, Beijing time, e.g.
        09:00-12:00 and 13:30-17:30) have passed after `start`. Time outside office hours does not count: 2 h
        from 11:00 is 14:30, and from 17:00 on a Friday it is 10:30 on the next working day. A deadline
        falling exactly at the end of a period is that end (12:00, not 13:30). `hours=0` gives the first
        office moment at or after `start`."""
        if hours < 0:
            raise ValueError("hours must not be negative")
        remaining = timedelta(milliseconds=round(hours * 3_600_000))
        local = as_utc(start).astimezone(BEIJING)
        day = local.date()
        for _ in range(_MAX_DAYS):
            if self.is_workday(day):
                for period_start, period_end in self.office_hours.on(day):
                    if period_end <= local:
                        continue
                    begin = max(period_start, local)
                    if remaining <= period_end - begin:
                        return (begin + remaining).astimezone(UTC)
                    remaining -= period_end - begin
            day += timedelta(days=1)
        raise ValueError("no office hours within ten years")

    def working_hours_between(self, a: datetime, b: datetime) -> float:
        """Office hours (as above) inside [a, b); negative when b is before a."""
        if b < a:
            return -self.working_hours_between(b, a)
        lo, hi = as_utc(a).astimezone(BEIJING), as_utc(b).astimezone(BEIJING)
        if (hi.date() - lo.date()).days > _MAX_DAYS:
            raise ValueError("span longer than ten years")
        total = timedelta(0)
        day = lo.date()
        while day <= hi.date():
            if self.is_workday(day):
                for period_start, period_end in self.office_hours.on(day):
                    overlap = min(period_end, hi) - max(period_start, lo)
                    if overlap > timedelta(0):
                        total += overlap
            day += timedelta(days=1)
        return total / timedelta(hours=1)

    # -- administrators ------------------------------------------------------------------------------------
    def status(self) -> CalendarStatus:
        """Years without data that matter now: this year and next (by the hub clock), and any year a
        computation has already had to guess."""
        this_year = beijing_date(self.clock.now()).year
        missing = {y for y in (this_year, this_year + 1) if not self.has_data(y)} | {
            y for y in self._guessed_years if not self.has_data(y)}
        warnings = [
            f"{y}年没有节假日数据，暂按周末双休计算，请管理员录入当年放假和调休安排 / no holiday data for {y}: "
            f"weekends only until administrators enter that year's holidays and make-up working days"
            for y in sorted(missing)]
        return CalendarStatus(package_years=PACKAGE_YEARS, override_count=len(self.overrides),
                              missing_years=sorted(missing), warnings=warnings,
                              office_hours=self.office_hours.describe(), loaded_at=self.loaded_at)


class ClockPause(BaseModel):
    """One stop of a deadline clock; `end` is None while it lasts."""

    model_config = ConfigDict(frozen=True)

    start: datetime
    end: datetime | None = None


class DeadlineClock(BaseModel):
    """A legal time limit that stops while paused (补正 waiting for documents, 听证) and resumes after.

    A frozen value: pause() and resume() return a new clock, so it can live in a document and be replaced
    by a compare-and-set. Paused time is given back in the limit's own unit: working hours of office time
    for "working_hours", and working days for "working_days" (the days after the pause began up to and
    including the day it ended, as in working_days_between)."""

    model_config = ConfigDict(frozen=True)

    started_at: datetime
    limit: float = Field(gt=0)
    unit: Literal["working_days", "working_hours"]
    pauses: tuple[ClockPause, ...] = ()

    @model_validator(mode="after")
    def _whole_days(self) -> DeadlineClock:
        if self.unit == "working_days" and self.limit != int(self.limit):
            raise ValueError("a limit in working days is a whole number")
        return self

    @property
    def paused(self) -> bool:
        return bool(self.pauses) and self.pauses[-1].end is None

    def pause(self, at: datetime) -> DeadlineClock:
        if self.paused:
            raise HubError("conflict", detail="the time limit is already paused")
        last = self.pauses[-1].end if self.pauses else self.started_at
        if last is not None and at < last:
            raise HubError("invalid_request", detail="a pause cannot start before the clock's last change")
        return self.model_copy(update={"pauses": (*self.pauses, ClockPause(start=at))})

    def resume(self, at: datetime) -> DeadlineClock:
        if not self.paused:
            raise HubError("conflict", detail="the time limit is not paused")
        if at < self.pauses[-1].start:
            raise HubError("invalid_request", detail="a pause cannot end before it began")
        return self.model_copy(update={"pauses": (*self.pauses[:-1], ClockPause(start=self.pauses[-1].start,
                                                                              end=at))})

    def due_at(self, calendar: WorkCalendar, now: datetime | None = None) -> datetime | None:
        """When the limit runs out. While paused the due moment keeps moving: it is computed as if the
        clock resumed at `now`, or None when no `now` is given."""
        given_back: float = 0
        for p in self.pauses:
            end = p.end if p.end is not None else now
            if end is None:
                return None
            if self.unit == "working_days":
                given_back += calendar.working_days_between(p.start, end)
            else:
                given_back += calendar.working_hours_between(p.start, end)
        if self.unit == "working_days":
            return calendar.add_working_days(self.started_at, int(self.limit + given_back))
        return calendar.add_working_hours(self.started_at, self.limit + given_back)

    def remaining(self, calendar: WorkCalendar, now: datetime) -> float:
        """Time left in the limit's unit (negative once overdue); frozen while the clock is paused."""
        at = self.pauses[-1].start if self.paused else now
        due = self.due_at(calendar, at)
        assert due is not None
        if self.unit == "working_days":
            return float(calendar.working_days_between(at, due))
        return calendar.working_hours_between(at, due)
