"""The province leg of 公文交换: a 签收 or 退回 of a province document is posted back, signed, through timers that
retry with backoff, survive a hub restart, and deliver once the province answers."""

from __future__ import annotations

import hmac
import time
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from beanie import PydanticObjectId

from hub.actions.audit import Origin
from hub.actions.documents import do_send_document
from hub.actions.documents_exchange import NOTICE_TIMER, exchange_secret, queue_province_notice
from hub.actions.documents_inbound import do_create_exchange_integration
from hub.actions.integrations import sign
from hub.app import make_hub
from hub.context import Hub
from hub.models import Timer
from hub.models.documents import DocumentElements, IncomingRecord, OfficialDocument
from hub.settings import Settings
from hub.store.db import open_store
from tests.conftest import World, make_settings
from tests.documents_fixtures import DocOrg, build_doc_org
from tests.test_timers_multiprocess import TimerHub, _env
from tests.time_fixtures import free_port, shared_store_url, wait_until

__all__ = ["shared_store_url"]


class Province:
    """The province's receiving end: checks each signature, records each delivery; can be down."""

    def __init__(self, secret: str) -> None:
        self.secret = secret
        self.got: list[dict[str, Any]] = []
        self.bad = 0

    async def receive(self, request: web.Request) -> web.Response:
        body = await request.read()
        expected = sign(self.secret, request.headers.get("X-Xietong-Timestamp", ""), body)
        if not hmac.compare_digest(expected, request.headers.get("X-Xietong-Signature", "")):
            self.bad += 1
            return web.Response(status=401)
        self.got.append(orjson.loads(body))
        return web.Response(status=204)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/exchange", self.receive)
        return app


ELEMENTS = {"doc_type": "通知", "issuer": "甘肃省人民政府办公厅", "doc_number": "甘政办发〔2026〕87号",
            "title": "关于做好2027年元旦春节期间安全生产工作的通知", "body": "各市、自治州人民政府：……",
            "written_on": "2026-12-01"}
PORT = free_port()


@pytest.fixture
def settings(store_kwargs: dict[str, Any]) -> Settings:
    return make_settings(province_exchange_url=f"http://127.0.0.1:{PORT}/exchange", **store_kwargs)


@pytest.fixture
async def org(world: World) -> DocOrg:
    return await build_doc_org(world)


async def _province_document(org: DocOrg) -> str:
    hub = org.world.hub
    elements = DocumentElements.model_validate({**ELEMENTS, "main_to": [org.unit("zf"), org.unit("hnx")]})
    doc = await do_send_document(hub, org.users["outsider"], elements, f"prov-{uuid.uuid4().hex[:8]}", Origin(),
                                 sender_unit=org.units["gs"])
    return str(doc.id)


async def test_sign_and_return_go_back_to_the_province_signed(org: DocOrg) -> None:
    hub = org.world.hub
    province = Province(exchange_secret(hub))
    server = TestServer(province.app(), port=PORT)
    await server.start_server()
    try:
        doc_id = await _province_document(org)
        records = {r.unit_name: r for r in await IncomingRecord.find(
            IncomingRecord.document_id == PydanticObjectId(doc_id)).to_list()}
        status, body = await org.step("wufang", str(records["白银市人民政府"].id), "sign")
        assert status == 200, body
        status, body = await org.step("zhongmin", str(records["会宁县"].id), "return", opinion="请改送县应急管理局")
        assert status == 200, body
        await wait_until(lambda: _count(province, 2), within=20, what="both notices delivered")
        got = {n["kind"]: n for n in province.got}
        assert got["signed"]["unit"] == "白银市人民政府" and got["signed"]["by"] == "吴芳"
        assert got["returned"]["reason"] == "请改送县应急管理局" and province.bad == 0
        doc = await OfficialDocument.get(PydanticObjectId(doc_id))
        assert doc is not None and got["signed"]["content_hash"] == doc.content_hash
    finally:
        await server.close()


async def _count(province: Province, n: int) -> bool:
    return len(province.got) >= n


@pytest.fixture
async def shared_hub(shared_store_url: str) -> AsyncIterator[Hub]:
    settings = Settings(mongodb_url=shared_store_url, mongodb_db=f"hubtest_{uuid.uuid4().hex[:12]}",
                        argon2_time_cost=1, argon2_memory_kib=8192)
    hub = make_hub(settings)
    hub.store = await open_store(settings.mongodb_url, settings.mongodb_db, banner=False)
    yield hub
    await hub.store.client.drop_database(settings.mongodb_db)
    await hub.store.close()


