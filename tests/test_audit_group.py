"""Audit group commit: acts in flight together share one write, in order, gap-free, each answered with its entry."""

from __future__ import annotations

import asyncio
import copy
import weakref

from pymongo import DESCENDING

from hub.actions.audit import do_audit, verify_chain
from hub.context import Hub
from hub.errors import HubError
from hub.models import AuditEntry
from tests.conftest import World


async def _audit_many(hub: Hub, tag: str, n: int) -> list[AuditEntry]:
    return list(await asyncio.gather(*(do_audit(hub, "test.group", actor=None, object_id=f"{tag}{i}")
                                       for i in range(n))))


async def _base(world: World) -> int:
    last = await AuditEntry.get_pymongo_collection().find_one({}, sort=[("seq", DESCENDING)])
    return int(last["seq"]) if last else 0


async def test_entries_in_flight_together_are_chained_in_call_order(world: World) -> None:
    base = await _base(world)
    entries = await _audit_many(world.hub, "a", 300)  # more than one batch of audit_batch_max (256)
    # Each caller got its own entry, stored, in the order the calls were made, with no gap.
    assert [e.object_id for e in entries] == [f"a{i}" for i in range(300)]
    assert [e.seq for e in entries] == list(range(base + 1, base + 301))
    stored = await AuditEntry.find(AuditEntry.action == "test.group").sort("+seq").to_list()
    assert [(e.seq, e.hash) for e in stored] == [(e.seq, e.hash) for e in entries]
    assert (await verify_chain()).ok
    assert world.hub.audit_queue == []


async def test_two_processes_appending_at_once_keep_one_chain(world: World) -> None:
    """Another process takes the head between our read and our write: the unique seq refuses ours from there,
    and the rest is chained onto the new head."""
    other = copy.copy(world.hub)  # a second process: its own chain lock and queue, the same store
    other._locks = weakref.WeakValueDictionary()
    other.audit_queue = []
    base = await _base(world)
    mine, theirs = await asyncio.gather(_audit_many(world.hub, "m", 120), _audit_many(other, "t", 120))
    seqs = sorted(e.seq for e in mine + theirs)
    assert seqs == list(range(base + 1, base + 241))
    assert [e.object_id for e in sorted(mine, key=lambda e: e.seq)] == [f"m{i}" for i in range(120)]
    assert [e.object_id for e in sorted(theirs, key=lambda e: e.seq)] == [f"t{i}" for i in range(120)]
    report = await verify_chain()
    assert report.ok, report.reason


async def test_a_failed_write_fails_its_callers_and_the_next_ones_still_append(world: World) -> None:
    hub = world.hub
    base = await _base(world)
    original = AuditEntry.insert_many
    calls = 0

    async def failing(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        raise HubError("store_unavailable")

    AuditEntry.insert_many = failing  # type: ignore[assignment,method-assign]
    try:
        results = await asyncio.gather(*(do_audit(hub, "test.fail", actor=None, object_id=str(i))
                                         for i in range(5)), return_exceptions=True)
    finally:
        AuditEntry.insert_many = original  # type: ignore[method-assign]
    # The first caller wrote alone (one insert); the other four went together and failed together.
    assert calls == 1
    assert isinstance(results[0], AuditEntry)
    assert all(isinstance(r, HubError) and r.code == "store_unavailable" for r in results[1:])
    assert await AuditEntry.find(AuditEntry.action == "test.fail").count() == 1
    after = await do_audit(hub, "test.after", actor=None)
    assert after.seq == base + 2 and (await verify_chain()).ok
