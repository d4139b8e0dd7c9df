"""The in-process MongoDB emulation behaves like the PyMongo async API the hub relies on."""

from __future__ import annotations

import asyncio
import copy
import random
from datetime import UTC, datetime
from typing import Any

import mongomock
import pytest
from bson import ObjectId
from pymongo import IndexModel, ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.store.emulation import EmulatedClient
from hub.store.emulation_index import indexed


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


# ---------------------------------------------------------------- `_id` lookups (hub/store/emulation_index.py)
def _pair() -> tuple[Any, Any]:
    """The same collection twice: plain mongomock, and the emulation's IdLookupCollection."""
    plain = mongomock.MongoClient(tz_aware=True).get_database("d").get_collection("c")
    fast = indexed(mongomock.MongoClient(tz_aware=True).get_database("d"), "c")
    return plain, fast


def _outcome(coll: Any, name: str, args: Any, kwargs: dict[str, Any]) -> Any:
    try:
        r = getattr(coll, name)(*copy.deepcopy(args), **kwargs)
    except (DuplicateKeyError, mongomock.WriteError, mongomock.OperationFailure) as exc:
        return ("error", type(exc).__name__)
    if isinstance(r, mongomock.results.UpdateResult):
        return ("update", r.matched_count, r.modified_count, r.upserted_id)
    if isinstance(r, mongomock.results.DeleteResult):
        return ("delete", r.deleted_count)
    if isinstance(r, mongomock.results.InsertOneResult):
        return ("insert", r.inserted_id)
    if isinstance(r, mongomock.results.InsertManyResult):
        return ("insert_many", r.inserted_ids)
    if isinstance(r, mongomock.collection.Cursor):
        return list(r)
    return r


def _random_id(rnd: random.Random, oids: list[ObjectId]) -> Any:
    return rnd.choice([rnd.choice(oids), f"s{rnd.randrange(8)}", rnd.randrange(8), float(rnd.randrange(3)),
                       rnd.choice(oids)])


def _random_op(rnd: random.Random, oids: list[ObjectId]) -> tuple[str, Any, Any]:
    """(name, args, kwargs) of one operation; filters mostly pin `_id`, some do not."""
    _id = _random_id(rnd, oids)
    pin: dict[str, Any] = rnd.choice([{"_id": _id}, {"_id": _id, "n": {"$gte": rnd.randrange(5)}},
                                      {"$and": [{"_id": _id}, {"tag": rnd.choice("ab")}]},
                                      {"_id": _id, "$or": [{"tag": "a"}, {"n": {"$lt": 3}}]},
                                      {"_id": {"$in": [_id, _random_id(rnd, oids)]}},  # not pinned: the scan
                                      {"tag": rnd.choice("ab")}])
    doc = {"_id": _id, "n": rnd.randrange(6), "tag": rnd.choice("ab"), "code": f"c{rnd.randrange(12)}"}
    if rnd.random() < 0.2:
        doc["at"] = datetime(2000, 1, 1, tzinfo=UTC)  # past the TTL: expired on the next access
    change = rnd.choice([{"$set": {"tag": rnd.choice("ab")}}, {"$inc": {"n": 1}},
                         {"$set": {"code": f"c{rnd.randrange(12)}"}},  # may violate the unique index
                         {"$max": {"n": rnd.randrange(8)}}, {"$unset": {"tag": ""}}])
    upsert = rnd.random() < 0.2 and "_id" in pin and not isinstance(pin["_id"], dict)
    return rnd.choice([
        ("insert_one", (doc,), {}),
        ("insert_many", ([doc, {**doc, "_id": _random_id(rnd, oids)}],), {"ordered": rnd.random() < 0.5}),
        ("update_one", (pin, change), {"upsert": upsert}),
        ("update_many", (pin, change), {}),
        ("replace_one", (pin, {k: v for k, v in doc.items() if k != "_id"}), {"upsert": upsert}),
        ("delete_one", (pin,), {}),
        ("delete_many", (pin,), {}),
        ("find_one_and_update", (pin, change),
         {"return_document": rnd.choice([ReturnDocument.BEFORE, ReturnDocument.AFTER]), "upsert": upsert}),
        ("find_one_and_replace", (pin, {"n": 9, "tag": "b", "code": f"c{rnd.randrange(12)}"}), {}),
        ("find_one_and_delete", (pin,), {}),
        ("find_one", (pin,), {}),
        ("find_one", (_id,), {}),  # a bare value is an `_id`
        ("find", (pin,), {"projection": rnd.choice([None, {"n": 1}, {"tag": 0}])}),
        ("count_documents", (pin,), {}),
    ])


