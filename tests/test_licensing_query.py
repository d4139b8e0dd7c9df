"""The public /query API: the right answer, identical refusals, rate limits, lockout, nothing internal; 好差评."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from hub.app import create_app
from hub.context import Hub
from hub.lib.timeutil import as_utc
from hub.models.licensing import FollowUp
from hub.views.base import HUB_KEY
from tests.conftest import World, make_settings
from tests.licensing_fixtures import LicOrg, build_licensing, end_of, wire_time

PUBLIC_KEYS = {"number", "matter_name", "department", "status", "status_label", "stages", "deadline", "paused",
               "correction", "refusal", "extension_reason", "result", "can_rate", "rated"}
QUERY = "/api/v1/public/licensing/query"
RATE = "/api/v1/public/licensing/rate"


@pytest.fixture
async def qworld(aiohttp_client: Any, store_kwargs: dict[str, Any]) -> Any:
    settings = make_settings(**store_kwargs, query_per_ip_per_minute=12, query_per_case_per_minute=8)
    client: TestClient[Any, Any] = await aiohttp_client(create_app(settings, banner=False))
    hub: Hub = client.app[HUB_KEY]
    w = World(client, hub)
    yield w
    await w.close()


async def query(org: LicOrg, number: str, code: str, ip: str = "198.51.100.7") -> tuple[int, Any]:
    resp = await org.world.client.post(QUERY, json={"number": number, "code": code},
                                       headers={"X-Forwarded-For": ip})
    return resp.status, await resp.json()


async def test_right_code_shows_the_public_view_and_nothing_internal(qworld: World) -> None:
    org = await build_licensing(qworld)
    receipt = await org.submit(materials=["application", "license", "legal_id"])
    cid = receipt["case_id"]
    await org.act(cid, "correction", missing=["layout", "safety_rules"])
    await org.act(cid, "complete")
    await org.act(cid, "opinion", text="内部意见：申请人曾有违规记录，需重点核查")
    await org.act(cid, "extend", reason="需现场核查")
    await org.act(cid, "approve_extension", username="panxin")
    status, body = await query(org, receipt["number"], receipt["query_code"].lower())
    assert status == 200, body
    assert set(body) == PUBLIC_KEYS
    assert set(body["stages"][0]) == {"name", "at", "note"}
    assert body["department"] == "市政务服务中心" and body["status"] == "review"
    assert body["correction"] == ["经营设施设备布局和操作流程图",
                                  "食品安全自查、从业人员健康管理等保证食品安全的规章制度"]
    assert body["extension_reason"] == "需现场核查"
    assert wire_time(body["deadline"]) == end_of(org.day(43))
    text = str(body)
    for internal in ("内部意见", "蔡燕", "潘鑫", "孙丽", "13800", "0943-8212345", "query_code", "opinions", "version"):
        assert internal not in text
    assert body["can_rate"] is False


async def test_unknown_case_and_wrong_code_answer_alike(qworld: World) -> None:
    org = await build_licensing(qworld, calendar=False)
    receipt = await org.submit()
    wrong = await query(org, receipt["number"], "ABCDEFGH", ip="198.51.100.1")
    unknown = await query(org, receipt["number"][:-1] + "9", "ABCDEFGH", ip="198.51.100.2")
    assert wrong == unknown
    assert wrong[0] == 404 and wrong[1]["error"]["code"] == "query_failed"
    status, _ = await query(org, "short", "ABCDEFGH")
    assert status == 400


async def test_five_wrong_codes_lock_the_number_for_everyone(qworld: World) -> None:
    org = await build_licensing(qworld, calendar=False)
    receipt = await org.submit()
    number, code = receipt["number"], receipt["query_code"]
    for i in range(5):
        status, _ = await query(org, number, "WRONGCOD", ip=f"203.0.113.{i}")
        assert status == 404
    status, body = await query(org, number, code, ip="203.0.113.99")
    assert status == 423 and body["error"]["code"] == "query_locked"
    # An unknown number locks exactly the same way: a lock tells nothing about existence.
    ghost = number[:-1] + "9"
    for i in range(5):
        assert (await query(org, ghost, "WRONGCOD", ip=f"203.0.113.{i}"))[0] == 404
    assert (await query(org, ghost, "WRONGCOD", ip="203.0.113.99"))[0] == 423
    qworld.hub.clock.advance(timedelta(minutes=31))
    status, body = await query(org, number, code, ip="203.0.113.100")
    assert status == 200, body


async def test_rate_limits_per_address_and_per_number(qworld: World) -> None:
    org = await build_licensing(qworld, calendar=False)
    receipt = await org.submit()
    number, code = receipt["number"], receipt["query_code"]
    org.move_to(qworld.hub.clock.now().replace(second=0) + timedelta(minutes=1))  # a fresh minute
    for _ in range(8):
        assert (await query(org, number, code, ip="192.0.2.1"))[0] == 200
    status, body = await query(org, number, code, ip="192.0.2.2")  # the number's budget: 8 a minute
    assert status == 429 and body["error"]["code"] == "rate_limited"
    for i in range(4):
        await query(org, f"620400{i}XK00117001999999", "ABCDEFGH", ip="192.0.2.1")
    status, body = await query(org, "620400XK00117001999999", "ABCDEFGH", ip="192.0.2.1")  # 13th from this IP
    assert status == 429
    qworld.hub.clock.advance(timedelta(minutes=1))
    assert (await query(org, number, code, ip="192.0.2.1"))[0] == 200


async def test_rating_once_after_completion_and_a_bad_one_opens_a_follow_up(qworld: World) -> None:
    org = await build_licensing(qworld)
    receipt = await org.submit()
    cid, number, code = receipt["case_id"], receipt["number"], receipt["query_code"]
    rate = {"number": number, "code": code, "score": 2, "comment": "等待时间太长"}
    resp = await qworld.client.post(RATE, json=rate)
    assert resp.status == 409  # not finished yet
    await org.act(cid, "accept")
    await org.act(cid, "decide", granted=True, reason="符合条件")
    await org.act(cid, "deliver")
    status, body = await query(org, number, code)
    assert status == 200 and body["can_rate"] is True
    resp = await qworld.client.post(RATE, json={**rate, "score": 9})
    assert resp.status == 400
    resp = await qworld.client.post(RATE, json=rate)
    body = await resp.json()
    assert resp.status == 200, body
    assert body["rated"] == "不满意" and body["can_rate"] is False
    resp = await qworld.client.post(RATE, json={**rate, "score": 5})
    assert resp.status == 409
    follow = await FollowUp.find_one(FollowUp.number == number)
    assert follow is not None and follow.score == 2
    # 15 working days from Monday (day 0): 1-5, 9-11, 14-18, 21-22.
    assert as_utc(follow.due_at) == end_of(org.day(22))
    status, listed = await org.api("panxin", "GET", "/api/v1/licensing/followups")
    assert [f["number"] for f in listed["follow_ups"]] == [number]
    status, theirs = await org.api("guoying", "GET", "/api/v1/licensing/followups")
    assert theirs["follow_ups"] == []
    url = f"/api/v1/licensing/followups/{follow.id}/close"
    assert (await org.api("guoying", "POST", url, json={"note": "x"}))[0] == 404
    status, closed = await org.api("caiyan", "POST", url, json={"note": "已电话回访并致歉，优化预约流程"})
    assert status == 200 and closed["status"] == "done"
    assert (await org.api("caiyan", "POST", url, json={"note": "again"}))[0] == 409
    assert (await org.api("panxin", "GET", "/api/v1/licensing/followups"))[1]["follow_ups"] == []
    wrong = await qworld.client.post(RATE, json={**rate, "code": "ABCDEFGH"})
    assert wrong.status == 404
