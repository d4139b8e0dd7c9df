"""Files through the HTTP API: upload checks (type, size, name, emptiness), access, download headers, storage."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import aiohttp

from hub.files.sniff import CONTENT_TYPES
from hub.models.files import FileScopeUsage, StoredFile
from tests import file_samples as samples
from tests.conftest import World
from tests.time_fixtures import wait_until


def form(scope_id: str, data: bytes, filename: str, scope_kind: str = "channel") -> aiohttp.FormData:
    fd = aiohttp.FormData(quote_fields=False)
    fd.add_field("scope_kind", scope_kind)
    fd.add_field("scope_id", scope_id)
    fd.add_field("file", data, filename=filename, content_type="application/octet-stream")
    return fd


async def upload(world: World, token: str, scope_id: str, data: bytes, filename: str,
                 scope_kind: str = "channel") -> tuple[int, Any]:
    return await world.api("POST", "/api/v1/files", token, data=form(scope_id, data, filename, scope_kind))


async def channel_with(world: World, *members: str) -> tuple[str, list[str]]:
    """A group channel owned by the first member; returns its id and everyone's tokens."""
    users = [await world.user(m) for m in members]
    tokens = [await world.login(m) for m in members]
    status, ch = await world.api("POST", "/api/v1/channels", tokens[0],
                                 json={"name": "材料组", "member_ids": [str(u.id) for u in users[1:]]})
    assert status == 200, ch
    return str(ch["id"]), tokens


async def test_upload_sniffs_every_allowed_kind(world: World) -> None:
    cid, (ta,) = await channel_with(world, "alice")
    cases = [
        (samples.pdf(), "通知.pdf", "pdf", "application/pdf"),
        (samples.ofd(), "发票.ofd", "ofd", "application/ofd"),
        (samples.docx(), "方案.docx", "docx", CONTENT_TYPES["docx"]),
        (samples.xlsx(), "统计.xlsx", "xlsx", CONTENT_TYPES["xlsx"]),
        (samples.png(), "图.png", "png", "image/png"),
        (samples.jpeg(), "照片.jpg", "jpeg", "image/jpeg"),
    ]
    for data, name, kind, ctype in cases:
        status, body = await upload(world, ta, cid, data, name)
        assert status == 200, body
        assert (body["kind"], body["content_type"], body["size"], body["name"]) == (kind, ctype, len(data), name)
        assert body["scope_kind"] == "channel" and body["scope_id"] == cid
        assert body["previewable"] == (kind in ("pdf", "png", "jpeg"))
    # A PNG renamed .pdf is a PNG: the type is the content's, the name gets the right extension.
    status, body = await upload(world, ta, cid, samples.png(), "报告.pdf")
    assert status == 200 and body["content_type"] == "image/png" and body["name"] == "报告.pdf.png"


async def test_impostors_and_bad_uploads_store_nothing(world: World) -> None:
    cid, (ta,) = await channel_with(world, "alice")
    hub = world.hub
    refused = [
        (samples.HTML, "通知.pdf", 415, "file_type_not_allowed"),
        (samples.plain_zip(), "x.docx", 415, "file_type_not_allowed"),
        (b"just text", "a.txt", 415, "file_type_not_allowed"),
        (b"", "empty.pdf", 400, "file_empty"),
        (samples.pdf(), "../../etc/passwd.pdf", 400, "file_name_invalid"),
        (samples.pdf(), "dir\\a.pdf", 400, "file_name_invalid"),
        (samples.pdf(), " . ", 400, "file_name_invalid"),
        (samples.pdf(), "机密★1年 通知.pdf", 422, "classified_content"),
    ]
    for data, name, status_want, code in refused:
        status, body = await upload(world, ta, cid, data, name)
        assert (status, body["error"]["code"]) == (status_want, code), (name, body)
        assert body["error"]["message"] and body["error"]["message_en"]
    assert await StoredFile.find_all().count() == 0
    assert await hub.files.count_chunks() == 0
    usage = await FileScopeUsage.get(f"channel:{cid}")
    assert usage is None or (usage.used, usage.files) == (0, 0)


