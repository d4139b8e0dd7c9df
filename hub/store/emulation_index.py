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
from mongomock.helpers import get_value_by_dot
from pymongo.errors import DuplicateKeyError


def _is_plain(value: Any) -> bool:
    """Values whose equality is plain equality: strings, integers (not bools) and ObjectIds, including
    Beanie's PydanticObjectId, which is how the hub's ids arrive. Dicts, lists and operators take the scan."""
    return type(value) is int or type(value) is str or isinstance(value, ObjectId)
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
    if _is_plain(value):
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

    def _ensure_uniques(self, new_data: Any) -> None:
        # mongomock runs its full query matcher over every document for every unique index on every
        # write; comparing plain key tuples gives the same answer an order of magnitude faster.
        verdict = unique_violation(self, new_data)
        if verdict is None:
            super()._ensure_uniques(new_data)  # type: ignore[misc]
        elif verdict:
            raise DuplicateKeyError("E11000 Duplicate Key Error", 11000)


def _key(doc: Any, fields: list[str]) -> tuple[Any, ...] | None:
    """The index key of a document as plain values, or None where equality is not plain (arrays, documents)."""
    out = []
    for field in fields:
        try:
            value = get_value_by_dot(doc, field)  # type: ignore[no-untyped-call]
        except KeyError:
            value = None  # mongomock treats a missing key as null, as the server does
        if value is not None and not _is_plain(value):
            return None
        out.append(value)
    return tuple(out)


def _plain_equalities(expression: Any) -> dict[str, Any] | None:
    """A partial filter made only of top-level `field: plain value` pairs (or none: {}); else None."""
    if expression is None:
        return {}
    if not isinstance(expression, dict) or not expression:
        return None
    for field, value in expression.items():
        if field.startswith("$") or "." in field or not _is_plain(value):
            return None
    return dict(expression)


def unique_violation(collection: Any, new_data: Any) -> bool | None:
    """Whether a unique index holds new_data's key twice; None when the fast comparison cannot decide
    (a partial filter other than plain equalities, dotted keys, array or sub-document values) and
    mongomock's scan must."""
    for index in collection._store.indexes.values():
        if not index.get("unique"):
            continue
        partial = _plain_equalities(index.get("partialFilterExpression"))
        if partial is None:
            return None
        if any(isinstance(new_data.get(f), (list, dict)) for f in partial):
            return None
        if any(new_data.get(f) != v for f, v in partial.items()):
            continue  # the new document is outside the partial index: nothing to collide with
        fields = [k for k, _ in index.get("key")]
        wanted = _key(new_data, fields)
        if wanted is None:
            return None
        if index.get("sparse") and all(v is None for v in wanted):
            continue
        if any("." in f for f in fields):
            return None
        seen = 0
        for doc in list(collection._store.documents):
            if partial:
                if any(isinstance(doc.get(f), (list, dict)) for f in partial):
                    return None
                if any(doc.get(f) != v for f, v in partial.items()):
                    continue
            for field, want in zip(fields, wanted, strict=True):
                value = doc.get(field)
                if isinstance(value, (list, dict)):
                    return None  # array and sub-document equality: let mongomock's matcher decide
                if value != want:
                    break
            else:
                seen += 1
                if seen > 1:
                    return True
    return False


def indexed(database: mongomock.Database[Any], name: str) -> IdLookupCollection:
    """The named collection of a mongomock database, as an IdLookupCollection over the same store."""
    plain = database.get_collection(name)  # registers the collection as mongomock would
    store = database._store
    return IdLookupCollection(database, name=name, _db_store=store, codec_options=plain.codec_options,
                              read_preference=plain.read_preference)
