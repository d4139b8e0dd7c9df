"""收文 end to end through the API: 签收 → 登记 → 初审 → 拟办 → 批示 → 承办 → 传阅 → 办结 → 归档, and the refusals."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from openpyxl import load_workbook

from hub.lib.workdays import beijing_date
from tests.conftest import World
from tests.documents_fixtures import DocOrg, build_doc_org
from tests.time_fixtures import wait_until

UP = {"doc_type": "报告", "direction": "up", "signer": "魏东", "issuer": "会宁县人民政府",
      "doc_number": "会政发〔2026〕41号", "title": "会宁县关于冬季供暖保障情况的报告", "urgency": "加急"}


@pytest.fixture
async def org(world: World) -> DocOrg:
    return await build_doc_org(world)


async def _sent_up(org: DocOrg) -> tuple[str, str]:
    status, doc = await org.send("zhongmin", ["zf"], **UP)
    assert status == 200, doc
    (record,) = doc["records"]
    assert record["unit_name"] == "白银市人民政府" and record["status"] == "pending"
    return doc["id"], record["id"]


async def test_the_whole_flow(org: DocOrg) -> None:
    doc_id, rid = await _sent_up(org)
    record = await org.record("wufang", doc_id, "zf")
    assert record["current_step"] == "签收" and record["my_actions"] == ["sign", "return"]
    assert {h["name"] for h in record["current_holders"]} == {"吴芳", "郑凯"}
    pending = (await org.api("wufang", "GET", "/api/v1/incoming", params={"box": "pending"}))[1]
    assert [r["id"] for r in pending["records"]] == [rid] and pending["counts"]["pending"] == 1

    status, out = await org.step("wufang", rid, "sign")
    assert status == 200, out
    (receipt,) = out["receipts"]
    assert receipt["kind"] == "signed" and receipt["user_name"] == "吴芳" and len(receipt["content_hash"]) == 64
    status, out = await org.step("wufang", rid, "register")
    assert status == 200, out
    year = beijing_date(org.world.hub.clock.now()).year  # the register counts Beijing's year
    assert out["records"][0]["reg_no"] == f"收〔{year}〕1号"
    status, out = await org.step("zhengkai", rid, "review",
                                 checklist={"organ": True, "rules": True, "format": True, "countersigned": True})
    assert status == 200, out
    status, out = await org.step("zhouwen", rid, "propose", opinion="拟请陈市长阅示，市财政局牵头办理。",
                                 leader_ids=[org.id("chenzhiyuan")])
    assert status == 200, out
    rec = out["records"][0]
    assert rec["current_step"] == "批示" and [h["name"] for h in rec["current_holders"]] == ["陈志远"]
    assert rec["my_actions"] == []
    due = beijing_date(org.world.hub.clock.now()) + timedelta(days=7)
    status, out = await org.step("chenzhiyuan", rid, "instruct", opinion="请财政局牵头。", lead_unit_id=org.unit("czj"),
                                 deadline=(due - timedelta(days=30)).isoformat())
    assert status == 400 and out["error"]["code"] == "invalid_request", out  # a deadline already past
    assert (await org.record("chenzhiyuan", doc_id, "zf"))["current_step"] == "批示"
    status, out = await org.step("chenzhiyuan", rid, "instruct", opinion="请财政局牵头，确保供暖资金按时拨付。",
                                 lead_unit_id=org.unit("czj"), co_unit_ids=[org.unit("jyx")], deadline=due.isoformat())
    assert status == 200, out
    # The 协办 unit (靖远县) follows the record in its 收文箱 and may read it; it holds no step.
    status, box = await org.api("xuetao", "GET", "/api/v1/incoming", params={"box": "handling"})
    assert status == 200 and [r["id"] for r in box["records"]] == [rid], box
    assert (await org.record("xuetao", doc_id, "zf"))["my_actions"] == []
    rec = out["records"][0]
    assert rec["instruction"]["lead_unit_name"] == "市财政局" and rec["due_at"] is not None
    # 批示件督办: the 批示 opened a 督办 item the mayor follows, hosted by 市财政局, from this record.
    status, followed = await org.api("chenzhiyuan", "GET", "/api/v1/duban", params={"scope": "following"})
    assert status == 200, followed
    (item,) = [i for i in followed["items"] if i["id"] == rec["instruction"]["duban_id"]]
    assert item["source_kind"] == "instruction" and item["source_id"] == rid
    assert item["host_unit_name"] == "市财政局" and item["title"] == rec["title"]
    assert rec["current_step"] == "承办" and [h["name"] for h in rec["current_holders"]] == ["马军"]
    # 主办 answers the sender; the sender sees it in tracking.
    status, out = await org.step("majun", rid, "reply", opinion="资金已于12月5日拨付到位。")
    assert status == 200, out
    status, out = await org.step("majun", rid, "handle", opinion="已办理", leader_ids=[org.id("lixiaodong"),
                                                                                    org.id("sunli")])
    assert status == 200, out
    rec = out["records"][0]
    assert rec["current_step"] == "传阅" and [r["state"] for r in rec["readers"]] == ["delivered", "delivered"]
    circulated = (await org.api("sunli", "GET", "/api/v1/incoming", params={"box": "circulated"}))[1]
    assert [r["id"] for r in circulated["records"]] == [rid]
    rec = await org.record("sunli", doc_id, "zf")  # opening the page marks it opened
    assert {r["name"]: r["state"] for r in rec["readers"]} == {"李晓东": "delivered", "孙丽": "opened"}
    assert rec["my_actions"] == ["read"]
    status, out = await org.step("sunli", rid, "read", opinion="已阅")
    assert status == 200, out
    assert {r["name"]: (r["state"], r["comment"]) for r in out["records"][0]["readers"]}["孙丽"] == ("read", "已阅")
    status, again = await org.step("sunli", rid, "read")
    assert status == 403 and again["error"]["code"] == "action_not_allowed"
    status, out = await org.step("wufang", rid, "recall")  # 收回 what is unread
    assert status == 200, out
    assert {r["name"]: r["state"] for r in out["records"][0]["readers"]} == {"李晓东": "recalled", "孙丽": "read"}
    for who, op in (("wufang", "finish_circulation"), ("wufang", "close")):
        status, out = await org.step(who, rid, op)
        assert status == 200, (op, out)
    # 归档 is taken by filing the 件 on the 档案 page, not by a bare step that would leave no 件 behind.
    status, out = await org.step("zhengkai", rid, "archive")
    assert status == 403 and out["error"]["code"] == "action_not_allowed"
    status, item = await org.api("zhengkai", "POST", "/api/v1/archive/items", json={
        "kind": "incoming", "source_id": rid, "retention": "D30", "org_code": "BGS", "request_id": "file-flow-0001"})
    assert status == 200, item
    rec = await org.record("zhengkai", doc_id, "zf")
    assert rec["status"] == "archived" and rec["current_step"] is None
    assert [t["step_name"] for t in rec["trail"] if t["kind"] == "approve"] == [
        "签收", "登记", "初审", "拟办", "批示", "承办", "传阅", "办结", "归档"]
    status, track = await org.api("zhongmin", "GET", f"/api/v1/documents/{doc_id}/tracking")
    assert status == 200, track
    (row,) = track["rows"]
    assert row["state"] == "signed" and row["by_name"] == "吴芳" and row["replies"][0]["text"].startswith("资金")
    status, reg = await org.api("wufang", "GET", "/api/v1/incoming-register", params={"year": year})
    assert status == 200 and [r["reg_no"] for r in reg["rows"]] == [f"收〔{year}〕1号"]
    # The same register as Excel: the title row, the headers, then the record as the JSON has it.
    status, raw = await _raw(org, "wufang", f"/api/v1/incoming-register.xlsx?year={year}")
    assert status == 200
    sheet = load_workbook(io.BytesIO(raw)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "收文编号" and len(rows) == 3
    assert rows[2][0] == f"收〔{year}〕1号" and rows[2][3] == reg["rows"][0]["title"] and rows[2][7] == "已归档"
    done = (await org.api("wufang", "GET", "/api/v1/incoming", params={"box": "done"}))[1]
    assert [r["id"] for r in done["records"]] == [rid]


async def test_only_the_holder_presses_and_generic_endpoints_refuse(org: DocOrg) -> None:
    doc_id, rid = await _sent_up(org)
    status, body = await org.step("zhouwen", rid, "register")
    assert status == 403 and body["error"]["code"] == "action_not_allowed"
    record = await org.record("wufang", doc_id, "zf")
    status, body = await org.api("wufang", "POST", f"/api/v1/instances/{record['instance_id']}/actions",
                                 json={"op": "approve", "request_id": "generic-approve-1"})
    assert status == 403 and body["error"]["code"] == "action_not_allowed"
    status, body = await org.api("wufang", "POST", "/api/v1/instances", json={
        "definition_key": "incoming", "form": {"title": "x", "document_id": "y", "record_id": "z"},
        "request_id": "generic-start-1"})
    assert status == 403 and body["error"]["code"] == "action_not_allowed"


async def test_return_reaches_the_sender(org: DocOrg) -> None:
    status, doc = await org.send("wufang", ["hnx", "jyx"])
    assert status == 200, doc
    hnx = next(r for r in doc["records"] if r["unit_name"] == "会宁县")
    status, body = await org.step("zhongmin", hnx["id"], "return")
    assert status == 400 and body["error"]["code"] == "opinion_required"
    status, out = await org.step("zhongmin", hnx["id"], "return", opinion="非我县主管事项，请转市应急局。")
    assert status == 200, out
    status, track = await org.api("wufang", "GET", f"/api/v1/documents/{doc['id']}/tracking")
    assert status == 200, track
    rows = {r["unit_name"]: r for r in track["rows"]}
    assert rows["会宁县"]["state"] == "returned" and rows["会宁县"]["reason"] == "非我县主管事项，请转市应急局。"
    assert rows["靖远县"]["state"] == "pending" and track["counts"] == {"signed": 0, "pending": 1, "returned": 1}
    status, _ = await org.api("zhongmin", "GET", f"/api/v1/documents/{doc['id']}/tracking")
    assert status == 404  # a recipient sees its own record, not the other units'
    status, sent = await org.api("zhengkai", "GET", "/api/v1/documents")  # the sending unit's other clerk
    assert status == 200 and [(d["id"], d["counts"]) for d in sent["documents"]] == [
        (doc["id"], {"signed": 0, "pending": 1, "returned": 1})]
    assert (await org.api("zhongmin", "GET", "/api/v1/documents"))[1]["documents"] == []
    status, only = await org.api("wufang", "GET", f"/api/v1/documents/{doc['id']}/tracking",
                                 params={"state": "returned"})
    assert [r["unit_name"] for r in only["rows"]] == ["会宁县"]
    status, urged = await org.api("wufang", "POST", f"/api/v1/documents/{doc['id']}/urge",
                                  json={"request_id": "urge-all-0001"})
    assert status == 200 and urged == {"urged": ["靖远县"], "too_soon": []}
    status, urged = await org.api("wufang", "POST", f"/api/v1/documents/{doc['id']}/urge",
                                  json={"request_id": "urge-all-0002"})
    assert status == 200 and urged == {"urged": [], "too_soon": ["靖远县"]}
    status, pdf = await _raw(org, "zhongmin", f"/api/v1/incoming/{hnx['id']}/receipt.pdf")
    assert status == 200 and pdf.startswith(b"%PDF")


async def _raw(org: DocOrg, who: str, path: str) -> tuple[int, bytes]:
    resp = await org.world.client.get(path, headers=org.world.auth(await org.token(who)))
    return resp.status, await resp.read()


async def test_outsiders_see_nothing(org: DocOrg) -> None:
    doc_id, rid = await _sent_up(org)
    await org.step("wufang", rid, "sign")
    for who in ("outsider", "zhangsan", "xuetao"):
        status, body = await org.doc(who, doc_id)
        assert status == 404 and body["error"]["code"] == "not_found", who
        status, _ = await _raw(org, who, f"/api/v1/incoming/{rid}/receipt.pdf")
        assert status == 404
        status, body = await org.step(who, rid, "register")
        assert status == 404
    status, body = await org.doc("outsider", "0" * 24)
    assert status == 404 and body["error"]["code"] == "not_found"
    # 提醒 on a 公文: the recipient unit's clerk may set one, linking back to it; an outsider learns nothing.
    remind = {"request_id": "doc-remind-0001", "target": {"kind": "document", "id": doc_id}, "preset": "in_1h"}
    status, body = await org.api("wufang", "POST", "/api/v1/reminders", json=remind)
    assert status == 200 and body["link"] == f"/docs/d/{doc_id}" and "公文" in body["label"], body
    status, body = await org.api("outsider", "POST", "/api/v1/reminders", json={**remind, "request_id": "doc-remind-2"})
    assert status == 404 and body["error"]["code"] == "not_found"


@pytest.mark.parametrize(("over", "detail"), [
    ({"secret_level": "秘密"}, None),
    ({"body": "机密★1年 边境布防方案"}, None),
])
async def test_classified_documents_are_refused_at_the_door(org: DocOrg, over: dict[str, Any],
                                                            detail: str | None) -> None:
    del detail
    status, body = await org.send("wufang", ["hnx"], **over)
    assert status == 422 and body["error"]["code"] == "classified_content"
    status, inbox = await org.api("zhongmin", "GET", "/api/v1/incoming")
    assert inbox["records"] == []


@pytest.mark.parametrize("over", [
    {"doc_number": "市政办发〔2026〕018号"}, {"doc_number": "市政办发[2026]18号"},
    {"doc_number": "市政办发〔2026〕第18号"},
    {"direction": "up"}, {"signer": "陈志远"}, {"urgency": "平件"}, {"doc_type": "便函"}, {"main_to": []},
])
async def test_bad_elements_change_nothing(org: DocOrg, over: dict[str, Any]) -> None:
    status, body = await org.send("wufang", ["hnx"], **over)
    assert status == 400 and body["error"]["code"] == "invalid_request", (over, body)
    status, inbox = await org.api("zhongmin", "GET", "/api/v1/incoming")
    assert inbox["records"] == []


async def test_staff_may_not_send_and_the_province_is_not_a_recipient(org: DocOrg) -> None:
    status, body = await org.send("zhangsan", ["hnx"])
    assert status == 403 and body["error"]["code"] == "forbidden"
    status, body = await org.send("wufang", ["gs"])
    assert status == 400


async def test_the_card_in_the_unit_channel_follows_the_document(org: DocOrg) -> None:
    doc_id, rid = await _sent_up(org)
    record = await org.record("wufang", doc_id, "zf")
    card_id = record["instance_id"]  # the process card is posted under the instance's id

    async def card() -> dict[str, Any]:
        status, body = await org.api("wufang", "GET", f"/api/v1/cards/{card_id}")
        assert status == 200, body
        return dict(body)

    first = await wait_for_card(card, "签收")
    assert first["actions"] == [] and not any(f["label"] in ("公文", "收文记录") for f in first["fields"])
    status, _ = await org.step("wufang", rid, "sign")
    assert status == 200
    await wait_for_card(card, "登记")
    status, _ = await org.api("outsider", "GET", f"/api/v1/cards/{card_id}")
    assert status == 404


async def wait_for_card(read: Any, step: str) -> dict[str, Any]:
    """The card is brought up to date after the act commits: wait on its content, never a fixed sleep."""
    seen: dict[str, Any] = {}

    async def shows() -> bool:
        nonlocal seen
        seen = await read()
        return any(f["label"] == "当前步骤" and f["value"] == step for f in seen["fields"])

    await wait_until(shows, within=10, what=f"the card at {step}")
    return seen


async def test_an_unsigned_document_turns_overdue_in_working_days(org: DocOrg) -> None:
    doc_id, rid = await _sent_up(org)
    inbox = (await org.api("wufang", "GET", "/api/v1/incoming"))[1]
    (row,) = inbox["records"]
    assert row["overdue"] is False and row["due_at"] is not None  # 签收 within one working day
    org.world.hub.clock.advance(timedelta(days=5))  # past any weekend or 调休 in between
    org.tokens.clear()  # sessions do not outlive the jump
    inbox = (await org.api("wufang", "GET", "/api/v1/incoming"))[1]
    (row,) = inbox["records"]
    assert row["id"] == rid and row["overdue"] is True
    status, urged = await org.api("zhongmin", "POST", f"/api/v1/documents/{doc_id}/urge",
                                  json={"request_id": "urge-late-001"})
    assert status == 200 and urged["urged"] == ["白银市人民政府"]
