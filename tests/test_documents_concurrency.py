"""Races on 收文: two clerks 签收 one document (one wins, one receipt); 登记 numbers unique and gap-free."""

from __future__ import annotations

import asyncio

import pytest
from beanie import PydanticObjectId

from hub.lib.workdays import beijing_date
from hub.models.documents import DocumentReceipt
from tests.conftest import World
from tests.documents_fixtures import DocOrg, build_doc_org


@pytest.fixture
async def org(world: World) -> DocOrg:
    return await build_doc_org(world)


async def _to_city(org: DocOrg, n: int) -> list[str]:
    ids = []
    for i in range(n):
        status, doc = await org.send("zhongmin", ["zf"], doc_number=f"会政发〔2026〕{i + 1}号",
                                     title=f"会宁县报告第{i + 1}件", doc_type="报告", direction="up", signer="魏东",
                                     issuer="会宁县人民政府")
        assert status == 200, doc
        ids.append(doc["records"][0]["id"])
    return ids


async def test_two_clerks_sign_at_once_and_one_wins(org: DocOrg) -> None:
    (rid,) = await _to_city(org, 1)
    await org.token("wufang"), await org.token("zhengkai")
    results = await asyncio.gather(org.step("wufang", rid, "sign"), org.step("zhengkai", rid, "sign"))
    statuses = sorted(s for s, _ in results)
    assert statuses[0] == 200 and statuses[1] in (403, 409), results
    loser = next(body for s, body in results if s != 200)
    assert loser["error"]["code"] in ("action_not_allowed", "stale_instance")
    assert await DocumentReceipt.find(DocumentReceipt.record_id == PydanticObjectId(rid)).count() == 1
    winner = next(body for s, body in results if s == 200)
    rec = winner["records"][0]
    assert rec["signed_by_name"] in ("吴芳", "郑凯") and rec["current_step"] == "登记"


async def test_concurrent_registration_numbers_are_unique_and_gap_free(org: DocOrg) -> None:
    ids = await _to_city(org, 8)
    for rid in ids:
        status, _ = await org.step("wufang", rid, "sign")
        assert status == 200
    await org.token("zhengkai")
    # Both clerks press 登记 on every record at once: each record gets one number, the numbers are 1..8.
    calls = [org.step(who, rid, "register") for rid in ids for who in ("wufang", "zhengkai")]
    results = await asyncio.gather(*calls)
    assert sum(s == 200 for s, _ in results) == len(ids), [b for s, b in results if s not in (200, 403, 409)]
    year = beijing_date(org.world.hub.clock.now()).year
    status, reg = await org.api("wufang", "GET", "/api/v1/incoming-register", params={"year": year})
    assert status == 200
    numbers = [r["reg_no"] for r in reg["rows"]]
    assert numbers == [f"收〔{year}〕{i}号" for i in range(1, 9)]
    assert len({r["record_id"] for r in reg["rows"]}) == 8
