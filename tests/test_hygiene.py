"""Browser and HTTP hygiene through the real server: headers, same-origin writes, JSON depth, Secure cookies,
malformed Socket.IO/Engine.IO frames, the development secret warning."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import pytest

from hub.models import Card, Message
from hub.store.embedded import STOP_TIMEOUT_S
from tests.botkit import decision_card, office
from tests.conftest import PASSWORD, World, make_settings

ROOT = Path(__file__).resolve().parent.parent


async def test_every_response_carries_the_security_headers(world: World) -> None:
    for path in ("/healthz", "/api/v1/openapi.json", "/api/v1/channels", "/api/v1/nothing",
                 "/socket.io/?EIO=4&transport=polling"):
        resp = await world.client.get(path)
        csp = resp.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp, path
        assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert resp.headers["Referrer-Policy"] == "same-origin"
        assert "aiohttp" not in resp.headers.get("Server", "").lower() and "python" not in resp.headers["Server"]


def test_the_web_client_has_no_inline_script() -> None:
    pages = [ROOT / "webclient" / "index.html", ROOT / "webclient" / "dist" / "index.html"]
    checked = 0
    for page in pages:
        if not page.exists():
            continue
        checked += 1
        for tag in re.findall(r"<script\b[^>]*>(.*?)</script>", page.read_text(), flags=re.S | re.I):
            assert not tag.strip(), f"inline script in {page}"
        assert not re.search(r"\son[a-z]+\s*=", page.read_text(), flags=re.I), f"inline handler in {page}"
    assert checked


async def test_cross_site_writes_are_refused_including_bodiless_posts(world: World) -> None:
    o = await office(world)
    url = f"/api/v1/channels/{o['channel_id']}/messages"
    status, sent = await world.api("POST", url, o["t_zhangsan"], json={"content": "会议改到三点"})
    assert status == 201
    evil = {"Origin": "https://evil.example", "Authorization": f"Bearer {o['t_zhangsan']}"}
    forged: list[tuple[str, str, dict[str, Any]]] = [
        ("POST", url, {"json": {"content": "伪造"}}),
        ("POST", f"/api/v1/messages/{sent['id']}/recall", {}),
        ("POST", "/api/v1/session/logout", {}),
    ]
    for method, path, kwargs in forged:
        resp = await world.client.request(method, path, headers=evil, **kwargs)
        assert resp.status == 403 and (await resp.json())["error"]["code"] == "cross_origin", path
    resp = await world.client.post("/api/v1/session/logout", headers={
        "Sec-Fetch-Site": "cross-site", "Authorization": f"Bearer {o['t_zhangsan']}"})
    assert resp.status == 403
    assert (await Message.get(sent["id"])).recalled_at is None  # type: ignore[union-attr]
    # The hub's own page may write; so may clients that are not browsers (no Origin at all).
    own = {"Origin": str(world.client.make_url("/")).rstrip("/"), "Authorization": f"Bearer {o['t_zhangsan']}"}
    resp = await world.client.post(f"/api/v1/messages/{sent['id']}/recall", headers=own)
    assert resp.status == 200, await resp.text()
    assert (await world.api("GET", "/api/v1/session/me", o["t_zhangsan"]))[0] == 200


async def test_deep_json_is_a_clear_4xx_not_a_5xx(world: World) -> None:
    o = await office(world)
    from hub.actions.bots import do_issue_bot_token

    token = await do_issue_bot_token(world.hub, None, "webhook")
    card = decision_card(o["unit"])
    raw = json_with_context(card, o["channel_id"], depth=1000)
    resp = await world.client.post("/api/v1/bot/cards", data=raw, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    body = await resp.json()
    assert resp.status == 400 and body["error"]["code"] == "invalid_request" and "deeper" in body["error"]["detail"]
    assert await Card.find_all().count() == 0
    # The same through a signed integration push.
    from tests.botkit import push

    nested: Any = "x"
    for _ in range(200):
        nested = [nested]
    status, body = await push(world, o["secret"], {"channel_ids": [o["channel_id"]], "text": "hi", "x": nested})
    assert status == 400 and body["error"]["code"] == "invalid_request"
    # A moderately nested context is fine.
    raw = json_with_context(card, o["channel_id"], depth=10)
    resp = await world.client.post("/api/v1/bot/cards", data=raw, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    assert resp.status == 200


def json_with_context(card: dict[str, Any], channel_id: str, depth: int) -> bytes:
    import json

    head = json.dumps({"channel_ids": [channel_id], "card": {**card, "context": {"k": "__HOLE__"}}})
    inner = '{"a":' * depth + '"\\\\\\"[{"' + "}" * depth
    return head.replace('"__HOLE__"', inner).encode()


async def test_cookie_is_secure_over_https_through_a_trusted_proxy(aiohttp_client: Any) -> None:
    from hub.app import create_app

    client = await aiohttp_client(create_app(make_settings(trusted_proxies="127.0.0.1"), banner=False))
    from hub.views.base import HUB_KEY

    world = World(client, client.app[HUB_KEY])
    await world.user("https_user")
    login = {"username": "https_user", "password": PASSWORD}
    resp = await client.post("/api/v1/session/login", json=login, headers={"X-Forwarded-Proto": "https"})
    assert resp.status == 200 and resp.cookies["xt_session"]["secure"]
    resp = await client.post("/api/v1/session/login", json=login)
    assert resp.status == 200 and not resp.cookies["xt_session"]["secure"]


async def test_cookie_is_not_marked_secure_on_a_forged_proto(world: World) -> None:
    await world.user("plain")
    resp = await world.client.post("/api/v1/session/login", json={"username": "plain", "password": PASSWORD},
                                   headers={"X-Forwarded-Proto": "https"})
    assert resp.status == 200 and not resp.cookies["xt_session"]["secure"]  # the peer is no trusted proxy


@pytest.mark.parametrize("frames", [[""], ["9"], ["4{"], ["40garbage"], ['42["message.send",'], ["4" + "[" * 2000]])
async def test_malformed_frames_close_quietly(world: World, frames: list[str],
                                              caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(world.client.make_url("/socket.io/?EIO=4&transport=websocket"))
        opened = await ws.receive()
        assert opened.data.startswith("0{")
        for frame in frames:
            await ws.send_str(frame)
        ended = False
        for _ in range(3):
            msg = await asyncio.wait_for(ws.receive(), 5)
            if msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING):
                ended = True
                break
            assert msg.type == aiohttp.WSMsgType.TEXT and msg.data == "1"  # Engine.IO close, then the close
        assert ended or ws.closed
        await ws.close()
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not errors, [r.getMessage() for r in errors]
    assert any(r.levelno == logging.DEBUG and "malformed" in r.getMessage() for r in caplog.records)
    # The server is fine: a real client still connects.
    await world.user("after")
    rec = await world.socket(await world.login("after"))
    assert rec.sio.connected


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("demo", [False, True])
def test_startup_warns_about_the_development_secret_outside_the_demo(demo: bool, tmp_path: Path) -> None:
    # Its own data directory: the checkout's .data belongs to `make run`, and a store left there by anything else
    # made the embedded server's shutdown checkpoint slow.
    env = {**os.environ, "HUB_PORT": str(_free_port()), "HUB_ARGON2_TIME_COST": "1", "HUB_ARGON2_MEMORY_KIB": "8192",
           "HUB_EMBEDDED_BOTS": "[]", "HUB_DATA_DIR": str(tmp_path / "data")}
    env.pop("HUB_SECRET_KEY", None)
    args = [sys.executable, "-m", "hub", "run", *(["--demo"] if demo else [])]
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        output = ""
        assert proc.stdout is not None
        for line in proc.stdout:
            output += line
            if "协同 Xietong hub" in line:
                break
    finally:
        proc.terminate()
        try:
            # The hub allows the embedded server STOP_TIMEOUT_S to checkpoint; a loaded CI machine can need it.
            # communicate() drains the pipe, so a hub logging on its way out never blocks on a full one.
            proc.communicate(timeout=STOP_TIMEOUT_S + 15)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert ("HUB_SECRET_KEY is the development default" in output) is (not demo), output


@pytest.mark.parametrize("body", [b"9", b"\x00\x01", b"4{", b"40garbage"])
async def test_malformed_polling_payloads_close_quietly(world: World, body: bytes,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    opened = await world.client.get("/socket.io/?EIO=4&transport=polling")
    sid = orjson.loads((await opened.text())[1:])["sid"]
    url = f"/socket.io/?EIO=4&transport=polling&sid={sid}"
    await world.client.post(url, data=body)
    poll = await world.client.get(url)
    assert poll.status == 400  # the transport is closed
    assert (await world.client.get("/socket.io/?EIO=4&transport=polling&sid=made-up")).status == 400
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not errors, [r.getMessage() for r in errors]
    assert any(r.levelno == logging.DEBUG and "malformed" in r.getMessage() for r in caplog.records)
