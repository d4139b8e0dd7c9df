"""目标管理 through the API: set, report, 复核, lights from the schedule, milestone timers, the board, 销号."""

from __future__ import annotations

import asyncio
import io
import uuid
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from openpyxl import load_workbook

from hub.actions.org import do_add_membership
from hub.actions.workflow_admin import do_set_supervision
from hub.lib.timeutil import BEIJING
from hub.lib.workdays import beijing_date
from hub.models import Timer, Unit, User
from hub.models.targets import Milestone
from hub.settings import Settings
from hub.targets.lights import cumulative, expected_progress, light_of
from tests.conftest import World, make_settings


@pytest.fixture
def settings(store_kwargs: dict[str, Any]) -> Settings:
    # The tests move the clock weeks ahead; sessions outlive the jump so sockets keep listening.
    return make_settings(session_ttl_hours=24 * 120, session_idle_minutes=60 * 24 * 120, **store_kwargs)


class City:
    def __init__(self, world: World, units: dict[str, Unit], users: dict[str, User]) -> None:
        self.world, self.units, self.users = world, units, users
        self.tokens: dict[str, str] = {}

    def uid(self, code: str) -> str:
        return str(self.units[code].id)

    async def token(self, username: str) -> str:
        if username not in self.tokens:
            self.tokens[username] = await self.world.login(username)
        return self.tokens[username]

    async def api(self, username: str, method: str, path: str, **kw: Any) -> tuple[int, Any]:
        return await self.world.api(method, path, await self.token(username), **kw)


@pytest.fixture
async def city(world: World) -> City:
    hub = world.hub
    from hub.actions.org import do_create_unit

    zf = await do_create_unit(hub, "zf", "白银市人民政府", "市政府", "leadership", None)
    bgs = await do_create_unit(hub, "zf-bgs", "市政府办公室", "市政府办", "office", zf)
    czj = await do_create_unit(hub, "czj", "市财政局", "市财政局", "department", zf)
    fgw = await do_create_unit(hub, "fgw", "市发展和改革委员会", "市发改委", "department", zf)
    units = {"zf": zf, "zf-bgs": bgs, "czj": czj, "fgw": fgw}
    users = {"zhouwen": await world.user("zhouwen", "周文", units=[bgs], roles=["office_director"]),
             "majun": await world.user("majun", "马军", roles=["leader"]),
             "zhangsan": await world.user("zhangsan", "张三", units=[czj]),
             "tangli": await world.user("tangli", "唐莉", units=[fgw]),
             "lixiaodong": await world.user("lixiaodong", "李晓东", roles=["leader"]),
             "outsider": await world.user("outsider", "王五")}
    await do_add_membership(hub, users["majun"], czj, "部门负责人岗", "局长", is_head=True, order=0)
    await do_set_supervision(hub, users["lixiaodong"], [czj])
    return City(world, units, users)


def _milestones(first: date, second: date) -> list[dict[str, Any]]:
    return [{"title": "完成方案制定", "due": first.isoformat(), "weight": 40},
            {"title": "全面完成", "due": second.isoformat(), "weight": 60}]


def _in_one_year(first: date, second: date) -> tuple[date, date]:
    """Milestones of a yearly target fall in its year: near the year's end, the later one is pulled in."""
    last = date(first.year, 12, 31)
    if (last - first).days < 2:
        first = last - timedelta(days=4)
    return first, min(second, last)


async def _create(city: City, first: date, second: date, **extra: Any) -> dict[str, Any]:
    first, second = _in_one_year(first, second)
    body = {"request_id": f"t-{uuid.uuid4().hex[:12]}", "year": first.year, "title": "推进预算绩效管理改革",
            "lead_unit_id": city.uid("czj"), "partner_unit_ids": [city.uid("fgw")],
            "milestones": _milestones(first, second), **extra}
    status, target = await city.api("zhouwen", "POST", "/api/v1/targets", json=body)
    assert status == 200, target
    return dict(target)


def _rid() -> str:
    return f"r-{uuid.uuid4().hex[:12]}"


def test_lights_follow_the_schedule_against_accepted_progress() -> None:
    ms = [Milestone(key="m1", title="a", due=date(2026, 3, 31), weight=40),
          Milestone(key="m2", title="b", due=date(2026, 6, 30), weight=60)]
    assert [pct for _, pct in cumulative(ms)] == [40, 100]
    assert expected_progress(ms, date(2026, 3, 31)) == 0 and expected_progress(ms, date(2026, 4, 1)) == 40

    def days_from(today: date) -> Any:
        # Calendar days stand in for working days here; the hub passes its working-day calendar.
        return lambda day: (day - today).days

    for today, progress, light in [(date(2026, 3, 1), 0, "green"), (date(2026, 3, 28), 0, "yellow"),
                                   (date(2026, 3, 28), 40, "green"),  # reached ahead of the date
                                   (date(2026, 4, 1), 30, "red"), (date(2026, 4, 1), 40, "green"),
                                   (date(2026, 6, 27), 40, "yellow"), (date(2026, 12, 1), 100, "green")]:
        assert light_of(ms, progress, today, days_from(today)) == light, (today, progress)


