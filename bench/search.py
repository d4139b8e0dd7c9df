"""Search benchmark (not a test): query latency over a large index, on the emulation or on SecantusDB.

    .venv/bin/python bench/search.py --store server --messages 1000000
    .venv/bin/python bench/search.py --store memory --messages 200000

Seeds N messages straight into the store, the way a hub would have stored them, and indexes them with the
hub's own index code (`group_postings` + `write_postings`, one batch per week), then starts the hub on that
store and measures `GET /api/v1/search` through HTTP: a closed loop (one request at a time) and an open loop at
a fixed rate (latency counted from each request's scheduled time, so queueing shows). The client runs in the
hub's process and event loop (it costs a fraction of a millisecond a request; the figures include it).

The corpus: office chat generated from templates over a few hundred words (units, topics, documents, names,
dates), spread evenly over 400 channels and the last 52 weeks. The searcher is a member of 40 channels, so
a tenth of the messages are theirs to find. Writes bench/results/search-<store>.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp import ClientSession, web
from bson import ObjectId

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hub.actions.search_index import group_postings, posting_documents, week_of  # noqa: E402
from hub.app import create_app  # noqa: E402
from hub.lib.pinyin import search_keys  # noqa: E402
from hub.lib.timeutil import utcnow  # noqa: E402
from hub.models import Channel, Message, SearchPosting, Subscription, User  # noqa: E402
from hub.settings import Settings  # noqa: E402
from hub.views.base import HUB_KEY  # noqa: E402
from tests.storeserver import free_port, secantus_server  # noqa: E402

CHANNELS, VISIBLE, WEEKS, SENDERS = 400, 40, 52, 200
PASSWORD = "bench-password-1"

UNITS = ["市财政局", "市发改委", "市人社局", "市教育局", "市卫健委", "市自然资源局", "市数字办", "市政府办公室",
         "白银区", "平川区", "会宁县", "靖远县", "景泰县", "水川镇", "会师镇", "乌兰镇"]
TOPICS = ["预算执行", "年度决算", "专项资金", "项目申报", "安全生产", "防汛抗旱", "招商引资", "乡村振兴",
          "营商环境", "政务公开", "疫情防控", "审计整改", "绩效考核", "人才引进", "数字政府", "民生实事",
          "债务化解", "国有资产", "耕地保护", "教育督导", "医保基金", "社保扩面", "就业创业", "信访维稳"]
DOCS = ["通知", "报告", "请示", "方案", "纪要", "台账", "统计表", "汇报材料", "实施意见", "工作总结", "函", "批复"]
DAYS = ["周一", "周二", "周三", "周四", "周五", "明天", "今天下午", "本月底", "下周一", "月底前"]
ACTS = ["报送", "审核", "修改", "会签", "签发", "转发", "抄送", "归档", "核对", "补充"]
NAMES = ["张三", "李四", "王五", "马军", "张绍松", "陈志远", "孙丽", "周文", "吴芳", "郑凯", "唐莉", "黄伟",
         "杨雪", "罗勇", "刘海燕", "赵敏", "何静", "高鹏", "徐红", "袁静"]
TEMPLATES = [
    "请{u}于{d}前{a}{t}{doc}。",
    "关于{t}的{doc}已{a}，请{n}查收。",
    "{n}：{t}{doc}第{k}稿已上传，请各位{a}。",
    "{d}召开{t}专题会议，请{u}主要负责同志参加。",
    "收到，{t}相关数据{d}补齐。",
    "{u}的{t}{doc}还差{k}项，请尽快{a}。",
    "好的，{n}已{a}，文号白政发〔2026〕{k}号。",
    "OFD版{doc}已{a}到{u}，请{n}确认。",
    "{t}工作进展：完成{k}%，{d}再调度一次。",
    "请{n}把{t}{doc}{a}给我，谢谢！",
]


def message_text(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(u=rng.choice(UNITS), t=rng.choice(TOPICS), doc=rng.choice(DOCS),
                                        d=rng.choice(DAYS), a=rng.choice(ACTS), n=rng.choice(NAMES),
                                        k=rng.randint(1, 99))


QUERIES = [
    ("common word", {"q": "预算"}),
    ("two words", {"q": "预算执行 报告"}),
    ("name", {"q": "张绍松"}),
    ("rare pair", {"q": "耕地保护 批复"}),
    ("latin", {"q": "ofd"}),
    ("no match", {"q": "飞机场"}),
    ("channel filter", {"q": "会议"}),  # channel_id added at run time
]


_TAIL = os.urandom(5)


def _id_at(at: datetime, n: int) -> ObjectId:
    """An id made when the message was, as the hub's are: search orders by it."""
    return ObjectId(int(at.timestamp()).to_bytes(4, "big") + _TAIL + (n % 2**24).to_bytes(3, "big"))


