"""发文 end to end through the API: 拟稿 → 核稿 → 会签 (two units) → 签发 → 编号 → 复核 (an edit after 签发 goes
back to the signer) → 用印 (PDF and OFD of the signed version) → 分发 (every recipient's 收文, a county signs)."""

from __future__ import annotations

import io
import re
import uuid
from typing import Any

import pytest
from pypdf import PdfReader

from hub.layout.draft import body_lines, chinese_number, diff_lines, substantive_change
from hub.models import Timer
from hub.models.docnumbers import DocNumber
from hub.models.outgoing import Block
from tests import file_samples as samples
from tests.conftest import World
from tests.documents_fixtures import DocOrg, build_doc_org
from tests.test_files import upload as files_upload

TITLE = "关于做好2027年元旦春节期间安全生产工作的通知"


@pytest.fixture
async def org(world: World) -> DocOrg:
    return await build_doc_org(world)


def _content(org: DocOrg, **over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "doc_type": "通知", "direction": "down", "main_to": [org.unit("hnx"), org.unit("jyx")],
        "cc_to": [org.unit("czj"), org.unit("gs")], "title": TITLE, "openness": "内部",
        "blocks": [{"level": 0, "text": "为切实做好元旦春节期间安全生产工作，现将有关事项通知如下。"},
                   {"level": 1, "text": "压实安全责任"},
                   {"level": 2, "text": "落实属地管理责任"},
                   {"level": 0, "text": "各县区要落实属地管理责任，开展隐患排查整治。"},
                   {"level": 1, "text": "加强值班值守"}],
    }
    return {**base, **over}


async def _step(org: DocOrg, username: str, draft_id: str, op: str, **extra: Any) -> dict[str, Any]:
    body = {"op": op, "request_id": f"out-{uuid.uuid4().hex[:12]}", **extra}
    status, out = await org.api(username, "POST", f"/api/v1/outgoing/{draft_id}/steps", json=body)
    assert status == 200, (op, username, out)
    return dict(out)


async def _edit(org: DocOrg, username: str, draft: dict[str, Any], **over: Any) -> dict[str, Any]:
    content = {**draft["content"], **over}
    status, out = await org.api(username, "PATCH", f"/api/v1/outgoing/{draft['id']}",
                                json={"base_version": draft["version"], "content": content})
    assert status == 200, out
    return dict(out)


def test_body_numbering_and_diff() -> None:
    blocks = [Block(level=1, text="总体要求"), Block(level=2, text="甲"), Block(level=2, text="乙"),
              Block(level=3, text="丙"), Block(level=4, text="丁"), Block(level=1, text="保障措施"),
              Block(level=2, text="戊"), Block(level=0, text="正文段落。")]
    assert body_lines(blocks) == ["一、总体要求", "（一）甲", "（二）乙", "1.丙", "（1）丁", "二、保障措施", "（一）戊",
                                  "正文段落。"]
    assert [chinese_number(n) for n in (1, 10, 12, 20, 99)] == ["一", "十", "十二", "二十", "九十九"]
    assert not substantive_change(["各县区：要落实责任。"], ["各县区 要落实责任"])
    assert substantive_change(["要落实责任。"], ["要全面落实责任。"])
    assert [(d.op, d.text) for d in diff_lines(["甲", "乙"], ["甲", "丙"])] == [
        ("same", "甲"), ("removed", "乙"), ("added", "丙")]


