"""The in-process MongoDB emulation behaves like the PyMongo async API the hub relies on."""

from __future__ import annotations

import asyncio
import copy
import random
from datetime import UTC, datetime
from typing import Any

import mongomock as _mongomock
import pytest
from bson import ObjectId
from pymongo import IndexModel, ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.store import emulation_index
from hub.store.emulation import EmulatedClient
from hub.store.emulation_index import indexed

# mongomock's partial annotations hide re-exports (results, WriteError) that exist at run time.
mongomock: Any = _mongomock


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
    calls = _counting_matcher(monkeypatch)
    assert fast.find_one({"_id": 1234})["n"] == 1234
    fast.update_one({"_id": 7}, {"$set": {"n": -7}})
    assert fast.find_one_and_update({"_id": 7}, {"$inc": {"n": 1}}, return_document=ReturnDocument.AFTER)["n"] == -6
    assert fast.count_documents({"_id": 5}) == 1
    assert calls["n"] <= 6, calls  # one match per document read, not one per stored document
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


def _counting_matcher(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    calls = {"n": 0}
    real = mongomock.collection.filter_applies

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(mongomock.collection, "filter_applies", counting)
    monkeypatch.setattr(emulation_index, "filter_applies", counting)
    return calls


def test_unique_checks_read_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    from beanie import PydanticObjectId

    db = mongomock.MongoClient().get_database("u")
    fast = indexed(db, "m")
    fast.create_index([("channel_id", 1), ("seq", -1)], unique=True)
    fast.create_index([("unit_id", 1)], unique=True, partialFilterExpression={"kind": "unit"})
    fast.create_index([("topic", 1)], unique=True, sparse=True)
    channel = PydanticObjectId()  # how Beanie hands ids to the driver
    fast.insert_many([{"channel_id": channel, "seq": n} for n in range(2000)])
    calls = _counting_matcher(monkeypatch)
    fast.insert_one({"channel_id": channel, "seq": 2000})
    assert calls["n"] < 10, calls  # not one match per stored message
    with pytest.raises(DuplicateKeyError):
        fast.insert_one({"channel_id": ObjectId(str(channel)), "seq": 1})
    with pytest.raises(DuplicateKeyError):
        fast.update_one({"seq": 5}, {"$set": {"seq": 6}})
    assert fast.find_one({"channel_id": channel, "seq": 5}) is not None  # the failed update was rolled back
    fast.update_one({"channel_id": channel, "seq": 5}, {"$set": {"seq": 5000}})
    assert fast.count_documents({"channel_id": channel, "seq": {"$gte": 4000}}) == 1
    fast.insert_one({"channel_id": channel, "seq": 5})  # the old key is free again
    unit = ObjectId()
    fast.insert_one({"kind": "unit", "unit_id": unit, "seq": -1})
    fast.insert_one({"kind": "group", "unit_id": unit, "seq": -2})  # outside the partial index
    with pytest.raises(DuplicateKeyError):
        fast.insert_one({"kind": "unit", "unit_id": unit, "seq": -3})
    with pytest.raises(DuplicateKeyError):  # missing keys are nulls, and collide in a plain unique index
        fast.insert_one({"kind": "group", "unit_id": unit, "seq": -2})
    fast.insert_one({"channel_id": channel, "seq": -4, "topic": "a"})
    with pytest.raises(DuplicateKeyError):
        fast.insert_one({"channel_id": channel, "seq": -5, "topic": "a"})
    assert fast.count_documents({}) == 2005


def _random_value(rnd: random.Random, oids: list[ObjectId]) -> Any:
    return rnd.choice([rnd.randrange(6), float(rnd.randrange(3)), f"v{rnd.randrange(4)}", None,
                       rnd.choice(oids), [rnd.randrange(3), rnd.randrange(3)], [], {"x": 1}, True,
                       datetime(2026, 1, rnd.randrange(1, 3), tzinfo=UTC)])


def _random_query(rnd: random.Random, oids: list[ObjectId]) -> dict[str, Any]:
    ch = rnd.choice(oids[:3])
    choices: list[dict[str, Any]] = [
        {"ch": ch}, {"ch": ch, "seq": {"$lt": rnd.randrange(12)}}, {"ch": ch, "seq": {"$gte": rnd.randrange(12)}},
        {"ch": ch, "seq": {"$gt": 2, "$lte": rnd.randrange(12)}}, {"ch": {"$in": [ch, rnd.choice(oids)]}},
        {"ch": ch, "seq": rnd.randrange(12)}, {"ch": ch, "rev": {"$gt": rnd.randrange(6)}, "seq": {"$lte": 8}},
        {"$and": [{"ch": ch}, {"seq": {"$in": [1, 2, rnd.randrange(12)]}}]}, {"tags": rnd.randrange(4)},
        {"tags": None}, {"user": _random_value(rnd, oids)}, {"user": {"$eq": f"v{rnd.randrange(4)}"}},
        {"ch": ch, "seq": {"$ne": 3}}, {"ch": None}, {"seq": {"$lt": 5}}, {"ch": ch, "$or": [{"rev": 1}, {"seq": 2}]},
        {"user": {"$in": [None, 1, "v1"]}}, {"tags": {"$in": [0, 2]}},
        {"user": True}, {"user": {"$in": [True, 1]}}, {"tags": False},
        # mongomock keeps dates naive (UTC), as BSON does: queries compare with naive UTC values.
        {"user": datetime(2026, 1, rnd.randrange(1, 3))}, {"user": {"$gte": datetime(2026, 1, 2)}},
        {"ch": ch, "user": {"$lt": datetime(2026, 1, 2)}},
    ]
    return rnd.choice(choices)


@pytest.mark.parametrize("seed", range(10))
def test_indexed_reads_answer_exactly_like_plain_mongomock(seed: int) -> None:
    rnd = random.Random(seed)
    oids = [ObjectId() for _ in range(5)]
    plain, fast = _pair()
    for c in (plain, fast):
        c.create_index([("ch", 1), ("seq", -1)], unique=True, name="ch_seq",
                       partialFilterExpression={"kind": "msg"})
        c.create_index([("ch", 1), ("rev", 1)], name="ch_rev")
        c.create_index([("user", 1)], name="by_user")
        c.create_index([("tags", 1)], name="by_tags")
        c.create_index([("seq", 1)], name="by_seq")
    for step in range(500):
        op = rnd.random()
        if op < 0.4:
            doc = {"_id": step, "ch": rnd.choice([*oids[:3], None]), "seq": rnd.randrange(12), "rev": rnd.randrange(6),
                   "kind": rnd.choice(["msg", "msg", "note"]), "user": _random_value(rnd, oids),
                   "tags": _random_value(rnd, oids)}
            if rnd.random() < 0.1:
                del doc["ch"]
            args: Any = (doc,)
            name = "insert_one"
        elif op < 0.6:
            field = rnd.choice(["seq", "rev", "user", "tags", "ch"])
            value = _random_value(rnd, oids) if field in ("user", "tags") else rnd.randrange(12)
            name, args = rnd.choice(["update_one", "update_many"]), (_random_query(rnd, oids), {"$set": {field: value}})
        elif op < 0.7:
            name, args = "delete_one", (_random_query(rnd, oids),)
        else:
            query = _random_query(rnd, oids)
            if rnd.random() < 0.2:
                query = rnd.choice([{}, {"kind": "msg"}, {"seq": {"$gte": 3}}])
            sort = rnd.choice([None, [("seq", -1)], [("seq", 1)], [("rev", -1)], [("ch", 1), ("seq", -1)],
                               [("user", 1)], [("user", -1)], [("tags", 1)]])
            skip, limit = rnd.choice([0, 0, 2]), rnd.choice([0, 1, 3, 50])
            projection = rnd.choice([None, {"seq": 1}, {"tags": 0, "user": 0}])
            want = _outcome(plain, "find", (query,), {"sort": sort, "skip": skip, "limit": limit,
                                                      "projection": copy.deepcopy(projection)})
            got = _outcome(fast, "find", (query,), {"sort": sort, "skip": skip, "limit": limit,
                                                    "projection": copy.deepcopy(projection)})
            assert got == want, (seed, step, query, sort)
            page = fast.ordered_page(query, sort, skip, limit or None, copy.deepcopy(projection))
            assert page is None or page == want, (seed, step, query, sort, skip, limit)
            assert _outcome(fast, "count_documents", (query,), {}) == _outcome(plain, "count_documents", (query,), {})
            continue
        got, want = _outcome(fast, name, args, {}), _outcome(plain, name, args, {})
        assert got == want, (seed, step, name, args)
    assert list(fast.find({})) == list(plain.find({}))


async def test_a_history_page_reads_the_index_in_order_and_stops_at_its_limit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    coll = EmulatedClient().get_database("h").get_collection("messages")
    await coll.create_indexes([IndexModel([("channel_id", 1), ("seq", -1)], unique=True, name="channel_seq")])
    channel, other = ObjectId(), ObjectId()
    await coll.insert_many([{"channel_id": c, "seq": n} for n in range(1, 3001) for c in (channel, other)])
    calls = _counting_matcher(monkeypatch)
    cursor = coll.find({"channel_id": channel, "seq": {"$lt": 2001}}).sort("seq", -1).limit(51)
    page = await cursor.to_list()
    assert [d["seq"] for d in page] == list(range(2000, 1949, -1))
    assert calls["n"] <= 60, calls
    plan = (await coll.find({"channel_id": channel}).sort("seq", -1).limit(51).explain())["queryPlanner"]
    assert plan["winningPlan"]["inputStage"]["inputStage"] == {
        "stage": "IXSCAN", "indexName": "channel_seq", "keyPattern": {"channel_id": 1, "seq": 1},
        "direction": "backward"}
    await coll.create_indexes([IndexModel([("seq", -1)], name="by_seq")])
    calls["n"] = 0
    newest = await coll.find_one({}, sort=[("seq", -1)], projection={"seq": 1, "_id": 0})
    assert newest == {"seq": 3000} and calls["n"] <= 2, calls  # the head of the chain, as the audit log reads it
    unindexed = (await coll.find({"text": "x"}).explain())["queryPlanner"]["winningPlan"]
    assert unindexed == {"stage": "COLLSCAN"}


@pytest.mark.parametrize("seed", range(4))
def test_dates_and_booleans_answer_like_plain_mongomock_and_explain_says_how(seed: int) -> None:
    rnd = random.Random(seed)
    plain, fast = _pair()
    for c in (plain, fast):
        c.create_index([("due", 1)], name="by_due")
        c.create_index([("done", 1), ("due", 1)], name="done_due")
        c.create_index([("owner", 1)], name="by_owner")
    days = [datetime(2026, 2, d, 9) for d in range(10, 20)]  # naive UTC, as mongomock stores them
    for step in range(300):
        doc = {"_id": step, "owner": rnd.randrange(5), "done": rnd.choice([True, False, None]),
               "due": rnd.choice([*days, None])}
        for c in (plain, fast):
            c.insert_one(dict(doc))
        day = rnd.choice(days)
        query = rnd.choice([{"due": day}, {"due": {"$lt": day}}, {"due": {"$gte": day}, "done": False},
                            {"done": True}, {"done": {"$ne": True}}, {"owner": rnd.randrange(5), "done": False},
                            {"owner": {"$in": [1, 2]}, "due": {"$lte": day}}, {"done": None}])
        sort = rnd.choice([None, [("due", 1)], [("due", -1)], [("done", 1), ("due", 1)]])
        limit = rnd.choice([0, 1, 5])
        got = _outcome(fast, "find", (query,), {"sort": sort, "limit": limit})
        assert got == _outcome(plain, "find", (query,), {"sort": sort, "limit": limit}), (seed, step, query)
        if rnd.random() < 0.2:
            target = rnd.choice([{"done": True}, {"due": day}])
            change = {"$set": {"done": rnd.choice([True, False]), "due": rnd.choice(days)}}
            assert _outcome(fast, "update_many", (target, change), {}) == _outcome(plain, "update_many",
                                                                                 (target, change), {})
    assert list(fast.find({})) == list(plain.find({}))


async def test_explain_shows_the_scan_of_keys_the_emulation_cannot_index() -> None:
    coll = EmulatedClient().get_database("x").get_collection("tasks")
    await coll.create_indexes([IndexModel([("owner", 1)], name="by_owner"), IndexModel([("due", 1)], name="by_due")])
    await coll.insert_many([{"owner": n % 3, "due": n} for n in range(30)])
    plan = (await coll.find({"owner": 1}).explain())["queryPlanner"]["winningPlan"]
    assert plan == {"stage": "FETCH", "inputStage": {"stage": "IXSCAN", "indexName": "by_owner",
                                                     "keyPattern": {"owner": 1}}}
    await coll.insert_many([{"owner": True, "due": datetime(2026, 2, 14, tzinfo=UTC)} for _ in range(5)])
    plan = (await coll.find({"owner": 1}).explain())["queryPlanner"]["winningPlan"]
    assert plan["inputStage"]["stage"] == "OR"
    ixscan, scan = plan["inputStage"]["inputStages"]
    assert ixscan["indexName"] == "by_owner" and scan["stage"] == "COLLSCAN" and scan["docsExamined"] == 5
    by_date = (await coll.find({"due": {"$lt": datetime(2026, 3, 1, tzinfo=UTC)}}).explain())["queryPlanner"]
    assert by_date["winningPlan"] == {"stage": "COLLSCAN"}  # a date bound narrows nothing here, and says so
    page = (await coll.find({}).sort("due", 1).limit(3).explain())["queryPlanner"]["winningPlan"]
    assert "IXSCAN" not in str(page)  # dates spill, so the index cannot give the order either