async def test_a_notice_survives_a_hub_restart(shared_hub: Hub, tmp_path: Path) -> None:
    """The province is down: the first hub fails, schedules the retry and is killed; a new hub delivers it."""
    port = free_port()
    env = {**_env(shared_hub), "HUB_PROVINCE_EXCHANGE_URL": f"http://127.0.0.1:{port}/exchange"}
    doc = OfficialDocument.model_construct(id=PydanticObjectId(), elements=DocumentElements.model_validate(
        {**ELEMENTS, "main_to": [str(PydanticObjectId())]}), content_hash="ab" * 32)
    record = IncomingRecord.model_construct(id=PydanticObjectId(), unit_name="白银市人民政府", signed_by_name="吴芳")
    await queue_province_notice(shared_hub, doc, record, "signed", None)
    first = TimerHub(env, tmp_path / "hub1.log")
    try:
        await first.wait_ready()

        async def retry_scheduled() -> bool:
            return await Timer.find_one({"kind": NOTICE_TIMER, "payload.attempt": 2}) is not None

        await wait_until(retry_scheduled, within=30, what="the failed first attempt scheduling a retry")
    finally:
        first.proc.kill()
        first.proc.wait(timeout=10)
    province = Province(exchange_secret(shared_hub))
    server = TestServer(province.app(), port=port)
    await server.start_server()
    second = TimerHub(env, tmp_path / "hub2.log")
    try:
        await second.wait_ready()
        assert province.got == []  # the retry waits for its backoff
        await second.advance(timedelta(seconds=31).total_seconds())
        await wait_until(lambda: _count(province, 1), within=30, what="the retried notice delivered")
        (notice,) = province.got
        assert notice["delivery_id"] == f"{record.id}:signed" and notice["by"] == "吴芳" and province.bad == 0
    finally:
        second.stop()
        await server.close()


async def _push(org: DocOrg, key: str, secret: str, payload: dict[str, Any], age: int = 0) -> tuple[int, Any]:
    body = orjson.dumps(payload)
    stamp = str(int(time.time()) - age)
    resp = await org.world.client.post(f"/api/v1/integrations/{key}/incoming", data=body, headers={
        "Content-Type": "application/json", "X-Xietong-Timestamp": stamp,
        "X-Xietong-Signature": sign(secret, stamp, body)})
    return resp.status, await resp.json()


async def test_the_province_sends_through_the_signed_integration(org: DocOrg) -> None:
    _, secret = await do_create_exchange_integration(org.world.hub, None, "gs-exchange")
    push: dict[str, Any] = {"delivery_id": "gs-2026-0087", "sender_unit": "gs",
            "elements": {**ELEMENTS, "main_to": ["zf"], "cc_to": ["hnx"], "urgency": "特急"}}
    status, body = await _push(org, "gs-exchange", secret, push)
    assert status == 202, body
    status, inbox = await org.api("wufang", "GET", "/api/v1/incoming", params={"urgency": "特急"})
    (record,) = inbox["records"]
    assert record["sender_unit_name"] == "甘肃省人民政府" and record["my_actions"] == ["sign", "return"]
    # The province retries the same delivery, signed again a second later (not a replay): still one document.
    status, body = await _push(org, "gs-exchange", secret, push, age=-1)
    assert status == 202, body
    assert await OfficialDocument.find(OfficialDocument.sent_by_name == "公文交换").count() == 1
    # Bad pushes change nothing: unknown unit codes, a 密级, a wrong signature.
    status, body = await _push(org, "gs-exchange", secret, {**push, "delivery_id": "gs-x-1",
                                                           "elements": {**push["elements"], "main_to": ["nope"]}})
    assert status == 400 and body["error"]["code"] == "invalid_request"
    status, body = await _push(org, "gs-exchange", secret, {**push, "delivery_id": "gs-x-2",
                                                           "elements": {**push["elements"], "secret_level": "机密"}})
    assert status == 422 and body["error"]["code"] == "classified_content"
    status, body = await _push(org, "gs-exchange", "0" * 64, {**push, "delivery_id": "gs-x-3"})
    assert status == 401 and body["error"]["code"] == "bad_signature"
    assert await OfficialDocument.find_all().count() == 1
