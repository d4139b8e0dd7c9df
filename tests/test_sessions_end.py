"""Every way a session ends sends `session.ended` with its reason, disconnects the socket and stops pushes."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from hub.actions.auth import do_disable_user
from hub.actions.org import do_reset_password, do_set_roles
from tests.conftest import Recorder, World


async def _setup(world: World) -> tuple[Any, Recorder, Recorder, str, str]:
    unit = await world.unit("czj", "市财政局")
    user = await world.user("zhangsan", "张三", units=[unit])
    await world.user("lisi", "李四", units=[unit])
    token, other = await world.login("zhangsan"), await world.login("lisi")
    rec, sender = await world.socket(token), await world.socket(other)
    (channel,) = (await world.api("GET", "/api/v1/channels", other))[1]["channels"]
    return user, rec, sender, token, channel["id"]


def disconnected(rec: Recorder) -> asyncio.Event:
    """Set when the client sees its connection close (at once if it already has)."""
    gone = asyncio.Event()
    rec.sio.on("disconnect", lambda *args: gone.set())
    if not rec.sio.connected:
        gone.set()
    return gone


async def _ended_within_2s(world: World, rec: Recorder, sender: Recorder, channel_id: str, reason: str) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    gone = disconnected(rec)
    (ended,) = await rec.wait_for("session.ended", within=2.0)
    assert ended["reason"] == reason
    await asyncio.wait_for(gone.wait(), max(0.01, 2.0 - (loop.time() - started)))
    assert not rec.sio.connected
    # No pushes after the end.
    seen = len(rec.of("message.new"))
    ack = await sender.call("message.send", {"channel_id": channel_id, "content": "之后", "client_msg_id": reason})
    assert ack["ok"]
    await sender.wait_for("message.new", where=lambda e: e["message"]["content"] == "之后")
    assert len(rec.of("message.new")) == seen


async def test_idle_timeout_ends_the_socket(world: World) -> None:
    _, rec, sender, token, channel_id = await _setup(world)
    await sender.call("message.send", {"channel_id": channel_id, "content": "之前", "client_msg_id": "b"})
    await rec.wait_for("message.new")
    world.hub.clock.advance(timedelta(minutes=20))
    assert rec.sio.connected
    # Activity re-arms the deadline: 20 + 20 minutes is past the idle limit, but not 20 idle minutes.
    assert (await rec.call("channel.read", {"channel_id": channel_id, "seq": 1}))["ok"]
    assert (await sender.call("channel.read", {"channel_id": channel_id, "seq": 1}))["ok"]
    world.hub.clock.advance(timedelta(minutes=20))
    # A round trip through the hub after the move, by another session: had the deadline fired, it would have.
    assert (await sender.call("channel.read", {"channel_id": channel_id, "seq": 1}))["ok"]
    assert rec.sio.connected and not rec.of("session.ended")
    world.hub.clock.advance(timedelta(minutes=11))
    await _ended_within_2s(world, rec, sender, channel_id, "idle")
    assert (await world.api("GET", "/api/v1/session/me", token))[0] == 401


async def test_absolute_expiry_ends_an_active_socket(world: World) -> None:
    _, rec, sender, token, channel_id = await _setup(world)
    for _ in range(28):  # active every 25 minutes: never idle, but 12 hours end it anyway
        world.hub.clock.advance(timedelta(minutes=25))
        ack = await rec.call("channel.read", {"channel_id": channel_id, "seq": 0})
        assert ack["ok"], ack
        # the other socket stays active too
        assert (await sender.call("channel.read", {"channel_id": channel_id, "seq": 0}))["ok"]
    assert rec.sio.connected
    world.hub.clock.advance(timedelta(minutes=25))  # 12 h 5 min since login
    (ended,) = await rec.wait_for("session.ended", within=2.0)
    assert ended["reason"] == "expired"
    assert (await world.api("GET", "/api/v1/session/me", token))[0] == 401


async def test_password_reset_ends_sockets(world: World) -> None:
    user, rec, sender, token, channel_id = await _setup(world)
    await do_reset_password(world.hub, user, "NewPassw0rd!")
    await _ended_within_2s(world, rec, sender, channel_id, "password_reset")
    assert (await world.api("GET", "/api/v1/session/me", token))[0] == 401


async def test_role_change_ends_sockets(world: World) -> None:
    user, rec, sender, token, channel_id = await _setup(world)
    await do_set_roles(world.hub, user, ["staff"])  # unchanged: nothing ends
    assert (await sender.call("channel.read", {"channel_id": channel_id, "seq": 0}))["ok"]  # a round trip after it
    assert rec.sio.connected and not rec.of("session.ended")
    await do_set_roles(world.hub, user, ["staff", "leader"])
    await _ended_within_2s(world, rec, sender, channel_id, "role_changed")
    assert (await world.api("GET", "/api/v1/session/me", token))[0] == 401


async def test_logout_and_disable_stop_pushes(world: World) -> None:
    user, rec, sender, token, channel_id = await _setup(world)
    assert (await world.api("POST", "/api/v1/session/logout", token))[0] == 204
    await _ended_within_2s(world, rec, sender, channel_id, "logout")
    rec2 = await world.socket(await world.login("zhangsan"))
    await do_disable_user(world.hub, user)
    await _ended_within_2s(world, rec2, sender, channel_id, "disabled")
