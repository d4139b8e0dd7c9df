"""提醒 (remind me): set on anything the person can see, list, cancel; fired once by a durable timer as a direct
message from the 提醒助手 bot with a link back to the item."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.bots import ensure_bot
from hub.actions.channels import do_get_or_create_direct
from hub.actions.messages import do_send_message
from hub.actions.policy import check_texts
from hub.actions.timers import do_cancel_timer, do_schedule_timer
from hub.context import Hub
from hub.errors import HubError
from hub.lib.timeutil import BEIJING, as_utc
from hub.lib.workdays import beijing_date
from hub.models import Timer, User
from hub.models.reminders import Reminder
from hub.remind.wire import ReminderIn, ReminderOut

REMINDER_TIMER = "reminder.fire"
BOT_KEY = "reminder"
BOT_NAME = "提醒助手"
MAX_PENDING = 200
MAX_AHEAD = timedelta(days=366)
NINE = time(9, 0)


async def reminder_bot() -> User:
    account = await ensure_bot(BOT_KEY, BOT_NAME, [])
    user = await User.get(account.user_id)
    assert user is not None
    return user


async def due_for(hub: Hub, body: ReminderIn) -> datetime:
    """The firing time: a quick choice in Beijing time on the working-day calendar, or the time given."""
    now = hub.clock.now()
    if (body.preset is None) == (body.at is None):
        raise HubError("invalid_request", detail="give exactly one of preset and at")
    if body.preset == "in_1h":
        return now + timedelta(hours=1)
    today = beijing_date(now)
    if body.preset == "tomorrow_0900":
        return as_utc(datetime.combine(today + timedelta(days=1), NINE, BEIJING))
    if body.preset == "next_workday_0900":
        calendar = await hub.workdays.fresh()
        return as_utc(datetime.combine(calendar.next_workday(today + timedelta(days=1)), NINE, BEIJING))
    assert body.at is not None
    at = as_utc(body.at)
    if at <= now:
        raise HubError("reminder_in_past")
    if at - now > MAX_AHEAD:
        raise HubError("invalid_request", detail="at: within a year")
    return at


def reminder_out(r: Reminder) -> ReminderOut:
    return ReminderOut(id=str(r.id), target_kind=r.target_kind, target_id=r.target_id, label=r.label, link=r.link,
                       note=r.note, due_at=r.due_at, status=r.status, created_at=r.created_at)


def _timer_key(reminder: Reminder) -> str:
    return f"{REMINDER_TIMER}:{reminder.id}"


async def do_set_reminder(hub: Hub, user: User, body: ReminderIn) -> Reminder:
    """Once per request id. The person must see the item now (the same not_found as for a missing one)."""
    me = str(user.id)
    earlier = await Reminder.find_one(Reminder.user_id == me, Reminder.request_id == body.request_id)
    if earlier is not None:
        return await _same_request(hub, earlier, body)
    note = body.note.strip()
    check_texts(hub, [note])
    now = hub.clock.now()
    info = await hub.reminder_targets.resolve(user, body.target.kind, body.target.id, now)
    due = await due_for(hub, body)
    if await Reminder.find({"user_id": me, "status": "pending"}).count() >= MAX_PENDING:
        raise HubError("invalid_request", detail=f"at most {MAX_PENDING} pending reminders")
    reminder = Reminder(user_id=me, request_id=body.request_id, target_kind=body.target.kind,
                        target_id=body.target.id, label=info.label, link=info.link, note=note,
                        due_at=due.replace(microsecond=due.microsecond // 1000 * 1000), created_at=now)
    try:
        await reminder.insert()
    except DuplicateKeyError:
        found = await Reminder.find_one(Reminder.user_id == me, Reminder.request_id == body.request_id)
        assert found is not None
        return await _same_request(hub, found, body)
    await do_schedule_timer(hub, REMINDER_TIMER, _timer_key(reminder), reminder.due_at,
                            {"reminder_id": str(reminder.id)})
    return reminder


async def _same_request(hub: Hub, earlier: Reminder, body: ReminderIn) -> Reminder:
    if (earlier.target_kind, earlier.target_id) != (body.target.kind, body.target.id):
        raise HubError("request_id_reused")
    if earlier.status == "pending":  # a crash may have come between storing it and scheduling its timer
        await do_schedule_timer(hub, REMINDER_TIMER, _timer_key(earlier), earlier.due_at,
                                {"reminder_id": str(earlier.id)})
    return earlier


async def access_reminder(user: User, reminder_id: object) -> Reminder:
    found = await Reminder.get(parse_id(reminder_id))
    if found is None or found.user_id != str(user.id):
        raise HubError("not_found")
    return found


async def do_cancel_reminder(hub: Hub, user: User, reminder_id: str) -> Reminder:
    """After this answers, the reminder never fires; one already sent (or being sent) cannot be cancelled."""
    reminder = await access_reminder(user, reminder_id)
    if reminder.status == "cancelled":
        return reminder
    if reminder.status == "sent":
        raise HubError("reminder_already_sent")
    outcome = await do_cancel_timer(hub, _timer_key(reminder))
    if outcome in ("firing", "fired"):
        raise HubError("reminder_already_sent")
    doc = await Reminder.get_pymongo_collection().find_one_and_update(
        {"_id": reminder.id, "status": "pending"},
        {"$set": {"status": "cancelled", "finished_at": hub.clock.now()}}, return_document=ReturnDocument.AFTER)
    if doc is None:
        latest = await access_reminder(user, reminder_id)
        if latest.status != "cancelled":
            raise HubError("reminder_already_sent")
        return latest
    cancelled: Reminder = Reminder.model_validate(doc)
    return cancelled


async def list_reminders(user: User, status: str) -> list[Reminder]:
    filters: dict[str, object] = {"user_id": str(user.id)}
    if status != "all":
        filters["status"] = status
    order = "+due_at" if status == "pending" else "-due_at"
    return await Reminder.find(filters).sort(order).limit(MAX_PENDING).to_list()


def _md(text: str) -> str:
    """Text inside a markdown link: brackets would end it early."""
    return text.replace("[", "［").replace("]", "］")


def reminder_text(reminder: Reminder, label: str | None, link: str | None) -> str:
    lines = ["⏰ 提醒"]
    if reminder.note:
        lines.append(reminder.note)
    if label is not None and link is not None:
        lines.append(f"事项：[{_md(label)}]({link})")
    else:
        lines.append("事项：该内容已无法查看")
    return "\n".join(lines)


async def reminder_fired(hub: Hub, timer: Timer) -> None:
    """Send the direct message once: its client_msg_id is the reminder's, so a second firing finds the first."""
    reminder = await Reminder.get(parse_id(str(timer.payload.get("reminder_id", ""))))
    if reminder is None or reminder.status != "pending":
        return
    owner = await User.get(parse_id(reminder.user_id))
    if owner is None or owner.disabled:
        return
    # Access is checked again: someone who has left the channel since gets the note, not the item.
    label: str | None
    link: str | None
    try:
        info = await hub.reminder_targets.resolve(owner, reminder.target_kind, reminder.target_id, hub.clock.now())
        label, link = info.label, info.link
    except HubError:
        label = link = None
    bot = await reminder_bot()
    dm = await do_get_or_create_direct(hub, bot, reminder.user_id)
    out, _ = await do_send_message(hub, bot, dm, reminder_text(reminder, label, link), f"reminder-{reminder.id}")
    await Reminder.get_pymongo_collection().update_one(
        {"_id": reminder.id, "status": "pending"},
        {"$set": {"status": "sent", "message_id": out.id, "finished_at": hub.clock.now()}})
