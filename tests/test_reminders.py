"""提醒 (remind me): quick choices on the working-day calendar, a DM from 提醒助手 at the set time, exactly once;
cancelled reminders never fire; bad or forbidden requests change nothing."""

from __future__ import annotations

import uuid
from datetime import time, timedelta
from typing import Any

from hub.lib.timeutil import as_utc
from hub.models import Timer
from hub.models.reminders import Reminder
from tests.conftest import World
from tests.remind_fixtures import beijing, dms_from, mark, move_to, next_weekday
from tests.time_fixtures import wait_until


async def _setup(world: World) -> tuple[str, str, str, str]:
    """zhangsan and lisi share a unit channel with one message in it; wangwu is elsewhere."""
    unit = await world.unit("czj", "市财政局")
    await world.user("zhangsan", "张三", units=[unit])
    await world.user("lisi", "李四", units=[unit])
    await world.user("wangwu", "王五")
    token = await world.login("zhangsan")
    (channel,) = (await world.api("GET", "/api/v1/channels", token))[1]["channels"]
    status, msg = await world.api("POST", f"/api/v1/channels/{channel['id']}/messages", token,
                                  json={"content": "请于周五前报送预算调整表", "client_msg_id": "m-1"})
    assert status == 201, msg
    return channel["id"], msg["id"], token, await world.login("wangwu")


def _body(target_id: str, **when: Any) -> dict[str, Any]:
    return {"request_id": f"r-{uuid.uuid4().hex[:10]}", "target": {"kind": "message", "id": target_id}, **when}


async def test_a_reminder_arrives_once_at_its_time_as_a_dm_with_a_link(world: World) -> None:
    cid, mid, token, _ = await _setup(world)
    body = _body(mid, preset="in_1h", note="记得催财政局")
    status, rem = await world.api("POST", "/api/v1/reminders", token, json=body)
    assert status == 200, rem
    assert rem["status"] == "pending" and rem["link"] == f"/c/{cid}?m={mid}" and "预算调整表" in rem["label"]
    # The same request id sets it once.
    assert (await world.api("POST", "/api/v1/reminders", token, json=body))[1]["id"] == rem["id"]
    _, listed = await world.api("GET", "/api/v1/reminders", token)
    assert [r["id"] for r in listed["reminders"]] == [rem["id"]]

    from hub.models import User
    user = await User.find_one(User.username == "zhangsan")
    assert user is not None
    world.hub.clock.advance(timedelta(minutes=59))
    await world.hub.scheduler.fire_due()
    assert await dms_from("bot.reminder", user) == []
    world.hub.clock.advance(timedelta(minutes=2))

    async def sent() -> bool:
        # The runner marks the timer done after its handler returns: wait for that too, not only the DM.
        timer = await Timer.find_one(Timer.key == f"reminder.fire:{rem['id']}")
        reminder = await Reminder.get(rem["id"])
        return len(await dms_from("bot.reminder", user)) == 1 and reminder is not None and \
            reminder.status == "sent" and timer is not None and timer.status == "done"

    await wait_until(sent, what="the reminder's DM, and its timer done")
    (dm,) = await dms_from("bot.reminder", user)
    assert "记得催财政局" in dm.content and f"/c/{cid}?m={mid}" in dm.content
    # Firing again (a process that lost its lease) sends nothing more.
    from hub.actions.reminders import reminder_fired
    timer = await Timer.find_one(Timer.key == f"reminder.fire:{rem['id']}")
    assert timer is not None and timer.status == "done"
    await reminder_fired(world.hub, timer)
    assert len(await dms_from("bot.reminder", user)) == 1
    token = await world.login("zhangsan")
    _, listed = await world.api("GET", "/api/v1/reminders", token, params={"status": "sent"})
    assert [r["id"] for r in listed["reminders"]] == [rem["id"]]
    # A sent reminder cannot be cancelled.
    status, err = await world.api("DELETE", f"/api/v1/reminders/{rem['id']}", token)
    assert status == 409 and err["error"]["code"] == "reminder_already_sent"