@pytest.mark.parametrize("seed", range(12))
def test_id_lookups_answer_exactly_like_plain_mongomock(seed: int) -> None:
    rnd = random.Random(seed)
    oids = [ObjectId() for _ in range(6)]
    plain, fast = _pair()
    for c in (plain, fast):
        c.create_index([("code", 1)], unique=True, name="code_unique")
        c.create_index([("at", 1)], expireAfterSeconds=60, name="ttl")
        c.create_index([("n", 1), ("tag", 1)], unique=True, name="partial",
                       partialFilterExpression={"tag": "b", "n": {"$gt": 4}})
    for step in range(400):
        name, args, kwargs = _random_op(rnd, oids)
        got, want = _outcome(fast, name, args, kwargs), _outcome(plain, name, args, kwargs)
        assert got == want, (seed, step, name, args, kwargs)
        if step % 10 == 0:
            assert list(fast.find({})) == list(plain.find({})), (seed, step)  # same documents, same order


def test_id_lookup_does_not_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fails loudly if mongomock stops enumerating documents through Collection._iter_documents."""
    plain, fast = _pair()
    for c in (plain, fast):
        c.insert_many([{"_id": i, "n": i} for i in range(2000)])
    calls = {"n": 0}
    real = mongomock.collection.filter_applies

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(mongomock.collection, "filter_applies", counting)
    assert fast.find_one({"_id": 1234})["n"] == 1234
    fast.update_one({"_id": 7}, {"$set": {"n": -7}})
    assert fast.find_one_and_update({"_id": 7}, {"$inc": {"n": 1}}, return_document=ReturnDocument.AFTER)["n"] == -6
    assert fast.count_documents({"_id": 5}) == 1
    assert calls["n"] == 0, calls
    assert plain.find_one({"_id": 1234})["n"] == 1234
    assert calls["n"] >= 2000  # plain mongomock scans


def test_invalid_filters_fail_or_not_as_plain_mongomock_does() -> None:
    plain, fast = _pair()
    for c in (plain, fast):
        c.insert_one({"_id": 1, "n": 1})

    def outcome(c: Any, flt: dict[str, Any]) -> Any:
        try:
            return c.find_one(flt)
        except Exception as exc:
            return type(exc).__name__

    for flt in ({"_id": 2, "n": {"$bogus": 1}}, {"_id": 1, "n": {"$bogus": 1}}, {"_id": 1, "$bogus": 1}):
        assert outcome(fast, flt) == outcome(plain, flt), flt
    assert outcome(fast, {"_id": 1, "n": {"$bogus": 1}}) == "OperationFailure"


async def test_ttl_indexes_are_kept_as_plain_indexes() -> None:
    """The one deliberate difference from a server: no TTL sweeps (see create_indexes)."""
    coll = EmulatedClient().get_database("ttl").get_collection("sessions")
    await coll.create_indexes([IndexModel([("expires_at", 1)], expireAfterSeconds=0, name="ttl")])
    await coll.insert_one({"_id": 1, "expires_at": datetime(2000, 1, 1, tzinfo=UTC)})
    info = await coll.index_information()
    assert "ttl" in info and "expireAfterSeconds" not in info["ttl"]
    assert await coll.find_one({"_id": 1}) is not None


def test_unique_checks_take_the_fast_comparison_and_agree_with_mongomock() -> None:
    from beanie import PydanticObjectId

    from hub.store.emulation_index import indexed, unique_violation

    db = mongomock.MongoClient().get_database("u")
    fast = indexed(db, "m")
    fast.create_index([("channel_id", 1), ("seq", -1)], unique=True)
    channel = PydanticObjectId()  # how Beanie hands ids to the driver
    fast.insert_one({"channel_id": channel, "seq": 1})
    fast.insert_one({"channel_id": ObjectId(), "seq": 1})
    assert unique_violation(fast, {"channel_id": channel, "seq": 2}) is False  # decided, not deferred
    with pytest.raises(DuplicateKeyError):
        fast.insert_one({"channel_id": ObjectId(str(channel)), "seq": 1})
    assert fast.count_documents({}) == 2
    # Values whose equality is not plain are left to mongomock's own matcher.
    fast.insert_one({"channel_id": [1, 2], "seq": 9})
    assert unique_violation(fast, {"channel_id": channel, "seq": 1}) is None


def test_partial_unique_indexes_take_the_fast_comparison() -> None:
    from hub.store.emulation_index import indexed, unique_violation

    db = mongomock.MongoClient().get_database("p")
    fast = indexed(db, "channels")
    fast.create_index([("unit_id", 1)], unique=True, partialFilterExpression={"kind": "unit"})
    unit = ObjectId()
    fast.insert_one({"kind": "unit", "unit_id": unit})
    fast.insert_one({"kind": "group", "unit_id": unit})  # outside the partial index
    fast.insert_one({"kind": "group", "unit_id": unit})
    assert unique_violation(fast, {"kind": "unit", "unit_id": ObjectId()}) is False
    with pytest.raises(DuplicateKeyError):
        fast.insert_one({"kind": "unit", "unit_id": unit})
    fast.update_one({"kind": "group"}, {"$set": {"topic": "x"}})  # an update re-checks, and passes
    assert fast.count_documents({"unit_id": unit}) == 3
    other = indexed(db, "messages")
    other.create_index([("k", 1)], unique=True, partialFilterExpression={"rev": {"$gt": 0}})
    assert unique_violation(other, {"k": 1, "rev": 1}) is None  # operators are left to mongomock
