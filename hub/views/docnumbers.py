"""发文字号 over HTTP: allocate for a document, reserve, give a reserved one, void, and the register."""

from __future__ import annotations

from aiohttp import web

from hub.actions.docnumbers import check_numbering, do_allocate, do_assign, do_reserve, do_void, register
from hub.models.docnumbers import DocNumber
from hub.numbering.wire import AllocateIn, AssignIn, NumberOut, NumberRegisterOut, RegisterQuery, ReserveIn, VoidIn
from hub.views.base import EndpointTable, current, hub_of, origin_of

api = EndpointTable("documents")


def _out(e: DocNumber) -> NumberOut:
    return NumberOut(id=str(e.id), text=e.text, number=e.number, status=e.status, document_id=e.document_id,
                     reason=e.reason, history=e.history, created_at=e.created_at)


@api("POST", "/api/v1/doc-numbers", "编号: the next 发文字号 for a document (the unit's 文书; once per document)",
     body=AllocateIn, response=NumberOut)
async def allocate(request: web.Request, body: AllocateIn) -> NumberOut:
    return _out(await do_allocate(hub_of(request), current(request)[0], body, origin_of(request)))


@api("POST", "/api/v1/doc-numbers/reserve", "预留: take the next number now, with a reason", body=ReserveIn,
     response=NumberOut)
async def reserve(request: web.Request, body: ReserveIn) -> NumberOut:
    return _out(await do_reserve(hub_of(request), current(request)[0], body, origin_of(request)))


@api("POST", "/api/v1/doc-numbers/{number_id}/assign", "Give a reserved number to a document", body=AssignIn,
     response=NumberOut)
async def assign(request: web.Request, body: AssignIn) -> NumberOut:
    return _out(await do_assign(hub_of(request), current(request)[0], request.match_info["number_id"], body,
                                origin_of(request)))


@api("POST", "/api/v1/doc-numbers/{number_id}/void", "作废 a number, with the reason (it stays in the register)",
     body=VoidIn, response=NumberOut)
async def void(request: web.Request, body: VoidIn) -> NumberOut:
    return _out(await do_void(hub_of(request), current(request)[0], request.match_info["number_id"], body.reason,
                              origin_of(request)))


@api("GET", "/api/v1/doc-numbers/register", "The register of one sequence, gaps explained", query=RegisterQuery,
     response=NumberRegisterOut)
async def number_register(request: web.Request, query: RegisterQuery) -> NumberRegisterOut:
    unit = await check_numbering(current(request)[0], query.unit_id)
    assert unit.id is not None
    entries, missing = await register(unit.id, query.code, query.year)
    return NumberRegisterOut(code=query.code, year=query.year, numbers=[_out(e) for e in entries], unexplained=missing)
