"""In-process MongoDB emulation: mongomock behind the slice of PyMongo's async API that Beanie uses.

Every operation yields to the event loop once before it runs, so concurrent coroutines interleave
the way they would against a real server, while each single operation stays atomic. Queries read
through the collection's indexes instead of scanning it (hub/store/emulation_index.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import mongomock
from mongomock.collection import Cursor as CursorType
from pymongo import IndexModel

from hub.store.emulation_index import IndexedCollection, indexed

_SERVER_VERSION = "7.0.0"


def _no_session(kwargs: dict[str, Any]) -> dict[str, Any]:
    kwargs.pop("session", None)
    return kwargs


class EmulatedCursor:
    """An async cursor over a mongomock cursor or result list.

    A mongomock cursor is read when first iterated, so that sort, skip and limit chained on it count: a page
    an index can give in order is then read through that index (IndexedCollection.ordered_page).
    """

    def __init__(self, source: Iterator[Any], collection: IndexedCollection | None = None) -> None:
        self._source = source
        self._collection = collection
        self._rows: Iterator[Any] | None = None

    def _iter(self) -> Iterator[Any]:
        if self._rows is None:
            self._rows = self._source
            cursor: Any = self._source
            if self._collection is not None and isinstance(cursor, CursorType):
                page = self._collection.ordered_page(cursor._spec, cursor._sort, cursor._skip, cursor._limit,
                                                    cursor._projection)
                if page is not None:
                    self._rows = iter(page)
        return self._rows

    def __aiter__(self) -> EmulatedCursor:
        return self

    async def __anext__(self) -> Any:
        try:
            return next(self._iter())
        except StopIteration:
            raise StopAsyncIteration from None

    async def next(self) -> Any:
        return await self.__anext__()

    async def to_list(self, length: int | None = None) -> list[Any]:
        await asyncio.sleep(0)
        out: list[Any] = []
        for item in self._iter():
            out.append(item)
            if length is not None and len(out) >= length:
                break
        return out

    def sort(self, *args: Any, **kwargs: Any) -> EmulatedCursor:
        self._source.sort(*args, **kwargs)  # type: ignore[attr-defined]
        return self

    def limit(self, n: int) -> EmulatedCursor:
        self._source.limit(n)  # type: ignore[attr-defined]
        return self

    def skip(self, n: int) -> EmulatedCursor:
        self._source.skip(n)  # type: ignore[attr-defined]
        return self

    async def explain(self) -> dict[str, Any]:
        """The plan the emulation follows, shaped like a server's explain() output."""
        await asyncio.sleep(0)
        cursor: Any = self._source
        assert self._collection is not None
        plan = self._collection.plan(cursor._spec, cursor._sort, cursor._limit)
        return {"queryPlanner": {"winningPlan": plan, "emulation": True}}

    async def close(self) -> None:
        return None


