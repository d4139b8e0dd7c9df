"""归档 through the API: concurrent filing gets distinct gap-free 件号, filing once, who may file, the export."""

from __future__ import annotations

import asyncio
import hashlib
import io
import uuid
import zipfile
from typing import Any

import orjson
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from hub.models import AuditEntry
from tests.conftest import World
from tests.documents_fixtures import DocOrg, build_doc_org

UP = {"doc_type": "报告", "direction": "up", "signer": "魏东", "issuer": "会宁县人民政府",
      "doc_number": "会政发〔2026〕41号", "title": "会宁县关于冬季供暖保障情况的报告"}


@pytest.fixture
async def org(world: World) -> DocOrg:
    return await build_doc_org(world)


def _rid() -> str:
    return f"a-{uuid.uuid4().hex[:12]}"


async def _file(org: DocOrg, who: str, kind: str, source_id: str, **over: Any) -> tuple[int, Any]:
    body = {"kind": kind, "source_id": source_id, "retention": "D30", "org_code": "BGS", "request_id": _rid(),
            **over}
    return await org.api(who, "POST", "/api/v1/archive/items", json=body)


async def _closed_record(org: DocOrg) -> str:
    """A 收文 of 市政府 taken through to 办结 (its last open step is 归档)."""
    status, doc = await org.send("zhongmin", ["zf"], **UP)
    assert status == 200, doc
    rid = doc["records"][0]["id"]
    for who, op, extra in (
            ("wufang", "sign", {}), ("wufang", "register", {}),
            ("wufang", "review", {"checklist": {"organ": True, "rules": True, "format": True, "countersigned": True}}),
            ("zhouwen", "propose", {"opinion": "拟请陈市长阅示", "leader_ids": [org.id("chenzhiyuan")]}),
            ("chenzhiyuan", "instruct", {"opinion": "请财政局办理", "lead_unit_id": org.unit("czj")}),
            ("majun", "handle", {"opinion": "已办理"})):
        status, out = await org.step(who, rid, op, **extra)
        assert status == 200, (op, out)
    status, out = await _file(org, "wufang", "incoming", rid)
    assert status == 409 and out["error"]["code"] == "not_closed"
    status, out = await org.step("wufang", rid, "close")
    assert status == 200, out
    return str(rid)


async def test_concurrent_filing_gets_distinct_gap_free_piece_numbers(org: DocOrg) -> None:
    sent = []
    for n in range(1, 5):
        status, doc = await org.send("wufang", ["hnx"], issuer="白银市人民政府", doc_number=f"白政发〔2026〕{n}号",
                                     title=f"关于第{n}批重点项目的通知")
        assert status == 200, doc
        sent.append(doc["id"])
    await org.api("zhengkai", "GET", "/api/v1/session/me")
    results = await asyncio.gather(*[_file(org, "wufang" if i % 2 else "zhengkai", "outgoing", d)
                                     for i, d in enumerate(sent)])
    assert all(s == 200 for s, _ in results), results
    assert sorted(b["piece_no"] for _, b in results) == [1, 2, 3, 4]
    assert {b["archive_no"] for _, b in results} == {f"ZF-WS·2026-D30-BGS-{n:04d}" for n in range(1, 5)}
    # Another 保管期限 is its own sequence.
    status, doc = await org.send("wufang", ["hnx"], issuer="白银市人民政府", doc_number="白政发〔2026〕5号",
                                 title="关于印发白银市城市总体规划的通知")
    status, item = await _file(org, "wufang", "outgoing", doc["id"], retention="Y")
    assert status == 200 and item["archive_no"] == "ZF-WS·2026-Y-BGS-0001", item
    # Filing twice is refused, whoever asks and however.
    status, again = await _file(org, "zhengkai", "outgoing", sent[0], retention="D10")
    assert status == 409 and again["error"]["code"] == "already_archived"
    status, pending = await org.api("wufang", "GET", "/api/v1/archive/pending")
    assert status == 200 and not {r["source_id"] for r in pending["rows"]} & {*sent, doc["id"]}


