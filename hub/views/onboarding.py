"""My role tours (分角色培训): which one is mine and due, and recording one completed or skipped."""

from __future__ import annotations

from aiohttp import web

from hub.actions.onboarding import do_record_tour, my_tours
from hub.onboarding_wire import TourRecordIn, ToursOut
from hub.views.base import EndpointTable, current, hub_of

api = EndpointTable("onboarding")


@api("GET", "/api/v1/me/tours", "My role's guided tour, whether it is due, and the tours I have seen",
     response=ToursOut)
async def onboarding_my_tours(request: web.Request) -> ToursOut:
    user, _ = current(request)
    return await my_tours(user)


@api("POST", "/api/v1/me/tours", "Record a tour as completed or skipped at the version shown",
     body=TourRecordIn, response=ToursOut)
async def onboarding_record_tour(request: web.Request, body: TourRecordIn) -> ToursOut:
    user, _ = current(request)
    return await do_record_tour(hub_of(request), user, body)
