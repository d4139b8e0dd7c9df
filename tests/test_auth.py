"""Login, sessions, lockout, logout and disabling accounts, through the HTTP API and real sockets."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
import socketio

from hub.actions.auth import do_disable_user
from hub.lib.security import hash_token
from hub.lib.timeutil import utcnow
from hub.models import AuthSession, User
from tests.conftest import PASSWORD, World, make_settings


async def test_login_sets_httponly_cookie_and_me_works(world: World) -> None:
    await world.user("zhangsan", "张三")
    resp = await world.client.post("/api/v1/session/login", json={"username": "ZhangSan", "password": PASSWORD})
    assert resp.status == 200
    body = await resp.json()
    cookie = resp.cookies["xt_session"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert body["user"]["name"] == "张三" and body["token"]
    me = await world.client.get("/api/v1/session/me")  # the client's cookie jar carries the session
    assert (await me.json())["username"] == "zhangsan"
    status, me2 = await world.api("GET", "/api/v1/session/me", body["token"])
    assert status == 200 and me2["id"] == body["user"]["id"]


async def test_secrets_are_hashed_at_rest(world: World) -> None:
    await world.user("lisi")
    token = await world.login("lisi")
    user = await User.find_one(User.username == "lisi")
    assert user is not None and user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
    session = await AuthSession.find_one(AuthSession.user_id == user.id)
    assert session is not None and session.token_hash == hash_token(token) and token not in session.token_hash


async def test_wrong_password_and_unknown_user_look_the_same(world: World) -> None:
    await world.user("wangwu")
    for username in ("wangwu", "nobody"):
        resp = await world.client.post("/api/v1/session/login", json={"username": username, "password": "bad"})
        assert resp.status == 401
        err = (await resp.json())["error"]
        assert err["code"] == "bad_credentials" and err["message"] == "用户名或密码错误" and err["message_en"]


async def test_five_failures_lock_the_account(world: World) -> None:
    await world.user("zhaoliu")
    for _ in range(4):
        resp = await world.client.post("/api/v1/session/login", json={"username": "zhaoliu", "password": "bad"})
        assert (await resp.json())["error"]["code"] == "bad_credentials"
    resp = await world.client.post("/api/v1/session/login", json={"username": "zhaoliu", "password": "bad"})
    assert resp.status == 423
    # Locked: even the right password is refused, and the answer says for how long.
    resp = await world.client.post("/api/v1/session/login", json={"username": "zhaoliu", "password": PASSWORD})
    err = (await resp.json())["error"]
    assert resp.status == 423 and err["code"] == "account_locked"
    assert 0 < err["retry_after_seconds"] <= 15 * 60
    # When the lock runs out, the right password works again.
    world.hub.clock.advance(timedelta(minutes=15, seconds=1))
    assert await world.login("zhaoliu")


async def test_logout_revokes_the_token_and_closes_its_sockets(world: World) -> None:
    await world.user("sunqi")
    token = await world.login("sunqi")
    other = await world.login("sunqi")
    rec = await world.socket(token)
    other_rec = await world.socket(other)
    status, _ = await world.api("POST", "/api/v1/session/logout", token)
    assert status == 204
    status, body = await world.api("GET", "/api/v1/session/me", token)
    assert status == 401 and body["error"]["code"] == "unauthenticated"
    await rec.wait_for("session.ended")
    for _ in range(100):
        if not rec.sio.connected:
            break
        await asyncio.sleep(0.02)
    assert not rec.sio.connected
    # The same user's other session is untouched.
    assert (await world.api("GET", "/api/v1/session/me", other))[0] == 200 and other_rec.sio.connected


async def test_idle_and_expired_sessions_stop_working(world: World) -> None:
    user = await world.user("zhouba")
    token = await world.login("zhouba")
    coll = AuthSession.get_pymongo_collection()
    await coll.update_one({"user_id": user.id}, {"$set": {"last_seen_at": utcnow() - timedelta(minutes=31)}})
    status, body = await world.api("GET", "/api/v1/session/me", token)
    assert status == 401 and body["error"]["code"] == "session_expired"
    token = await world.login("zhouba")
    await coll.update_one({"token_hash": hash_token(token)}, {"$set": {"expires_at": utcnow() - timedelta(seconds=1)}})
    assert (await world.api("GET", "/api/v1/session/me", token))[1]["error"]["code"] == "session_expired"


async def test_disabling_revokes_sessions_and_disconnects_at_once(world: World) -> None:
    user = await world.user("wujiu")
    token = await world.login("wujiu")
    rec = await world.socket(token)
    await do_disable_user(world.hub, user)
    ended = await rec.wait_for("session.ended")
    assert ended[0]["reason"] == "disabled"
    for _ in range(100):
        if not rec.sio.connected:
            break
        await asyncio.sleep(0.02)
    assert not rec.sio.connected
    assert (await world.api("GET", "/api/v1/session/me", token))[0] == 401
    resp = await world.client.post("/api/v1/session/login", json={"username": "wujiu", "password": PASSWORD})
    assert (await resp.json())["error"]["code"] == "account_disabled"
    with pytest.raises(socketio.exceptions.ConnectionError):
        await world.socket(token)


@pytest.mark.parametrize("auth", [None, {"token": "not-a-real-token"}, {"token": 42}])
async def test_socket_connect_needs_a_valid_session(world: World, auth: Any) -> None:
    sio = socketio.AsyncClient(reconnection=False)
    refusals: list[Any] = []
    sio.on("connect_error", refusals.append)
    with pytest.raises(socketio.exceptions.ConnectionError):
        await sio.connect(str(world.client.make_url("/")), auth=auth, transports=["websocket"], wait_timeout=5)
    assert refusals and refusals[0]["data"]["code"] == "unauthenticated" and refusals[0]["data"]["message_en"]


async def test_socket_connects_with_the_session_cookie(world: World) -> None:
    await world.user("cookieuser")
    token = await world.login("cookieuser")
    sio = socketio.AsyncClient(reconnection=False)
    await sio.connect(str(world.client.make_url("/")), headers={"Cookie": f"xt_session={token}"},
                      transports=["websocket"], wait_timeout=5)
    assert sio.connected
    await sio.disconnect()


async def test_settings_come_from_hub_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUB_PORT", "9191")
    monkeypatch.setenv("HUB_LOGIN_MAX_FAILURES", "3")
    s = make_settings()
    assert s.port == 9191 and s.login_max_failures == 3
