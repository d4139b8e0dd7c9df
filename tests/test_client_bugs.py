"""Regression tests for the server side of the client bugs (issue 16): what the channel list carries at
login, a poll's owner button, unknown paths, and the OpenAPI dump the web client's types come from."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient

from hub.app import all_endpoints, client_routes, create_app
from hub.views.meta import build_openapi
from tests.botkit import office, post_decision
from tests.conftest import World, make_settings

ROOT = Path(__file__).resolve().parent.parent


async def _channel(world: World, token: str, channel_id: str) -> dict[str, Any]:
    status, body = await world.api("GET", "/api/v1/channels", token)
    assert status == 200
    return next(c for c in body["channels"] if c["id"] == channel_id)


async def test_channel_list_carries_last_message_and_pending_cards(world: World) -> None:
    o = await office(world)
    cid = o["channel_id"]
    assert (await _channel(world, o["t_zhangsan"], cid))["last_message"] is None
    status, sent = await world.api("POST", f"/api/v1/channels/{cid}/messages", o["t_zhangsan"],
                                   json={"content": "预算表已上传", "client_msg_id": "lm-1"})
    assert status == 201
    listed = await _channel(world, o["t_majun"], cid)
    assert listed["last_message"]["id"] == sent["id"] and listed["last_message"]["content"] == "预算表已上传"
    assert listed["pending_card_ids"] == []

    card = await post_decision(world, o)
    head = await _channel(world, o["t_majun"], cid)
    staff = await _channel(world, o["t_zhangsan"], cid)
    # The head must decide: the card is pending for him without opening the channel; not for the staff.
    assert head["pending_card_ids"] == [card["id"]] and staff["pending_card_ids"] == []
    assert head["last_message"]["card"]["id"] == card["id"]
    assert [a["id"] for a in head["last_message"]["card"]["actions"]] == ["approve", "reject"]
    assert staff["last_message"]["card"]["actions"] == []

    rec = await world.socket(o["t_majun"])
    ack = await rec.call("card.action", {"card_id": card["id"], "action_id": "approve", "version": card["version"],
                                         "request_id": "lm-approve"})
    assert ack["ok"], ack
    assert (await _channel(world, o["t_majun"], cid))["pending_card_ids"] == []


async def test_poll_close_button_is_not_pending_work_for_its_creator(world: World) -> None:
    o = await office(world)
    rec = await world.socket(o["t_zhangsan"])
    ack = await rec.call("command.run", {"channel_id": o["channel_id"], "text": '/poll "周五团建去哪" 白银 会宁'})
    assert ack["ok"], ack
    _, hist = await world.api("GET", f"/api/v1/channels/{o['channel_id']}/messages", o["t_zhangsan"])
    card = hist["messages"][-1]["card"]
    actions = {a["id"]: a for a in card["actions"]}
    # The creator can still close it, but nothing is waiting for them (the votes are for anyone).
    assert actions["close"]["label"] == "结束投票" and actions["close"]["personal"] is False
    assert not any(a["personal"] for a in card["actions"])
    assert (await _channel(world, o["t_zhangsan"], o["channel_id"]))["pending_card_ids"] == []


async def _spa_client(aiohttp_client: Any, root: Path) -> TestClient[Any, Any]:
    (root / "assets").mkdir()
    (root / "index.html").write_text("<!doctype html><div id=app></div>")
    (root / "assets" / "app.js").write_text("console.log(1)")
    app = create_app(make_settings(webclient_dir=str(root)), banner=False)
    client: TestClient[Any, Any] = await aiohttp_client(app)
    return client


async def test_unknown_paths_are_404_and_client_routes_serve_the_app(aiohttp_client: Any, tmp_path: Path) -> None:
    shipped = json.loads((ROOT / "webclient" / "public" / "routes.json").read_text())["paths"]
    (tmp_path / "routes.json").write_text(json.dumps({"paths": [*shipped, "/work/:rest*"]}))
    client = await _spa_client(aiohttp_client, tmp_path)
    for path in ["/", "/login", "/contacts", "/c/65f0a1b2c3d4e5f601234567", "/work", "/work/tasks/1"]:
        resp = await client.get(path)
        assert resp.status == 200 and "id=app" in await resp.text(), path
    assert (await client.get("/assets/app.js")).status == 200
    for path in ["/files/x.xlsx", "/favicon.ico", "/c/1/2", "/nothing", "/assets/missing.js", "/index.php"]:
        resp = await client.get(path)
        assert resp.status == 404, path
        assert "id=app" not in await resp.text()
    resp = await client.get("/api/v1/nothing-here")
    assert resp.status == 404 and (await resp.json())["error"]["code"] == "not_found"


def test_client_routes_without_a_list_fall_back_to_the_shipped_ones(tmp_path: Path) -> None:
    assert client_routes(tmp_path) == ["/", "/login", "/contacts", "/c/{id}"]
    (tmp_path / "routes.json").write_text('{"paths": ["/x/:a/:rest*"]}')
    assert client_routes(tmp_path) == ["/x/{a}{rest:(?:/.*)?}"]


def test_openapi_command_prints_the_served_document_and_responses_require_every_field() -> None:
    out = subprocess.run([sys.executable, "-m", "hub", "openapi"], cwd=ROOT, capture_output=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "HUB_LOG_LEVEL": "warning"})
    doc = json.loads(out.stdout)
    assert doc == json.loads(json.dumps(build_openapi(all_endpoints())))
    channel = doc["components"]["schemas"]["ChannelOut"]
    # Responses are dumped whole, so generated client types need no optional fields.
    assert set(channel["required"]) == set(channel["properties"])
    assert {"last_message", "pending_card_ids"} <= set(channel["properties"])
    login = doc["components"]["schemas"]["LoginIn"]
    assert set(login["required"]) == {"username", "password"}


def test_readmes_use_paths_relative_to_the_project() -> None:
    # The 工作台's own client routes (/work/i/…, /work/new/…) are not machine paths.
    machine_path = re.compile(r"(?<![\w.])/(?:work|home|root|Users)/(?!i/|new/)[\w.-]+")
    for readme in [ROOT / "README.md", ROOT / "webclient" / "README.md", ROOT / "DEVELOPERS.md"]:
        found = machine_path.findall(readme.read_text())
        assert not found, f"{readme.relative_to(ROOT)}: {found}"
