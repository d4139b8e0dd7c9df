"""Per-person 免打扰 and 置顶 on conversations: stored on the server, only for members, heard on other devices."""

from __future__ import annotations

import asyncio

from tests.conftest import World


async def test_mute_and_pin_are_per_person_and_reach_my_other_devices(world: World) -> None:
    unit = await world.unit("fin", "市财政局")
    await world.user("a1", "A1", units=[unit])
    await world.user("a2", "A2", units=[unit])
    await world.user("out", "OUT")
    a1, a2, out = [await world.login(n) for n in ("a1", "a2", "out")]
    _, listed = await world.api("GET", "/api/v1/channels", a1)
    [channel] = listed["channels"]
    path = f"/api/v1/channels/{channel['id']}/prefs"
    other_device = await world.socket(a1)

    status, pref = await world.api("PUT", path, a1, json={"muted": True})
    assert status == 200 and pref == {"channel_id": channel["id"], "muted": True, "pinned": False}
    [event] = await other_device.wait_for("conversation.prefs")
    assert event["pref"] == pref
    # Concurrent first writes from two devices leave one document holding both changes.
    results = await asyncio.gather(world.api("PUT", path, a2, json={"pinned": True}),
                                   world.api("PUT", path, a2, json={"muted": True}))
    assert [s for s, _ in results] == [200, 200]
    _, mine = await world.api("GET", "/api/v1/me/conversation-prefs", a2)
    assert mine["prefs"] == [{"channel_id": channel["id"], "muted": True, "pinned": True}]
    _, mine = await world.api("GET", "/api/v1/me/conversation-prefs", a1)
    assert mine["prefs"] == [{"channel_id": channel["id"], "muted": True, "pinned": False}]

    # Not a member, an unknown channel, nothing to change, a stray field: refused, and nothing stored.
    assert (await world.api("PUT", path, out, json={"muted": True}))[0] == 404
    assert (await world.api("PUT", "/api/v1/channels/nonsense/prefs", a1, json={"muted": True}))[0] == 404
    assert (await world.api("PUT", path, a1, json={}))[0] == 400
    assert (await world.api("PUT", path, a1, json={"muted": "yes please"}))[0] == 400
    assert (await world.api("PUT", path, a1, json={"colour": "red"}))[0] == 400
    assert (await world.api("GET", "/api/v1/me/conversation-prefs", out))[1]["prefs"] == []
