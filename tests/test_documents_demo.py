"""The demo's 公文: a province 通知 at the 市长's 批示, a 市政府 document with one county unsigned and one returned,
a 传阅 in progress, a 发文 draft at 会签 and a distributed 通知 with its 版式 files; loading twice adds nothing."""

from __future__ import annotations

from hub.models.documents import IncomingRecord, OfficialDocument
from hub.seed.demo import DEMO_PASSWORD, load_demo
from tests.conftest import World


async def test_demo_documents(world: World) -> None:
    await load_demo(world.hub)
    await load_demo(world.hub)
    # Three scenarios, the 2025 函 of the 归档 demo (hub/seed/archive_demo.py) and the distributed 发文 通知.
    assert await OfficialDocument.find_all().count() == 3 + 3 + 1
    mayor = await world.login("chenzhiyuan", DEMO_PASSWORD)
    status, inbox = await world.api("GET", "/api/v1/incoming", mayor, params={"box": "handling"})
    assert status == 200, inbox
    province = next(r for r in inbox["records"] if r["sender_unit_name"] == "甘肃省人民政府")
    assert province["current_step"] == "批示" and province["my_actions"] == ["instruct"]
    assert province["reg_no"] and province["proposal"].startswith("拟请陈市长")
    clerk = await world.login("wufang", DEMO_PASSWORD)
    city = await OfficialDocument.find_one(OfficialDocument.send_request_id == "demo-doc-city-1")
    assert city is not None
    status, track = await world.api("GET", f"/api/v1/documents/{city.id}/tracking", clerk)
    assert status == 200, track
    assert track["counts"] == {"signed": 4, "pending": 1, "returned": 1}
    states = {r["unit_name"]: r["state"] for r in track["rows"]}
    assert states["景泰县"] == "pending" and states["会宁县"] == "returned"
    reader = await world.login("lixiaodong", DEMO_PASSWORD)
    status, circulated = await world.api("GET", "/api/v1/incoming", reader, params={"box": "circulated"})
    (rec,) = circulated["records"]
    assert {r["name"]: r["state"] for r in rec["readers"]} == {"李晓东": "delivered", "孙丽": "read"}
    assert rec["my_actions"] == ["read"]
    # The scenarios' records, the 归档 demo's three, and the 发文 通知's two recipient units.
    assert await IncomingRecord.find_all().count() == 8 + 3 + 2
    status, archive = await world.api("GET", "/api/v1/archive/items", clerk, params={"year": "2025"})
    assert status == 200, archive
    assert [i["archive_no"] for i in archive["items"]] == [
        "J001-WS·2025-D30-BGS-0001", "J001-WS·2025-D30-BGS-0002", "J001-WS·2025-Y-BGS-0001"]
    status, outgoing = await world.api("GET", "/api/v1/outgoing", clerk)
    assert status == 200, outgoing
    by_title = {d["title"][-12:]: d for d in outgoing["drafts"]}
    assert len(outgoing["drafts"]) == 2
    at_countersign = next(d for d in outgoing["drafts"] if d["status"] == "drafting")
    assert at_countersign["current_step"] == "会签" and at_countersign["number_text"] is None
    done = next(d for d in outgoing["drafts"] if d["status"] == "distributed")
    assert done["number_text"].startswith("白政发〔") and len(by_title) == 2
    status, sent = await world.api("GET", f"/api/v1/outgoing/{done['id']}", clerk)
    assert sent["pdf_file_id"] and sent["ofd_file_id"] and sent["document_id"]
