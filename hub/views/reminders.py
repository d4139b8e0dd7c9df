"""提醒 endpoints: set a reminder on an item, list mine, cancel one."""

from __future__ import annotations

from aiohttp import web

from hub.actions.reminders import do_cancel_reminder, do_set_reminder, list_reminders, reminder_out
from hub.remind.wire import ReminderIn, ReminderList, ReminderOut, ReminderQuery
from hub.views.base import EndpointTable, current, hub_of

api = EndpointTable("reminders")


@api("POST", "/api/v1/reminders", "Remind me about a message, card, task or process (quick choice or a time); "
     "the same request_id sets it once", body=ReminderIn, response=ReminderOut)
async def set_reminder(request: web.Request, body: ReminderIn) -> ReminderOut:
    return reminder_out(await do_set_reminder(hub_of(request), current(request)[0], body))


@api("GET", "/api/v1/reminders", "My reminders (status=pending by default, soonest first)", query=ReminderQuery,
     response=ReminderList)
async def get_reminders(request: web.Request, query: ReminderQuery) -> ReminderList:
    found = await list_reminders(current(request)[0], query.status)
    return ReminderList(reminders=[reminder_out(r) for r in found])


@api("DELETE", "/api/v1/reminders/{reminder_id}", "Cancel a pending reminder: it will never fire",
     response=ReminderOut)
async def cancel_reminder(request: web.Request) -> ReminderOut:
    reminder = await do_cancel_reminder(hub_of(request), current(request)[0], request.match_info["reminder_id"])
    return reminder_out(reminder)
