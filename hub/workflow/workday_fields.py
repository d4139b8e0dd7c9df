"""Form numbers derived from a date range: the working days of a 请假 come from the calendar, not from the typist."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Protocol

from hub.workflow.definition import FormSchema

# A range longer than this is refused before counting: no leave or trip runs past two years.
_MAX_SPAN_DAYS = 731


class Calendar(Protocol):
    def is_workday(self, day: date) -> bool: ...


def working_days(calendar: Calendar, start: date, end: date) -> int:
    """Working days from start to end, both included (调休 Saturdays count, holidays do not)."""
    count, day = 0, start
    while day <= end:
        count += calendar.is_workday(day)
        day += timedelta(days=1)
    return count


def fill_workdays(schema: FormSchema, form: dict[str, Any], calendar: Calendar) -> list[str]:
    """Fill or check every `workdays_of` field in a cleaned form, in place. A typed value may take off at most
    half a day less than one full day (a half day at either end), never more than the range holds."""
    errors: list[str] = []
    for f in schema.fields:
        if f.workdays_of is None or f.workdays_of not in form:
            continue
        start, end = (date.fromisoformat(d) for d in form[f.workdays_of])
        if (end - start).days > _MAX_SPAN_DAYS:
            errors.append(f"{f.workdays_of}: at most {_MAX_SPAN_DAYS} days")
            continue
        counted = working_days(calendar, start, end)
        if counted == 0:
            errors.append(f"{f.workdays_of}: the period has no working day")
            continue
        typed = form.get(f.key)
        if typed is None:
            form[f.key] = float(counted)
        elif not counted - 1 < typed <= counted or typed * 2 != int(typed * 2):
            errors.append(f"{f.key}: the period has {counted} working days; enter {counted} or a half day less")
    return errors
