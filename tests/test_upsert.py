"""Counters created on first use count each increment exactly once, however many create them at once."""

from __future__ import annotations

import asyncio

from hub.context import Hub
from hub.lib.upsert import upsert_after
from hub.models.security import AuditAggregate


async def test_racing_first_increments_count_once_each(hub: Hub) -> None:
    coll = AuditAggregate.get_pymongo_collection()
    for round_ in range(3):
        key = f"race-{round_}"
        docs = await asyncio.gather(*(upsert_after(coll, key, {"$inc": {"seen": 1}, "$setOnInsert": {"minute": None}})
                                      for _ in range(100)))
        assert sorted(int(d["seen"]) for d in docs) == list(range(1, 101))
        stored = await coll.find_one({"_id": key})
        assert stored is not None and stored["seen"] == 100 and "minute" in stored
