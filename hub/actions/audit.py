"""Appending to and verifying the audit hash chain (等保 2.0: who, what, when, outcome, from where)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import orjson
from pymongo import ASCENDING, DESCENDING
from pymongo.errors import DuplicateKeyError

from hub.context import Hub
from hub.errors import HubError
from hub.lib.timeutil import as_utc, utcnow
from hub.models import AuditEntry, User

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
    """Append one entry. Callers pass identifiers and outcomes, never message bodies."""
    origin = origin or Origin()
    coll = AuditEntry.get_pymongo_collection()
    async with hub.lock("audit"):
        for _ in range(100):
            last = await coll.find_one({}, sort=[("seq", DESCENDING)], projection={"seq": 1, "hash": 1})
            fields: dict[str, Any] = {
                "seq": int(last["seq"]) + 1 if last else 1,
                "at": utcnow(),
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
                "prev_hash": last["hash"] if last else GENESIS,
            }
            entry = AuditEntry(**fields, hash=entry_hash(fields))
            try:
                await entry.insert()
                return entry
            except DuplicateKeyError:
                continue  # another process appended first; chain onto its entry
    raise HubError("conflict", detail="audit chain busy")


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