class EmulatedCollection:
    """Async facade over one mongomock collection."""

    def __init__(self, database: EmulatedDatabase, inner: IndexedCollection) -> None:
        self.database = database
        self._inner = inner

    @property
    def name(self) -> str:
        return str(self._inner.name)

    @property
    def full_name(self) -> str:
        return f"{self.database.name}.{self.name}"

    async def _run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(0)
        return fn(*args, **_no_session(kwargs))

    def find(self, *args: Any, **kwargs: Any) -> EmulatedCursor:
        kwargs = _no_session(kwargs)
        # PyMongo accepts limit=0/skip=0/sort=None as "not set"; mongomock wants them absent.
        for key in ("sort", "limit", "skip", "projection"):
            if key in kwargs and not kwargs[key]:
                del kwargs[key]
        return EmulatedCursor(self._inner.find(*args, **kwargs), self._inner)

    async def aggregate(self, pipeline: list[dict[str, Any]], **kwargs: Any) -> EmulatedCursor:
        await asyncio.sleep(0)
        kwargs = _no_session(kwargs)
        kwargs.pop("allowDiskUse", None)
        return EmulatedCursor(iter(list(self._inner.aggregate(pipeline, **kwargs))))

    async def find_one(self, filter: Any = None, *args: Any, **kwargs: Any) -> Any:
        # Through find, so that a sorted find_one reads an index in order rather than sorting every match.
        if filter is not None and not isinstance(filter, Mapping):
            filter = {"_id": filter}
        rows = await self.find(filter, *args, **{**kwargs, "limit": 1}).to_list(1)
        return rows[0] if rows else None

    async def insert_one(self, *args: Any, **kwargs: Any) -> Any:
        return await self._run(self._inner.insert_one, *args, **kwargs)

    async def insert_many(self, *args: Any, **kwargs: Any) -> Any:
        return await self._run(self._inner.insert_many, *args, **kwargs)

    async def update_one(self, *args: Any, **kwargs: Any) -> Any:
        return await self._run(self._inner.update_one, *args, **kwargs)

    async def update_many(self, *args: Any, **kwargs: Any) -> Any:
        return await self._run(self._inner.update_many, *args, **kwargs)

    async def replace_one(self, *args: Any, **kwargs: Any) -> Any:
        return await self._run(self._inner.replace_one, *args, **kwargs)

    async def delete_one(self, *args: Any, **kwargs: Any) -> Any:
        return await self._run(self._inner.delete_one, *args, **kwargs)

    async def delete_many(self, *args: Any, **kwargs: Any) -> Any:
        return await self._run(self._inner.delete_many, *args, **kwargs)

    async def find_one_and_update(self, *args: Any, **kwargs: Any) -> Any:
        return await self._run(self._inner.find_one_and_update, *args, **kwargs)

    async def find_one_and_replace(self, *args: Any, **kwargs: Any) -> Any:
        return await self._run(self._inner.find_one_and_replace, *args, **kwargs)

    async def find_one_and_delete(self, *args: Any, **kwargs: Any) -> Any:
        return await self._run(self._inner.find_one_and_delete, *args, **kwargs)

    async def count_documents(self, *args: Any, **kwargs: Any) -> int:
        for key in ("limit", "skip"):
            if key in kwargs and not kwargs[key]:
                del kwargs[key]
        return int(await self._run(self._inner.count_documents, *args, **kwargs))

    async def estimated_document_count(self, **kwargs: Any) -> int:
        return int(await self._run(self._inner.estimated_document_count, **kwargs))

    async def distinct(self, *args: Any, **kwargs: Any) -> list[Any]:
        return list(await self._run(self._inner.distinct, *args, **kwargs))

    async def bulk_write(self, *args: Any, **kwargs: Any) -> Any:
        return await self._run(self._inner.bulk_write, *args, **kwargs)

    async def create_index(self, *args: Any, **kwargs: Any) -> str:
        return str(await self._run(self._inner.create_index, *args, **kwargs))

    async def create_indexes(self, indexes: list[IndexModel], **kwargs: Any) -> list[str]:
        # mongomock's own create_indexes drops every option but unique/sparse/TTL, which would
        # silently turn partial unique indexes into global ones.
        await asyncio.sleep(0)
        names = []
        for index in indexes:
            spec = dict(index.document)
            keys = list(spec.pop("key").items())
            # TTL is housekeeping the hub never relies on (expired sessions, receipts and claims are refused
            # by their own timestamps), and mongomock sweeps the whole collection for it on every access.
            # The emulation keeps such documents until the process ends.
            spec.pop("expireAfterSeconds", None)
            names.append(str(self._inner.create_index(keys, **spec)))
        return names

    async def index_information(self, **kwargs: Any) -> dict[str, Any]:
        return dict(await self._run(self._inner.index_information, **kwargs))

    async def drop_index(self, *args: Any, **kwargs: Any) -> None:
        await self._run(self._inner.drop_index, *args, **kwargs)

    async def drop(self, **kwargs: Any) -> None:
        await self._run(self._inner.drop, **kwargs)


class EmulatedDatabase:
    """Async facade over one mongomock database."""

    def __init__(self, client: EmulatedClient, inner: mongomock.Database[Any]) -> None:
        self.client = client
        self._inner = inner
        self._collections: dict[str, EmulatedCollection] = {}

    @property
    def name(self) -> str:
        return str(self._inner.name)

    def get_collection(self, name: str, **_: Any) -> EmulatedCollection:
        if name not in self._collections:
            self._collections[name] = EmulatedCollection(self, indexed(self._inner, name))
        return self._collections[name]

    def __getitem__(self, name: str) -> EmulatedCollection:
        return self.get_collection(name)

    def __getattr__(self, name: str) -> EmulatedCollection:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.get_collection(name)

    async def command(self, command: dict[str, Any] | str, **_: Any) -> dict[str, Any]:
        await asyncio.sleep(0)
        name = command if isinstance(command, str) else next(iter(command))
        if name == "buildInfo":
            return {"version": _SERVER_VERSION, "ok": 1.0}
        if name == "ping":
            return {"ok": 1.0}
        if name == "dbStats":
            names = self._inner.list_collection_names()
            objects = sum(self._inner.get_collection(n).estimated_document_count() for n in names)
            return {"db": self.name, "collections": len(names), "objects": objects, "ok": 1.0}
        raise NotImplementedError(f"the MongoDB emulation does not implement the {name!r} command")

    async def list_collection_names(self, **_: Any) -> list[str]:
        await asyncio.sleep(0)
        return list(self._inner.list_collection_names())

    async def create_collection(self, name: str, **_: Any) -> EmulatedCollection:
        await asyncio.sleep(0)
        self._inner.create_collection(name)
        return self.get_collection(name)

    async def drop_collection(self, name: str, **_: Any) -> None:
        await asyncio.sleep(0)
        self._inner.drop_collection(name)
        self._collections.pop(name, None)


class EmulatedClient:
    """Stands in for pymongo.AsyncMongoClient; data lives in this process and dies with it."""

    def __init__(self) -> None:
        self._inner: mongomock.MongoClient[Any] = mongomock.MongoClient(tz_aware=True)
        self._databases: dict[str, EmulatedDatabase] = {}

    def get_database(self, name: str, **_: Any) -> EmulatedDatabase:
        if name not in self._databases:
            self._databases[name] = EmulatedDatabase(self, self._inner.get_database(name))
        return self._databases[name]

    def __getitem__(self, name: str) -> EmulatedDatabase:
        return self.get_database(name)

    def append_metadata(self, _metadata: Any) -> None:
        return None

    async def drop_database(self, name: str) -> None:
        await asyncio.sleep(0)
        self._inner.drop_database(name)
        self._databases.pop(name, None)

    async def close(self) -> None:
        return None

    async def aclose(self) -> None:
        return None
