"""审批动态 counters: after a randomized run of acts, lights and ratings they equal a recount from the cases, a
transition counted twice counts once, the recount is the administrator's; and 督办 from a red 电子监察 card."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from hub.actions.licensing_counters import count_transition
from hub.actions.workflow_admin import load_shipped_definitions
from hub.lib.timeutil import BEIJING
from hub.models import Card, Message, Timer
from hub.models.duban import DubanItem
from hub.models.licensing import LicensingCase, LicensingStat
from tests.conftest import World
from tests.licensing_fixtures import FOOD_ALL, LicOrg, at, build_licensing, wire_time
from tests.time_fixtures import wait_until

HYGIENE = ["application", "license", "layout", "testing", "health_certs"]


async def _timers_done(org: LicOrg) -> bool:
    return await Timer.find({"status": "pending", "due_at": {"$lte": org.world.hub.clock.now()}}).count() == 0


async def _counters() -> dict[str, dict[str, int]]:
    """Each counter document's non-zero counts (a count that went up and down again is a zero left behind)."""
    docs = await LicensingStat.find_all().to_list()
    return {d.id: n for d in docs if (n := {k: v for k, v in d.n.items() if v})}


def _next_act(case: dict[str, Any], rng: random.Random) -> tuple[str, str, dict[str, Any]] | None:
    """A valid act for the case's state, with the user who may do it; None once it is finished."""
    s, paused = case["status"], bool(case["paused"])
    ext = case.get("extension")
    options: list[tuple[str, str, dict[str, Any]]] = []
    if s == "submitted":
        options = [("accept", "caiyan", {}), ("refuse", "caiyan", {"reason": "不属于本机关职权范围"})]
        if case.get("correction") is None:
            options.append(("correction", "caiyan", {"missing": ["layout"]}))
    elif s == "correction":
        options = [("complete", "caiyan", {}), ("complete", "caiyan", {}),
                   ("refuse", "caiyan", {"reason": "逾期未补正"})]
    elif s == "review":
        if paused:
            options = [("resume", "caiyan", {})]
        elif ext is not None and not ext["approved"]:
            options = [("approve_extension", "panxin", {})]
        else:
            options = [("opinion", "caiyan", {"text": "材料齐全"}),
                       ("pause", "caiyan", {"pause_kind": "专家评审", "reason": "组织专家评审"}),
                       ("decide", "caiyan", {"granted": rng.random() < 0.8, "reason": "经审查"})]
            if ext is None:
                options.append(("extend", "caiyan", {"reason": "需现场核查"}))
    elif s == "decided":
        options = [("deliver", "caiyan", {})]
    return rng.choice(options) if options else None


