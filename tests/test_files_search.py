"""Files become searchable by name and extracted text, only for those who may read them."""

from __future__ import annotations

import asyncio
from typing import Any

from beanie import PydanticObjectId

from hub.models.files import StoredFile
from tests import file_samples as samples
from tests.conftest import World
from tests.test_files import channel_with, upload


async def indexed(file_id: str, within: float = 20.0) -> StoredFile:
    """Wait for the extraction timer to have run (the scheduler fires it on its own)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        doc = await StoredFile.get(PydanticObjectId(file_id))
        if doc is not None and doc.indexed:
            return doc
        if loop.time() > deadline:
            raise AssertionError(f"file {file_id} not indexed within {within} s: {doc!r}")
        await asyncio.sleep(0.05)


async def find(world: World, token: str, q: str) -> list[dict[str, Any]]:
    status, body = await world.api("GET", "/api/v1/search", token, params={"q": q, "kinds": "files"})
    assert status == 200, body
    return list(body["files"]["items"])


async def test_text_of_each_kind_is_extracted_and_found(world: World) -> None:
    cid, (ta, tb) = await channel_with(world, "alice", "bob")
    await world.user("mallory")
    tm = await world.login("mallory")
    made = {
        "pdf": (samples.pdf("quarterly budget lanzhou"), "a.pdf"),
        "docx": (samples.docx("承办意见：同意报送预算执行情况"), "b.docx"),
        "xlsx": (samples.xlsx("城关区 财政收入"), "c.xlsx"),
        "ofd": (samples.ofd("电子发票 兰州新区"), "d.ofd"),
        "png": (samples.png(), "现场照片.png"),
    }
    ids = {}
    for kind, (data, name) in made.items():
        status, body = await upload(world, ta, cid, data, name)
        assert status == 200, body
        ids[kind] = body["id"]
    docs = {kind: await indexed(fid) for kind, fid in ids.items()}
    assert docs["pdf"].text_status == "done" and "budget" in docs["pdf"].text
    assert docs["png"].text_status == "none"
    status, meta = await world.api("GET", f"/api/v1/files/{ids['docx']}", tb)
    assert meta["text_status"] == "done" and "text" not in meta
    assert [h["file_id"] for h in await find(world, tb, "budget")] == [ids["pdf"]]
    hits = await find(world, tb, "预算执行")
    assert [h["file_id"] for h in hits] == [ids["docx"]] and "预算执行" in hits[0]["snippet"]
    assert [h["file_id"] for h in await find(world, tb, "财政收入")] == [ids["xlsx"]]
    assert [h["file_id"] for h in await find(world, tb, "兰州新区")] == [ids["ofd"]]
    # By name too (an image has no text).
    assert [h["file_id"] for h in await find(world, tb, "现场照片")] == [ids["png"]]
    # Someone outside the channel finds none of it.
    for q in ("budget", "预算执行", "财政收入", "兰州新区", "现场照片"):
        assert await find(world, tm, q) == []


async def test_a_damaged_file_is_kept_but_marked(world: World) -> None:
    cid, (ta,) = await channel_with(world, "alice")
    broken = samples.pdf()[:40]  # the header survives, the rest does not
    status, body = await upload(world, ta, cid, broken, "坏文件.pdf")
    assert status == 200, body
    doc = await indexed(body["id"])
    assert doc.text_status == "failed"
    assert [h["file_id"] for h in await find(world, ta, "坏文件")] == [body["id"]]
