"""附件 of a 公文: the sender attaches (type sniffed, within the per-document total) until a recipient signs;
recipients read them; an outsider gets not_found; downloads carry the safe headers."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from tests.conftest import World
from tests.documents_fixtures import DocOrg, build_doc_org
from tests.file_samples import HTML, pdf


@pytest.fixture
async def org(world: World) -> DocOrg:
    return await build_doc_org(world)


async def _attach(org: DocOrg, who: str, doc_id: str, data: bytes, name: str) -> tuple[int, Any]:
    fd = aiohttp.FormData(quote_fields=False)
    fd.add_field("file", data, filename=name, content_type="application/octet-stream")
    resp = await org.world.client.post(f"/api/v1/documents/{doc_id}/attachments", data=fd,
                                       headers=org.world.auth(await org.token(who)))
    return resp.status, await resp.json()


async def test_attachments_on_a_document(org: DocOrg) -> None:
    status, doc = await org.send("wufang", ["hnx", "jyx"])
    assert status == 200, doc
    status, file = await _attach(org, "wufang", doc["id"], pdf("附件一：检查表"), "附件1.pdf")
    assert status == 200, file
    assert file["kind"] == "pdf" and file["scope_kind"] == "document" and file["name"] == "附件1.pdf"
    # A .pdf that is really HTML is refused and nothing is stored.
    status, body = await _attach(org, "wufang", doc["id"], HTML, "附件2.pdf")
    assert status in (400, 415) and body["error"]["code"] != "internal", body
    # Only the sender attaches.
    status, body = await _attach(org, "zhongmin", doc["id"], pdf(), "x.pdf")
    assert status == 404 and body["error"]["code"] == "not_found"
    status, seen = await org.doc("zhongmin", doc["id"])
    assert [f["name"] for f in seen["attachments"]] == ["附件1.pdf"]
    resp = await org.world.client.get(f"/api/v1/files/{file['id']}/content",
                                      headers=org.world.auth(await org.token("zhongmin")))
    assert resp.status == 200 and (await resp.read()).startswith(b"%PDF")
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Content-Disposition"].startswith("attachment")
    assert resp.headers["Content-Type"] == "application/pdf"
    assert int(resp.headers["Content-Length"]) == file["size"]
    for who in ("outsider", "zhangsan"):
        resp = await org.world.client.get(f"/api/v1/files/{file['id']}/content",
                                          headers=org.world.auth(await org.token(who)))
        assert resp.status == 404 and (await resp.json())["error"]["code"] == "not_found"
    # Once a recipient has signed, what was received is fixed.
    hnx = next(r for r in doc["records"] if r["unit_name"] == "会宁县")
    status, _ = await org.step("zhongmin", hnx["id"], "sign")
    assert status == 200
    status, body = await _attach(org, "wufang", doc["id"], pdf("后补"), "后补.pdf")
    assert status == 404 and body["error"]["code"] == "not_found"
