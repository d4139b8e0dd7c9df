"""Files benchmark (not a test): upload and download throughput through HTTP, on the emulation or on SecantusDB.

    .venv/bin/python bench/files.py --store server
    .venv/bin/python bench/files.py --store memory

Starts a hub on the chosen store, makes one person and one channel with the hub's own actions, then uploads
files of a few sizes with POST /api/v1/files (multipart, streamed) and downloads each with
GET /api/v1/files/{id}/content, one request at a time, from a client in the hub's process (the figures include
it). The files are PNGs (a real header, then filler), so no text extraction runs: this measures the path
through the spool, the sniffer, the hash and the content store (GridFS on a server, a directory on the
emulation). Writes bench/results/files-<store>.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hub.actions.channels import do_create_channel  # noqa: E402
from hub.actions.org import do_create_user  # noqa: E402
from hub.app import create_app  # noqa: E402
from hub.settings import Settings  # noqa: E402
from hub.views.base import HUB_KEY  # noqa: E402
from tests.file_samples import png  # noqa: E402
from tests.storeserver import free_port, secantus_server  # noqa: E402

PASSWORD = "bench-password-1"
SIZES_MB = [1, 10, 40]


def payload(mb: int) -> bytes:
    head = png()
    return head + os.urandom(mb * 1024 * 1024 - len(head))


async def run(runner: web.AppRunner, rounds: int) -> dict[str, Any]:
    app = runner.app
    hub = app[HUB_KEY]
    user = await do_create_user(hub, "bench", "测试", PASSWORD, ["staff"])
    channel = await do_create_channel(hub, user, "文件测试", "", [])
    port = free_port()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    base = f"http://127.0.0.1:{port}"
    out: dict[str, Any] = {}
    async with aiohttp.ClientSession(base) as http:
        async with http.post("/api/v1/session/login", json={"username": "bench", "password": PASSWORD}) as r:
            token = (await r.json())["token"]
        auth = {"Authorization": f"Bearer {token}"}
        for mb in SIZES_MB:
            data = payload(mb)
            up, down = [], []
            for i in range(rounds):
                form = aiohttp.FormData(quote_fields=False)
                form.add_field("scope_kind", "channel")
                form.add_field("scope_id", str(channel.id))
                form.add_field("file", data, filename=f"f{mb}-{i}.png", content_type="image/png")
                t0 = time.perf_counter()
                async with http.post("/api/v1/files", data=form, headers=auth) as r:
                    body = await r.json()
                    assert r.status == 200, body
                up.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                got = 0
                async with http.get(f"/api/v1/files/{body['id']}/content", headers=auth) as r:
                    assert r.status == 200
                    async for chunk in r.content.iter_chunked(256 * 1024):
                        got += len(chunk)
                down.append(time.perf_counter() - t0)
                assert got == len(data)
            out[f"{mb}MB"] = {
                "rounds": rounds,
                "upload_MBps": round(mb / statistics.median(up), 1),
                "download_MBps": round(mb / statistics.median(down), 1),
                "upload_s_median": round(statistics.median(up), 3),
                "download_s_median": round(statistics.median(down), 3),
            }
            print(mb, "MB", out[f"{mb}MB"], flush=True)
    return out


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=["memory", "server"], required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    base: dict[str, Any] = {"mongodb_db": "filesbench", "argon2_time_cost": 1, "argon2_memory_kib": 8192,
                            "embedded_bots": [], "file_scope_max_bytes": 10 * 1024 ** 3}
    out: dict[str, Any] = {"store": args.store, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        if args.store == "memory":
            settings = Settings(store="memory", **base)
        else:
            settings = Settings(mongodb_url=stack.enter_context(secantus_server(Path(tmp))), **base)
        runner = web.AppRunner(create_app(settings, banner=False))
        await runner.setup()
        try:
            out["sizes"] = await run(runner, args.rounds)
        finally:
            await runner.cleanup()
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"files-{args.store}.json").write_text(json.dumps(out, ensure_ascii=False, indent=2))
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
