"""Two real hub processes on one store: reminders, the daily digest and automatic 催办 each fire exactly once."""

from __future__ import annotations

import asyncio
from datetime import datetime, time, timedelta
from pathlib import Path

from hub.actions.audit import Origin
from hub.actions.digest import DIGEST_TIMER, next_digest_day
from hub.actions.messages import do_send_message
from hub.actions.org import do_add_membership, do_create_unit, do_create_user
from hub.actions.reminders import do_set_reminder
from hub.actions.workflow import do_start
from hub.actions.workflow_admin import do_publish_definition
from hub.context import Hub
from hub.lib.timeutil import BEIJING, as_utc
from hub.models import Card, Channel, Message, Timer, User
from hub.models.reminders import Reminder
from hub.remind.wire import ReminderIn
from hub.workflow.definition import Definition
from hub.workflow.wire import StartIn
from tests.test_chase import CHASED
from tests.test_timers_multiprocess import TimerHub, _env, scheduler_hub
from tests.time_fixtures import shared_store_url, wait_until

__all__ = ["scheduler_hub", "shared_store_url"]


async def _bot_messages(username: str) -> list[Message]:
    bot = await User.find_one(User.username == username)
    if bot is None:
        return []
    found: list[Message] = await Message.find(Message.sender_id == bot.id).to_list()
    return found


async def test_reminders_digest_and_chases_fire_once_across_two_hub_processes(scheduler_hub: Hub,
                                                                             tmp_path: Path) -> None:
    hub = scheduler_hub
    czj = await do_create_unit(hub, "czj", "市财政局", "财政局", "department", None)
    majun = await do_create_user(hub, "majun", "马军", "Passw0rd!", ["staff"])
    await do_add_membership(hub, majun, czj, "部门负责人岗", "局长", is_head=True, order=0)
    people = [await do_create_user(hub, f"staff{i}", f"科员{i}", "Passw0rd!", ["staff"]) for i in range(4)]
    await do_create_user(hub, "zhangsan", "张三", "Passw0rd!", ["staff"])
    zhangsan = await User.find_one(User.username == "zhangsan")
    assert zhangsan is not None
    await do_add_membership(hub, zhangsan, czj, "科员岗", "科员")
    for p in people:
        await do_add_membership(hub, p, czj, "科员岗", "科员")
    channel = await Channel.find_one(Channel.unit_id == czj.id)
    assert channel is not None
    out, _ = await do_send_message(hub, people[0], channel, "周五前报送", "m-1")
    # Eight reminders, a few minutes apart within the next hours.
    for i in range(8):
        body = ReminderIn(request_id=f"r{i}", target={"kind": "message", "id": out.id},
                          at=hub.clock.now() + timedelta(minutes=20 + 7 * i))
        await do_set_reminder(hub, people[i % 4], body)
    # A pending item with automatic 催办 (2 times, then escalation to the head).
    await do_publish_definition(hub, None, Definition.model_validate(CHASED))
    await do_start(hub, people[1], StartIn.model_validate(
        {"definition_key": "chased", "form": {"title": "报送年度预算"}, "request_id": "start-0001"}), Origin())

    env = {**_env(hub), "HUB_DAILY_DIGEST": "true"}
    hubs = [TimerHub(env, tmp_path / f"hub{i}.log") for i in range(2)]
    try:
        await asyncio.gather(*(h.wait_ready() for h in hubs))
        # Both processes schedule the same digest at start-up; move both clocks just past it, then a day on
        # for the 催办 (office hours).
        calendar = await hub.workdays.fresh()
        day = next_digest_day(calendar, hub.clock.now())
        target = as_utc(datetime.combine(day, time(8, 31), BEIJING))
        seconds = (target - hub.clock.now()).total_seconds()
        await asyncio.gather(*(h.advance(seconds) for h in hubs))

        async def digest_done() -> bool:
            digest = await Timer.find_one(Timer.key == f"{DIGEST_TIMER}:{day.isoformat()}")
            return digest is not None and digest.status == "done"

        await wait_until(digest_done, within=60, what="the digest")
        await asyncio.gather(*(h.advance(86400 * 3) for h in hubs))

        async def all_done() -> bool:
            sent = await Reminder.find(Reminder.status == "sent").count() == 8
            digest = await Timer.find_one(Timer.key == f"{DIGEST_TIMER}:{day.isoformat()}")
            chases = await Timer.find({"kind": "workflow.chase", "status": "done"}).count() == 3
            return sent and chases and digest is not None and digest.status == "done"

        try:
            await wait_until(all_done, within=90, what="reminders, chases and the digest")
        except AssertionError:
            timers = [(t.kind, t.key, t.status, t.last_error) for t in await Timer.find_all().to_list()]
            raise AssertionError(f"{timers}\n{hubs[0].log.read_text()[-3000:]}") from None
        reminder_dms = await _bot_messages("bot.reminder")
        assert len([m for m in reminder_dms if m.card_id is None]) == 8, "a reminder fired twice or not at all"
        digests = await Card.find({"kind": "digest", "context.day": day.isoformat()}).to_list()
        assert len(digests) == 1  # zhangsan, the only person with a pending item
        # Three days on, a later working day's digest may have gone out too; that day's card was posted once.
        assert len([m for m in reminder_dms if m.card_id == digests[0].id]) == 1
        later = await Card.find({"kind": "digest"}).to_list()
        assert len([m for m in reminder_dms if m.card_id is not None]) == len(later)
        posted = [m.card_id for m in reminder_dms if m.card_id is not None]
        assert len(set(posted)) == len(posted), "a digest card was posted twice"
        workflow_dms = await _bot_messages("bot.workflow")
        assert len([m for m in workflow_dms if "自动催办" in m.content]) == 2
        assert len([m for m in workflow_dms if m.content.startswith("【督促】")]) == 1
    finally:
        for h in hubs:
            h.stop()