async def test_the_whole_outgoing_flow(org: DocOrg) -> None:
    create = {"content": _content(org), "code": "白政发", "reviewer_id": org.id("zhouwen"),
              "signer_id": org.id("chenzhiyuan"), "countersign_unit_ids": [org.unit("czj"), org.unit("hnx")],
              "request_id": f"create-{uuid.uuid4().hex[:10]}"}
    status, draft = await org.api("wufang", "POST", "/api/v1/outgoing", json=create)
    assert status == 200, draft
    did = draft["id"]
    assert draft["current_step"] == "核稿" and [h["name"] for h in draft["current_holders"]] == ["周文"]
    assert draft["lines"][6:9] == ["一、压实安全责任", "（一）落实属地管理责任",
                                   "各县区要落实属地管理责任，开展隐患排查整治。"]
    assert (await org.api("outsider", "GET", f"/api/v1/outgoing/{did}"))[0] == 404
    assert (await org.api("majun", "GET", f"/api/v1/outgoing/{did}"))[0] == 404  # not a participant yet
    # A marked text is refused and changes nothing.
    bad = {**draft["content"], "blocks": [{"level": 0, "text": "机密★1年 边境布防方案"}]}
    status, out = await org.api("zhouwen", "PATCH", f"/api/v1/outgoing/{did}", json={"base_version": 1,
                                                                                     "content": bad})
    assert status == 422 and out["error"]["code"] == "classified_content"

    # 核稿 edits (version 2); an editor on the old base is refused.
    blocks = [*draft["content"]["blocks"], {"level": 0, "text": "各单位要严格执行24小时值班制度。"}]
    draft = await _edit(org, "zhouwen", draft, blocks=blocks)
    assert draft["version"] == 2
    status, out = await org.api("zhouwen", "PATCH", f"/api/v1/outgoing/{did}",
                                json={"base_version": 1, "content": draft["content"]})
    assert status == 409 and out["error"]["code"] == "stale_version"
    status, diff = await org.api("zhouwen", "GET", f"/api/v1/outgoing/{did}/diff",
                                 params={"from_version": 1, "to_version": 2})
    assert status == 200 and diff["substantive"]
    assert [d["text"] for d in diff["lines"] if d["op"] == "added"] == ["各单位要严格执行24小时值班制度。"]
    draft = await _step(org, "zhouwen", did, "review", opinion="已核")

    # 会签 by two units' heads, each with an opinion.
    assert draft["current_step"] == "会签"
    assert {h["name"] for h in draft["current_holders"]} == {"马军", "魏东"}
    status, out = await org.api("majun", "POST", f"/api/v1/outgoing/{did}/steps",
                                json={"op": "countersign", "request_id": "cs-no-opinion"})
    assert status == 400 and out["error"]["code"] == "opinion_required"
    draft = await _step(org, "majun", did, "countersign", opinion="同意，财政局做好资金保障。")
    assert draft["current_step"] == "会签"
    draft = await _step(org, "weidong", did, "countersign", opinion="同意。")
    assert {c["unit_name"]: c["opinion"] for c in draft["countersign"]} == {
        "市财政局": "同意，财政局做好资金保障。", "会宁县": "同意。"}

    # 签发 records the signer and the version signed; 编号 takes the unit's next number, once.
    assert draft["current_step"] == "签发" and draft["my_actions"] == []
    draft = await _step(org, "chenzhiyuan", did, "sign", opinion="同意印发")
    assert draft["signer_name"] == "陈志远" and draft["signed_version"] == 2
    assert draft["current_step"] == "编号" and {h["name"] for h in draft["current_holders"]} == {"吴芳", "郑凯"}
    draft = await _step(org, "wufang", did, "number")
    number = draft["number_text"]
    assert re.fullmatch(r"白政发〔\d{4}〕1号", number)

    # At 复核 the clerk corrects the text substantively: 复核 sends it back to the signer, who signs again.
    assert draft["current_step"] == "复核" and draft["can_edit"]
    blocks = [*draft["content"]["blocks"][:-1], {"level": 0, "text": "各单位要严格执行24小时值班和领导带班制度。"}]
    draft = await _edit(org, "wufang", draft, blocks=blocks)
    draft = await _step(org, "zhengkai", did, "recheck")
    assert draft["current_step"] == "签发" and [h["name"] for h in draft["current_holders"]] == ["陈志远"]
    draft = await _step(org, "chenzhiyuan", did, "sign")
    assert draft["signed_version"] == 3 and draft["current_step"] == "复核"
    draft = await _step(org, "zhengkai", did, "recheck")
    assert draft["current_step"] == "用印" and draft["number_text"] == number
    assert await DocNumber.find(DocNumber.document_id == did).count() == 1
    status, versions = await org.api("wufang", "GET", f"/api/v1/outgoing/{did}/versions")
    assert [(v["n"], v["author_name"], v["signed"]) for v in versions["versions"]] == [
        (1, "吴芳", False), (2, "周文", False), (3, "吴芳", True)]

    # 用印: the PDF and OFD of the signed version, stored with the draft.
    draft = await _step(org, "wufang", did, "seal")
    assert draft["sealed_by_name"] == "吴芳" and len(draft["pdf_sha256"]) == 64 and len(draft["ofd_sha256"]) == 64
    resp = await org.world.client.get(f"/api/v1/files/{draft['pdf_file_id']}/content",
                                      headers=org.world.auth(await org.token("zhouwen")))
    assert resp.status == 200
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(await resp.read())).pages).replace(" ", "")
    assert TITLE in text.replace("\n", "") and number in text and "值班和领导带班制度" in text

    # 分发: 主送 and 抄送 units of the hub get a 收文 each; the province gets it through the exchange.
    draft = await _step(org, "wufang", did, "distribute")
    assert draft["status"] == "distributed" and draft["process_status"] == "approved"
    assert draft["province_units"] == ["甘肃省人民政府"]
    assert await Timer.find({"key": {"$regex": f"{did}:send:gs:1$"}}).count() == 1
    doc_id = draft["document_id"]
    status, tracking = await org.api("wufang", "GET", f"/api/v1/documents/{doc_id}/tracking")
    assert status == 200, tracking
    status, doc = await org.doc("wufang", doc_id)
    assert {r["unit_name"] for r in doc["records"]} == {"会宁县", "靖远县", "市财政局"}
    assert doc["elements"]["doc_number"] == number and {a["name"][-4:] for a in doc["attachments"]} == {".pdf",
                                                                                                       ".ofd"}
    record = await org.record("zhongmin", doc_id, "hnx")
    status, out = await org.step("zhongmin", record["id"], "sign")
    assert status == 200, out
    status, tracking = await org.api("wufang", "GET", f"/api/v1/documents/{doc_id}/tracking")
    assert any(r["unit_name"] == "会宁县" and r["state"] == "signed" for r in tracking["rows"]), tracking
    # My 发文 list shows it; nothing waits for the clerk any more.
    status, mine = await org.api("wufang", "GET", "/api/v1/outgoing")
    assert [d["id"] for d in mine["drafts"]] == [did]
    assert (await org.api("wufang", "GET", "/api/v1/outgoing", params={"box": "todo"}))[1]["drafts"] == []


