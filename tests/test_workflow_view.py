"""What the 工作台 reads from an instance: each run says when 同意/不同意 need an opinion (意见)."""

from __future__ import annotations

import pytest

from tests.conftest import World
from tests.workflow_fixtures import Org, build_org


@pytest.fixture
async def org(world: World) -> Org:
    return await build_org(world)


async def test_each_run_carries_its_opinion_rule(org: Org) -> None:
    form = {"title": "关于购置办公设备的请示", "body": "拟购置打印机两台。", "amount": "12345.60"}
    status, inst = await org.start("zhangsan", "signoff", form)
    assert status == 200, inst
    assert [(r["step_key"], r["opinion"]) for r in inst["runs"]] == [("head", "on_reject")]
    status, out = await org.act("majun", inst["id"], "approve", version=inst["version"])
    assert status == 200, out
    runs = out["instance"]["runs"]
    # The 分管领导 must write an opinion (the definition says so); the client asks for it before sending.
    assert runs[-1]["step_key"] == "supervisor" and runs[-1]["opinion"] == "required"
    status, refused = await org.act("lixiaodong", inst["id"], "approve", version=out["instance"]["version"])
    assert status == 400 and refused["error"]["code"] == "opinion_required"