async def test_incoming_filing_permissions_and_export(org: DocOrg) -> None:
    rid = await _closed_record(org)
    status, pending = await org.api("wufang", "GET", "/api/v1/archive/pending")
    assert [r["source_id"] for r in pending["rows"] if r["kind"] == "incoming"] == [rid]
    # Another unit's office director, and a leader without a document role, do not see it at all.
    for who in ("zhongmin", "majun"):
        status, out = await _file(org, who, "incoming", rid)
        assert status == 404 and out["error"]["code"] == "not_found", who
    status, out = await org.api("zhongmin", "GET", "/api/v1/archive/export.zip",
                                params={"year": "2026", "unit_id": org.unit("zf")})
    assert status == 404
    status, out = await org.api("zhongmin", "PUT", "/api/v1/archive/settings",
                                json={"unit_id": org.unit("zf"), "fonds": "J999"})
    assert status == 404
    status, out = await org.api("zhouwen", "PUT", "/api/v1/archive/settings",
                                json={"unit_id": org.unit("zf"), "fonds": "J001"})
    assert status == 200 and out["fonds"] == "J001", out
    # 归档 is the clerks' step: the director sees the archive but the engine gives the step to the 文书.
    status, out = await _file(org, "zhouwen", "incoming", rid)
    assert status == 403 and out["error"]["code"] == "action_not_allowed"
    status, item = await _file(org, "wufang", "incoming", rid, retention="Y", org_code="BGS")
    assert status == 200, item
    assert item["archive_no"] == "J001-WS·2026-Y-BGS-0001" and item["file_source"] == "generated"
    rec = await org.record("wufang", item["document_id"], "zf")
    assert rec["status"] == "archived" and rec["current_step"] is None
    status, again = await _file(org, "zhengkai", "incoming", rid)
    assert status == 409 and again["error"]["code"] == "already_archived"
    status, out = await org.step("zhengkai", rid, "archive")
    assert status == 403

    status, cat = await org.api("zhouwen", "GET", "/api/v1/archive/items", params={"year": "2026"})
    assert status == 200 and [i["archive_no"] for i in cat["items"]] == [item["archive_no"]]
    status, cat = await org.api("zhouwen", "GET", "/api/v1/archive/items", params={"year": "2026", "q": "供暖"})
    assert len(cat["items"]) == 1
    status, cat = await org.api("zhouwen", "GET", "/api/v1/archive/items", params={"year": "2025"})
    assert cat["items"] == []

    raw = await _bytes(org, "zhouwen", "/api/v1/archive/export.zip", {"year": "2026"})
    zf = zipfile.ZipFile(io.BytesIO(raw))
    no = item["archive_no"]
    assert sorted(zf.namelist()) == sorted([f"{no}.pdf", f"{no}.json", "归档目录.xlsx"])
    pdf = zf.read(f"{no}.pdf")
    assert hashlib.sha256(pdf).hexdigest() == item["file_sha256"]
    first = PdfReader(io.BytesIO(pdf)).pages[0].extract_text().replace("\n", "")
    for text in ("全宗号", "J001", "件号", "保管期限", "永久", "冬季供暖保障", "会政发〔2026〕41号"):
        assert text in first, text
    meta = orjson.loads(zf.read(f"{no}.json"))
    assert meta["档号"] == no and meta["文号"] == "会政发〔2026〕41号" and meta["保管期限"] == "永久"
    assert meta["电子文件"]["SHA256"] == item["file_sha256"] and meta["来源"] == "收文"
    sheet = load_workbook(io.BytesIO(zf.read("归档目录.xlsx"))).active
    assert sheet is not None
    rows = [r for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert rows == [(1, no, "会政发〔2026〕41号", "会宁县人民政府", UP["title"], "20261201", item["pages"], "永久",
                     "BGS", "收文")]
    entry = await AuditEntry.find_one({"action": "archive.file"})
    assert entry is not None and entry.detail["sha256"] == item["file_sha256"]


async def _bytes(org: DocOrg, who: str, path: str, params: dict[str, str]) -> bytes:
    session = org.world.client
    async with session.get(path, params=params, headers={"Authorization": f"Bearer {await org.token(who)}"}) as r:
        assert r.status == 200, await r.text()
        return await r.read()


async def test_number_register_xlsx_shows_gaps(org: DocOrg) -> None:
    unit = org.unit("zf")
    await org.api("wufang", "POST", "/api/v1/doc-numbers", json={
        "request_id": _rid(), "unit_id": unit, "code": "白政发", "year": 2026, "document_id": "d-1"})
    status, n2 = await org.api("wufang", "POST", "/api/v1/doc-numbers/reserve", json={
        "request_id": _rid(), "unit_id": unit, "code": "白政发", "year": 2026, "reason": "为市长签发件预留"})
    status, out = await org.api("wufang", "POST", f"/api/v1/doc-numbers/{n2['id']}/void",
                                json={"reason": "该件撤回不再发文"})
    assert status == 200, out
    status, seqs = await org.api("wufang", "GET", "/api/v1/doc-numbers/sequences")
    assert [(s["code"], s["year"], s["last"]) for s in seqs["sequences"]] == [("白政发", 2026, 2)]
    raw = await _bytes(org, "wufang", "/api/v1/doc-numbers/register.xlsx",
                       {"unit_id": unit, "code": "白政发", "year": "2026"})
    sheet = load_workbook(io.BytesIO(raw)).active
    assert sheet is not None
    rows = [r[:5] for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert rows == [(1, "白政发〔2026〕1号", "已用", "d-1", None),
                    (2, "白政发〔2026〕2号", "作废", None, "该件撤回不再发文")]
