"""Signed checkpoints of the audit chain, anchored outside the store, incremental verification, and export.

Every `audit_checkpoint_every` entries the chain head (seq, hash) is signed with a key derived from
HUB_SECRET_KEY and stored twice: in the store (so `GET /audit` verifies only what came after it) and as a line
in a file under `audit_anchor_dir` (so cutting entries off the end of the chain, which leaves a valid shorter
chain, is still detected by `python -m hub audit verify`). Nothing is ever deleted: old entries are exported.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from pymongo import ASCENDING, DESCENDING
from pymongo.errors import DuplicateKeyError

from hub.actions.audit import GENESIS, ChainReport, entry_hash
from hub.context import Hub
from hub.lib.timeutil import as_utc
from hub.models import AuditEntry
from hub.models.security import AuditCheckpoint


def _key(hub: Hub) -> bytes:
    return hmac.new(hub.settings.secret_key.encode(), b"xietong:audit-checkpoint:v1", hashlib.sha256).digest()


def sign_checkpoint(hub: Hub, seq: int, head: str) -> str:
    return hmac.new(_key(hub), f"{seq}:{head}".encode(), hashlib.sha256).hexdigest()


def _valid(hub: Hub, seq: int, head: str, signature: str) -> bool:
    return hmac.compare_digest(sign_checkpoint(hub, seq, head), signature)


def anchor_file(hub: Hub) -> Path:
    """One file per database. The in-memory emulation dies with its process, so its anchors are per process:
    a later run on a fresh emulated store must not be compared with an earlier one's anchors."""
    name = hub.settings.mongodb_db
    if hub.store is None or hub.store.emulated:
        name += f"-emulated-{hub.realtime.origin}"
    anchors = hub.settings.audit_anchor_dir or str(Path(hub.settings.data_dir) / "audit-anchors")
    return Path(anchors) / f"{name}.jsonl"


def _append(path: Path, line: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("ab") as f:
        f.write(line + b"\n")


async def write_checkpoint(hub: Hub, seq: int, head: str) -> None:
    """Sign (seq, head), keep it in the store, and anchor it in the file; a repeat of the same seq is a no-op."""
    signature = sign_checkpoint(hub, seq, head)
    try:
        await AuditCheckpoint(seq=seq, hash=head, signature=signature, at=hub.clock.now()).insert()
    except DuplicateKeyError:
        return
    line = orjson.dumps({"seq": seq, "hash": head, "signature": signature, "at": hub.clock.now().isoformat()})
    await asyncio.to_thread(_append, anchor_file(hub), line)


async def _verify_from(hub: Hub, seq: int, prev_hash: str) -> ChainReport:
    """Recompute entries after `seq`, whose hash is `prev_hash`."""
    expected, count = seq + 1, 0
    last: dict[str, Any] | None = None
    async for doc in AuditEntry.get_pymongo_collection().find({"seq": {"$gt": seq}}, sort=[("seq", ASCENDING)]):
        count += 1
        if doc["seq"] != expected:
            return ChainReport(False, count, expected, f"entry {expected} is missing")
        if doc["prev_hash"] != prev_hash:
            return ChainReport(False, count, doc["seq"], "previous-hash link does not match")
        if entry_hash(doc) != doc["hash"]:
            return ChainReport(False, count, doc["seq"], "entry content was altered")
        prev_hash, expected, last = doc["hash"], expected + 1, doc
    if last is not None and last["seq"] - seq >= hub.settings.audit_checkpoint_every:
        await write_checkpoint(hub, int(last["seq"]), str(last["hash"]))
    return ChainReport(True, count)


async def verify_recent(hub: Hub) -> ChainReport:
    """What GET /audit checks: the chain after the newest signed checkpoint that still matches its entry."""
    coll = AuditEntry.get_pymongo_collection()
    async for cp in AuditCheckpoint.get_pymongo_collection().find({}, sort=[("seq", DESCENDING)], limit=3):
        if not _valid(hub, int(cp["seq"]), str(cp["hash"]), str(cp["signature"])):
            continue  # forged or from another key: ignore, fall back to an older one or to the start
        entry = await coll.find_one({"seq": cp["seq"]})
        if entry is None or entry["hash"] != cp["hash"] or entry_hash(entry) != entry["hash"]:
            return ChainReport(False, 0, int(cp["seq"]), "checkpointed entry was altered or removed")
        return await _verify_from(hub, int(cp["seq"]), str(cp["hash"]))
    return await _verify_from(hub, 0, GENESIS)


@dataclass
class AnchorReport:
    ok: bool
    anchors: int
    reason: str = ""


async def check_anchors(hub: Hub) -> AnchorReport:
    """Every anchored (seq, hash) must be signed by us and still be in the chain: a chain that ends before the
    newest anchor has lost entries off its end."""
    path = anchor_file(hub)
    if not path.exists():
        return AnchorReport(True, 0, "no anchors yet")
    lines = [line for line in (await asyncio.to_thread(path.read_bytes)).splitlines() if line.strip()]
    coll = AuditEntry.get_pymongo_collection()
    head = await coll.find_one({}, sort=[("seq", DESCENDING)], projection={"seq": 1})
    head_seq = int(head["seq"]) if head else 0
    for raw in lines:
        anchor = orjson.loads(raw)
        if not _valid(hub, int(anchor["seq"]), str(anchor["hash"]), str(anchor["signature"])):
            return AnchorReport(False, len(lines), f"anchor for entry {anchor['seq']} has a bad signature")
        if int(anchor["seq"]) > head_seq:
            return AnchorReport(False, len(lines), f"the chain ends at entry {head_seq} but entry {anchor['seq']} "
                                                   "was anchored: entries were cut off the end")
        entry = await coll.find_one({"seq": anchor["seq"]}, projection={"hash": 1})
        if entry is None or entry["hash"] != anchor["hash"]:
            return AnchorReport(False, len(lines), f"entry {anchor['seq']} differs from its anchor")
    return AnchorReport(True, len(lines))


async def export_entries(hub: Hub, before: datetime, out: Path) -> int:
    """Write every entry older than `before`, in order, as JSON lines, then a signed trailer naming the last
    exported (seq, hash), so the archive can be checked against the chain. Nothing is deleted."""
    count, last_seq, last_hash = 0, 0, GENESIS
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as f:
        async for doc in AuditEntry.get_pymongo_collection().find({"at": {"$lt": before}},
                                                                  sort=[("seq", ASCENDING)]):
            doc.pop("_id", None)
            doc["at"] = as_utc(doc["at"]).isoformat(timespec="milliseconds")
            f.write(orjson.dumps(doc) + b"\n")
            count, last_seq, last_hash = count + 1, int(doc["seq"]), str(doc["hash"])
        trailer = {"trailer": True, "entries": count, "last_seq": last_seq, "last_hash": last_hash,
                   "signature": sign_checkpoint(hub, last_seq, last_hash)}
        f.write(orjson.dumps(trailer) + b"\n")
    return count