async def test_report_review_and_close_through_the_api(city: City) -> None:
    today = beijing_date(city.world.hub.clock.now())
    target = await _create(city, today + timedelta(days=60), today + timedelta(days=90))
    tid = target["id"]
    assert target["light"] == "green" and target["progress"] == 0 and target["can_manage"]
    assert [m["cumulative"] for m in target["milestones"]] == [40, 100]

    # Who sees it: the units, the office, the 分管领导; not an outsider (who gets the same answer as for nothing).
    for name in ("zhangsan", "tangli", "majun", "lixiaodong"):
        status, seen = await city.api(name, "GET", f"/api/v1/targets/{tid}")
        assert status == 200, (name, seen)
    status, body = await city.api("outsider", "GET", f"/api/v1/targets/{tid}")
    assert status == 404 and body["error"]["code"] == "not_found"
    status, listed = await city.api("outsider", "GET", "/api/v1/targets")
    assert status == 200 and listed["targets"] == [] and not listed["can_manage"]

    # Only the office sets targets; an outsider cannot report.
    status, body = await city.api("majun", "POST", "/api/v1/targets", json={
        "request_id": _rid(), "year": today.year, "title": "x" * 5, "lead_unit_id": city.uid("czj"),
        "milestones": _milestones(today, today + timedelta(days=1))})
    assert status == 403 and body["error"]["code"] == "forbidden"
    status, body = await city.api("outsider", "POST", f"/api/v1/targets/{tid}/reports",
                                  json={"request_id": _rid(), "percent": 50, "text": "进展顺利"})
    assert status == 404

    status, first = await city.api("zhangsan", "POST", f"/api/v1/targets/{tid}/reports",
                                   json={"request_id": _rid(), "percent": 30, "text": "已完成方案初稿"})
    assert status == 200 and first["status"] == "pending"
    # Not the department head: 复核 belongs to the office.
    status, body = await city.api("majun", "POST", f"/api/v1/targets/reports/{first['id']}/review",
                                  json={"request_id": _rid(), "decision": "accept"})
    assert status == 403
    status, body = await city.api("zhouwen", "POST", f"/api/v1/targets/reports/{first['id']}/review",
                                  json={"request_id": _rid(), "decision": "return"})
    assert status == 400  # a return needs a reason
    zhangsan_socket = await city.world.socket(await city.token("zhangsan"))
    status, returned = await city.api("zhouwen", "POST", f"/api/v1/targets/reports/{first['id']}/review",
                                      json={"request_id": _rid(), "decision": "return", "reason": "缺少佐证材料"})
    assert status == 200 and returned["status"] == "returned" and returned["reason"] == "缺少佐证材料"
    (dm,) = await zhangsan_socket.wait_for("message.new", where=lambda e: "退回" in e["message"]["content"])
    assert "缺少佐证材料" in dm["message"]["content"]
    status, body = await city.api("zhouwen", "POST", f"/api/v1/targets/reports/{first['id']}/review",
                                  json={"request_id": _rid(), "decision": "accept"})
    assert status == 409  # decided once

    status, second = await city.api("tangli", "POST", f"/api/v1/targets/{tid}/reports",
                                    json={"request_id": _rid(), "percent": 40, "text": "方案已印发"})
    assert status == 200 and second["unit"]["id"] == city.uid("fgw")
    status, _ = await city.api("zhouwen", "POST", f"/api/v1/targets/reports/{second['id']}/review",
                               json={"request_id": _rid(), "decision": "accept"})
    assert status == 200
    status, seen = await city.api("zhouwen", "GET", f"/api/v1/targets/{tid}")
    assert seen["progress"] == 40 and seen["milestones"][0]["reached"] and not seen["milestones"][1]["reached"]
    assert [a["act"] for a in seen["trail"]] == ["created", "reported", "returned", "reported", "accepted"]

    status, body = await city.api("zhouwen", "POST", f"/api/v1/targets/{tid}/close", json={})
    assert status == 409  # not done yet
    status, done = await city.api("zhangsan", "POST", f"/api/v1/targets/{tid}/reports",
                                  json={"request_id": _rid(), "percent": 100, "text": "全面完成"})
    await city.api("zhouwen", "POST", f"/api/v1/targets/reports/{done['id']}/review",
                   json={"request_id": _rid(), "decision": "accept"})
    status, closed = await city.api("zhouwen", "POST", f"/api/v1/targets/{tid}/close", json={"note": "销号"})
    assert status == 200 and closed["status"] == "closed" and not closed["can_report"]
    status, body = await city.api("zhangsan", "POST", f"/api/v1/targets/{tid}/reports",
                                  json={"request_id": _rid(), "percent": 100, "text": "再报"})
    assert status == 409


