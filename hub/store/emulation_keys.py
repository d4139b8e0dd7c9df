"""Secondary indexes for the MongoDB emulation: each index as a key map that narrows and orders candidates.

An index here only ever proposes candidates. The caller still runs mongomock's own matcher on each, so an
index may propose too many documents but never too few: values it cannot hold faithfully (arrays in compound
indexes, sub-documents, dates) put the document in the index's spill set, which is proposed for every query.
Documents are indexed whatever the index's sparse or partial options say; those options only matter to the
unique check, and mongomock applies them there.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from bson import ObjectId
from mongomock.helpers import get_value_by_dot
from sortedcontainers import SortedList

Key = tuple[int, Any]
_TOP = (math.inf,)  # above every value key and insertion position: closes the range of one value in a group
_RANGE_OPS = {"$gt", "$gte", "$lt", "$lte"}


def sort_key(value: Any) -> Key | None:
    """The value's place in MongoDB's comparison order, or None when the index cannot hold it."""
    if value is None:
        return (0, 0)
    kind = type(value)
    if kind is int or (kind is float and not math.isnan(value)):
        return (1, value)
    if kind is str:
        return (2, value)
    if isinstance(value, ObjectId):
        return (3, value)
    return None


def _field(doc: Mapping[str, Any], name: str) -> Any:
    try:
        return get_value_by_dot(doc, name)  # type: ignore[no-untyped-call]
    except KeyError:
        return None  # missing compares as null, as on the server


@dataclass
class Condition:
    """What a filter requires of one field, as far as an index can use it."""

    equals: list[Key] | None = None
    low: tuple[Key, bool] | None = None  # (key, inclusive)
    high: tuple[Key, bool] | None = None


def conditions(filter: Any) -> dict[str, Condition]:
    """Usable per-field conditions of a filter's top-level conjunction (including nested `$and`)."""
    out: dict[str, Condition] = {}
    if not isinstance(filter, Mapping):
        return out
    for name, value in filter.items():
        if name == "$and" and isinstance(value, list):
            for clause in value:
                for sub, nested in conditions(clause).items():
                    out.setdefault(sub, nested)
            continue
        if name.startswith("$") or name in out:
            continue
        cond = _condition(value)
        if cond is not None:
            out[name] = cond
    return out


def _condition(value: Any) -> Condition | None:
    key = sort_key(value)
    if key is not None:
        return Condition(equals=[key])
    if not isinstance(value, Mapping) or not value or not all(str(k).startswith("$") for k in value):
        return None  # sub-document or array equality, regexes: not from an index
    if "$eq" in value and (key := sort_key(value["$eq"])) is not None:
        return Condition(equals=[key])
    if isinstance(value.get("$in"), list):
        keys = [sort_key(v) for v in value["$in"]]
        if all(k is not None for k in keys):
            return Condition(equals=[k for k in keys if k is not None])
    cond = Condition()
    for op in _RANGE_OPS & value.keys():
        key = sort_key(value[op])
        if key is None or key[0] != 1:
            continue  # only numeric bounds: type bracketing of other types is left to the matcher
        if op in ("$gt", "$gte"):
            cond.low = (key, op == "$gte")
        else:
            cond.high = (key, op == "$lte")
    return cond if cond.low or cond.high else None