async def test_size_limit_is_streamed_and_per_scope_total(world: World) -> None:
    hub = world.hub
    hub.settings.file_max_bytes = 100_000
    hub.settings.file_scope_max_bytes = 150_000
    cid, (ta,) = await channel_with(world, "alice")
    # A large body without a Content-Length (chunked) is cut off once it passes the limit.
    big = samples.pdf() + b"%" * 200_000

    async def chunks() -> Any:
        for i in range(0, len(big), 8192):
            yield big[i:i + 8192]

    fd = aiohttp.FormData(quote_fields=False)
    fd.add_field("scope_kind", "channel")
    fd.add_field("scope_id", cid)
    fd.add_field("file", chunks(), filename="大.pdf", content_type="application/pdf")
    status, body = await world.api("POST", "/api/v1/files", ta, data=fd)
    assert status == 413 and body["error"]["code"] == "file_too_large"
    # With a Content-Length beyond the limit the body is refused before it is read.
    status, body = await upload(world, ta, cid, big, "大.pdf")
    assert status == 413 and body["error"]["code"] == "file_too_large"
    assert await hub.files.count_chunks() == 0
    # Under the limit each, but the channel's total is 150 000 bytes.
    part = samples.pdf() + b"%" * 60_000
    assert (await upload(world, ta, cid, part, "一.pdf"))[0] == 200
    assert (await upload(world, ta, cid, part, "二.pdf"))[0] == 200
    status, body = await upload(world, ta, cid, part, "三.pdf")
    assert status == 413 and body["error"]["code"] == "file_quota_exceeded"
    assert await StoredFile.find_all().count() == 2
    usage = await FileScopeUsage.get(f"channel:{cid}")
    assert usage is not None and (usage.used, usage.files) == (2 * len(part), 2)


async def test_only_members_attach_and_read(world: World) -> None:
    cid, (ta, tb) = await channel_with(world, "alice", "bob")
    await world.user("mallory")
    tm = await world.login("mallory")
    # An outsider can neither attach to the channel nor tell it exists.
    status, body = await upload(world, tm, cid, samples.pdf(), "x.pdf")
    assert status == 404 and body["error"]["code"] == "not_found"
    status, body = await upload(world, ta, cid, samples.pdf(), "x.pdf", scope_kind="planet")
    assert status == 400 and body["error"]["code"] == "invalid_request"
    status, body = await upload(world, ta, "not-an-id", samples.pdf(), "x.pdf")
    assert status == 404
    status, meta = await upload(world, ta, cid, samples.pdf(), "会议纪要.pdf")
    assert status == 200
    fid = meta["id"]
    # A member reads; the outsider gets not_found everywhere, exactly like a missing file.
    assert (await world.api("GET", f"/api/v1/files/{fid}", tb))[1]["sha256"] == meta["sha256"]
    for path in (f"/api/v1/files/{fid}", f"/api/v1/files/{fid}/content", f"/api/v1/files/{fid}/preview",
                 "/api/v1/files/000000000000000000000000", "/api/v1/files/nonsense/content"):
        status, body = await world.api("GET", path, tm)
        assert status == 404 and body["error"]["code"] == "not_found", path
    status, body = await world.api("GET", f"/api/v1/files?scope_kind=channel&scope_id={cid}", tm)
    assert status == 404
    status, body = await world.api("GET", f"/api/v1/files?scope_kind=channel&scope_id={cid}", tb)
    assert status == 200 and [f["id"] for f in body["files"]] == [fid]
    # No login, no file.
    world.client.session.cookie_jar.clear()
    resp = await world.client.get(f"/api/v1/files/{fid}/content")
    assert resp.status == 401


async def test_download_headers_and_content(world: World) -> None:
    cid, (ta, tb) = await channel_with(world, "alice", "bob")
    data = samples.pdf("download me")
    name = "关于2026年预算的通知.pdf"
    fid = (await upload(world, ta, cid, data, name))[1]["id"]
    resp = await world.client.get(f"/api/v1/files/{fid}/content", headers=world.auth(tb))
    assert resp.status == 200
    assert await resp.read() == data
    assert resp.headers["Content-Type"] == "application/pdf"
    assert resp.headers["Content-Length"] == str(len(data))
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    disposition = resp.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote(name, safe='')}" in disposition
    # The inline preview is for PDF and images, under a policy that runs nothing.
    resp = await world.client.get(f"/api/v1/files/{fid}/preview", headers=world.auth(tb))
    assert resp.status == 200 and await resp.read() == data
    assert resp.headers["Content-Disposition"].startswith("inline;")
    csp = resp.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "sandbox" in csp
    docx_id = (await upload(world, ta, cid, samples.docx(), "方案.docx"))[1]["id"]
    assert (await world.api("GET", f"/api/v1/files/{docx_id}/preview", tb))[0] == 404
    resp = await world.client.get(f"/api/v1/files/{docx_id}/content", headers=world.auth(tb))
    assert resp.status == 200 and resp.headers["Content-Disposition"].startswith("attachment;")


