"""A small 行政审批 org (政务大厅, 自然资源局, 卫健委, their leaders), the demo catalogue and a fixed calendar."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from hub.actions.calendar import do_set_workday_override
from hub.actions.licensing_catalogue import load_catalogue
from hub.actions.org import do_add_membership
from hub.lib.timeutil import BEIJING
from hub.models import Unit, User
from tests.conftest import World

CALENDAR_DAYS = 50
APPLICANT = {"kind": "enterprise", "name": "白银市鑫源餐饮管理有限公司", "phone": "0943-8212345"}
FOOD_ALL = ["application", "license", "legal_id", "layout", "safety_rules"]


def first_monday() -> date:
    """A Monday at least 8 days ahead: the tests' calendar starts there, so time only moves forward."""
    today = datetime.now(BEIJING).date() + timedelta(days=8)
    return today + timedelta(days=(7 - today.weekday()) % 7)


def at(day: date, hh: int = 9, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), BEIJING)


@dataclass
class LicOrg:
    world: World
    monday: date
    units: dict[str, Unit]
    users: dict[str, User]
    tokens: dict[str, str] = field(default_factory=dict)

    def day(self, n: int) -> date:
        return self.monday + timedelta(days=n)

    def move_to(self, moment: datetime) -> None:
        """Advance the hub clock to this moment (sessions follow the clock, so everyone logs in again)."""
        delta = moment - self.world.hub.clock.now()
        assert delta >= timedelta(0), f"cannot go back to {moment}"
        self.world.hub.clock.advance(delta)
        self.tokens.clear()

    async def token(self, username: str) -> str:
        if username not in self.tokens:
            self.tokens[username] = await self.world.login(username)
        return self.tokens[username]

    async def api(self, username: str, method: str, path: str, **kw: Any) -> tuple[int, Any]:
        return await self.world.api(method, path, await self.token(username), **kw)

    async def submit(self, matter: str = "food-business", materials: list[str] | None = None,
                     username: str = "caiyan") -> dict[str, Any]:
        body = {"matter_key": matter, "applicant": APPLICANT,
                "materials": FOOD_ALL if materials is None else materials}
        status, receipt = await self.api(username, "POST", "/api/v1/licensing/cases", json=body)
        assert status == 201, receipt
        return dict(receipt)

    async def case(self, case_id: str, username: str = "caiyan") -> dict[str, Any]:
        status, body = await self.api(username, "GET", f"/api/v1/licensing/cases/{case_id}")
        assert status == 200, body
        return dict(body)

    async def act(self, case_id: str, act: str, username: str = "caiyan", expect: int = 200, **extra: Any
                  ) -> dict[str, Any]:
        version = (await self.case(case_id, username))["version"]
        status, body = await self.api(username, "POST", f"/api/v1/licensing/cases/{case_id}/act",
                                      json={"act": act, "version": version, **extra})
        assert status == expect, body
        return dict(body)


async def build_licensing(world: World, calendar: bool = True) -> LicOrg:
    """Units and people the catalogue names; with calendar, every day from the Monday on is fixed by an override:
    weekdays work, weekends rest, except a 调休 Saturday (day 5) and two holidays (days 7 and 8)."""
    hub = world.hub
    units = {code: await world.unit(code, name) for code, name in (
        ("zwfw", "市政务服务中心"), ("zrzyj", "市自然资源局"), ("wjw", "市卫生健康委员会"), ("zf", "市政府"))}
    users: dict[str, User] = {}
    users["caiyan"] = await world.user("caiyan", "蔡燕", units=[units["zwfw"]])
    users["liming"] = await world.user("liming", "李明", units=[units["zwfw"]])
    users["panxin"] = await world.user("panxin", "潘鑫")
    await do_add_membership(hub, users["panxin"], units["zwfw"], "部门负责人岗", "主任", is_head=True)
    users["guoying"] = await world.user("guoying", "郭莹", units=[units["zrzyj"]])
    users["sunli"] = await world.user("sunli", "孙丽", units=[units["zf"]], roles=["leader"])
    users["chenzhiyuan"] = await world.user("chenzhiyuan", "陈志远", units=[units["zf"]], roles=["leader"])
    users["outsider"] = await world.user("outsider", "王五")
    await load_catalogue(hub)
    monday = first_monday()
    if calendar:
        for n in range(CALENDAR_DAYS):
            d = monday + timedelta(days=n)
            work = d.weekday() < 5
            if n == 5:
                work = True  # 调休: a working Saturday before the holidays
            if n in (7, 8):
                work = False
            await do_set_workday_override(hub, None, d, "workday" if work else "holiday", "test")
        await hub.workdays.refresh()
    org = LicOrg(world, monday, units, users)
    org.move_to(at(monday, 9, 0))
    return org


def end_of(day: date) -> datetime:
    """An end-of-working-day deadline."""
    return datetime.combine(day, time(23, 59, 59, 999000), BEIJING)


def wire_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
