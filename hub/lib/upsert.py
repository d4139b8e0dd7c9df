"""An atomic counter update that creates its document on first use, safe when many create it at once."""

from __future__ import annotations

import asyncio
from typing import Any

from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError


async def upsert_after(coll: Any, key: str, update: dict[str, Any]) -> dict[str, Any]:
    """The update applied exactly once to the document `key`, returning it after; `$setOnInsert` fields seed
    the document when it does not exist yet.

    Not an upsert: racing upserts of one new key make the losers fail with DuplicateKeyError, and SecantusDB
    may have applied the loser's `$inc` all the same, so retrying an upsert can count twice (reproduced: 100
    racing increments gave 101–104). Here the document is created by a plain insert (a duplicate changes
    nothing), and the update itself is a plain update that either applies once or matches nothing."""
    seed = {"_id": key, **update.get("$setOnInsert", {})}
    change = {op: fields for op, fields in update.items() if op != "$setOnInsert"}
    first = _applied(seed, change)
    for attempt in range(50):
        doc = await coll.find_one_and_update({"_id": key}, change, return_document=ReturnDocument.AFTER)
        if doc is not None:
            return dict(doc)
        try:
            if first is not None:
                # The new document already carries the update: one round trip less (they cost milliseconds on
                # SecantusDB), and the insert still applies it at most once.
                await coll.insert_one(dict(first))
                return dict(first)
            await coll.insert_one(dict(seed))
        except DuplicateKeyError:
            # Another caller created it; on a server its insert may not be visible at this very instant.
            await asyncio.sleep(0.001 * attempt)
    raise RuntimeError(f"could not create or update {key!r}")


def _applied(seed: dict[str, Any], change: dict[str, Any]) -> dict[str, Any] | None:
    """The seed with a plain `$inc`/`$set` of top-level fields applied, or None for any other update."""
    doc = dict(seed)
    for op, fields in change.items():
        if op not in ("$inc", "$set") or any("." in k for k in fields):
            return None
        for k, v in fields.items():
            doc[k] = doc.get(k, 0) + v if op == "$inc" else v
    return doc
