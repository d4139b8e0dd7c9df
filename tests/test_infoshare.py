"""政务信息报送 through the API: submit, 采用 with scores or 退回, department statistics, and 《白银信息》 issues."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest

from hub.actions.org import do_create_unit
from tests.conftest import World


def _rid() -> str:
    return f"r-{uuid.uuid4().hex[:12]}"


class Office:
    def __init__(self, world: World) -> None:
        self.world = world
        self.tokens: dict[str, str] = {}

    async def api(self, username: str, method: str, path: str, **kw: Any) -> tuple[int, Any]:
        if username not in self.tokens:
            self.tokens[username] = await self.world.login(username)
        return await self.world.api(method, path, self.tokens[username], **kw)

    async def submit(self, username: str, title: str) -> dict[str, Any]:
        status, item = await self.api(username, "POST", "/api/v1/info/items", json={
            "request_id": _rid(), "title": title, "body": f"{title}。具体情况如下：工作进展顺利，成效明显。"})
        assert status == 200, item
        return dict(item)

    async def decide(self, item_id: str, **body: Any) -> tuple[int, Any]:
        return await self.api("zhouwen", "POST", f"/api/v1/info/items/{item_id}/decision",
                              json={"request_id": _rid(), **body})


@pytest.fixture
async def office(world: World) -> Office:
    hub = world.hub
    zf = await do_create_unit(hub, "zf", "白银市人民政府", "市政府", "leadership", None)
    bgs = await do_create_unit(hub, "zf-bgs", "市政府办公室", "市政府办", "office", zf)
    czj = await do_create_unit(hub, "czj", "市财政局", "市财政局", "department", zf)
    fgw = await do_create_unit(hub, "fgw", "市发展和改革委员会", "市发改委", "department", zf)
    await world.user("zhouwen", "周文", units=[bgs], roles=["office_director"])
    await world.user("zhangsan", "张三", units=[czj])
    await world.user("tangli", "唐莉", units=[fgw])
    await world.user("chenzhiyuan", "陈志远", roles=["leader"])
    await world.user("nobody", "王五")
    return Office(world)


async def test_submit_adopt_return_and_the_scores(office: Office) -> None:
    a = await office.submit("zhangsan", "市财政局多措并举盘活存量资金")
    b = await office.submit("zhangsan", "市财政局推进预算绩效管理全覆盖")
    c = await office.submit("tangli", "市发改委重点项目建设进展")
    status, body = await office.api("nobody", "POST", "/api/v1/info/items", json={
        "request_id": _rid(), "title": "无单位的信息", "body": "没有单位的人不能报送信息。"})
    assert status == 403, body
    status, body = await office.api("tangli", "GET", f"/api/v1/info/items/{a['id']}")
    assert status == 404  # another department's item, not yet published

    status, body = await office.api("zhangsan", "POST", f"/api/v1/info/items/{a['id']}/decision",
                                    json={"request_id": _rid(), "decision": "adopt", "level": "city"})
    assert status == 403
    status, body = await office.decide(a["id"], decision="adopt")
    assert status == 400  # no level
    author = await office.world.socket(await office.world.login("zhangsan"))
    status, adopted = await office.decide(a["id"], decision="adopt", level="province")
    assert status == 200 and adopted["status"] == "adopted" and adopted["score"] == 3
    status, city = await office.decide(c["id"], decision="adopt", level="city")
    assert status == 200 and city["score"] == 1
    status, returned = await office.decide(b["id"], decision="return", reason="数据需核实")
    assert status == 200 and returned["status"] == "returned" and returned["score"] == 0
    await author.wait_for("message.new", where=lambda e: "数据需核实" in e["message"]["content"])
    await author.wait_for("message.new", where=lambda e: "报省采用" in e["message"]["content"])
    status, body = await office.decide(b["id"], decision="adopt", level="city")
    assert status == 409  # decided once

    year = adopted["year"]
    status, stats = await office.api("chenzhiyuan", "GET", "/api/v1/info/stats", params={"year": str(year)})
    assert status == 200
    got = {u["unit_name"]: (u["submitted"], u["adopted"], u["province"], u["returned"], u["score"])
           for u in stats["units"]}
    assert got == {"市财政局": (2, 1, 1, 1, 3), "市发展和改革委员会": (1, 1, 0, 0, 1)}
    assert stats["units"][0]["unit_name"] == "市财政局"  # ranked by score

    status, mine = await office.api("zhangsan", "GET", "/api/v1/info/items")
    assert {i["id"] for i in mine["items"]} == {a["id"], b["id"]} and not mine["is_office"]
    status, body = await office.api("zhangsan", "GET", "/api/v1/info/items", params={"box": "review"})
    assert status == 403, body
    status, waiting = await office.api("zhouwen", "GET", "/api/v1/info/items", params={"box": "adopted"})
    assert {i["id"] for i in waiting["items"]} == {a["id"], c["id"]}


async def test_issues_are_numbered_once_each_and_reach_subscribers(office: Office) -> None:
    items = [await office.submit("zhangsan", f"市财政局工作动态第{n}条") for n in range(4)]
    for item in items[:3]:
        status, _ = await office.decide(item["id"], decision="adopt", level="city")
        assert status == 200
    status, body = await office.api("chenzhiyuan", "PUT", "/api/v1/info/subscription", json={"subscribed": True})
    assert status == 200 and body["subscribed"]
    reader = await office.world.socket(await office.world.login("chenzhiyuan"))
    # Not adopted: refused, nothing compiled.
    status, body = await office.api("zhouwen", "POST", "/api/v1/info/issues",
                                    json={"request_id": _rid(), "item_ids": [items[0]["id"], items[3]["id"]]})
    assert status == 400
    status, body = await office.api("zhangsan", "POST", "/api/v1/info/issues",
                                    json={"request_id": _rid(), "item_ids": [items[0]["id"]]})
    assert status == 403
    answers = await asyncio.gather(
        office.api("zhouwen", "POST", "/api/v1/info/issues", json={"request_id": _rid(), "item_ids": [items[0]["id"]]}),
        office.api("zhouwen", "POST", "/api/v1/info/issues",
                   json={"request_id": _rid(), "item_ids": [items[1]["id"], items[2]["id"]]}))
    assert [s for s, _ in answers] == [200, 200]
    numbers = sorted(b["number"] for _, b in answers)
    assert numbers == [1, 2]
    assert all(b["title"] == f"《白银信息》{b['year']}年第{b['number']}期" for _, b in answers)
    await reader.wait_for("message.new", count=2, where=lambda e: "已刊发" in e["message"]["content"])
    # An item goes into one issue only.
    status, body = await office.api("zhouwen", "POST", "/api/v1/info/issues",
                                    json={"request_id": _rid(), "item_ids": [items[0]["id"]]})
    assert status == 400
    status, listed = await office.api("tangli", "GET", "/api/v1/info/issues")
    assert status == 200 and [i["number"] for i in listed["issues"]] == [2, 1]
    # Published, the item is readable beyond its department.
    status, seen = await office.api("tangli", "GET", f"/api/v1/info/items/{items[0]['id']}")
    assert status == 200 and seen["issue_id"]


async def test_the_demo_has_an_issue_and_an_item_waiting(world: World) -> None:
    from hub.seed.demo import DEMO_PASSWORD, load_demo

    await load_demo(world.hub)
    await load_demo(world.hub)
    token = await world.login("zhouwen", DEMO_PASSWORD)
    _, issues = await world.api("GET", "/api/v1/info/issues", token)
    assert [(i["number"], len(i["items"])) for i in issues["issues"]] == [(1, 2)]
    _, waiting = await world.api("GET", "/api/v1/info/items", token, params={"box": "review"})
    assert len(waiting["items"]) == 1
    year = issues["issues"][0]["year"]
    _, stats = await world.api("GET", "/api/v1/info/stats", token, params={"year": str(year)})
    assert sum(u["score"] for u in stats["units"]) == 4 and sum(u["returned"] for u in stats["units"]) == 1
