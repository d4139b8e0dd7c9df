"""The daily digest: every working day at 08:30 Beijing time, each person with pending items gets one card from
提醒助手, overdue first, then due today, then the rest. One self-rescheduling timer, keyed by the date."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta

from beanie import PydanticObjectId

from hub.actions.cards import do_post_card
from hub.actions.channels import do_get_or_create_direct
from hub.actions.reminders import BOT_KEY, reminder_bot
from hub.actions.timers import do_schedule_timer
from hub.cards import CardField, CardSpec, CardStatus, Urgency
from hub.context import Hub
from hub.lib.timeutil import BEIJING, as_utc
from hub.lib.workdays import WorkCalendar, beijing_date
from hub.models import Timer, User
from hub.workflow.documents import Assignment, ProcessInstance

DIGEST_TIMER = "digest.daily"
DIGEST_AT = time(8, 30)
_URGENCY_RANK: dict[str, int] = {"特急": 0, "加急": 1, "平件": 2}
_SHOWN = 30


def digest_card_id(day: date, user_id: str) -> PydanticObjectId:
    """One card per person per day, whichever process or attempt posts it."""
    return PydanticObjectId(hashlib.sha256(f"xietong-digest:{day.isoformat()}:{user_id}".encode()).digest()[:12])


def next_digest_day(calendar: WorkCalendar, now: datetime, after: date | None = None) -> date:
    """The next working day whose 08:30 is still ahead (or the first working day after `after`)."""
    today = beijing_date(now)
    day = today if datetime.combine(today, DIGEST_AT, BEIJING) > now else today + timedelta(days=1)
    if after is not None:
        day = max(day, after + timedelta(days=1))
    return calendar.next_workday(day)


async def schedule_digest(hub: Hub, after: date | None = None) -> Timer:
    calendar = await hub.workdays.fresh()
    day = next_digest_day(calendar, hub.clock.now(), after)
    due = as_utc(datetime.combine(day, DIGEST_AT, BEIJING))
    return await do_schedule_timer(hub, DIGEST_TIMER, f"{DIGEST_TIMER}:{day.isoformat()}", due,
                                   {"day": day.isoformat()})


def _urgency(value: object) -> Urgency:
    """A form's 紧急程度, when the process has one."""
    if value == "特急":
        return "特急"
    return "加急" if value == "加急" else "平件"


def _bucket(a: Assignment, today: date, now: datetime) -> int:
    if a.due_at is None:
        return 2
    if as_utc(a.due_at) < now:
        return 0
    return 1 if beijing_date(a.due_at) == today else 2


def _line(a: Assignment, urgency: Urgency) -> str:
    due = f"，{as_utc(a.due_at).astimezone(BEIJING):%m-%d %H:%M}前" if a.due_at else ""
    flag = f"【{urgency}】" if urgency != "平件" else ""
    return f"- {flag}[{a.title}](/work/i/{a.instance_id})（{a.step_name}{due}）"


def digest_spec(day: date, items: list[tuple[Assignment, Urgency]], now: datetime) -> CardSpec:
    """The card: counts per group, then the items grouped, most urgent and soonest first inside each group."""
    groups: list[list[tuple[Assignment, Urgency]]] = [[], [], []]
    for a, urgency in items:
        groups[_bucket(a, day, now)].append((a, urgency))
    names = ("已超期", "今日到期", "其他待办")
    body: list[str] = []
    for name, group in zip(names, groups, strict=True):
        if not group:
            continue
        group.sort(key=lambda p: (_URGENCY_RANK.get(p[1], 2), as_utc(p[0].due_at) if p[0].due_at else
                                  datetime.max.replace(tzinfo=now.tzinfo)))
        body.append(f"**{name}（{len(group)}）**")
        body += [_line(a, u) for a, u in group[:_SHOWN]]
        if len(group) > _SHOWN:
            body.append(f"- 另有{len(group) - _SHOWN}项，请到工作台查看")
    top: Urgency = min((u for _, u in items), key=lambda u: _URGENCY_RANK[u], default="平件")
    overdue = len(groups[0])
    fields = [CardField(label=n, value=f"{len(g)} 项") for n, g in zip(names, groups, strict=True)]
    tone = "danger" if overdue else "warning" if groups[1] else "info"
    return CardSpec(kind="digest", title=f"每日待办（{day.month}月{day.day}日）", fields=fields, body="\n".join(body),
                    urgency=top,
                    status=CardStatus(code="digest", label=f"待办 {len(items)} 项", tone=tone),
                    context={"day": day.isoformat()},
                    fallback_text=f"【每日待办】共{len(items)}项，已超期{overdue}项，今日到期{len(groups[1])}项")


async def send_digest(hub: Hub, day: date) -> int:
    """One card to each person with pending items; how many people. Safe to repeat: the card ids are fixed."""
    now = hub.clock.now()
    pending = await Assignment.find({"status": "open"}).to_list()
    by_user: dict[str, list[Assignment]] = {}
    for a in pending:
        by_user.setdefault(a.user_id, []).append(a)
    urgency: dict[PydanticObjectId, Urgency] = {}
    instance_ids = list({a.instance_id for a in pending})
    for inst in await ProcessInstance.find({"_id": {"$in": instance_ids}}).to_list() if instance_ids else []:
        assert inst.id is not None
        urgency[inst.id] = _urgency(inst.form.get("urgency"))
    bot = await reminder_bot()
    sent = 0
    for user_id in sorted(by_user):
        person = await User.get(PydanticObjectId(user_id)) if PydanticObjectId.is_valid(user_id) else None
        if person is None or person.disabled or person.is_bot:
            continue
        items = [(a, urgency.get(a.instance_id, "平件")) for a in by_user[user_id]]
        dm = await do_get_or_create_direct(hub, bot, user_id)
        await do_post_card(hub, bot, BOT_KEY, digest_spec(day, items, now), [dm], card_id=digest_card_id(day, user_id))
        sent += 1
    return sent


async def digest_fired(hub: Hub, timer: Timer) -> None:
    """Send the day's digest if that day is still a working day and not already past, then schedule the next."""
    day = date.fromisoformat(str(timer.payload["day"]))
    calendar = await hub.workdays.fresh()
    try:
        # A day turned into a holiday after scheduling gets nothing; a hub down all day sends no stale digest.
        if calendar.is_workday(day) and beijing_date(hub.clock.now()) == day:
            await send_digest(hub, day)
    finally:
        await schedule_digest(hub, after=day)
