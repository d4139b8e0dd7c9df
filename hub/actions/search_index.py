"""Keeping the search index: messages in, edits re-indexed, recalls out, and catch-up after a crash.

The message write stays the model of the codebase and pays almost nothing for search: a message is stored
with `search_pending: 1` and the send only wakes this process's indexer. The indexer reads pending messages
(a partial index holds exactly those), writes their postings in one unordered bulk of upserts with
`$addToSet` (a retry, or two hubs indexing the same message, adds nothing twice), then clears the flag only
if the message is still at the revision it indexed. So a hub that stops between storing a message and
indexing it, or whose index write fails, leaves the flag set, and the next pass or the next start-up picks
the message up. Edits and recalls set the flag again in the same update that changes the text, and pull the
old text's postings at once. A posting left behind by a crash between those steps does no harm: search
checks every candidate against the message as stored now (hub/search/query.py), and drops recalled ones.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from beanie import PydanticObjectId
from bson import ObjectId
from pymongo.errors import PyMongoError

from hub.lib.timeutil import as_utc
from hub.models import Message, SearchPosting
from hub.search.text import index_terms, warm_up

log = logging.getLogger(__name__)

BATCH = 500
_EPOCH = datetime(1970, 1, 5, tzinfo=UTC)  # a Monday: weeks run Monday to Sunday (UTC)
_WEEK_SECONDS = 7 * 86400
_RETRY_SECONDS = 30.0
_WINDOW = 64  # concurrent updates in flight

# (term, week) -> channel id -> message ids
Groups = dict[tuple[str, int], dict[str, set[ObjectId]]]


def week_of(at: datetime) -> int:
    return int((as_utc(at) - _EPOCH).total_seconds() // _WEEK_SECONDS)


def week_start(week: int) -> datetime:
    return _EPOCH + timedelta(seconds=week * _WEEK_SECONDS)


def posting_id(term: str, week: int) -> str:
    return f"{term}|{week}"


def group_postings(messages: Iterable[Mapping[str, Any]], groups: Groups | None = None) -> Groups:
    """The postings of raw message documents, merged by (term, week): what one bulk write adds."""
    out: Groups = groups if groups is not None else {}
    for doc in messages:
        if doc.get("recalled_at") is not None:
            continue
        week, cid, mid = week_of(doc["created_at"]), str(doc["channel_id"]), doc["_id"]
        for term in index_terms(doc.get("content", "")):
            out.setdefault((term, week), {}).setdefault(cid, set()).add(mid)
    return out


async def _each(updates: list[tuple[dict[str, Any], dict[str, Any], bool]], collection: Any) -> None:
    """Run single-document updates a window at a time, concurrently (bulk_write is beyond the emulation)."""
    for i in range(0, len(updates), _WINDOW):
        await asyncio.gather(*(collection.update_one(f, u, upsert=up) for f, u, up in updates[i:i + _WINDOW]))


async def write_postings(groups: Groups) -> None:
    """Add grouped postings: one upsert per (term, week), `$addToSet` so that doing it twice adds nothing."""
    updates = []
    for (term, week), channels in groups.items():
        update: dict[str, Any] = {"$setOnInsert": {"t": term, "w": week},
                                  "$addToSet": {f"ch.{cid}": {"$each": sorted(ids)} for cid, ids in channels.items()}}
        updates.append(({"_id": posting_id(term, week)}, update, True))
    await _each(updates, SearchPosting.get_pymongo_collection())


def posting_documents(groups: Groups) -> list[dict[str, Any]]:
    """Whole posting documents, for filling an empty index in batch inserts (the benchmark's seeding)."""
    return [{"_id": posting_id(term, week), "t": term, "w": week,
             "ch": {cid: sorted(ids) for cid, ids in channels.items()}} for (term, week), channels in groups.items()]


async def pull_postings(message: Message, terms: Iterable[str]) -> None:
    """Take one message out of the postings of `terms` (its old text, after an edit or a recall)."""
    week, field = week_of(message.created_at), f"ch.{message.channel_id}"
    await _each([({"_id": posting_id(t, week)}, {"$pull": {field: message.id}}, False) for t in sorted(terms)],
                SearchPosting.get_pymongo_collection())


async def index_batch(docs: list[Mapping[str, Any]]) -> None:
    """Index raw message documents, then clear their flag where they are still at the indexed revision."""
    if not docs:
        return
    await write_postings(group_postings(docs))
    done = [({"_id": d["_id"], "rev": d.get("rev", 0)}, {"$set": {"search_pending": 0}}, False) for d in docs]
    await _each(done, Message.get_pymongo_collection())


_FIELDS = {"channel_id": 1, "content": 1, "created_at": 1, "recalled_at": 1, "rev": 1}


async def index_pending(limit: int = BATCH) -> int:
    """One pass over pending messages; how many it took (a full batch means there may be more)."""
    docs = await Message.get_pymongo_collection().find({"search_pending": 1}, projection=_FIELDS) \
        .limit(limit).to_list()
    await index_batch(docs)
    return len(docs)


async def reindex_all(batch: int = 2000) -> int:
    """Index every stored message again (the backfill command); idempotent, safe beside running hubs."""
    total, after = 0, None
    messages = Message.get_pymongo_collection()
    while True:
        query: dict[str, Any] = {} if after is None else {"_id": {"$gt": after}}
        docs = await messages.find(query, projection=_FIELDS).sort("_id", 1).limit(batch).to_list()
        if not docs:
            return total
        await index_batch(docs)
        total += len(docs)
        after = docs[-1]["_id"]


async def unindex_change(message: Message, new_content: str | None) -> None:
    """After an edit (new_content) or a recall (None): drop the postings only the old text had."""
    stale = index_terms(message.content) - (index_terms(new_content) if new_content is not None else set())
    try:
        await pull_postings(message, stale)
    except PyMongoError:
        # Harmless: a stale posting only proposes a candidate that the stored text then rejects.
        log.warning("could not unindex message %s; search re-checks the text", message.id, exc_info=True)


class SearchIndexer:
    """This process's indexer task: woken by each send, it also retries on its own after a failure."""

    def __init__(self) -> None:
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    def notify(self, message_id: PydanticObjectId | None = None) -> None:
        del message_id  # the flag on the message is the queue; a lost wake-up is caught by the next one
        self._wake.set()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="search-indexer")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def drain(self) -> int:
        """Index until nothing is pending (the start-up catch-up, the CLI and tests); how many were taken."""
        total = 0
        async with self._lock:
            while True:
                n = await index_pending()
                total += n
                if n < BATCH:  # a message whose revision moved meanwhile waits for the next wake-up
                    return total

    async def _run(self) -> None:
        # jieba's dictionary is for queries only: loaded in a thread, so start-up does not wait for it.
        await asyncio.get_running_loop().run_in_executor(None, warm_up)
        while True:
            self._wake.clear()
            try:
                await self.drain()
                timeout: float | None = None
            except Exception:  # the task must outlive any one failure; the flags keep what is left to do
                log.warning("search indexing failed; retrying in %s s", _RETRY_SECONDS, exc_info=True)
                timeout = _RETRY_SECONDS
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)