async def seed(app: web.Application, messages: int) -> dict[str, Any]:
    """Users, channels and messages as stored documents; postings through the hub's index code."""
    hub = app[HUB_KEY]
    rng = random.Random(16)
    from hub.actions.org import do_create_user

    searcher = await do_create_user(hub, "searcher", "检索员", PASSWORD, ["staff"])
    users = []
    for i in range(SENDERS):
        name = NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else str(i))
        full, initials = search_keys(name)
        users.append({"_id": ObjectId(), "username": f"u{i}", "name": name, "pinyin": full, "initials": initials,
                      "password_hash": "", "roles": ["staff"], "disabled": False, "is_bot": False,
                      "failed_logins": 0, "created_at": utcnow()})
    await User.get_pymongo_collection().insert_many(users)
    sender_ids = [u["_id"] for u in users] + [searcher.id]
    channel_ids = [ObjectId() for _ in range(CHANNELS)]
    await Channel.get_pymongo_collection().insert_many([
        {"_id": cid, "kind": "group", "name": f"工作群{i}", "topic": "", "created_at": utcnow(), "last_seq": 0,
         "rev": 0} for i, cid in enumerate(channel_ids)])
    await Subscription.get_pymongo_collection().insert_many([
        Subscription(channel_id=cid, user_id=searcher.id).model_dump(by_alias=True)
        for cid in channel_ids[:VISIBLE]])
    seqs = dict.fromkeys(channel_ids, 0)
    end = utcnow()
    start = end - timedelta(weeks=WEEKS)
    step = (end - start) / max(messages, 1)
    started = time.monotonic()
    stored_postings = 0

    async def flush(batch: list[dict[str, Any]]) -> None:
        nonlocal stored_postings
        for i in range(0, len(batch), 5000):
            await Message.get_pymongo_collection().insert_many(batch[i:i + 5000], ordered=False)
        # One calendar week's postings are new documents, so they go in as batch inserts; a live hub
        # upserts the same documents with $addToSet (write_postings).
        docs = posting_documents(group_postings(batch))
        for i in range(0, len(docs), 1000):
            await SearchPosting.get_pymongo_collection().insert_many(docs[i:i + 1000], ordered=False)
        stored_postings += len(docs)
        rate = n / (time.monotonic() - started)
        print(f"  seeded {n:,} messages ({rate:,.0f}/s), {stored_postings:,} posting documents", flush=True)

    batch: list[dict[str, Any]] = []
    week = None
    for n in range(messages):
        at = start + step * n
        if week_of(at) != week and batch:
            await flush(batch)
            batch = []
        week = week_of(at)
        cid = channel_ids[n % CHANNELS]
        seqs[cid] += 1
        batch.append({"_id": _id_at(at, n), "channel_id": cid, "seq": seqs[cid],
                      "sender_id": rng.choice(sender_ids), "client_msg_id": f"b{n}", "content": message_text(rng),
                      "mentions": [], "created_at": at, "edited_at": None, "recalled_at": None, "rev": 0,
                      "card_id": None, "search_pending": 0})
    n = messages
    await flush(batch)
    for cid, last in seqs.items():
        await Channel.get_pymongo_collection().update_one({"_id": cid}, {"$set": {"last_seq": last}})
    seconds = time.monotonic() - started
    posting_docs = await SearchPosting.get_pymongo_collection().count_documents({})
    return {"messages": messages, "seed_seconds": round(seconds, 1), "posting_documents": posting_docs,
            "visible_channel": str(channel_ids[0])}


