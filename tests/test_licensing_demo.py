"""The demo loads the five matters, the hall's integration and a few cases, and loading twice changes nothing."""

from __future__ import annotations

from hub.models import Integration
from hub.models.licensing import LicensingCase, Matter
from hub.seed.demo import DEMO_PASSWORD, load_demo
from tests.conftest import World


async def test_demo_catalogue_and_cases(world: World) -> None:
    await load_demo(world.hub)
    await load_demo(world.hub)
    names = sorted(m.name for m in await Matter.find_all().to_list())
    assert names == sorted(["食品经营许可", "建设工程规划许可证核发", "个体工商户设立登记", "公共场所卫生许可",
                            "户外广告设置审批"])
    food = await Matter.find_one(Matter.key == "food-business")
    assert food is not None and food.code.full == "XK00117001620400" + "11620400MB1962045K" + "01"
    assert await Integration.find_one(Integration.key == "zwdt") is not None
    statuses = sorted(c.status for c in await LicensingCase.find_all().to_list())
    assert statuses == ["correction", "delivered", "refused", "review", "review", "review"]
    token = await world.login("sunli", DEMO_PASSWORD)
    status, board = await world.api("GET", "/api/v1/licensing/dashboard", token)
    assert status == 200 and sum(r["total"] for r in board["by_unit"]) == 6
