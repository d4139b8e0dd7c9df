"""Side-by-side CPU of the round-2 read paths in one process (bench-only): old and new, same data, same moment.

    PYTHONPATH=. .venv/bin/python bench/round2_paths.py [--store memory|server] [--pages 200]

On a shared, loaded machine open-loop latencies say little; CPU seconds per operation, measured alternately for
the two paths in one process, still give their ratio. Figures: history page of 50 (Beanie + MessageOut +
model_dump_json, against raw PyMongo + one orjson encode), a socket event's session and user (the two store
reads and checks per event, against the socket's cache), entering 200 channel rooms at connect, and the buttons
of 20 cards on one page (seats and delegations read per card, against once per viewer: hub.permissions.Rights).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

import orjson
import socketio

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.inproc import inproc_hub  # noqa: E402
from hub import wire  # noqa: E402
from hub.actions.auth import authenticate_session  # noqa: E402
from hub.actions.messages import do_mark_read  # noqa: E402
from hub.cards import ActionRule, CardActionDef, CardStatus, PositionRule  # noqa: E402
from hub.models import AuthSession, Card, Channel, Message, Subscription, User  # noqa: E402
from hub.models.channels import subscription_id  # noqa: E402
from hub.permissions import Rights, actions_for  # noqa: E402
from hub.present import messages_out  # noqa: E402
from hub.queries import history  # noqa: E402
from hub.realtime.fast import FastAsyncManager  # noqa: E402
from hub.realtime.socket_auth import SocketAuth  # noqa: E402
from tests.conftest import World  # noqa: E402


async def _cpu(fn: Any, n: int) -> float:
    """CPU ms per call of the coroutine function fn, over n calls."""
    t0 = time.process_time()
    for _ in range(n):
        await fn()
    return round((time.process_time() - t0) * 1000 / n, 3)


async def run(store: str, pages: int) -> dict[str, Any]:
    async with inproc_hub(store) as (client, hub):
        world = World(client, hub)
        unit = await world.unit("czj", "市财政局")
        user = await world.user("zhangsan", "张三", units=[unit])
        token = await world.login("zhangsan")
        (ch,) = (await world.api("GET", "/api/v1/channels", token))[1]["channels"]
        for i in range(60):
            status, _ = await world.api("POST", f"/api/v1/channels/{ch['id']}/messages", token,
                                        json={"content": f"第{i}条：请各位查收预算表", "client_msg_id": f"m-{i}"})
            assert status == 201
        channel = await Channel.get(ch["id"])
        assert channel is not None

        async def model_page() -> None:
            page = await Message.find(Message.channel_id == channel.id).sort("-seq").limit(51).to_list()
            page = sorted(page[:50], key=lambda m: m.seq)
            wire.HistoryOut(messages=await messages_out(page, user, hub.clock.now()),
                            has_more=True).model_dump_json()

        async def raw_page() -> None:
            orjson.dumps(await history(hub, user, channel, None, None, 50))

        session = await AuthSession.find_one(AuthSession.user_id == user.id)
        assert session is not None and session.id is not None
        sid = session.id
        cache = SocketAuth()
        cache.keep("sid", user, session, hub.clock.now())

        async def reread() -> None:
            await authenticate_session(hub, sid)

        async def cached() -> None:
            await cache.user_and_session(hub, "sid", sid, lambda: authenticate_session(hub, sid))

        sub = await Subscription.get(subscription_id(channel.id, user.id))
        assert sub is not None
        await do_mark_read(hub, user, channel, sub.model_copy(), channel.last_seq)
        stale = sub.model_copy(update={"last_read_seq": 0})  # what the old code did: write, though nothing moves

        async def read_written() -> None:
            await do_mark_read(hub, user, channel, stale.model_copy(), channel.last_seq)

        fresh = sub.model_copy(update={"last_read_seq": channel.last_seq})

        async def read_skipped() -> None:
            await do_mark_read(hub, user, channel, fresh, channel.last_seq)

        # Twenty cards whose buttons are the unit head's (zhangsan is not): each check must read the seats and
        # the delegations, which is the expensive case.
        head_only = ActionRule(positions=[PositionRule(unit_id=str(unit.id), head=True)])
        buttons = [CardActionDef.model_validate({"id": a, "label": a, "rule": head_only})
                   for a in ("approve", "reject")]
        cards = [Card.model_construct(kind="approval", title="请示", status=CardStatus(code="open", label="待审批"),
                                      bot="bench", fallback_text="请示", actions=buttons) for _ in range(20)]

        async def buttons_per_card() -> None:
            for card in cards:
                assert await actions_for(user, card, now=hub.clock.now()) == []

        async def buttons_per_viewer() -> None:
            rights = Rights(user, hub.clock.now())
            for card in cards:
                assert await rights.actions(card) == []

        out: dict[str, Any] = {"store": store, "pages": pages}
        for _ in range(2):  # alternate, twice: warm-up and drift show as differences between rounds
            out["history_model_ms"] = await _cpu(model_page, pages)
            out["history_raw_ms"] = await _cpu(raw_page, pages)
            out["event_auth_reread_ms"] = await _cpu(reread, pages)
            out["event_auth_cached_ms"] = await _cpu(cached, pages)
            out["mark_read_unmoved_written_ms"] = await _cpu(read_written, pages)
            out["mark_read_unmoved_skipped_ms"] = await _cpu(read_skipped, pages)
            out["card_buttons_20_per_card_ms"] = await _cpu(buttons_per_card, pages)
            out["card_buttons_20_per_viewer_ms"] = await _cpu(buttons_per_viewer, pages)
        out["history_ratio"] = round(out["history_model_ms"] / max(out["history_raw_ms"], 1e-9), 2)
        out["rooms"] = await _rooms()
        assert await User.find_all().count() > 0
        return out


async def _rooms() -> dict[str, float]:
    """CPU µs to enter 200 rooms: one awaited enter_room per room (as before), against one enter_rooms batch."""
    manager = FastAsyncManager()
    socketio.AsyncServer(async_mode="aiohttp", client_manager=manager)
    rooms = [f"ch:{i:024x}" for i in range(200)]
    n = 200
    sids = [await manager.connect(f"e{i}", "/") for i in range(2 * n)]
    t0 = time.process_time()
    for sid in sids[:n]:
        for room in rooms:
            await manager.enter_room(sid, "/", room)
    t1 = time.process_time()
    for sid in sids[n:]:
        manager.enter_rooms(sid, "/", rooms)
    t2 = time.process_time()
    assert all(len(manager.rooms["/"][room]) == 2 * n for room in rooms)
    return {"one_by_one_us": round((t1 - t0) * 1e6 / n, 1), "batch_us": round((t2 - t1) * 1e6 / n, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=["memory", "server"], default="memory")
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.store, args.pages))))


if __name__ == "__main__":
    main()
