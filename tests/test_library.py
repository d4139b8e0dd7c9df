"""共享文件库 through the API: who reads and writes, folder rules, the unit quota, 归入文件库, search."""

from __future__ import annotations

import uuid
from typing import Any

import aiohttp
import pytest

from hub.models.files import StoredFile
from hub.models.org import Membership
from hub.settings import Settings
from tests import file_samples as samples
from tests.conftest import World, make_settings
from tests.test_files import upload
from tests.test_files_search import find, indexed

PDF = samples.pdf("年度预算执行 library")
DOCX = samples.docx("会议纪要")
# One docx fits, two do not.
QUOTA = len(DOCX) + 20_000


@pytest.fixture
def settings(store_kwargs: dict[str, Any]) -> Settings:
    return make_settings(**store_kwargs, library_unit_max_bytes=QUOTA)


class Lib:
    """市政府办公室 (director 主任, clerk, staff 科员, head 秘书长) and 市财政局 (a finance officer)."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.t: dict[str, str] = {}
        self.ids: dict[str, str] = {}

    async def build(self) -> Lib:
        w = self.world
        self.office = await w.unit("office", "市政府办公室", kind="office")
        self.fin = await w.unit("fin", "市财政局")
        for name, unit, roles in [("director", self.office, ["office_director"]), ("staff", self.office, ["staff"]),
                                  ("head", self.office, ["leader"]), ("fino", self.fin, ["staff"])]:
            user = await w.user(name, name, units=[unit], roles=roles)
            self.ids[name] = str(user.id)
            self.t[name] = await w.login(name)
        await Membership.find_one(Membership.user_id == (await self._uid("head")), ).update(
            {"$set": {"is_head": True}})
        return self

    async def _uid(self, name: str) -> Any:
        from beanie import PydanticObjectId
        return PydanticObjectId(self.ids[name])

    async def api(self, who: str, method: str, path: str, **kw: Any) -> tuple[int, Any]:
        return await self.world.api(method, path, self.t[who], **kw)

    async def folder(self, name: str, parent: str | None = None, who: str = "director") -> str:
        status, body = await self.api(who, "POST", f"/api/v1/library/units/{self.office.id}/folders",
                                      json={"name": name, "parent_id": parent})
        assert status == 200, body
        return str(body["id"])

    async def put(self, folder: str, data: bytes = PDF, name: str = "预算.pdf", who: str = "director"
                  ) -> tuple[int, Any]:
        fd = aiohttp.FormData(quote_fields=False)
        fd.add_field("file", data, filename=name, content_type="application/octet-stream")
        return await self.api(who, "POST", f"/api/v1/library/folders/{folder}/files", data=fd)


async def test_members_read_others_do_not_and_only_writers_write(world: World) -> None:
    lib = await Lib(world).build()
    top = await lib.folder("制度文件")
    status, entry = await lib.put(top)
    assert status == 200 and entry["title"] == "预算.pdf" and entry["uploader_name"] == "director"
    # A member reads the folder and the file through the generic file endpoints.
    status, listing = await lib.api("staff", "GET", f"/api/v1/library/folders/{top}")
    assert status == 200 and [e["id"] for e in listing["entries"]] == [entry["id"]]
    assert (await lib.api("staff", "GET", f"/api/v1/files/{entry['file_id']}"))[0] == 200
    # Staff may not write; the head names them an editor, then they may.
    assert (await lib.put(top, who="staff"))[0] == 403
    assert (await lib.api("staff", "POST", f"/api/v1/library/folders/{top}/rename", json={"name": "x"}))[0] == 403
    assert (await lib.api("director", "PUT", f"/api/v1/library/units/{lib.office.id}/editors",
                          json={"user_ids": [lib.ids["staff"]]}))[0] == 403
    status, view = await lib.api("head", "PUT", f"/api/v1/library/units/{lib.office.id}/editors",
                                 json={"user_ids": [lib.ids["staff"]]})
    assert status == 200 and view["editor_ids"] == [lib.ids["staff"]]
    status, renamed = await lib.api("staff", "POST", f"/api/v1/library/entries/{entry['id']}/rename",
                                    json={"name": "二〇二六年预算"})
    assert status == 200 and renamed["title"] == "二〇二六年预算.pdf", renamed
    # Someone of another unit finds nothing: folder, file, library, preview all not_found.
    for path in (f"/api/v1/library/folders/{top}", f"/api/v1/files/{entry['file_id']}",
                 f"/api/v1/files/{entry['file_id']}/preview", f"/api/v1/library/units/{lib.office.id}"):
        status, body = await lib.api("fino", "GET", path)
        assert status == 404, (path, body)
    # Shared city-wide, a sub-folder below is readable by everyone, read-only.
    sub = await lib.folder("通知", parent=top)
    status, e2 = await lib.put(sub, samples.docx("全市共享 的 通知"), "通知.docx")
    assert status == 200, e2
    status, shared = await lib.api("director", "PUT", f"/api/v1/library/folders/{top}/share",
                                   json={"share_city": True})
    assert status == 200 and shared["share_city"] is True
    status, index = await lib.api("fino", "GET", "/api/v1/library")
    assert [f["id"] for f in index["shared"]] == [top]
    assert (await lib.api("fino", "GET", f"/api/v1/library/folders/{sub}"))[0] == 200
    assert (await lib.api("fino", "GET", f"/api/v1/files/{e2['file_id']}/content"))[0] == 200
    assert (await lib.put(sub, who="fino"))[0] == 403
    assert (await lib.api("fino", "DELETE", f"/api/v1/library/entries/{e2['id']}"))[0] == 403
    # Search: the shared entry is found by outsiders; unshare, and it is gone for them but not for members.
    await indexed(e2["file_id"])
    assert [h["file_id"] for h in await find(world, lib.t["fino"], "全市共享")] == [e2["file_id"]]
    await lib.api("director", "PUT", f"/api/v1/library/folders/{top}/share", json={"share_city": False})
    assert await find(world, lib.t["fino"], "全市共享") == []
    assert [h["file_id"] for h in await find(world, lib.t["staff"], "全市共享")] == [e2["file_id"]]
    # A title found by search is the renamed one.
    await indexed(entry["file_id"])
    assert [h["file_id"] for h in await find(world, lib.t["staff"], "二〇二六年")] == [entry["file_id"]]
    # A 密级 name is refused and changes nothing.
    status, body = await lib.api("director", "POST", f"/api/v1/library/folders/{sub}/rename",
                                 json={"name": "机密 文件"})
    assert status == 422 and body["error"]["code"] == "classified_content"


async def test_folder_rules_quota_and_filing_an_announcement(world: World) -> None:
    lib = await Lib(world).build()
    a = await lib.folder("甲")
    b = await lib.folder("乙", parent=a)
    c = await lib.folder("丙", parent=b)
    # No cycles: a folder cannot go below itself; moving the middle keeps its children with it.
    for target in (a, c):
        status, body = await lib.api("director", "POST", f"/api/v1/library/folders/{a}/move",
                                     json={"parent_id": target})
        assert status == 409 and body["error"]["code"] == "folder_cycle"
    status, moved = await lib.api("director", "POST", f"/api/v1/library/folders/{b}/move", json={"parent_id": None})
    assert status == 200 and moved["parent_id"] is None
    status, view = await lib.api("director", "GET", f"/api/v1/library/units/{lib.office.id}")
    parents = {f["name"]: f["parent_id"] for f in view["folders"]}
    assert parents == {"甲": None, "乙": None, "丙": b}
    # Non-empty folders are not deleted.
    status, body = await lib.api("director", "DELETE", f"/api/v1/library/folders/{b}")
    assert status == 409 and body["error"]["code"] == "folder_not_empty"
    # The unit quota: one docx fits, a second is refused and leaves nothing behind; a small pdf still fits.
    status, first = await lib.put(c, DOCX, "1.docx")
    assert status == 200, first
    before = await StoredFile.find(StoredFile.scope_kind == "library").count()
    status, body = await lib.put(a, DOCX, "2.docx")
    assert status == 413 and body["error"]["code"] == "file_quota_exceeded"
    assert await StoredFile.find(StoredFile.scope_kind == "library").count() == before
    assert (await lib.put(a, name="1.pdf"))[0] == 200
    status, view = await lib.api("director", "GET", f"/api/v1/library/units/{lib.office.id}")
    assert view["used"] == len(DOCX) + len(PDF)
    # Moving an entry within the unit; deleting it gives its bytes back, and then its folder may go.
    status, moved_entry = await lib.api("director", "POST", f"/api/v1/library/entries/{first['id']}/move",
                                        json={"folder_id": a})
    assert status == 200 and moved_entry["folder_id"] == a
    assert (await lib.api("director", "DELETE", f"/api/v1/library/folders/{c}"))[0] == 200
    assert (await lib.api("director", "DELETE", f"/api/v1/library/entries/{first['id']}"))[0] == 200
    status, view = await lib.api("director", "GET", f"/api/v1/library/units/{lib.office.id}")
    assert view["used"] == len(PDF)
    # An announcement with an attachment, published to the office, is filed by its director.
    fd = aiohttp.FormData(quote_fields=False)
    fd.add_field("scope_kind", "announcement_draft")
    fd.add_field("scope_id", lib.ids["director"])
    fd.add_field("file", DOCX, filename="纪要.docx", content_type="application/octet-stream")
    status, att = await lib.api("director", "POST", "/api/v1/files", data=fd)
    assert status == 200, att
    status, ann = await lib.api("director", "POST", "/api/v1/announcements", json={
        "request_id": uuid.uuid4().hex, "title": "关于召开工作会议的通知", "body": "请准时参加。",
        "unit_ids": [str(lib.office.id)], "file_ids": [att["id"]]})
    assert status == 200, ann
    # Recipients read the attachment; others do not.
    assert (await lib.api("staff", "GET", f"/api/v1/files/{att['id']}"))[0] == 200
    assert (await lib.api("fino", "GET", f"/api/v1/files/{att['id']}"))[0] == 404
    # Someone else's draft file cannot be attached.
    status, theirs = await upload(world, lib.t["staff"], lib.ids["staff"], PDF, "x.pdf", "announcement_draft")
    assert status == 200
    status, body = await lib.api("director", "POST", "/api/v1/announcements", json={
        "request_id": uuid.uuid4().hex, "title": "再次通知", "body": "见附件。", "unit_ids": [str(lib.office.id)],
        "file_ids": [theirs["id"]]})
    assert status == 404, body
    status, filed = await lib.api("director", "POST", f"/api/v1/library/folders/{b}/file-in",
                                  json={"origin_kind": "announcement", "origin_id": ann["id"]})
    assert status == 200, filed
    [entry] = filed["entries"]
    assert entry["origin_kind"] == "announcement" and entry["origin_title"] == "关于召开工作会议的通知"
    assert entry["file_id"] != att["id"] and entry["title"] == "纪要.docx"
    # Filing again adds nothing; an outsider cannot file it (they cannot see it nor write the folder).
    status, again = await lib.api("director", "POST", f"/api/v1/library/folders/{b}/file-in",
                                  json={"origin_kind": "announcement", "origin_id": ann["id"]})
    assert status == 200 and [e["id"] for e in again["entries"]] == [entry["id"]]
    status, _ = await lib.api("fino", "POST", f"/api/v1/library/folders/{b}/file-in",
                              json={"origin_kind": "announcement", "origin_id": ann["id"]})
    assert status == 404
    status, listing = await lib.api("staff", "GET", f"/api/v1/library/folders/{b}")
    assert [e["id"] for e in listing["entries"]] == [entry["id"]]


async def test_filing_a_documents_attachments(world: World) -> None:
    from tests.documents_fixtures import build_doc_org
    from tests.test_documents_files import _attach

    org = await build_doc_org(world)
    status, doc = await org.send("wufang", ["hnx"])
    assert status == 200, doc
    status, file = await _attach(org, "wufang", doc["id"], PDF, "附件1.pdf")
    assert status == 200, file
    # 钟敏 (会宁县 office director) receives it and files it into 会宁县's library.
    token = await org.token("zhongmin")
    hnx = next(u for u in (await world.api("GET", "/api/v1/library", token))[1]["units"])
    status, folder = await world.api("POST", f"/api/v1/library/units/{hnx['unit_id']}/folders", token,
                                     json={"name": "来文"})
    assert status == 200, folder
    body = {"origin_kind": "document", "origin_id": doc["id"]}
    status, filed = await world.api("POST", f"/api/v1/library/folders/{folder['id']}/file-in", token, json=body)
    assert status == 200, filed
    [entry] = filed["entries"]
    assert entry["origin_kind"] == "document" and entry["title"] == "附件1.pdf" and entry["origin_id"] == doc["id"]
    # 张三 (市财政局) may neither see the document nor the folder.
    status, _ = await world.api("POST", f"/api/v1/library/folders/{folder['id']}/file-in",
                                await org.token("zhangsan"), json=body)
    assert status == 404
