"""The 政务大厅 pushes applications through a signed integration and gets the same 受理回执 as a window clerk."""

from __future__ import annotations

import time
from typing import Any

import orjson

from hub.actions.integrations import do_create_integration, integration_secret, sign
from hub.actions.licensing_monitor import BOT_KEY, licensing_bot
from hub.models import Integration
from hub.models.licensing import LicensingCase
from tests.conftest import World
from tests.licensing_fixtures import APPLICANT, FOOD_ALL, build_licensing


async def push(world: World, key: str, secret: str, payload: Any, ts: int | None = None) -> tuple[int, Any]:
    body = orjson.dumps(payload)
    stamp = str(ts if ts is not None else int(time.time()))
    resp = await world.client.post(f"/api/v1/integrations/{key}/licensing", data=body, headers={
        "Content-Type": "application/json", "X-Xietong-Timestamp": stamp,
        "X-Xietong-Signature": sign(secret, stamp, body)})
    return resp.status, await resp.json()


async def test_hall_push_gives_a_receipt_and_bad_pushes_change_nothing(world: World) -> None:
    org = await build_licensing(world, calendar=False)
    await licensing_bot()
    hall, secret = await do_create_integration(world.hub, None, "zwdt", "政务大厅窗口系统", BOT_KEY)
    app = {"matter_key": "food-business", "applicant": APPLICANT, "materials": FOOD_ALL}
    status, receipt = await push(world, "zwdt", secret, app)
    assert status == 201, receipt
    assert receipt["number"].endswith("000001") and len(receipt["query_code"]) == 8
    case = await LicensingCase.find_one(LicensingCase.number == receipt["number"])
    assert case is not None and case.source == "hall"
    ts = int(time.time()) - 1
    assert (await push(world, "zwdt", secret, {**app, "materials": ["application"]}, ts))[0] == 201
    status, body = await push(world, "zwdt", secret, {**app, "materials": ["application"]}, ts)
    assert status == 409 and body["error"]["code"] == "replayed_request"
    status, body = await push(world, "zwdt", "wrong", app)
    assert status == 401 and body["error"]["code"] == "bad_signature"
    status, body = await push(world, "zwdt", secret, {**app, "matter_key": "no-such-matter"})
    assert status == 404
    status, body = await push(world, "zwdt", secret, {"matter_key": "food-business"})
    assert status == 400
    # An integration bound to another bot cannot create cases.
    other, other_secret = await do_create_integration(world.hub, None, "other", "别的系统", BOT_KEY)
    await Integration.get_pymongo_collection().update_one({"_id": other.id}, {"$set": {"bot_key": "webhook"}})
    status, body = await push(world, "other", integration_secret(world.hub, other.model_copy(
        update={"bot_key": "webhook"})), app)
    assert status == 403
    assert await LicensingCase.find_all().count() == 2
    assert hall.key == "zwdt" and other_secret
    # The receipt's query code opens the case on the public page.
    resp = await world.client.post("/api/v1/public/licensing/query",
                                   json={"number": receipt["number"], "code": receipt["query_code"]})
    assert resp.status == 200
    assert org.units["zwfw"].name == (await resp.json())["department"]
