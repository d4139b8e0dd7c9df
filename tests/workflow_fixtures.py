"""A small org for process tests: 市财政局 with its head, staff, a 分管 leader, and an administrator."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from hub.actions.org import do_add_membership
from hub.actions.workflow_admin import do_set_supervision, load_shipped_definitions
from hub.models import Unit, User
from tests.conftest import World


@dataclass
class Org:
    world: World
    czj: Unit
    users: dict[str, User]
    tokens: dict[str, str] = field(default_factory=dict)

    def id(self, username: str) -> str:
        return str(self.users[username].id)

    async def token(self, username: str) -> str:
        if username not in self.tokens:
            self.tokens[username] = await self.world.login(username)
        return self.tokens[username]

    def advance(self, delta: timedelta) -> None:
        """Move the hub clock; sessions follow it, so everyone logs in again."""
        self.world.hub.clock.advance(delta)
        self.tokens.clear()

    async def start(self, username: str, key: str, form: dict[str, Any], **extra: Any) -> tuple[int, Any]:
        body = {"definition_key": key, "form": form, "request_id": f"start-{uuid.uuid4().hex[:12]}", **extra}
        return await self.world.api("POST", "/api/v1/instances", await self.token(username), json=body)

    async def act(self, username: str, instance_id: str, op: str, **extra: Any) -> tuple[int, Any]:
        body = {"op": op, "request_id": extra.pop("request_id", f"act-{uuid.uuid4().hex[:12]}"), **extra}
        return await self.world.api("POST", f"/api/v1/instances/{instance_id}/actions", await self.token(username),
                                    json=body)

    async def get(self, username: str, instance_id: str) -> tuple[int, Any]:
        return await self.world.api("GET", f"/api/v1/instances/{instance_id}", await self.token(username))

    async def tasks(self, username: str, box: str = "pending", **params: str) -> Any:
        status, body = await self.world.api("GET", "/api/v1/tasks", await self.token(username),
                                            params={"box": box, **params})
        assert status == 200, body
        return body


LEAVE = {"kind": "事假", "period": ["2026-12-07", "2026-12-08"], "days": 2, "reason": "家中有事"}
# Monday to Friday: 5 working days, past the 3 that the head decides alone.
LONG_LEAVE = {**LEAVE, "period": ["2026-12-07", "2026-12-11"], "days": 5}


async def build_org(world: World, extra_staff: int = 0) -> Org:
    hub = world.hub
    czj = await world.unit("czj", "市财政局")
    zf = await world.unit("zf", "市政府", kind="leadership")
    users: dict[str, User] = {}
    users["majun"] = await world.user("majun", "马军")
    await do_add_membership(hub, users["majun"], czj, "部门负责人岗", "局长", is_head=True, order=0)
    users["zhangsan"] = await world.user("zhangsan", "张三", units=[czj])
    users["lisi"] = await world.user("lisi", "李四", units=[czj])
    users["lixiaodong"] = await world.user("lixiaodong", "李晓东", units=[zf], roles=["leader"])
    users["sysadmin"] = await world.user("sysadmin", "田磊", roles=["sys_admin"])
    users["outsider"] = await world.user("outsider", "王五")
    for i in range(extra_staff):
        users[f"staff{i}"] = await world.user(f"staff{i}", f"科员{i}", units=[czj])
    await do_set_supervision(hub, users["lixiaodong"], [czj])
    await load_shipped_definitions(hub)
    return Org(world, czj, users)


def leave_of(days: int) -> dict[str, object]:
    """A 请假 of 1 to 10 working days from Monday 7 December 2026 (the hub counts the days from the period)."""
    ends = ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11",
            "2026-12-14", "2026-12-15", "2026-12-16", "2026-12-17", "2026-12-18"]
    return {**LEAVE, "period": ["2026-12-07", ends[days - 1]], "days": days}