async def test_attachments_chosen_while_drafting_move_onto_the_draft(org: DocOrg) -> None:
    async def upload(who: str, name: str) -> str:
        status, out = await files_upload(org.world, await org.token(who), org.id(who), samples.pdf(), name,
                                         "process_draft")
        assert status == 200, out
        return str(out["id"])

    mine, theirs = await upload("wufang", "安全检查表.pdf"), await upload("zhengkai", "名单.pdf")
    create: dict[str, Any] = {"content": {**_content(org), "attachments": [theirs]}, "code": "白政发",
              "reviewer_id": org.id("zhouwen"),
              "signer_id": org.id("chenzhiyuan"), "countersign_unit_ids": [], "request_id": "create-att-00001"}
    status, out = await org.api("wufang", "POST", "/api/v1/outgoing", json=create)
    assert status == 404 and out["error"]["code"] == "not_found"  # someone else's upload: nothing is created
    assert (await org.api("wufang", "GET", "/api/v1/outgoing"))[1]["drafts"] == []
    create = {**create, "content": {**create["content"], "attachments": [mine]}}
    status, draft = await org.api("wufang", "POST", "/api/v1/outgoing", json=create)
    assert status == 200 and draft["content"]["attachments"] == [mine], draft
    # The file now belongs to the draft: its reviewer reads it, an outsider does not; a retry is the same draft.
    status, meta = await org.api("zhouwen", "GET", f"/api/v1/files/{mine}")
    assert status == 200 and (meta["scope_kind"], meta["scope_id"]) == ("outgoing", draft["id"]), meta
    assert (await org.api("outsider", "GET", f"/api/v1/files/{mine}"))[0] == 404
    status, again = await org.api("wufang", "POST", "/api/v1/outgoing", json=create)
    assert status == 200 and again["id"] == draft["id"]
