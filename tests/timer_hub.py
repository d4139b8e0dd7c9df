"""A real hub process for the timer tests (`python -m tests.timer_hub`): the app plus a probe timer kind.

The probe records every call it gets, deliberately without deduplication, so that a timer fired twice
anywhere shows up as two rows in the `timer_probe` collection."""

from __future__ import annotations

import asyncio

from aiohttp import web

from hub.app import create_app
from hub.context import Hub
from hub.models import Timer
from hub.settings import Settings
from hub.views.base import HUB_KEY

PROBE = "test.probe"
# Records its call, then on its first attempt hangs, as a process that dies mid-handler would.
HANG_FIRST = "test.hang_first"


async def probe(hub: Hub, timer: Timer) -> None:
    assert hub.store is not None
    await hub.store.database["timer_probe"].insert_one(
        {"timer_id": timer.id, "key": timer.key, "owner": hub.scheduler.owner, "attempt": timer.attempts})


async def hang_first(hub: Hub, timer: Timer) -> None:
    await probe(hub, timer)
    if timer.attempts == 1:
        await asyncio.Event().wait()


def main() -> None:
    settings = Settings()
    app = create_app(settings, banner=False)
    app[HUB_KEY].scheduler.register(PROBE, probe)
    app[HUB_KEY].scheduler.register(HANG_FIRST, hang_first)
    web.run_app(app, host=settings.host, port=settings.port, print=None)


if __name__ == "__main__":
    main()
