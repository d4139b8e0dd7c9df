"""A bot in its own process (`python -m bots`), replicated, reached over HTTP and Socket.IO with its token."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bots.poll import PollBot
from hub.actions.bots import do_issue_bot_token, ensure_bot
from hub.models import Card
from tests.conftest import World, make_settings
from tests.test_bots import _poll

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def settings(store_kwargs: dict[str, Any]) -> Any:
    # Only the webhook bot runs inside this hub; the poll bot has to come from its own process.
    return make_settings(embedded_bots=["webhook"], **store_kwargs)


def _start_bot(url: str, token: str, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "XIETONG_URL": url, "XIETONG_BOT_TOKEN": token, "HUB_LOG_LEVEL": "INFO"}
    return subprocess.Popen([sys.executable, "-m", "bots", "poll"], cwd=ROOT, env=env, stdout=log.open("w"),
                            stderr=subprocess.STDOUT)


async def test_a_bot_in_its_own_process_replicated_handles_each_job_once(world: World, tmp_path: Path) -> None:
    unit = await world.unit("czj", "市财政局")
    for name in ("zhangsan", "lisi"):
        await world.user(name, units=[unit])
    await ensure_bot("poll", "投票助手", list(PollBot.commands))
    token = await do_issue_bot_token(world.hub, None, "poll")
    url = str(world.client.make_url("/")).rstrip("/")
    replicas = [_start_bot(url, token, tmp_path / f"bot{i}.log") for i in range(2)]
    try:
        a = await world.socket(await world.login("zhangsan"))
        b = await world.socket(await world.login("lisi"))
        (channel,) = (await world.api("GET", "/api/v1/channels", await world.login("lisi")))[1]["channels"]
        for _ in range(100):  # wait until both replicas are connected
            if len(list(world.hub.realtime.sio.manager.get_participants("/", "bot:poll"))) == 2:
                break
            await asyncio.sleep(0.1)
        card = await _poll(world, a, channel["id"], '/poll "分开跑的机器人" 行 不行')
        assert await Card.find(Card.bot == "poll").count() == 1  # two replicas, one card
        vote = await b.call("card.action", {"card_id": card["id"], "action_id": "vote:0", "version": 1,
                                            "request_id": "remote-1"})
        assert vote["ok"], vote
        (update,) = await a.wait_for("card.updated")
        assert update["card"]["fields"][0]["value"] == "1 票（100%）"
        # Cut both replicas off: they come back by themselves and take the next job.
        sio = world.hub.realtime.sio
        for sid, _ in list(sio.manager.get_participants("/", "bot:poll")):
            await sio.disconnect(sid)
        for _ in range(100):
            if len(list(sio.manager.get_participants("/", "bot:poll"))) == 2:
                break
            await asyncio.sleep(0.1)
        await _poll(world, a, channel["id"], '/poll "重连之后" 好 不好')
        assert await Card.find(Card.bot == "poll").count() == 2
    finally:
        for proc in replicas:
            proc.terminate()
            proc.wait(timeout=10)
    logs = "".join((tmp_path / f"bot{i}.log").read_text() for i in range(2))
    assert "connected to" in logs