async def test_counters_equal_a_recount_after_random_transitions(world: World) -> None:
    org = await build_licensing(world)
    await world.user("sysadmin", "系统管理员", roles=["sys_admin"])
    rng = random.Random(20261203)
    cases = []
    for i in range(6):
        if i % 3 == 2:
            cases.append(await org.submit("public-hygiene", materials=HYGIENE))
        else:
            cases.append(await org.submit(materials=FOOD_ALL if i % 2 else ["application", "license", "legal_id",
                                                                            "safety_rules"]))
    zwfw_cases = [c for c in cases if c["matter_name"] != "公共场所卫生许可"]
    for _ in range(28):
        receipt = rng.choice(zwfw_cases)
        case = await org.case(receipt["case_id"])
        step = _next_act(case, rng)
        if step is not None:
            act, who, extra = step
            if act == "accept" and case["materials"] != sorted(FOOD_ALL):
                act, extra = "correction", {"missing": ["layout"]}
            await org.act(receipt["case_id"], act, username=who, **extra)
        # Time passes: light timers turn cases yellow and red between acts.
        org.move_to(world.hub.clock.now() + timedelta(hours=rng.choice([1, 5, 20, 30])))
        await wait_until(lambda: _timers_done(org), what="due timers fired")
    finished = [c for c in zwfw_cases if (await org.case(c["case_id"]))["status"] in ("delivered", "refused")]
    assert finished, "the run should finish some cases"
    for n, receipt in enumerate(finished[:2]):
        resp = await world.client.post("/api/v1/public/licensing/rate", json={
            "number": receipt["number"], "code": receipt["query_code"], "score": 1 + 3 * n, "comment": ""})
        assert resp.status == 200
    lit = await LicensingCase.find({"light": {"$ne": "green"}}).count()
    assert lit > 0, "the run should have turned some lights"

    kept = await _counters()
    status, board = await org.api("sunli", "GET", "/api/v1/licensing/dashboard")
    assert status == 200
    assert sum(r["total"] for r in board["by_unit"]) == 6

    # A transition counted again (a retried act or a timer run twice) changes nothing.
    rated = await LicensingCase.get(finished[0]["case_id"])
    assert rated is not None and rated.rating is not None
    await count_transition(rated.model_copy(update={"rating": None}), rated, f"{rated.id}:rating")
    assert await _counters() == kept

    # Only the 系统管理员 recounts; the recount from the cases gives the very same counters and figures.
    status, _ = await org.api("sunli", "POST", "/api/v1/licensing/counters/rebuild")
    assert status == 403
    status, done = await org.api("sysadmin", "POST", "/api/v1/licensing/counters/rebuild")
    assert status == 200 and done["documents"] == await LicensingStat.count()
    assert await _counters() == kept
    status, again = await org.api("sunli", "GET", "/api/v1/licensing/dashboard")
    assert {k: v for k, v in again.items() if k != "generated_at"} == \
        {k: v for k, v in board.items() if k != "generated_at"}


async def _light_cards() -> list[Card]:
    msgs = await Message.find({"card_id": {"$ne": None}}).to_list()
    cards = [c for m in msgs if (c := await Card.get(m.card_id)) is not None]
    return [c for c in cards if c.kind == "licensing.light" and c.status.code == "red"]


async def test_a_leader_turns_a_red_card_into_a_duban_item(world: World) -> None:
    org = await build_licensing(world)
    await load_shipped_definitions(world.hub)
    receipt = await org.submit()
    org.move_to(at(org.day(6), 9, 0))  # the 受理 limit has passed: red, up the chain
    await wait_until(lambda: _has_red(org), what="red card")
    red = (await _light_cards())[0]
    path = f"/api/v1/licensing/cards/{red.id}/duban"

    status, _ = await org.api("caiyan", "POST", path)  # staff do not open 督办
    assert status == 403
    status, _ = await org.api("outsider", "POST", path)
    assert status == 403
    status, item = await org.api("chenzhiyuan", "POST", path)
    assert status == 200, item
    assert (item["host_unit_name"], item["source_kind"], item["source_id"]) == ("市政务服务中心", "card", str(red.id))
    assert receipt["number"] in item["title"] and receipt["number"] in item["body"]
    assert item["stage"] == "签收"
    # Red: the case's day has passed (day 6 is a Sunday), so the 督办 is due the next working day: days 7 and 8
    # are holidays.
    assert wire_time(item["deadline"]).astimezone(BEIJING).date() == org.day(9)
    status, same = await org.api("chenzhiyuan", "POST", path)  # a second click opens the same item
    assert status == 200 and same["id"] == item["id"]
    assert await DubanItem.count() == 1

    # Any other card is refused, and bad ids are not found; nothing is opened.
    other = await Card.find_one({"kind": {"$ne": "licensing.light"}})
    if other is not None:
        status, _ = await org.api("chenzhiyuan", "POST", f"/api/v1/licensing/cards/{other.id}/duban")
        assert status in (400, 404)
    status, _ = await org.api("chenzhiyuan", "POST", f"/api/v1/licensing/cards/{'0' * 24}/duban")
    assert status == 404
    assert await DubanItem.count() == 1


async def _has_red(org: LicOrg) -> bool:
    return bool(await _light_cards())
