"""Appending to and verifying the audit hash chain (等保 2.0: who, what, when, outcome, from where)."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from pymongo import ASCENDING, DESCENDING
from pymongo.errors import BulkWriteError, DuplicateKeyError

from hub.context import Hub
from hub.errors import HubError
from hub.lib.timeutil import as_utc
from hub.lib.upsert import upsert_after
from hub.models import AuditEntry, User
from hub.models.security import AuditAggregate

GENESIS = "0" * 64
_HASHED = ("seq", "at", "actor_id", "actor_name", "on_behalf_of_id", "on_behalf_of_name", "action", "object_type",
           "object_id", "outcome", "ip", "user_agent", "detail", "prev_hash")


@dataclass(frozen=True)
class Origin:
    """Where a request came from."""

    ip: str | None = None
    user_agent: str | None = None


def entry_hash(fields: dict[str, Any]) -> str:
    canonical = {k: fields[k] for k in _HASHED}
    canonical["at"] = as_utc(fields["at"]).isoformat(timespec="milliseconds")
    return hashlib.sha256(orjson.dumps(canonical, option=orjson.OPT_SORT_KEYS)).hexdigest()


async def do_audit(hub: Hub, action: str, *, actor: User | None, object_type: str = "", object_id: object = "",
                   outcome: str = "ok", detail: dict[str, Any] | None = None, origin: Origin | None = None,
                   on_behalf_of: User | None = None) -> AuditEntry:
    """Append one entry and return once it is stored. Callers pass identifiers and outcomes, never message bodies.

    Group commit: whoever holds the chain writes every entry queued meanwhile in one insert, in queue order, so
    acts in flight together pay one head read and one write between them; each caller still waits for its own
    entry, so an act is audited before it is answered."""
    origin = origin or Origin()
    fields: dict[str, Any] = {
        "at": hub.clock.now(),
        "actor_id": str(actor.id) if actor else None,
        "actor_name": actor.name if actor else "system",
        "on_behalf_of_id": str(on_behalf_of.id) if on_behalf_of else None,
        "on_behalf_of_name": on_behalf_of.name if on_behalf_of else None,
        "action": action,
        "object_type": object_type,
        "object_id": str(object_id) if object_id else "",
        "outcome": outcome,
        "ip": origin.ip,
        "user_agent": (origin.user_agent or "")[:300] or None,
        "detail": detail or {},
    }
    mine: asyncio.Future[AuditEntry] = asyncio.get_running_loop().create_future()
    hub.audit_queue.append((fields, mine))
    async with hub.lock("audit"):
        while not mine.done():  # still queued: this caller writes the next batch (its own among them)
            limit = hub.settings.audit_batch_max
            batch, hub.audit_queue[:] = hub.audit_queue[:limit], hub.audit_queue[limit:]
            try:
                await _append(hub, batch)
            except BaseException as exc:
                # The others queued behind get an error of their own (one exception raised in many tasks
                # would tangle their tracebacks); this caller raises the original.
                for _, waiting in batch:
                    if waiting is not mine and not waiting.done():
                        waiting.set_exception(HubError(exc.code, detail=exc.detail) if isinstance(exc, HubError)
                                              else HubError("store_unavailable", detail="audit write failed"))
                raise
    return mine.result()


async def _append(hub: Hub, batch: list[tuple[dict[str, Any], asyncio.Future[AuditEntry]]]) -> None:
    """Chain the batch onto the head and insert it in order; another process may append first (the unique seq
    refuses ours from there on), and then what is left is chained onto the new head."""
    for _ in range(100):
        last = await _head(hub)
        seq, prev = (int(last["seq"]) + 1, str(last["hash"])) if last else (1, GENESIS)
        entries = []
        for fields, _ in batch:
            chained = {**fields, "seq": seq, "prev_hash": prev}
            entry = AuditEntry(**chained, hash=entry_hash(chained))
            entries.append(entry)
            seq, prev = seq + 1, entry.hash
        try:
            if len(entries) == 1:
                await entries[0].insert()
            else:
                await AuditEntry.insert_many(entries)  # ordered: it stops at the first refused entry
            stored = len(entries)
        except DuplicateKeyError:
            stored = 0
        except BulkWriteError as exc:
            if any(e.get("code") != 11000 for e in exc.details.get("writeErrors", [])):
                raise
            stored = int(exc.details.get("nInserted", 0))
        if stored:
            hub.audit_head_seen = max(hub.audit_head_seen, entries[stored - 1].seq)
        for (_, waiting), entry in zip(batch[:stored], entries[:stored], strict=True):
            if entry.seq % hub.settings.audit_checkpoint_every == 0:
                from hub.actions.audit_chain import write_checkpoint

                await write_checkpoint(hub, entry.seq, entry.hash)
            waiting.set_result(entry)
        batch = batch[stored:]
        if not batch:
            return
    raise HubError("conflict", detail="audit chain busy")


async def _head(hub: Hub) -> dict[str, Any] | None:
    """The chain's last entry. Read from the highest seq this process has seen: seqs are gap-free and unique,
    so the head is among those, and the read stays small (a sorted read of the whole chain costs time in
    proportion to its length on SecantusDB, whose sort with a limit does not stop early: 124 ms at 10,000
    entries). Only an empty result (entries removed, which verification reports) reads the whole chain."""
    coll = AuditEntry.get_pymongo_collection()
    head = await coll.find_one({"seq": {"$gte": hub.audit_head_seen}}, sort=[("seq", DESCENDING)],
                               projection={"seq": 1, "hash": 1})
    if head is None and hub.audit_head_seen:
        head = await coll.find_one({}, sort=[("seq", DESCENDING)], projection={"seq": 1, "hash": 1})
    if head is not None:
        hub.audit_head_seen = max(hub.audit_head_seen, int(head["seq"]))
    return head


async def do_audit_failure(hub: Hub, action: str, *, actor: User | None, object_type: str = "",
                           object_id: object = "", outcome: str, detail: dict[str, Any] | None = None,
                           origin: Origin | None = None) -> int:
    """An unauthenticated failure (wrong password, bad signature). The first from a source in a minute is an
    entry; the rest are counted and written as one summary entry when the minute is over, so nobody can flood
    the log without logging in. Returns how many such failures this source made this minute."""
    origin = origin or Origin()
    key, minute = _aggregate_key(hub, action, outcome, origin)
    coll = AuditAggregate.get_pymongo_collection()
    insert = {"action": action, "outcome": outcome, "ip": origin.ip, "minute": minute, "flushed": False}
    doc = await upsert_after(coll, key, {"$inc": {"seen": 1}, "$setOnInsert": insert})
    seen = int(doc["seen"])
    if seen == 1:
        await do_audit(hub, action, actor=actor, object_type=object_type, object_id=object_id, outcome=outcome,
                       detail=detail, origin=origin)
        await flush_failure_counts(hub)
    return seen


def _aggregate_key(hub: Hub, action: str, outcome: str, origin: Origin) -> tuple[str, datetime]:
    minute = hub.clock.now().replace(second=0, microsecond=0)
    return f"{action}|{outcome}|{origin.ip or '-'}|{minute.isoformat()}", minute


async def flush_failure_counts(hub: Hub) -> int:
    """Write one summary entry per (source, minute) that is over and had repeats; each is claimed once."""
    coll = AuditAggregate.get_pymongo_collection()
    current = hub.clock.now().replace(second=0, microsecond=0)
    written = 0
    async for doc in coll.find({"flushed": False, "minute": {"$lt": current}}, sort=[("minute", ASCENDING)]):
        claimed = await coll.find_one_and_update({"_id": doc["_id"], "flushed": False}, {"$set": {"flushed": True}})
        if claimed is None or int(claimed["seen"]) <= 1:
            continue
        minute = as_utc(claimed["minute"]).isoformat(timespec="minutes")
        await do_audit(hub, claimed["action"], actor=None, outcome=claimed["outcome"],
                       detail={"repeated": int(claimed["seen"]) - 1, "minute": minute},
                       origin=Origin(ip=claimed.get("ip")))
        written += 1
    return written


@dataclass
class ChainReport:
    ok: bool
    entries: int
    broken_at: int | None = None
    reason: str = ""


async def verify_chain() -> ChainReport:
    """Recompute every hash in order: an edited, inserted or removed entry breaks the chain."""
    prev_hash, expected_seq, count = GENESIS, 1, 0
    async for doc in AuditEntry.get_pymongo_collection().find({}, sort=[("seq", ASCENDING)]):
        count += 1
        if doc["seq"] != expected_seq:
            return ChainReport(False, count, expected_seq, f"entry {expected_seq} is missing")
        if doc["prev_hash"] != prev_hash:
            return ChainReport(False, count, doc["seq"], "previous-hash link does not match")
        if entry_hash(doc) != doc["hash"]:
            return ChainReport(False, count, doc["seq"], "entry content was altered")
        prev_hash, expected_seq = doc["hash"], expected_seq + 1
    return ChainReport(True, count)
