"""Reference (1): a bare aiohttp WebSocket broadcast server, the ceiling for Python. Bench-only.

The token (query string) names the client's channels; a text frame {"e": "send", ...} is acked to the
sender and broadcast once-encoded to every socket of the channel. No compression, no persistence.
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
from collections import defaultdict

import orjson
from aiohttp import web

try:
    import uvloop
except ImportError:  # pragma: no cover
    uvloop = None


def main() -> None:
    port, seed_path = int(sys.argv[1]), sys.argv[2]
    with open(seed_path) as f:
        seed = json.load(f)
    by_token = {tok: [seed["channels"][c]["id"] for c in chans]
                for tok, chans in zip(seed["tokens"], seed["user_channels"], strict=True)}
    rooms: dict[str, set[web.WebSocketResponse]] = defaultdict(set)
    seqs: dict[str, int] = defaultdict(int)

    async def ws_view(request: web.Request) -> web.WebSocketResponse:
        chans = by_token.get(request.query.get("token", ""))
        if chans is None:
            raise web.HTTPUnauthorized()
        ws = web.WebSocketResponse(compress=False)
        await ws.prepare(request)
        for c in chans:
            rooms[c].add(ws)
        try:
            async for msg in ws:
                if msg.type != web.WSMsgType.TEXT:
                    continue
                p = orjson.loads(msg.data)
                cid = p["channel_id"]
                seqs[cid] += 1
                out = orjson.dumps({"e": "new", "message": {"channel_id": cid, "seq": seqs[cid],
                                                             "content": p["content"]}}).decode()
                await ws.send_str(orjson.dumps({"e": "ack", "id": p["id"], "seq": seqs[cid]}).decode())
                for peer in list(rooms[cid]):
                    if not peer.closed:
                        await peer.send_str(out)
        finally:
            for c in chans:
                rooms[c].discard(ws)
        return ws

    async def health(request: web.Request) -> web.Response:
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/ws", ws_view)
    app.router.add_get("/healthz", health)

    async def on_startup(app: web.Application) -> None:
        gc.freeze()
        print("ready", flush=True)

    app.on_startup.append(on_startup)
    if uvloop is not None:
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main()
