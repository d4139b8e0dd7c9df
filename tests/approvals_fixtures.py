"""The process-test org plus what the office approvals need: 市政府办公室 with its seal keeper and vehicle pool
manager (岗位), and the 市长 as head of 市政府."""

from __future__ import annotations

from hub.actions.org import do_add_membership
from hub.models import Unit
from tests.conftest import World
from tests.workflow_fixtures import Org, build_org


async def build_office_org(world: World) -> Org:
    org = await build_org(world)
    hub = world.hub
    zf = await Unit.find_one(Unit.code == "zf")
    assert zf is not None
    bgs = await world.unit("zf-bgs", "市政府办公室", kind="office")
    org.users["chenzhiyuan"] = await world.user("chenzhiyuan", "陈志远", roles=["leader"])
    await do_add_membership(hub, org.users["chenzhiyuan"], zf, "市政府主要负责人岗", "市长", is_head=True, order=0)
    org.users["sealkeeper"] = await world.user("sealkeeper", "王琳")
    await do_add_membership(hub, org.users["sealkeeper"], bgs, "印章管理岗", "印章管理员")
    org.users["driverdesk"] = await world.user("driverdesk", "赵刚")
    await do_add_membership(hub, org.users["driverdesk"], bgs, "车辆管理岗", "车辆调度员")
    return org