async def test_bad_input_changes_nothing(city: City) -> None:
    today = beijing_date(city.world.hub.clock.now())
    first, second = _in_one_year(today + timedelta(days=5), today + timedelta(days=9))
    base = {"request_id": _rid(), "year": first.year, "title": "推进改革", "lead_unit_id": city.uid("czj"),
            "milestones": _milestones(first, second)}
    bad = [
        {**base, "milestones": [{"title": "a", "due": (today + timedelta(days=5)).isoformat(), "weight": 50}]},
        {**base, "lead_unit_id": "66aa00000000000000000000"},
        {**base, "partner_unit_ids": [city.uid("czj")]},
        {**base, "title": "机密★1年 目标"},
    ]
    for body in bad:
        status, answer = await city.api("zhouwen", "POST", "/api/v1/targets", json=body)
        assert status in (400, 422), answer
    status, listed = await city.api("zhouwen", "GET", "/api/v1/targets")
    assert listed["targets"] == []
    status, body = await city.api("zhouwen", "GET", "/api/v1/targets/not-an-id")
    assert status == 404
    target = await _create(city, today + timedelta(days=5), today + timedelta(days=9))
    status, body = await city.api("zhangsan", "POST", f"/api/v1/targets/{target['id']}/reports",
                                  json={"request_id": _rid(), "percent": 101, "text": "超过"})
    assert status == 400
    status, seen = await city.api("zhouwen", "GET", f"/api/v1/targets/{target['id']}")
    assert seen["reports"] == []


async def test_two_reviews_at_once_decide_once(city: City) -> None:
    today = beijing_date(city.world.hub.clock.now())
    target = await _create(city, today + timedelta(days=60), today + timedelta(days=90))
    status, report = await city.api("zhangsan", "POST", f"/api/v1/targets/{target['id']}/reports",
                                    json={"request_id": _rid(), "percent": 50, "text": "过半"})
    assert status == 200, report
    path = f"/api/v1/targets/reports/{report['id']}/review"
    answers = await asyncio.gather(
        city.api("zhouwen", "POST", path, json={"request_id": _rid(), "decision": "accept"}),
        city.api("zhouwen", "POST", path, json={"request_id": _rid(), "decision": "return", "reason": "不符"}))
    assert sorted(s for s, _ in answers) == [200, 409]
    _status, seen = await city.api("zhouwen", "GET", f"/api/v1/targets/{target['id']}")
    decided = [a["act"] for a in seen["trail"] if a["act"] in ("accepted", "returned")]
    assert len(decided) == 1


async def test_milestone_reminder_then_overdue_flag_at_working_times(city: City) -> None:
    hub = city.world.hub
    calendar = await hub.workdays.fresh()
    now = hub.clock.now()
    due = beijing_date(calendar.add_working_days(now, 12))
    target = await _create(city, due, due + timedelta(days=40))
    due = date.fromisoformat(target["milestones"][0]["due"])
    remind = await Timer.find_one(Timer.key == f"target:{target['id']}:m1:remind")
    assert remind is not None
    remind_local = remind.due_at.astimezone(BEIJING)
    assert remind_local.hour == 9 and calendar.is_workday(remind_local.date())
    assert calendar.working_days_between(remind.due_at, datetime.combine(due, remind_local.time(), BEIJING)) == 3

    majun = await city.world.socket(await city.token("majun"))
    leader = await city.world.socket(await city.token("lixiaodong"))
    hub.clock.advance(remind.due_at - hub.clock.now() - timedelta(minutes=1))
    _status, seen = await city.api("zhouwen", "GET", f"/api/v1/targets/{target['id']}")
    assert seen["light"] == "green"
    hub.clock.advance(timedelta(minutes=2))
    (note,) = await majun.wait_for("message.new", where=lambda e: "节点提醒" in e["message"]["content"])
    assert target["id"] in note["message"]["content"]

    async def light_is(expected: str) -> None:
        for _ in range(250):
            _, now_seen = await city.api("zhouwen", "GET", f"/api/v1/targets/{target['id']}")
            if now_seen["light"] == expected:
                return
            await asyncio.sleep(0.02)
        raise AssertionError(f"light stayed {now_seen['light']}")

    await light_is("yellow")
    overdue = datetime.combine(due + timedelta(days=1), datetime.min.time(), BEIJING) + timedelta(minutes=2)
    hub.clock.advance(overdue - hub.clock.now())
    await leader.wait_for("message.new", where=lambda e: "目标逾期" in e["message"]["content"])
    await majun.wait_for("message.new", where=lambda e: "目标逾期" in e["message"]["content"])
    await light_is("red")
    _, seen = await city.api("zhouwen", "GET", f"/api/v1/targets/{target['id']}")
    assert [a["act"] for a in seen["trail"] if a["act"] in ("reminded", "overdue")] == ["reminded", "overdue"]
    assert [a["light"] for a in seen["trail"] if a["act"] == "light"] == ["yellow", "red"]
    # Each message once, even though both timers are done and the sweep may look again.
    assert len(majun.of("message.new")) == 2


