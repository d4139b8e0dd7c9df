"""The in-process MongoDB emulation behaves like the PyMongo async API the hub relies on."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from pymongo import IndexModel, ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.store.emulation import EmulatedClient


@pytest.fixture
def coll():  # type: ignore[no-untyped-def]
    return EmulatedClient().get_database("t").get_collection("things")


async def test_insert_find_sort_limit(coll) -> None:  # type: ignore[no-untyped-def]
    await coll.insert_many([{"n": i, "tag": "odd" if i % 2 else "even"} for i in range(10)])
    docs = await coll.find({"tag": "odd"}, sort=[("n", -1)], limit=2).to_list()
    assert [d["n"] for d in docs] == [9, 7]
    assert await coll.count_documents({"tag": "even"}) == 5
    assert [d["n"] async for d in coll.find({"n": {"$lt": 3}}).sort("n", 1)] == [0, 1, 2]
    assert sorted(await coll.distinct("tag")) == ["even", "odd"]


async def test_unique_and_partial_unique_indexes(coll) -> None:  # type: ignore[no-untyped-def]
    await coll.create_indexes([
        IndexModel([("code", 1)], unique=True, name="code_unique"),
        IndexModel([("key", 1)], unique=True, name="key_partial", partialFilterExpression={"kind": "direct"}),
    ])
    await coll.insert_one({"code": "a", "kind": "group"})
    with pytest.raises(DuplicateKeyError):
        await coll.insert_one({"code": "a", "kind": "group"})
    # Outside the partial filter, equal (or missing) keys are allowed...
    await coll.insert_one({"code": "b", "kind": "group", "key": "k"})
    await coll.insert_one({"code": "c", "kind": "group", "key": "k"})
    await coll.insert_one({"code": "d", "kind": "direct", "key": "k"})
    # ...inside it they are not.
    with pytest.raises(DuplicateKeyError):
        await coll.insert_one({"code": "e", "kind": "direct", "key": "k"})
    info = await coll.index_information()
    assert info["key_partial"]["partialFilterExpression"] == {"kind": "direct"}
    assert await coll.count_documents({}) == 4


async def test_concurrent_increments_are_atomic(coll) -> None:  # type: ignore[no-untyped-def]
    await coll.insert_one({"_id": "counter", "n": 0})

    async def bump() -> int:
        doc = await coll.find_one_and_update({"_id": "counter"}, {"$inc": {"n": 1}},
                                             return_document=ReturnDocument.AFTER)
        return int(doc["n"])

    results = await asyncio.gather(*(bump() for _ in range(50)))
    assert sorted(results) == list(range(1, 51))
    assert (await coll.find_one({"_id": "counter"}))["n"] == 50


async def test_aggregate_and_timezone_aware_dates(coll) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    await coll.insert_many([{"unit": "czj", "at": now}, {"unit": "czj", "at": now}, {"unit": "fgw", "at": now}])
    cursor = await coll.aggregate([{"$group": {"_id": "$unit", "n": {"$sum": 1}}}, {"$sort": {"_id": 1}}])
    assert await cursor.to_list() == [{"_id": "czj", "n": 2}, {"_id": "fgw", "n": 1}]
    doc = await coll.find_one({"unit": "fgw"})
    assert doc["at"].tzinfo is not None and doc["at"] == now


async def test_updates_deletes_and_database_commands() -> None:
    db = EmulatedClient().get_database("x")
    c = db["items"]
    await c.insert_one({"_id": 1, "v": 1})
    assert (await c.update_one({"_id": 1}, {"$max": {"v": 5}})).modified_count == 1
    assert (await c.update_one({"_id": 1}, {"$max": {"v": 3}})).modified_count == 0
    assert (await c.find_one({"_id": 1}))["v"] == 5
    assert (await db.command({"ping": 1}))["ok"] == 1.0
    assert (await db.command({"buildInfo": 1}))["version"].startswith("7.")
    assert await db.list_collection_names() == ["items"]
    assert (await c.delete_one({"_id": 1})).deleted_count == 1
    with pytest.raises(NotImplementedError):
        await db.command({"replSetGetStatus": 1})
