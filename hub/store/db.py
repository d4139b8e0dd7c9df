"""Open the store: a real MongoDB when a URL is set, otherwise the in-process emulation."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import Any

from beanie import init_beanie
from pymongo import AsyncMongoClient

from hub.models import ALL_MODELS
from hub.store.emulation import EmulatedClient

log = logging.getLogger(__name__)

BANNER = (
    "\n" + "=" * 72 + "\n"
    "  内存数据库模拟 / IN-MEMORY MongoDB EMULATION (mongomock)\n"
    "  No HUB_MONGODB_URL is set: all data lives in this process and is LOST ON EXIT.\n"
    "  Set HUB_MONGODB_URL=mongodb://... to keep data.\n" + "=" * 72 + "\n"
)


@dataclass
class Store:
    """The client, the database and whether it is the emulation."""

    client: Any
    database: Any
    emulated: bool

    async def ping(self) -> bool:
        try:
            await self.database.command({"ping": 1})
            return True
        except Exception:  # health checks must answer, whatever the driver raises
            log.exception("store ping failed")
            return False

    async def close(self) -> None:
        await self.client.close()


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
    return Store(client=client, database=database, emulated=emulated)