async def test_a_cancelled_reminder_never_fires(world: World) -> None:
    _, mid, token, _ = await _setup(world)
    status, rem = await world.api("POST", "/api/v1/reminders", token, json=_body(mid, preset="in_1h"))
    assert status == 200
    status, cancelled = await world.api("DELETE", f"/api/v1/reminders/{rem['id']}", token)
    assert status == 200 and cancelled["status"] == "cancelled"
    world.hub.clock.advance(timedelta(hours=3))
    await world.hub.scheduler.fire_due()
    from hub.models import User
    user = await User.find_one(User.username == "zhangsan")
    assert user is not None and await dms_from("bot.reminder", user) == []
    timer = await Timer.find_one(Timer.key == f"reminder.fire:{rem['id']}")
    assert timer is not None and timer.status == "cancelled"
    token = await world.login("zhangsan")
    _, listed = await world.api("GET", "/api/v1/reminders", token)
    assert listed["reminders"] == []


async def test_bad_and_forbidden_reminders_are_refused_and_store_nothing(world: World) -> None:
    cid, mid, token, outsider = await _setup(world)
    del cid
    cases: list[tuple[str, dict[str, Any], int, str]] = [
        ("outsider", _body(mid, preset="in_1h"), 404, "not_found"),
        ("me", _body("0" * 24, preset="in_1h"), 404, "not_found"),
        ("me", {**_body(mid, preset="in_1h"), "target": {"kind": "nothing", "id": mid}}, 404, "not_found"),
        ("me", _body(mid), 400, "invalid_request"),
        ("me", _body(mid, preset="in_1h", at="2030-01-01T09:00:00+08:00"), 400, "invalid_request"),
        ("me", _body(mid, at="2020-01-01T09:00:00+08:00"), 400, "reminder_in_past"),
        ("me", _body(mid, at="2026-12-31T09:00:00"), 400, "invalid_request"),  # no time zone
        ("me", _body(mid, preset="in_1h", note="机密 文件"), 422, "classified_content"),
        ("me", {**_body(mid, preset="in_1h"), "extra": 1}, 400, "invalid_request"),
        ("me", _body(mid, preset="in_1h", note="长" * 201), 400, "invalid_request"),
    ]
    for who, body, code, error in cases:
        status, answer = await world.api("POST", "/api/v1/reminders", outsider if who == "outsider" else token,
                                         json=body)
        assert (status, answer["error"]["code"]) == (code, error), (body, answer)
    assert await Reminder.count() == 0 and await Timer.find(Timer.kind == "reminder.fire").count() == 0
    # Someone else's reminder is not theirs to see or cancel.
    status, rem = await world.api("POST", "/api/v1/reminders", token, json=_body(mid, preset="in_1h"))
    assert status == 200
    status, err = await world.api("DELETE", f"/api/v1/reminders/{rem['id']}", outsider)
    assert status == 404 and err["error"]["code"] == "not_found"
    assert (await Reminder.get(rem["id"])).status == "pending"  # type: ignore[union-attr]


async def test_quick_choices_follow_beijing_time_and_the_working_day_calendar(world: World) -> None:
    _, mid, _, _ = await _setup(world)
    hub = world.hub
    # A Thursday afternoon before a Friday made a holiday and a Saturday made a 调休 working day.
    thursday = next_weekday(hub, 3)
    friday, saturday = thursday + timedelta(days=1), thursday + timedelta(days=2)
    await mark(hub, friday, "holiday")
    await mark(hub, saturday, "workday")
    move_to(hub, beijing(thursday, time(15, 30)))
    token = await world.login("zhangsan")
    answers = {}
    for preset in ("in_1h", "tomorrow_0900", "next_workday_0900"):
        status, rem = await world.api("POST", "/api/v1/reminders", token, json=_body(mid, preset=preset))
        assert status == 200, rem
        answers[preset] = rem["due_at"]
    from datetime import datetime
    in_1h = datetime.fromisoformat(answers["in_1h"]) - as_utc(beijing(thursday, time(16, 30)))
    assert timedelta(0) <= in_1h < timedelta(seconds=30)  # the clock keeps running while the test does
    assert datetime.fromisoformat(answers["tomorrow_0900"]) == as_utc(beijing(friday, time(9, 0)))
    assert datetime.fromisoformat(answers["next_workday_0900"]) == as_utc(beijing(saturday, time(9, 0)))
