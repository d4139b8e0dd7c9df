"""Helpers of the 提醒/催办/digest/督办 tests: move the hub clock to a Beijing time, and read a bot's DMs."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from hub.actions.calendar import do_set_workday_override
from hub.context import Hub
from hub.lib.timeutil import BEIJING
from hub.lib.workdays import beijing_date
from hub.models import Channel, Message, User


def beijing(day: date, at: time) -> datetime:
    return datetime.combine(day, at, BEIJING)


def move_to(hub: Hub, when: datetime) -> None:
    """Move the hub clock forward to `when` (the clock only moves forward)."""
    delta = when - hub.clock.now()
    assert delta >= timedelta(0), f"the clock is already past {when}"
    hub.clock.advance(delta)


def next_weekday(hub: Hub, weekday: int, at_least_days: int = 2) -> date:
    """The first date at least `at_least_days` ahead (Beijing) falling on `weekday` (0 = Monday)."""
    day = beijing_date(hub.clock.now()) + timedelta(days=at_least_days)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day


async def mark(hub: Hub, day: date, kind: str) -> None:
    await do_set_workday_override(hub, None, day, kind, "测试")  # type: ignore[arg-type]
    await hub.workdays.refresh()


async def dms_from(bot_username: str, user: User) -> list[Message]:
    """Messages a bot sent into its direct conversation with this person, oldest first."""
    bot = await User.find_one(User.username == bot_username)
    if bot is None:
        return []
    key = ":".join(sorted({str(bot.id), str(user.id)}))
    dm = await Channel.find_one(Channel.kind == "direct", Channel.direct_key == key)
    if dm is None:
        return []
    found: list[Message] = await Message.find(Message.channel_id == dm.id, Message.sender_id == bot.id
                                              ).sort("seq").to_list()
    return found


def body_of(status_body: tuple[int, Any]) -> Any:
    status, body = status_body
    assert status == 200, body
    return body
