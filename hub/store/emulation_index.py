"""Indexed reads for the MongoDB emulation: queries, sorted pages and unique checks without scanning.

mongomock answers every query, and every unique-index check of every write, by running its matcher over
every document of the collection. Its documents live in a dict keyed by `_id`, though, and
`_iter_documents` is the one place where it enumerates them for a filter (find, find_one, count, update,
replace, delete, find-and-modify, the unique-key check). IndexedStore keeps every declared index as a key map
(hub/store/emulation_keys.py) next to that dict; IndexedCollection narrows the enumeration to the candidates
of the most selective index or of a pinned `_id`, in the collection's natural order, and mongomock's own
filter, sort, projection, update and TTL logic then run unchanged on them. A page sorted by an index's
second field under a pinned first field is read in index order and stops at its limit. Candidates are a
superset of the matches, so the results are those of the scan (tests/test_emulation.py compares the two).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import mongomock
from bson import ObjectId
from mongomock import helpers
from mongomock.filtering import filter_applies
from mongomock.store import CollectionStore
from pymongo.errors import DuplicateKeyError

from hub.store.emulation_keys import Condition, KeyIndex, conditions

if TYPE_CHECKING:
    _Collection = mongomock.Collection[Any]
else:  # mongomock's classes are generic only in its type stubs
    _Collection = mongomock.Collection
_Store: Any = CollectionStore  # untyped in mongomock


_LEAVES = (str, int, float, ObjectId, datetime, bytes, type(None))


def _copy_value(obj: Any, tz_aware: bool) -> Any:
    """mongomock's copy of a stored value (then its time-zone pass when tz_aware), in one walk and without
    copy.copy of immutable leaves."""
    if isinstance(obj, dict):
        return {k: _copy_value(v, tz_aware) for k, v in obj.items()}
    if isinstance(obj, list) or (tz_aware and isinstance(obj, tuple)):
        return [_copy_value(v, tz_aware) for v in obj]
    if tz_aware and isinstance(obj, datetime):
        return obj.replace(tzinfo=UTC)  # equal instants to mongomock's own UTC offset
    if isinstance(obj, _LEAVES):
        return obj
    return copy.copy(obj)


def _plain_projection(fields: Any) -> tuple[bool, set[str]] | None:
    """(include?, field names) of a projection made only of top-level fields, all included or all excluded,
    keeping `_id`; None for anything else (mongomock's own projection handles it)."""
    if not isinstance(fields, dict) or not fields.get("_id", 1):
        return None
    names = {k for k in fields if k != "_id"}
    if not names or any("." in k or k.startswith("$") for k in names):
        return None
    flags = {bool(fields[k]) if isinstance(fields[k], (int, bool)) else None for k in names}
    if flags == {True}:
        return True, names | {"_id"}
    if flags == {False}:
        return False, names
    return None


def _store_key(_id: Any) -> Any:
    return helpers.hashdict(_id) if isinstance(_id, dict) else _id


class IndexedStore(_Store):  # type: ignore[misc]
    """mongomock's document store for one collection, with its indexes kept as key maps."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.keys: dict[str, KeyIndex] = {}
        self.pos: dict[Any, int] = {}  # insertion position: the natural order mongomock's scan gives
        self._next = 0

    def __setitem__(self, key: Any, val: Any) -> None:
        super().__setitem__(key, val)
        self.reindex(key)

    def __delitem__(self, key: Any) -> None:
        super().__delitem__(key)
        self.pos.pop(key, None)
        for index in self.keys.values():
            index.remove(key)

    def drop(self) -> None:
        super().drop()
        self.keys = {}
        self.pos = {}

    def create_index(self, index_name: str, index_dict: dict[str, Any]) -> None:
        super().create_index(index_name, index_dict)
        fields = [name for name, _ in index_dict["key"]]
        directions = [direction for _, direction in index_dict["key"]]
        if any("." in f or f.startswith("$") for f in fields) or not all(d in (1, -1) for d in directions):
            self.keys.pop(index_name, None)  # dotted paths, text and geo indexes: left to the scan
            return
        index = KeyIndex(index_name, fields)
        for _id, doc in self._documents.items():
            index.add(_id, self.pos[_id], doc)
        self.keys[index_name] = index

    def drop_index(self, index_name: str) -> None:
        super().drop_index(index_name)
        self.keys.pop(index_name, None)

    def reindex(self, key: Any) -> None:
        """Bring every index up to date with the stored document of that key (updates change it in place)."""
        doc = self._documents.get(key)
        if key not in self.pos:
            self.pos[key] = self._next
            self._next += 1
        for index in self.keys.values():
            index.remove(key)
            if doc is not None:
                index.add(key, self.pos[key], doc)


class IndexedCollection(_Collection):
    """A mongomock collection that reads through its store's indexes instead of scanning."""

    @property
    def _indexed(self) -> IndexedStore:
        store = self._store
        assert isinstance(store, IndexedStore)
        return store

    def _candidates(self, filter: Any) -> list[Any] | None:
        """Keys of the documents the best index proposes, in natural order; None when no index narrows."""
        store = self._indexed
        conds = conditions(filter)
        best: tuple[int, Any] | None = None
        pinned = conds.get("_id")
        if pinned is not None and pinned.equals is not None:
            best = (len(pinned.equals), [None if key[0] == 0 else key[1] for key in pinned.equals])
        for index in store.keys.values():
            cost = index.estimate(conds)
            if cost is not None and (best is None or cost < best[0]):
                best = (cost, index)
        if best is None:
            return None
        keys = best[1] if isinstance(best[1], list) else best[1].candidates(conds)
        pos = store.pos
        return sorted({k for k in keys if k in pos}, key=pos.__getitem__)

    def _iter_documents(self, filter: Any) -> Iterator[Any]:
        keys = self._candidates(filter)
        if keys is None:
            return super()._iter_documents(filter)  # type: ignore[misc,no-any-return]
        store = self._indexed
        store._remove_expired_documents()  # expires TTL documents, as the scan does
        found = [store._documents[k] for k in keys if k in store._documents]
        if not found:
            filter_applies(filter, {})  # type: ignore[no-untyped-call]  # validate the filter as mongomock does when nothing is scanned
        return (doc for doc in found if filter_applies(filter, doc))  # type: ignore[no-untyped-call]

    _inserting = 0

    def _insert(self, data: Any, session: Any = None, ordered: bool = True) -> Any:
        self._inserting += 1
        try:
            return super()._insert(data, session, ordered)  # type: ignore[misc]
        finally:
            self._inserting -= 1

    def _ensure_uniques(self, new_data: Any) -> None:
        """mongomock's check (the document is already stored), read from the indexes."""
        store = self._indexed
        key = _store_key(new_data["_id"])
        if not self._inserting:  # an update has changed the document in place: index its new keys first
            store.reindex(key)
        uniques = [(name, index) for name, index in store.indexes.items() if index.get("unique")]
        if not uniques:
            return
        store._remove_expired_documents()  # as mongomock's scan would, the new document included
        if key not in store._documents:
            return
        for name, index in uniques:
            partial = index.get("partialFilterExpression")
            if partial is not None and not filter_applies(partial, new_data):  # type: ignore[no-untyped-call]
                continue  # outside a partial index a document collides with nothing
            query: dict[str, Any] = {}
            for field, _ in index["key"]:
                try:
                    query[field] = helpers.get_value_by_dot(new_data, field)  # type: ignore[no-untyped-call]
                except KeyError:
                    query[field] = None
            if index.get("sparse") and all(v is None for v in query.values()):
                continue
            if partial is not None:
                query = {"$and": [partial, query]}
            keys = store.keys[name].same_key(key, new_data) if name in store.keys else None
            if keys is None:
                clash = sum(1 for _ in self._iter_documents(query)) > 1
            else:
                docs = store._documents
                clash = any(k in docs and filter_applies(query, docs[k]) for k in keys)  # type: ignore[no-untyped-call]
            if clash:
                raise DuplicateKeyError("E11000 Duplicate Key Error", 11000)

    def _copier(self, fields: Any, tz_aware: bool) -> Callable[[Any], Any]:
        """How stored documents are copied for a projection: decided once per query, not per document."""
        if fields is None or (isinstance(fields, dict) and not fields):
            return lambda doc: _copy_value(doc, tz_aware)
        plain = _plain_projection(fields)
        if plain is None:
            def by_mongomock(doc: Any) -> Any:
                copied: Any = self._copy_only_fields(doc, fields, dict)
                return helpers.make_datetime_timezone_aware_in_document(copied) if tz_aware else copied
            return by_mongomock
        include, names = plain
        return lambda doc: {k: _copy_value(v, tz_aware) for k, v in doc.items() if (k in names) == include}

    def _get_dataset(self, spec: Any, sort: Any, fields: Any, as_class: Any) -> Iterator[Any]:
        if as_class is not dict or (fields and _plain_projection(fields) is None):
            yield from super()._get_dataset(spec, sort, fields, as_class)  # type: ignore[misc]
            return
        # mongomock's _get_dataset with a faster copy; its cursor applies the time-zone pass afterwards.
        copy_doc, documents = self._copier(fields, False), self._indexed._documents
        for doc in super()._get_dataset(spec, sort, {"_id": 1}, dict):  # type: ignore[misc]
            yield copy_doc(documents[_store_key(doc["_id"])])

    def _walk(self, spec: Any, sort: Any) -> tuple[KeyIndex, Iterator[Any]] | None:
        if not sort:
            return None
        conds = conditions(spec)
        single = {name for name, c in conds.items() if c.equals is not None and len(set(c.equals)) == 1}
        order = [(name, direction) for name, direction in sort if name not in single]
        if len(order) != 1 or order[0][1] not in (1, -1):
            return None
        field, descending = order[0][0], order[0][1] < 0
        indexes = self._indexed.keys.values()
        for index in indexes:
            if index.compound and index.fields[1] == field:
                ids = index.walk(conds, descending)
                if ids is not None:
                    return index, ids
        # Walking a single field's order pays off unless another index narrows the query much further.
        narrowest = min((c for i in indexes if (c := i.estimate(conds)) is not None), default=None)
        for index in indexes:
            if not index.compound and index.fields[0] == field:
                if narrowest is not None and narrowest * 4 < index.size:
                    return None
                ids = index.walk(conds, descending)
                if ids is not None:
                    return index, ids
        return None

    def ordered_page(self, spec: Any, sort: Any, skip: int, limit: int | None,
                     projection: Any = None) -> list[Any] | None:
        """A sorted, limited page read in index order, stopping at the limit; None when no index gives
        that order (mongomock then sorts every match)."""
        if not limit:
            return None
        walk = self._walk(spec, sort)
        if walk is None:
            return None
        store = self._indexed
        store._remove_expired_documents()
        out: list[Any] = []
        copy_doc = self._copier(projection, bool(self.codec_options.tz_aware))
        for key in walk[1]:
            doc = store._documents.get(key)
            if doc is None or not filter_applies(spec, doc):  # type: ignore[no-untyped-call]
                continue
            if skip:
                skip -= 1
                continue
            out.append(copy_doc(doc))
            if len(out) >= abs(limit):
                break
        if not out:
            filter_applies(spec, {})  # type: ignore[no-untyped-call]
        return out

    def plan(self, spec: Any, sort: Any, limit: int | None) -> dict[str, Any]:
        """The emulation's answer to explain(): the index a query would read, in a server's plan shape."""
        walk = self._walk(spec, sort) if limit else None
        if walk is not None:
            scan = {"stage": "IXSCAN", "indexName": walk[0].name, "keyPattern": dict.fromkeys(walk[0].fields, 1),
                    "direction": "forward" if dict(sort).get(walk[0].fields[-1], 1) > 0 else "backward"}
            return {"stage": "LIMIT", "limitAmount": abs(limit or 0), "inputStage": {"stage": "FETCH",
                                                                                        "inputStage": scan}}
        conds: dict[str, Condition] = conditions(spec)
        chosen = [(cost, index) for index in self._indexed.keys.values()
                  if (cost := index.estimate(conds)) is not None]
        if not chosen:
            return {"stage": "COLLSCAN"}
        index = min(chosen, key=lambda c: c[0])[1]
        plan: dict[str, Any] = {"stage": "IXSCAN", "indexName": index.name,
                                "keyPattern": dict.fromkeys(index.fields, 1)}
        if index.spill:
            # Documents whose key the emulation cannot hold (dates, booleans, sub-documents) are proposed to every
            # query and matched one by one: a scan of those, which the plan must show rather than hide.
            spilled = {"stage": "COLLSCAN", "filter": "keys the emulation cannot index",
                       "docsExamined": len(index.spill)}
            plan = {"stage": "OR", "inputStages": [plan, spilled]}
        return {"stage": "SORT" if sort else "FETCH", "inputStage": plan}


def indexed(database: mongomock.Database[Any], name: str) -> IndexedCollection:
    """The named collection of a mongomock database, as an IndexedCollection over an IndexedStore."""
    plain = database.get_collection(name)  # registers the collection as mongomock would
    stores = database._store._collections
    current: Any = stores.get(name)
    if not isinstance(current, IndexedStore):
        store = IndexedStore(name)
        if current is not None:
            for index_name, spec in current.indexes.items():
                store.create_index(index_name, spec)
            for key, doc in current._documents.items():
                store[key] = doc
        stores[name] = store
    return IndexedCollection(database, name=name, _db_store=database._store, codec_options=plain.codec_options,
                             read_preference=plain.read_preference)
