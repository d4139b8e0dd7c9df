"""The 发文登记簿 beyond one sequence: which sequences a clerk keeps, and the register as Excel."""

from __future__ import annotations

from urllib.parse import quote

from aiohttp import web
from beanie.operators import In
from pydantic import BaseModel

from hub.actions.docnumbers import check_numbering, register
from hub.actions.documents import home_units
from hub.models import Unit
from hub.models.docnumbers import NumberSequence
from hub.numbering.export import number_register_xlsx
from hub.numbering.wire import RegisterQuery
from hub.views.base import EndpointTable, current

api = EndpointTable("documents")


class SequenceRow(BaseModel):
    unit_id: str
    unit_name: str
    code: str
    year: int
    last: int


class SequenceList(BaseModel):
    """The units the clerk numbers for (first: their own) and every 代字/year sequence they have."""

    units: list[dict[str, str]]
    sequences: list[SequenceRow]


@api("GET", "/api/v1/doc-numbers/sequences", "The 发文字号 sequences (代字, year) of the units the clerk numbers for",
     response=SequenceList)
async def docnumbers_sequences(request: web.Request) -> SequenceList:
    user = current(request)[0]
    if "doc_clerk" not in user.roles:
        return SequenceList(units=[], sequences=[])
    units = [u for u in await Unit.find(In(Unit.id, list(await home_units(user)))).sort("+order").to_list()
             if u.kind != "office"]
    names = {str(u.id): u.name for u in units}
    seqs = await NumberSequence.find(In(NumberSequence.unit_id, list(names))).to_list()
    rows = [SequenceRow(unit_id=s.unit_id, unit_name=names[s.unit_id], code=s.code, year=s.year, last=s.last)
            for s in seqs]
    return SequenceList(units=[{"id": k, "name": v} for k, v in names.items()],
                        sequences=sorted(rows, key=lambda r: (-r.year, r.code)))


@api("GET", "/api/v1/doc-numbers/register.xlsx", "The 发文登记簿 of one sequence as an Excel workbook, gaps "
     "with their reasons", query=RegisterQuery)
async def docnumbers_register_xlsx(request: web.Request, query: RegisterQuery) -> web.Response:
    unit = await check_numbering(current(request)[0], query.unit_id)
    assert unit.id is not None
    entries, missing = await register(unit.id, query.code, query.year)
    body = number_register_xlsx(unit.name, query.code, query.year, entries, missing)
    name = quote(f"发文登记簿-{unit.name}-{query.code}-{query.year}.xlsx")
    return web.Response(body=body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f"attachment; filename=\"register.xlsx\"; "
                                 f"filename*=UTF-8''{name}", "X-Content-Type-Options": "nosniff"})