@dataclass
class KeyIndex:
    """One index of one collection: value keys to document ids, plus the ids it cannot place."""

    name: str
    fields: list[str]
    buckets: dict[Key, set[Any]] = field(default_factory=dict)  # single field: value -> ids
    groups: dict[Key, SortedList] = field(default_factory=dict)  # compound: first value -> (*rest, (pos,), id)
    ordered: SortedList = field(default_factory=SortedList)  # single field, scalar values: (key, (pos,), id)
    multikey: set[Any] = field(default_factory=set)  # single field: ids whose value is an array
    spill: set[Any] = field(default_factory=set)
    where: dict[Any, Any] = field(default_factory=dict)  # id -> what was added, for removal

    @property
    def compound(self) -> bool:
        return len(self.fields) > 1

    def add(self, _id: Any, pos: int, doc: Mapping[str, Any]) -> None:
        entry = self._entry(_id, pos, doc)
        if entry is None:
            self.spill.add(_id)
            self.where[_id] = None
        elif self.compound:
            first, rest = entry
            self.groups.setdefault(first, SortedList()).add(rest)
            self.where[_id] = entry
        else:
            keys, scalar = entry
            for key in keys:
                self.buckets.setdefault(key, set()).add(_id)
            if scalar is None:
                self.multikey.add(_id)
            else:
                self.ordered.add(scalar)
            self.where[_id] = entry

    def remove(self, _id: Any) -> None:
        if _id not in self.where:
            return
        entry = self.where.pop(_id)
        if entry is None:
            self.spill.discard(_id)
        elif self.compound:
            first, rest = entry
            group = self.groups[first]
            group.remove(rest)
            if not group:
                del self.groups[first]
        else:
            keys, scalar = entry
            for key in keys:
                bucket = self.buckets[key]
                bucket.discard(_id)
                if not bucket:
                    del self.buckets[key]
            if scalar is None:
                self.multikey.discard(_id)
            else:
                self.ordered.remove(scalar)

    def _entry(self, _id: Any, pos: int, doc: Mapping[str, Any]) -> Any:
        if self.compound:
            keys = [sort_key(_field(doc, name)) for name in self.fields]
            if any(k is None for k in keys):
                return None
            return keys[0], (*keys[1:], (pos,), _id)
        value = _field(doc, self.fields[0])
        if isinstance(value, list):  # multikey: the document is found by each of its elements
            elements = {sort_key(v) for v in value}
            return None if not value or None in elements else (frozenset(elements), None)
        key = sort_key(value)
        return None if key is None else (frozenset([key]), (key, (pos,), _id))

    # ----------------------------------------------------------------- reading
    def same_key(self, _id: Any, doc: Mapping[str, Any]) -> list[Any] | None:
        """Other documents that may share this document's key (the spill included), for a unique check;
        None when the key is not one value per field."""
        entry = self._entry(_id, 0, doc)
        if entry is None:
            return None
        if self.compound:
            first, rest = entry
            prefix = rest[:-2]
            group = self.groups.get(first, ())
            found = [e[-1] for e in group.irange(prefix, (*prefix, _TOP))] if group else []
        elif len(entry[0]) == 1:
            found = list(self.buckets.get(next(iter(entry[0])), ()))
        else:
            return None
        return [k for k in (*found, *self.spill) if k != _id]

    def _span(self, group: SortedList, cond: Condition | None, reverse: bool = False) -> Iterator[tuple[Any, ...]]:
        """The entries of one compound group that can satisfy the condition on the second field, in order."""
        if cond is None:
            yield from (reversed(group) if reverse else group)
            return
        if cond.equals is not None:
            for key in sorted(set(cond.equals), reverse=reverse):
                yield from group.irange((key,), (key, _TOP), reverse=reverse)
            return
        low = None if cond.low is None else ((cond.low[0],) if cond.low[1] else (cond.low[0], _TOP))
        high = None if cond.high is None else ((cond.high[0], _TOP) if cond.high[1] else (cond.high[0],))
        yield from group.irange(low, high, reverse=reverse)

    def _count(self, group: SortedList, cond: Condition | None) -> int:
        if cond is None:
            return len(group)
        if cond.equals is not None:
            return sum(group.bisect_right((k, _TOP)) - group.bisect_left((k,)) for k in set(cond.equals))
        start = 0 if cond.low is None else group.bisect_left(
            (cond.low[0],) if cond.low[1] else (cond.low[0], _TOP))
        end = len(group) if cond.high is None else group.bisect_right(
            (cond.high[0], _TOP) if cond.high[1] else (cond.high[0],))
        return max(0, end - start)

    def estimate(self, conds: dict[str, Condition]) -> int | None:
        """How many candidates this index proposes for the conditions; None when it cannot narrow them."""
        first = conds.get(self.fields[0])
        if first is None or first.equals is None:
            return None
        keys = set(first.equals)
        if not self.compound:
            return sum(len(self.buckets.get(k, ())) for k in keys) + len(self.spill)
        second = conds.get(self.fields[1])
        return sum(self._count(self.groups[k], second) for k in keys if k in self.groups) + len(self.spill)

    def candidates(self, conds: dict[str, Condition]) -> Iterable[Any]:
        keys = set(conds[self.fields[0]].equals or ())
        out: set[Any] = set(self.spill)
        if not self.compound:
            for k in keys:
                out.update(self.buckets.get(k, ()))
            return out
        second = conds.get(self.fields[1])
        for k in keys:
            if k in self.groups:
                out.update(entry[-1] for entry in self._span(self.groups[k], second))
        return out

    def walk(self, conds: dict[str, Condition], descending: bool) -> Iterator[Any] | None:
        """Ids in the order of the sorted field (ties in insertion order): the second field under one pinned
        first value, or a single field's own order; None when the index cannot give that order."""
        if self.spill:
            return None
        if not self.compound:
            if self.multikey:
                return None  # arrays sort by their smallest or largest element: left to mongomock
            return _in_runs(self._span(self.ordered, conds.get(self.fields[0]), reverse=descending))
        first = conds.get(self.fields[0])
        if first is None or first.equals is None or len(set(first.equals)) != 1:
            return None
        group = self.groups.get(first.equals[0])
        if group is None:
            return iter(())
        return _in_runs(self._span(group, conds.get(self.fields[1]), reverse=descending))

    @property
    def size(self) -> int:
        return len(self.where)


def _in_runs(entries: Iterable[tuple[Any, ...]]) -> Iterator[Any]:
    """Ids of entries ordered by their first key, equal first keys in insertion order (a stable sort's)."""
    run: list[tuple[Any, ...]] = []
    for entry in entries:
        if run and run[0][0] != entry[0]:
            yield from (e[-1] for e in sorted(run, key=lambda e: e[-2]))
            run = []
        run.append(entry)
    yield from (e[-1] for e in sorted(run, key=lambda e: e[-2]))
