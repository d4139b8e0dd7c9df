"""Chat carries files: a message refers to files uploaded to its channel, and every member sees and opens them."""

from __future__ import annotations

from tests import file_samples as samples
from tests.conftest import World
from tests.test_files import channel_with, upload


async def test_a_message_carries_channel_files_to_every_member(world: World) -> None:
    cid, (ta, tb) = await channel_with(world, "alice", "bob")
    rec_b = await world.socket(tb)
    fid = (await upload(world, ta, cid, samples.pdf("minutes"), "会议纪要.pdf"))[1]["id"]
    pid = (await upload(world, ta, cid, samples.png(), "现场.png"))[1]["id"]
    # Files only: the text may be empty.
    status, msg = await world.api("POST", f"/api/v1/channels/{cid}/messages", ta,
                                  json={"content": "", "client_msg_id": "f-1", "file_ids": [fid, pid]})
    assert status == 201, msg
    want = [(fid, "会议纪要.pdf", "pdf", True), (pid, "现场.png", "png", True)]
    got = [(a["file_id"], a["name"], a["kind"], a["previewable"]) for a in msg["attachments"]]
    assert got == want
    (event,) = await rec_b.wait_for("message.new")
    assert [a["file_id"] for a in event["message"]["attachments"]] == [fid, pid]
    # Bob opens it from the message.
    resp = await world.client.get(f"/api/v1/files/{fid}/content", headers=world.auth(tb))
    assert resp.status == 200 and await resp.read() == samples.pdf("minutes")
    # History carries the attachments; plain messages have none.
    await world.api("POST", f"/api/v1/channels/{cid}/messages", tb, json={"content": "收到", "client_msg_id": "p"})
    _, hist = await world.api("GET", f"/api/v1/channels/{cid}/messages", tb)
    by_seq = {m["seq"]: m for m in hist["messages"]}
    assert [a["name"] for a in by_seq[1]["attachments"]] == ["会议纪要.pdf", "现场.png"]
    assert by_seq[2]["attachments"] == []
    # Over the socket too.
    sent = await rec_b.call("message.send", {"channel_id": cid, "content": "再发一次", "client_msg_id": "s-1",
                                             "file_ids": [fid]})
    assert sent["ok"] and [a["file_id"] for a in sent["data"]["attachments"]] == [fid], sent
    # A recalled message no longer shows its files.
    status, recalled = await world.api("POST", f"/api/v1/messages/{msg['id']}/recall", ta)
    assert status == 200 and recalled["attachments"] == []


async def test_files_of_other_channels_cannot_be_carried(world: World) -> None:
    cid, (ta, tb) = await channel_with(world, "alice", "bob")
    status, other = await world.api("POST", "/api/v1/channels", tb, json={"name": "别处", "member_ids": []})
    assert status == 200
    elsewhere = (await upload(world, tb, other["id"], samples.pdf(), "别处.pdf"))[1]["id"]
    mine = (await upload(world, ta, cid, samples.pdf(), "这里.pdf"))[1]["id"]
    cases = [
        ({"content": "看这个", "file_ids": [elsewhere]}, 404, "not_found"),
        ({"content": "看这个", "file_ids": ["000000000000000000000000"]}, 404, "not_found"),
        ({"content": "看这个", "file_ids": ["junk"]}, 404, "not_found"),
        ({"content": "看这个", "file_ids": [mine, mine]}, 400, "invalid_request"),
        ({"content": "", "file_ids": []}, 400, "empty_message"),
        ({"content": "x", "file_ids": [mine] * 11}, 400, "invalid_request"),
    ]
    for body, status_want, code in cases:
        status, out = await world.api("POST", f"/api/v1/channels/{cid}/messages", ta, json=body)
        assert (status, out["error"]["code"]) == (status_want, code), (body, out)
    _, hist = await world.api("GET", f"/api/v1/channels/{cid}/messages", ta)
    assert hist["messages"] == []
