"""发文字号 through the API: atomic and gap-free under concurrency, once per document, reserve, void, register."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest

from hub.actions.org import do_create_unit
from tests.conftest import World


def _rid() -> str:
    return f"r-{uuid.uuid4().hex[:12]}"


class Clerks:
    def __init__(self, world: World, unit_id: str) -> None:
        self.world, self.unit_id = world, unit_id
        self.tokens: dict[str, str] = {}

    async def api(self, username: str, method: str, path: str, **kw: Any) -> tuple[int, Any]:
        if username not in self.tokens:
            self.tokens[username] = await self.world.login(username)
        return await self.world.api(method, path, self.tokens[username], **kw)

    async def login_all(self) -> None:
        # Before any burst: parallel logins of one account are refused by the login throttle, by design.
        for name in ("wufang", "zhaomin", "zhengkai", "czclerk"):
            await self.api(name, "GET", "/api/v1/session/me")

    async def allocate(self, username: str, document_id: str, code: str = "白政发") -> tuple[int, Any]:
        return await self.api(username, "POST", "/api/v1/doc-numbers", json={
            "request_id": _rid(), "unit_id": self.unit_id, "code": code, "year": 2026, "document_id": document_id})

    async def register(self, code: str = "白政发") -> dict[str, Any]:
        status, body = await self.api("wufang", "GET", "/api/v1/doc-numbers/register",
                                      params={"unit_id": self.unit_id, "code": code, "year": "2026"})
        assert status == 200, body
        return dict(body)


@pytest.fixture
async def clerks(world: World) -> Clerks:
    hub = world.hub
    zf = await do_create_unit(hub, "zf", "白银市人民政府", "市政府", "leadership", None)
    bgs = await do_create_unit(hub, "zf-bgs", "市政府办公室", "市政府办", "office", zf)
    czj = await do_create_unit(hub, "czj", "市财政局", "市财政局", "department", zf)
    await world.user("wufang", "吴芳", units=[bgs], roles=["doc_clerk"])
    await world.user("zhaomin", "赵敏", units=[bgs], roles=["doc_clerk"])
    await world.user("zhengkai", "郑凯", units=[bgs])
    await world.user("czclerk", "财政文书", units=[czj], roles=["doc_clerk"])
    made = Clerks(world, str(zf.id))
    await made.login_all()
    return made


async def test_thirty_clerks_at_once_get_distinct_gap_free_numbers(clerks: Clerks) -> None:
    answers = await asyncio.gather(*(clerks.allocate("wufang" if i % 2 else "zhaomin", f"doc-{i}") for i in range(30)))
    assert all(s == 200 for s, _ in answers), answers
    assert sorted(b["number"] for _, b in answers) == list(range(1, 31))
    assert {b["text"] for _, b in answers} == {f"白政发〔2026〕{n}号" for n in range(1, 31)}  # no leading zeros
    reg = await clerks.register()
    assert [n["number"] for n in reg["numbers"]] == list(range(1, 31)) and reg["unexplained"] == []


async def test_a_document_is_numbered_once(clerks: Clerks) -> None:
    answers = await asyncio.gather(*(clerks.allocate(u, "doc-x") for u in ("wufang", "zhaomin", "wufang")))
    numbered = [b for s, b in answers if s == 200]
    assert numbered and len({b["text"] for b in numbered}) == 1
    assert all(s in (200, 409) for s, _ in answers)
    status, again = await clerks.allocate("zhaomin", "doc-x")
    assert status == 200 and again["text"] == numbered[0]["text"]
    assert [n["number"] for n in (await clerks.register())["numbers"]] == [1]


async def test_reserve_assign_void_and_the_register_explains_every_gap(clerks: Clerks) -> None:
    await clerks.allocate("wufang", "doc-1")
    status, reserved = await clerks.api("wufang", "POST", "/api/v1/doc-numbers/reserve", json={
        "request_id": _rid(), "unit_id": clerks.unit_id, "code": "白政发", "year": 2026, "reason": "为市长签发件预留"})
    assert status == 200 and reserved["status"] == "reserved" and reserved["number"] == 2
    status, third = await clerks.allocate("wufang", "doc-3")
    assert third["number"] == 3
    status, voided = await clerks.api("zhaomin", "POST", f"/api/v1/doc-numbers/{third['id']}/void",
                                      json={"reason": "文件撤回，重新起草"})
    assert status == 200 and voided["status"] == "void"
    status, body = await clerks.api("zhaomin", "POST", f"/api/v1/doc-numbers/{third['id']}/void",
                                    json={"reason": "再次作废"})
    assert status == 409, body
    status, used = await clerks.api("wufang", "POST", f"/api/v1/doc-numbers/{reserved['id']}/assign",
                                    json={"document_id": "doc-2"})
    assert status == 200 and used["status"] == "used" and used["document_id"] == "doc-2"
    # The withdrawn document, numbered again, gets a new number; 3 stays void with its reason.
    status, fourth = await clerks.allocate("wufang", "doc-3")
    assert status == 200 and fourth["number"] == 4
    reg = await clerks.register()
    assert [(n["number"], n["status"]) for n in reg["numbers"]] == [(1, "used"), (2, "used"), (3, "void"), (4, "used")]
    assert reg["numbers"][2]["reason"] == "文件撤回，重新起草"
    assert [h["act"] for h in reg["numbers"][1]["history"]] == ["reserved", "used"]
    # Another 代字 is another sequence.
    status, other = await clerks.allocate("wufang", "doc-5", code="白政办发")
    assert status == 200 and other["text"] == "白政办发〔2026〕1号"


async def test_only_the_units_clerks_number_and_bad_input_changes_nothing(clerks: Clerks) -> None:
    status, body = await clerks.allocate("zhengkai", "doc-1")
    assert status == 403  # not a 文书
    status, body = await clerks.allocate("czclerk", "doc-1")
    assert status == 403  # another unit's 文书
    for bad in ({"code": "BZF"}, {"code": "白政发〔"}, {"year": 1999}, {"document_id": "a b"}):
        status, body = await clerks.api("wufang", "POST", "/api/v1/doc-numbers", json={
            "request_id": _rid(), "unit_id": clerks.unit_id, "code": "白政发", "year": 2026, "document_id": "d",
            **bad})
        assert status == 400, (bad, body)
    status, body = await clerks.api("wufang", "POST", "/api/v1/doc-numbers/66aa00000000000000000000/void",
                                    json={"reason": "作废一下"})
    assert status == 404
    assert (await clerks.register())["numbers"] == []
