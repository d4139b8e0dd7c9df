"""The test clock: moves this hub's clock forward, only when HUB_TEST_CLOCK=true (never in production)."""

from __future__ import annotations

from datetime import datetime, timedelta

from aiohttp import web
from pydantic import BaseModel, Field

from hub.errors import HubError
from hub.views.base import EndpointTable, hub_of

api = EndpointTable("test")


class ClockIn(BaseModel):
    # Up to ten years; 0 only reads the clock.
    advance_seconds: float = Field(ge=0, le=10 * 366 * 86400)


class ClockOut(BaseModel):
    now: datetime
    offset_seconds: float


@api("POST", "/api/v1/test/clock", "Move the hub clock forward (only with HUB_TEST_CLOCK=true)", body=ClockIn,
     response=ClockOut, auth=False)
async def advance_clock(request: web.Request, body: ClockIn) -> ClockOut:
    hub = hub_of(request)
    if not hub.settings.test_clock:
        raise HubError("not_found", detail=f"{request.method} {request.path}")
    now = hub.clock.advance(timedelta(seconds=body.advance_seconds))
    return ClockOut(now=now, offset_seconds=hub.clock.offset.total_seconds())