async def open_loop(one: Any, params: dict[str, str], requests: int, rate: float) -> list[float]:
    """Each request starts at its scheduled time whatever the others do; latency is counted from that time."""
    loop = asyncio.get_running_loop()
    t_start = loop.time() + 0.05
    opened: list[float] = []

    async def scheduled(i: int) -> None:
        due = t_start + i / rate
        await asyncio.sleep(max(0.0, due - loop.time()))
        await one(params)
        opened.append((loop.time() - due) * 1000)

    await asyncio.gather(*(scheduled(i) for i in range(requests)))
    return opened


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def measure(runner: web.AppRunner, seeded: dict[str, Any], requests: int, rate: float) -> dict[str, Any]:
    port = free_port()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    base = f"http://127.0.0.1:{port}"
    results: dict[str, Any] = {}
    async with ClientSession() as http:
        async with http.post(f"{base}/api/v1/session/login",
                             json={"username": "searcher", "password": PASSWORD}) as resp:
            token = (await resp.json())["token"]
        headers = {"Authorization": f"Bearer {token}"}

        async def one(params: dict[str, str]) -> tuple[float, int]:
            t0 = time.perf_counter()
            async with http.get(f"{base}/api/v1/search", params=params, headers=headers) as resp:
                body = await resp.json()
                assert resp.status == 200, body
            return (time.perf_counter() - t0) * 1000, len(body["messages"]["items"])

        for label, params in QUERIES:
            params = {**params, "kinds": "messages", "limit": "20"}
            if label == "channel filter":
                params["channel_id"] = seeded["visible_channel"]
            await one(params)  # warm
            closed = [(await one(params)) for _ in range(requests)]
            lat = [c[0] for c in closed]
            opened = await open_loop(one, params, requests, rate)
            results[label] = {"q": params["q"], "hits": closed[0][1],
                              "closed_p50_ms": round(statistics.median(lat), 1),
                              "closed_p99_ms": round(_pct(lat, 0.99), 1),
                              f"open_{rate:g}rps_p50_ms": round(statistics.median(opened), 1),
                              f"open_{rate:g}rps_p99_ms": round(_pct(opened, 0.99), 1)}
            print(f"  {label:15} {json.dumps(results[label], ensure_ascii=False)}", flush=True)
    return results


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=["memory", "server"], required=True)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rate", type=float, default=50.0)
    args = parser.parse_args()
    base: dict[str, Any] = {"mongodb_db": "searchbench", "argon2_time_cost": 1, "argon2_memory_kib": 8192,
                            "embedded_bots": []}
    out: dict[str, Any] = {"store": args.store}
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        if args.store == "memory":
            settings = Settings(store="memory", **base)
        else:
            settings = Settings(mongodb_url=stack.enter_context(secantus_server(Path(tmp))), **base)
        # One app seeds and serves: the emulation lives inside the app that opened it.
        app = create_app(settings, banner=False)
        runner = web.AppRunner(app)
        await runner.setup()  # opens the store, initialises the models, starts the indexer
        try:
            out["seed"] = await seed(app, args.messages)
            out["queries"] = await measure(runner, out["seed"], args.requests, args.rate)
        finally:
            await runner.cleanup()
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"search-{args.store}.json").write_text(json.dumps(out, ensure_ascii=False, indent=2))
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
