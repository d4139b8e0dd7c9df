"""Files in search: their names and extracted text in an inverted index of their own, checked per reader.

Postings are keyed "<term>|<week of upload>" like the messages' (hub/actions/search_index.py) and hold file
ids. A file's scope decides who may read it (hub/files/scopes.py), so the index only proposes: every
candidate is loaded, checked against its stored text and name, and shown only if the searcher may read its
scope now (one policy answer per scope object per search). At most SCAN_CAP candidates are checked.
"""

from __future__ import annotations

import asyncio
from typing import Any

from bson import ObjectId

from hub.actions.search_index import posting_id, week_of
from hub.context import Hub
from hub.models.files import FilePosting, StoredFile
from hub.models.org import User
from hub.search.results import FileHit, FileResults, Highlight
from hub.search.text import QueryWord, contains_all, fold, highlight, index_terms

SCAN_CAP = 500
_WINDOW = 64


def file_terms(doc: StoredFile) -> set[str]:
    return index_terms(doc.name) | index_terms(doc.text)


async def index_file(doc: StoredFile) -> None:
    """Add a file's postings; $addToSet, so running it twice adds nothing."""
    week = week_of(doc.uploaded_at)
    coll = FilePosting.get_pymongo_collection()
    updates = [({"_id": posting_id(t, week)}, {"$setOnInsert": {"t": t, "w": week}, "$addToSet": {"ids": doc.id}})
               for t in sorted(file_terms(doc))]
    for i in range(0, len(updates), _WINDOW):
        await asyncio.gather(*(coll.update_one(f, u, upsert=True) for f, u in updates[i:i + _WINDOW]))


async def _candidates(words: list[QueryWord]) -> list[ObjectId]:
    """Ids of files whose postings hold every key of every word, in weeks where all occur, newest first."""
    postings = FilePosting.get_pymongo_collection()
    by_key: dict[str, set[ObjectId]] = {}
    for word in words:
        query: dict[str, Any] = {"t": {"$in": list(word.keys)}}
        if word.prefix:
            query = {"t": {"$gte": word.word, "$lt": chr(ord(word.word) + 1)}}
        for doc in await postings.find(query, projection={"t": 1, "ids": 1}).to_list():
            by_key.setdefault(doc["t"], set()).update(doc.get("ids", []))
    result: set[ObjectId] | None = None
    for word in words:
        if word.prefix:
            got = set().union(*(ids for t, ids in by_key.items() if t.startswith(word.word)))
        else:
            got = set.intersection(*(by_key.get(k, set()) for k in word.keys))
        result = got if result is None else result & got
        if not result:
            return []
    return sorted(result or (), reverse=True)


async def search_files(hub: Hub, user: User, words: list[QueryWord], limit: int) -> FileResults:
    """The newest `limit` files this user may read whose name or text contains every word."""
    if not words:
        return FileResults(items=[], truncated=False)
    pending = await _candidates(words)
    readable: dict[tuple[str, str], bool] = {}
    items: list[FileHit] = []
    scanned = 0
    while pending and len(items) < limit:
        if scanned >= SCAN_CAP:
            return FileResults(items=items, truncated=True)
        take, pending = pending[:50], pending[50:]
        scanned += len(take)
        docs = await StoredFile.find({"_id": {"$in": take}}).to_list()
        docs.sort(key=lambda d: str(d.id), reverse=True)
        for doc in docs:
            if not (contains_all(fold(doc.name) + "\n" + fold(doc.text), words)):
                continue
            key = (doc.scope_kind, doc.scope_id)
            if key not in readable:
                policy = hub.file_scopes.find(doc.scope_kind)
                readable[key] = policy is not None and await policy.can_read(hub, user, doc.scope_id)
            if not readable[key]:
                continue
            source = doc.text if contains_all(fold(doc.text), words) else doc.name
            snippet, ranges = highlight(source, [w.word for w in words])
            items.append(FileHit(file_id=str(doc.id), name=doc.name, kind=doc.kind, size=doc.size,
                                 scope_kind=doc.scope_kind, scope_id=doc.scope_id, uploaded_at=doc.uploaded_at,
                                 snippet=snippet, highlights=[Highlight(start=s, end=e) for s, e in ranges]))
            if len(items) >= limit:
                break
    return FileResults(items=items, truncated=False)