async def test_board_counts_equal_a_hand_count_and_export(city: City) -> None:
    hub = city.world.hub
    today = beijing_date(hub.clock.now())
    made = [await _create(city, today + timedelta(days=60), today + timedelta(days=90)) for _ in range(3)]
    other = await _create(city, today + timedelta(days=60), today + timedelta(days=90),
                          lead_unit_id=city.uid("fgw"), partner_unit_ids=[])
    # One of 市财政局's targets is done and closed.
    status, rep = await city.api("zhangsan", "POST", f"/api/v1/targets/{made[0]['id']}/reports",
                                 json={"request_id": _rid(), "percent": 100, "text": "完成"})
    assert status == 200, rep
    await city.api("zhouwen", "POST", f"/api/v1/targets/reports/{rep['id']}/review",
                   json={"request_id": _rid(), "decision": "accept"})
    await city.api("zhouwen", "POST", f"/api/v1/targets/{made[0]['id']}/close", json={})
    year = made[0]["year"]
    status, board = await city.api("zhouwen", "GET", "/api/v1/targets/board", params={"year": str(year)})
    assert status == 200, board
    _, listed = await city.api("zhouwen", "GET", "/api/v1/targets", params={"year": str(year)})
    hand: dict[str, dict[str, int]] = {}
    for t in listed["targets"]:
        row = hand.setdefault(t["lead_unit"]["id"], {"green": 0, "yellow": 0, "red": 0, "closed": 0})
        row["closed" if t["status"] == "closed" else t["light"]] += 1
    assert {r["unit"]["id"]: {k: r[k] for k in ("green", "yellow", "red", "closed")} for r in board["rows"]} == hand
    assert board["totals"]["total"] == 4 and board["totals"]["closed"] == 1
    # 市发改委 is a 配合 unit on 市财政局's targets: its member sees those and its own, not more.
    _, theirs = await city.api("tangli", "GET", "/api/v1/targets")
    assert len(theirs["targets"]) == 4
    _, mine = await city.api("majun", "GET", "/api/v1/targets")
    assert {t["id"] for t in mine["targets"]} == {t["id"] for t in made}

    resp = await city.world.client.get("/api/v1/targets/export", params={"year": str(year)},
                                       headers=city.world.auth(await city.token("zhouwen")))
    assert resp.status == 200 and "attachment" in resp.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(await resp.read())).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "编号" and len(rows) == 5
    assert {r[0] for r in rows[1:]} == {t["code"] for t in [*made, other]}


async def test_the_demo_has_targets_in_all_three_lights(world: World) -> None:
    from hub.seed.demo import DEMO_PASSWORD, load_demo

    await load_demo(world.hub)
    await load_demo(world.hub)  # twice changes nothing
    token = await world.login("zhouwen", DEMO_PASSWORD)
    status, listed = await world.api("GET", "/api/v1/targets", token)
    assert status == 200 and listed["can_manage"]
    active = [t for t in listed["targets"] if t["status"] == "active"]
    assert sorted(t["light"] for t in active) == ["green", "red", "yellow"]
    assert [t["status"] for t in listed["targets"]].count("closed") == 1
    assert sum(t["pending_reports"] for t in listed["targets"]) == 1
    # The 财政局 staff member sees his unit's two targets and may report on them, not the others.
    token = await world.login("zhangsan", DEMO_PASSWORD)
    _, mine = await world.api("GET", "/api/v1/targets", token)
    assert len(mine["targets"]) == 2 and not mine["can_manage"]
