"""Bench-only launcher: the real hub (create_app) with bench users, channels and sessions seeded in-process.

Seeding goes through the hub's own models (the store may be the in-process emulation, so it must
happen inside this process). Sessions are AuthSession rows with hashed tokens, exactly what login
writes, so connections authenticate through the real path without paying argon2 per user.
Ids and tokens are deterministic, so two processes on the emulation (T8) seed identical copies.

usage: python bench/hub_server.py LAYOUT.json SEED_OUT.json   (settings from HUB_* env)
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import json
import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from aiohttp import web
from beanie import PydanticObjectId

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hub.app import create_app  # noqa: E402
from hub.lib.security import hash_token  # noqa: E402
from hub.lib.timeutil import utcnow  # noqa: E402
from hub.models import AuthSession, Channel, Message, Subscription, User  # noqa: E402
from hub.settings import Settings  # noqa: E402

BATCH = 2000


def oid(kind: str, i: int) -> PydanticObjectId:
    return PydanticObjectId(hashlib.sha1(f"bench-{kind}-{i}".encode()).digest()[:12])


async def _insert(model: Any, docs: list[Any]) -> None:
    for s in range(0, len(docs), BATCH):
        await model.insert_many(docs[s:s + BATCH])


async def seed(layout: dict[str, Any], out: Path) -> None:
    n = layout["users"]
    now = utcnow()
    users = [User(id=oid("user", i), username=f"bench{i}", name=f"压测用户{i}", pinyin=f"yace{i}",
                  initials="yc") for i in range(n)]
    tokens = [f"bench-token-{i}-" + hashlib.sha256(f"t{i}".encode()).hexdigest()[:24] for i in range(n)]
    sessions = [AuthSession(id=oid("session", i), token_hash=hash_token(tokens[i]), user_id=users[i].id,
                            expires_at=now + timedelta(days=2)) for i in range(n)]
    kinds = layout.get("kinds") or ["group"] * len(layout["channels"])
    channels, subs = [], []
    user_chans: list[list[int]] = [[] for _ in range(n)]
    for ci, members in enumerate(layout["channels"]):
        kind = kinds[ci]
        ch = Channel(id=oid("channel", ci), kind=kind, name=f"压测频道{ci}" if kind == "group" else "",
                     direct_key=f"bench-{ci}" if kind == "direct" else None, created_by=users[members[0]].id)
        channels.append(ch)
        for u in members:
            subs.append(Subscription(channel_id=ch.id, user_id=users[u].id,
                                     role="owner" if u == members[0] else "member"))
            user_chans[u].append(ci)
    await _insert(User, users)
    await _insert(AuthSession, sessions)
    await _insert(Channel, channels)
    await _insert(Subscription, subs)
    history = int(layout.get("history", 0))
    if history:  # T7: one channel pre-filled with `history` messages, stored as the hub stores them
        # ... once indexed (search_pending 0): the past of a channel, not a backlog. Left pending, the hub's
        # search indexer took them on at start-up and ran through T7's window, so T7 measured the indexer too.
        ch, sender = channels[0], users[0]
        for start in range(1, history + 1, BATCH):  # built batch by batch: a million models at once is gigabytes
            await Message.insert_many([Message(channel_id=ch.id, seq=s, sender_id=sender.id, client_msg_id=f"h{s}",
                                               content=f"历史消息 {s} " + "x" * 180, search_pending=0)
                                       for s in range(start, min(history, start + BATCH - 1) + 1)])
        await Channel.get_pymongo_collection().update_one({"_id": ch.id}, {"$set": {"last_seq": history}})
        assert ch.id is not None
        out.with_name(out.name + ".plan").write_text(json.dumps(await _history_plan(ch.id)))
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({"tokens": tokens,
                               "channels": [{"id": str(c.id), "members": m}
                                            for c, m in zip(channels, layout["channels"], strict=True)],
                               "user_channels": user_chans, "pid": os.getpid()}))
    tmp.rename(out)


async def _history_plan(channel_id: PydanticObjectId) -> dict[str, Any]:
    """The query plan of the history page query (hub/queries.py history: channel_id, seq desc, limit)."""
    from hub.models.messages import Message as M

    coll = M.get_pymongo_collection()
    plan = await coll.find({"channel_id": channel_id}).sort("seq", -1).limit(51).explain()
    winning = plan.get("queryPlanner", {}).get("winningPlan", {})
    text = json.dumps(winning, default=str)
    index = "channel_seq_unique" if "channel_seq_unique" in text else ("COLLSCAN" if "COLLSCAN" in text else "?")
    return {"index": index, "emulation": bool(plan.get("queryPlanner", {}).get("emulation")),
            "winningPlan": text[:2000]}


def _site(frame: Any) -> str:
    """A traceback frame as a short place: the path below the repository or below site-packages."""
    name = str(frame.filename)
    for marker in ("site-packages/", str(ROOT) + "/"):
        if marker in name:
            name = name.split(marker, 1)[1]
    return f"{name}:{frame.lineno}"


async def _trace_memory(app: web.Application, want: int, report: Path) -> None:
    """BENCH_TRACEMALLOC=N: once N sockets are connected and their count has held for 2 s, the Python allocations
    made since start-up, per connection, by the line that made them (issue 18: where an idle connection's memory
    goes). Written to BENCH_TRACEMALLOC_OUT as JSON."""
    import tracemalloc

    from hub.views.base import HUB_KEY

    gc.collect()
    base = tracemalloc.take_snapshot()
    eio = app[HUB_KEY].realtime.sio.eio
    last, held = -1, 0
    while held < 2:
        await asyncio.sleep(1)
        count = len(eio.sockets)
        held = held + 1 if count == last and count >= want else 0
        last = count
    gc.collect()
    ignore = [tracemalloc.Filter(False, tracemalloc.__file__)]
    snap = tracemalloc.take_snapshot().filter_traces(ignore)
    by_line = snap.compare_to(base.filter_traces(ignore), "lineno")
    by_file = snap.compare_to(base.filter_traces(ignore), "filename")
    total = sum(s.size_diff for s in by_line)
    text = json.dumps({
        "connections": last, "bytes_per_connection": round(total / last, 1),
        "lines": [{"where": _site(s.traceback[0]), "bytes_per_connection": round(s.size_diff / last, 1),
                   "blocks": s.count_diff} for s in by_line[:25]],
        "files": [{"where": _site(s.traceback[0]).rsplit(":", 1)[0],
                   "bytes_per_connection": round(s.size_diff / last, 1)} for s in by_file[:15]],
    })
    await asyncio.to_thread(report.write_text, text)


def main() -> None:
    layout = json.loads(Path(sys.argv[1]).read_text())
    out = Path(sys.argv[2])
    settings = Settings()
    app = create_app(settings, banner=False)

    async def on_startup(app: web.Application) -> None:
        if os.environ.get("BENCH_SEED", "1") == "1":
            await seed(layout, out)
        gc.collect()
        if os.environ.get("BENCH_GC_FREEZE", "1") == "1":
            gc.freeze()
        print("ready", flush=True)

    app.on_startup.append(on_startup)
    trace_for = int(os.environ.get("BENCH_TRACEMALLOC", "0"))
    if trace_for:
        import tracemalloc

        # The search tokenizer's dictionary (about 40 MB, loaded at start-up in a thread) is once per process, not
        # a connection's memory, and slow to load under tracemalloc.
        from hub.search.text import warm_up

        warm_up()
        tracemalloc.start()
        report = Path(os.environ["BENCH_TRACEMALLOC_OUT"])
        tasks: set[asyncio.Task[None]] = set()

        async def traced() -> None:
            try:
                await _trace_memory(app, trace_for, report)
            except Exception as exc:  # the bench reads the report: say what went wrong there
                await asyncio.to_thread(report.write_text, json.dumps({"error": repr(exc)}))
                raise

        async def start_trace(app: web.Application) -> None:
            tasks.add(asyncio.get_running_loop().create_task(traced()))

        app.on_startup.append(start_trace)
    profile_to = os.environ.get("BENCH_PROFILE")  # a cProfile dump of the whole run, for finding hot spots
    if profile_to:
        import cProfile

        profiler = cProfile.Profile()

        async def start_profile(app: web.Application) -> None:
            profiler.enable()

        async def stop_profile(app: web.Application) -> None:
            profiler.disable()
            profiler.dump_stats(profile_to)

        app.on_startup.append(start_profile)
        app.on_shutdown.append(stop_profile)
    if os.environ.get("BENCH_UVLOOP", "1") == "1":
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    web.run_app(app, host=settings.host, port=settings.port, print=None, access_log=None)


if __name__ == "__main__":
    main()
