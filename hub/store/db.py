"""Open the store: a real MongoDB when a URL is set, otherwise the in-process emulation."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from beanie import init_beanie
from pymongo import AsyncMongoClient
from pymongo.errors import OperationFailure

from hub.models import ALL_MODELS
from hub.settings import Settings
from hub.store.embedded import EmbeddedServer
from hub.store.emulation import EmulatedClient

log = logging.getLogger(__name__)

# Indexes a model no longer declares, dropped at start-up (Beanie creates indexes but never drops them).
# (collection, index name): messages.by_card was replaced by card_messages (hub/models/messages.py).
RETIRED_INDEXES = (("messages", "by_card"),)

BANNER = (
    "\n" + "=" * 72 + "\n"
    "  内存数据库模拟 / IN-MEMORY MongoDB EMULATION (mongomock)\n"
    "  HUB_STORE=memory: all data lives in this process and is LOST ON EXIT.\n"
    "  Unset HUB_STORE for the durable embedded store, or set HUB_MONGODB_URL=mongodb://...\n" + "=" * 72 + "\n"
)


def embedded_banner(data_dir: Path) -> str:
    return (
        "\n" + "=" * 72 + "\n"
        "  内置数据库 / EMBEDDED STORE (SecantusDB, a MongoDB-compatible server, run as a child process)\n"
        f"  Data lives in {data_dir} and is kept across restarts.\n"
        "  Wipe it with `make reset`. Production: set HUB_MONGODB_URL=mongodb://...\n" + "=" * 72 + "\n"
    )


@dataclass
class Store:
    """The client, the database and whether it is the emulation."""

    client: Any
    database: Any
    emulated: bool
    # "emulation", "embedded" (a SecantusDB child process) or "mongodb" (HUB_MONGODB_URL).
    kind: str = "mongodb"
    server: EmbeddedServer | None = None

    async def ping(self) -> bool:
        try:
            await self.database.command({"ping": 1})
            return True
        except Exception:  # health checks must answer, whatever the driver raises
            log.exception("store ping failed")
            return False

    async def close(self) -> None:
        await self.client.close()
        if self.server is not None:
            await self.server.stop()


async def open_store(url: str | None, db_name: str, *, banner: bool = True) -> Store:
    if url:
        client: Any = AsyncMongoClient(url, tz_aware=True, serverSelectionTimeoutMS=5000)
        emulated = False
    else:
        if banner:
            print(BANNER, file=sys.stderr, flush=True)
        client = EmulatedClient()
        emulated = True
    database = client.get_database(db_name)
    await init_beanie(database=database, document_models=ALL_MODELS)
    await _drop_retired_indexes(database)
    return Store(client=client, database=database, emulated=emulated, kind="emulation" if emulated else "mongodb")


async def _drop_retired_indexes(database: Any) -> None:
    for collection, name in RETIRED_INDEXES:
        coll = database.get_collection(collection)
        if name in await coll.index_information():
            try:
                await coll.drop_index(name)
            except OperationFailure as exc:  # another hub starting on the same store dropped it first
                if exc.code != 27:  # IndexNotFound
                    raise
            log.info("dropped retired index %s.%s", collection, name)


async def open_configured_store(settings: Settings, *, banner: bool = True) -> Store:
    """The store the settings name: HUB_MONGODB_URL, else the embedded server (default), else the emulation."""
    if settings.mongodb_url:
        return await open_store(settings.mongodb_url, settings.mongodb_db, banner=banner)
    if settings.store == "memory":
        return await open_store(None, settings.mongodb_db, banner=banner)
    server = EmbeddedServer(Path(settings.data_dir))
    url = await server.start()
    if banner:
        print(embedded_banner(server.data_dir), file=sys.stderr, flush=True)
    try:
        store = await open_store(url, settings.mongodb_db, banner=False)
    except BaseException:
        await server.stop()
        raise
    store.kind, store.server = "embedded", server
    return store
