"""审批动态: every figure of the aggregation checked against a hand count over a seeded set; drill-down; Excel."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from hub.models.licensing import LicensingCase, iso_week
from tests.conftest import World
from tests.licensing_fixtures import at, build_licensing
from tests.time_fixtures import wait_until


async def _light(number: str) -> str:
    case = await LicensingCase.find_one(LicensingCase.number == number)
    return case.light if case else ""


async def test_dashboard_figures_match_a_hand_count(world: World) -> None:
    org = await build_licensing(world)
    await world.user("zhaoyi", "赵一", units=[org.units["wjw"]])
    # Day 0 (Monday): seven applications.
    a1 = await org.submit()
    a2 = await org.submit()
    await org.act(a2["case_id"], "accept")
    await org.act(a2["case_id"], "extend", reason="需现场核查")
    await org.act(a2["case_id"], "approve_extension", username="panxin")
    a3 = await org.submit(materials=["application", "license", "legal_id"])
    await org.act(a3["case_id"], "correction", missing=["layout", "safety_rules"])
    await org.act(a3["case_id"], "complete")
    a4 = await org.submit("outdoor-ads", materials=["application"])
    await org.act(a4["case_id"], "refuse", reason="设置地点位于禁止设置户外广告的区域")
    hygiene = ["application", "license", "layout", "testing", "health_certs"]
    b1 = await org.submit("public-hygiene", materials=hygiene)
    b2 = await org.submit("public-hygiene", materials=hygiene)
    await org.act(b1["case_id"], "accept", username="zhaoyi")
    await org.act(b2["case_id"], "accept", username="zhaoyi")
    org.move_to(at(org.day(2), 10))
    await org.act(b1["case_id"], "decide", username="zhaoyi", granted=True, reason="符合卫生要求")
    await org.act(b1["case_id"], "deliver", username="zhaoyi")
    org.move_to(at(org.day(4), 9))
    s1 = await org.submit("sole-proprietor", materials=["application", "operator_id", "premises"])
    await org.act(s1["case_id"], "accept")  # 3 working days: due at the end of day 10
    org.move_to(at(org.day(9), 10))
    await org.act(a3["case_id"], "decide", granted=True, reason="符合条件")
    await org.act(a3["case_id"], "deliver")
    resp = await world.client.post("/api/v1/public/licensing/rate", json={
        "number": a3["number"], "code": a3["query_code"], "score": 1, "comment": "多次往返"})
    assert resp.status == 200
    org.move_to(at(org.day(9), 14, 30))
    await wait_until(lambda: _is(a1["number"], "red"), what="a1 red")
    await wait_until(lambda: _is(s1["number"], "yellow"), what="s1 yellow")

    status, board = await org.api("sunli", "GET", "/api/v1/licensing/dashboard")
    assert status == 200, board
    units = {r["label"]: r for r in board["by_unit"]}
    same_month = org.day(0).month == org.day(9).month
    assert _figures(units["市政务服务中心"]) == {
        "total": 5, "pending": 3, "due_soon": 1, "yellow": 1, "red": 1, "done_week": 1,
        "done_month": 2 if same_month else 1, "decided": 1, "avg_days": 6.0, "p90_days": 6.0,
        "extension_rate": 0.3333, "correction_rate": 0.2, "bad_ratings": 1}
    assert _figures(units["市卫生健康委员会"]) == {
        "total": 2, "pending": 1, "due_soon": 0, "yellow": 0, "red": 0, "done_week": 0,
        "done_month": 1 if org.day(2).month == org.day(9).month else 0, "decided": 1, "avg_days": 2.0,
        "p90_days": 2.0, "extension_rate": 0.0, "correction_rate": 0.0, "bad_ratings": 0}
    matters = {r["key"]: r for r in board["by_matter"]}
    assert set(matters) == {"food-business", "outdoor-ads", "public-hygiene", "sole-proprietor"}
    assert (matters["food-business"]["total"], matters["food-business"]["red"]) == (3, 1)
    assert matters["outdoor-ads"]["done_week"] == 0 and matters["outdoor-ads"]["pending"] == 0
    trend = {p["week"]: p for p in board["trend"]}
    w0, w1 = iso_week(at(org.day(0))), iso_week(at(org.day(9)))
    assert (trend[w0]["submitted"], trend[w0]["completed"]) == (7, 2)
    assert (trend[w1]["submitted"], trend[w1]["completed"]) == (0, 1)

    # Drill-down: the red bar of 政务大厅 lists exactly a1, and a1 opens.
    zwfw = str(org.units["zwfw"].id)
    status, listed = await org.api("sunli", "GET", "/api/v1/licensing/cases", params={"unit": zwfw, "filter": "red"})
    assert [c["number"] for c in listed["cases"]] == [a1["number"]]
    status, listed = await org.api("sunli", "GET", "/api/v1/licensing/cases", params={"filter": "due_soon"})
    assert [c["number"] for c in listed["cases"]] == [s1["number"]]
    status, case = await org.api("sunli", "GET", f"/api/v1/licensing/cases/{listed['cases'][0]['id']}")
    assert status == 200 and case["light"] == "yellow"
    status, _ = await org.api("sunli", "GET", "/api/v1/licensing/cases", params={"filter": "bogus"})
    assert status == 400

    # Another department's staff see none of it.
    status, theirs = await org.api("guoying", "GET", "/api/v1/licensing/dashboard")
    assert theirs["by_unit"] == [] and theirs["by_matter"] == []

    resp = await world.client.get("/api/v1/licensing/dashboard.xlsx",
                                  headers=world.auth(await org.token("sunli")))
    assert resp.status == 200
    wb = load_workbook(io.BytesIO(await resp.read()))
    rows = list(wb["按部门"].iter_rows(values_only=True))
    assert rows[0][:3] == ("名称", "办件总数", "在办")
    assert ("市政务服务中心", 5, 3) in [r[:3] for r in rows[1:]]


def _figures(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in ("key", "label")}


async def _is(number: str, light: str) -> bool:
    return await _light(number) == light
