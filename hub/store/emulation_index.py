"""`_id` lookups for the MongoDB emulation without scanning the collection.

mongomock answers every query by running its filter over every document of the collection, `_id`
lookups included. Its documents are kept in a dict keyed by `_id`, though, and `_iter_documents` is the
one place where it enumerates them for a filter (find, find_one, count, update, replace, delete,
find-and-modify, the unique-key check of inserts). IdLookupCollection narrows that enumeration to the one
stored document when the filter pins `_id` (top level, or inside a top-level `$and`) to a plain value;
mongomock's own filter, sort, projection, update and TTL logic then run unchanged on it. At most one
document has a given `_id`, so the results are those of the scan (tests/test_emulation.py compares the two).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import mongomock
from bson import ObjectId
from mongomock.filtering import filter_applies

_PLAIN = (str, int, ObjectId)  # exact types: bool, dicts, lists and operator documents take the scan
_NONE: Any = object()
if TYPE_CHECKING:
    _Collection = mongomock.Collection[Any]
else:  # mongomock's classes are generic only in its type stubs
    _Collection = mongomock.Collection


def pinned_id(filter: Any) -> Any:
    """The `_id` value the filter requires by plain equality, or _NONE."""
    if not isinstance(filter, Mapping):
        return _NONE
    value = filter.get("_id", _NONE)
    if type(value) in _PLAIN:
        return value
    clauses = filter.get("$and")
    if isinstance(clauses, list):
        for clause in clauses:
            value = pinned_id(clause)
            if value is not _NONE:
                return value
    return _NONE


class IdLookupCollection(_Collection):
    """A mongomock collection that fetches the document of a pinned `_id` instead of scanning."""

    def _iter_documents(self, filter: Any) -> Iterator[Any]:
        _id = pinned_id(filter)
        if _id is _NONE:
            return super()._iter_documents(filter)  # type: ignore[misc,no-any-return]
        store: Any = self._store
        doc = store[_id] if _id in store else None  # store access expires TTL documents, as the scan does
        if doc is None:
            filter_applies(filter, {})  # type: ignore[no-untyped-call]  # validate the filter as mongomock does when nothing is scanned
            return iter(())
        return iter([doc] if filter_applies(filter, doc) else [])  # type: ignore[no-untyped-call]


def indexed(database: mongomock.Database[Any], name: str) -> IdLookupCollection:
    """The named collection of a mongomock database, as an IdLookupCollection over the same store."""
    plain = database.get_collection(name)  # registers the collection as mongomock would
    store = database._store
    return IdLookupCollection(database, name=name, _db_store=store, codec_options=plain.codec_options,
                              read_preference=plain.read_preference)