async def test_upload_is_audited(world: World) -> None:
    from hub.models import AuditEntry

    cid, (ta,) = await channel_with(world, "alice")
    fid = (await upload(world, ta, cid, samples.pdf(), "a.pdf"))[1]["id"]
    entry = await AuditEntry.find_one(AuditEntry.action == "file.upload")
    assert entry is not None and entry.object_id == fid


async def test_marked_content_is_refused_or_withheld(world: World) -> None:
    from hub.models import AuditEntry

    cid, (ta, tb) = await channel_with(world, "alice", "bob")
    marked = samples.docx("机密★1年\n关于某事项的通知")
    # Small enough to read during the upload: refused, nothing stored.
    status, body = await upload(world, ta, cid, marked, "通知.docx")
    assert (status, body["error"]["code"]) == (422, "classified_content")
    assert await StoredFile.find_all().count() == 0
    assert await world.hub.files.count_chunks() == 0
    # Too large to read inline (here: everything is): stored, then withheld once the timer reads it.
    world.hub.settings.file_inline_text_bytes = 0
    status, body = await upload(world, ta, cid, marked, "通知.docx")
    assert status == 200 and body["text_status"] == "pending"
    from tests.test_files_search import indexed

    doc = await indexed(body["id"])
    assert doc.text_status == "withheld" and doc.text == ""
    status, out = await world.api("GET", f"/api/v1/files/{body['id']}/content", tb)
    assert (status, out["error"]["code"]) == (422, "classified_content")
    assert await AuditEntry.find_one(AuditEntry.action == "file.withheld") is not None


async def test_concurrent_uploads_never_pass_the_scope_total(world: World) -> None:
    import asyncio

    hub = world.hub
    part = samples.png() + b"\x00" * 10_000
    hub.settings.file_scope_max_bytes = 3 * len(part)
    cid, (ta,) = await channel_with(world, "alice")
    results = await asyncio.gather(*(upload(world, ta, cid, part, f"{i}.png") for i in range(6)))
    statuses = sorted(status for status, _ in results)
    assert statuses == [200, 200, 200, 413, 413, 413], results
    assert await StoredFile.find_all().count() == 3
    usage = await FileScopeUsage.get(f"channel:{cid}")
    assert usage is not None and (usage.used, usage.files) == (3 * len(part), 3)


async def test_an_upload_that_dies_half_way_is_cleaned_up_by_its_guard(world: World, monkeypatch: Any) -> None:
    """The process "dies" after the content is stored and before the metadata is (the insert fails and so
    does the immediate clean-up); an hour later the guard timer removes the content and frees the bytes."""
    from datetime import timedelta

    from beanie import PydanticObjectId

    hub = world.hub
    cid, (ta,) = await channel_with(world, "alice")

    async def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the process died here")

    monkeypatch.setattr(StoredFile, "insert", boom)
    monkeypatch.setattr(hub.files, "delete", boom)
    status, _ = await upload(world, ta, cid, samples.png(), "x.png")
    assert status == 500
    monkeypatch.undo()
    assert await hub.files.count_chunks() > 0
    usage = await FileScopeUsage.get(f"channel:{cid}")
    assert usage is not None and usage.used > 0 and len(usage.claims) == 1
    orphan: PydanticObjectId = usage.claims[0]
    assert await StoredFile.get(orphan) is None
    hub.clock.advance(timedelta(hours=1, seconds=1))
    async def released() -> bool:
        found = await FileScopeUsage.get(f"channel:{cid}")
        return found is None or not found.claims

    await wait_until(released, within=20, what="the guard releasing the orphan's claim")
    usage = await FileScopeUsage.get(f"channel:{cid}")
    assert usage is not None and (usage.used, usage.files) == (0, 0)
    assert await hub.files.count_chunks() == 0
    # A finished upload's guard leaves it alone (a new login: the hour ended the session).
    ta = await world.login("alice")
    status, body = await upload(world, ta, cid, samples.png(), "y.png")
    assert status == 200
    hub.clock.advance(timedelta(hours=1, seconds=1))
    ta = await world.login("alice")
    async def guard_done() -> bool:
        return (await hub.files.count_chunks()) > 0 and not await _guard_pending(body["id"])

    await wait_until(guard_done, within=20, what="the guard passing a finished upload")
    resp = await world.client.get(f"/api/v1/files/{body['id']}/content", headers=world.auth(ta))
    assert resp.status == 200 and await resp.read() == samples.png()


async def _guard_pending(file_id: str) -> bool:
    from hub.models import Timer

    timer = await Timer.find_one(Timer.key == f"file_guard:{file_id}")
    return timer is None or timer.status == "pending"
