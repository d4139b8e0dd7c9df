"""The daily digest: 08:30 Beijing on working days only (a 调休 Saturday included, holidays never), one card per
person with pending items, overdue first, then due today, then the rest."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import pytest

from hub.actions.digest import DIGEST_TIMER
from hub.lib.timeutil import as_utc
from hub.models import Card, Timer, User
from hub.settings import Settings
from tests.conftest import World, make_settings
from tests.remind_fixtures import beijing, mark, move_to, next_weekday
from tests.time_fixtures import wait_until
from tests.workflow_fixtures import Org, build_org


@pytest.fixture
def settings(store_kwargs: dict[str, Any]) -> Settings:
    """This module's hubs run the daily digest, as in production."""
    return make_settings(**store_kwargs, daily_digest=True)


def _definition(key: str, limit: bool) -> dict[str, Any]:
    step: dict[str, Any] = {"key": "do", "name": "办理", "approvers": [{"kind": "users", "users": ["majun"]}]}
    if limit:
        step["limit"] = {"amount": 1, "unit": "workdays"}
    return {"key": key, "name": "办件", "title_field": "title",
            "form": {"fields": [{"key": "title", "label": "标题", "kind": "text", "required": True},
                                {"key": "urgency", "label": "紧急程度", "kind": "choice",
                                 "options": ["平件", "加急", "特急"]}]},
            "steps": [step]}


async def _at(org: Org, when: Any) -> None:
    move_to(org.world.hub, when)
    org.tokens.clear()  # sessions follow the clock


async def _digest_cards(user: User) -> dict[str, Card]:
    cards = await Card.find({"bot": "reminder", "kind": "digest"}).to_list()
    mine = {}
    for card in cards:
        if card.channel_ids and str(user.id) in (await _members(card)):
            mine[str(card.context["day"])] = card
    return mine


async def _members(card: Card) -> set[str]:
    from hub.models import Subscription
    subs = await Subscription.find({"channel_id": {"$in": card.channel_ids}}).to_list()
    return {str(s.user_id) for s in subs}


async def _day_done(day: date) -> bool:
    timer = await Timer.find_one(Timer.key == f"{DIGEST_TIMER}:{day.isoformat()}")
    return timer is not None and timer.status == "done"


async def test_digest_on_working_days_only_grouped_overdue_then_due_today(world: World) -> None:
    hub = world.hub
    friday = next_weekday(hub, 4, at_least_days=3)
    wed, thu, sat, sun, mon, tue = (friday + timedelta(days=d) for d in (-2, -1, 1, 2, 3, 4))
    for day in (wed, thu, friday, sat, tue):
        await mark(hub, day, "workday")  # the Saturday is a 调休 working day
    for day in (sun, mon):
        await mark(hub, day, "holiday")
    org = await build_org(world)
    admin = await org.token("sysadmin")
    for key, limit in (("dated", True), ("open", False)):
        status, body = await world.api("POST", "/api/v1/definitions", admin, json=_definition(key, limit))
        assert status == 200, body
    await _at(org, beijing(wed, time(10, 0)))
    assert (await org.start("zhangsan", "dated", {"title": "甲：周三的件"}))[0] == 200
    await _at(org, beijing(thu, time(10, 0)))
    assert (await org.start("zhangsan", "dated", {"title": "乙：周四的件"}))[0] == 200
    assert (await org.start("zhangsan", "open", {"title": "丙：无期限", "urgency": "特急"}))[0] == 200
    assert (await org.start("zhangsan", "open", {"title": "丁：无期限"}))[0] == 200

    majun, zhangsan = org.users["majun"], org.users["zhangsan"]
    await _at(org, as_utc(beijing(friday, time(8, 30))) - timedelta(minutes=1))
    await hub.scheduler.fire_due()
    assert str(friday) not in await _digest_cards(majun)
    await _at(org, beijing(friday, time(8, 31)))
    await wait_until(lambda: _day_done(friday), what="Friday's digest")
    card = (await _digest_cards(majun))[str(friday)]
    assert [(f.label, f.value) for f in card.fields] == [("已超期", "1 项"), ("今日到期", "1 项"), ("其他待办", "2 项")]
    body = card.body
    assert body.index("已超期") < body.index("甲：周三的件") < body.index("今日到期") < body.index("乙：周四的件") \
        < body.index("其他待办") < body.index("丙：无期限") < body.index("丁：无期限")  # 特急 first in its group
    assert card.urgency == "特急" and "/work/i/" in body
    assert await _digest_cards(zhangsan) == {}  # nothing pending, no card

    # The 调休 Saturday is a working day; Sunday and the holiday Monday get nothing; Tuesday does.
    await _at(org, beijing(sat, time(8, 31)))
    await wait_until(lambda: _day_done(sat), what="Saturday's digest")
    for day in (sun, mon):
        await _at(org, beijing(day, time(12, 0)))
        await hub.scheduler.fire_due()
    await _at(org, beijing(tue, time(8, 31)))
    await wait_until(lambda: _day_done(tue), what="Tuesday's digest")
    days = sorted(await _digest_cards(majun))
    assert [d for d in days if d >= str(friday)] == [str(friday), str(sat), str(tue)]
    assert await Timer.find_one(Timer.key == f"{DIGEST_TIMER}:{sun}") is None
    assert await Timer.find_one(Timer.key == f"{DIGEST_TIMER}:{mon}") is None
    # One self-rescheduling timer: only the next one is pending.
    pending = await Timer.find({"kind": DIGEST_TIMER, "status": "pending"}).to_list()
    assert len(pending) == 1 and pending[0].payload["day"] > str(tue)
