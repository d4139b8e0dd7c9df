"""Demo 公文: a province 通知 waiting for the 市长's 批示, a 市政府 document to the districts and counties, a 传阅."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hub.actions.audit import Origin
from hub.actions.bots import ensure_bot
from hub.actions.documents import do_send_document
from hub.actions.documents_flow import StepIn, do_step
from hub.actions.documents_inbound import EXCHANGE_BOT, EXCHANGE_BOT_NAME, do_create_exchange_integration
from hub.context import Hub
from hub.models import Integration, Unit, User
from hub.models.documents import DocumentElements, IncomingRecord, OfficialDocument

_ORIGIN = Origin(ip="127.0.0.1", user_agent="demo-seed")
# The province's 公文 exchange (POST /api/v1/integrations/gs-documents/incoming); a fixed salt keeps its secret
# stable for a given HUB_SECRET_KEY, so a push script survives re-seeding.
DEMO_EXCHANGE = "gs-documents"
DEMO_EXCHANGE_SALT = "demo-gs-documents-salt"


async def _step(hub: Hub, who: User, record: IncomingRecord, op: str, n: int, **extra: Any) -> None:
    body = StepIn.model_validate({"op": op, "request_id": f"demo-doc-{record.id}-{n}", **extra})
    await do_step(hub, who, str(record.id), body, _ORIGIN)


def _elements(**fields: Any) -> DocumentElements:
    today = fields.pop("today")
    return DocumentElements.model_validate({"openness": "内部", "written_on": today.isoformat(), **fields})


async def load_demo_documents(hub: Hub, units: dict[str, Unit]) -> None:
    """Once: the scenarios are skipped when their first document exists."""
    people = {u.username: u for u in await User.find_all().to_list()}
    if await OfficialDocument.find_one(OfficialDocument.send_request_id == "demo-doc-province-1") is not None:
        return
    today = (hub.clock.now() + timedelta(hours=8)).date()
    if await Integration.find_one(Integration.key == DEMO_EXCHANGE) is None:
        await do_create_exchange_integration(hub, None, DEMO_EXCHANGE, salt=DEMO_EXCHANGE_SALT)
    account = await ensure_bot(EXCHANGE_BOT, EXCHANGE_BOT_NAME, [])
    bot = await User.get(account.user_id)
    assert bot is not None
    notice = _elements(today=today, doc_type="通知", issuer="甘肃省人民政府办公厅", doc_number="甘政办发〔2026〕87号",
                       main_to=[str(units["zf"].id)], urgency="加急",
                       title="甘肃省人民政府办公厅关于做好2027年元旦春节期间安全生产工作的通知",
                       body="各市、自治州人民政府，省政府各部门：\n为切实做好元旦春节期间安全生产工作，现就有关事项通知如下……",
                       note="联系人：省应急厅 张明，0931-8888888")
    doc = await do_send_document(hub, bot, notice, "demo-doc-province-1", _ORIGIN, sender_unit=units["gs"])
    record = await IncomingRecord.find_one(IncomingRecord.document_id == doc.id)
    assert record is not None
    wufang, zhouwen = people["wufang"], people["zhouwen"]
    await _step(hub, wufang, record, "sign", 1)
    await _step(hub, wufang, record, "register", 2)
    await _step(hub, wufang, record, "review", 3,
                checklist={"organ": True, "rules": True, "format": True, "countersigned": True})
    await _step(hub, zhouwen, record, "propose", 4, opinion="拟请陈市长阅示，由市应急局牵头、各县区配合落实。",
                leader_ids=[str(people["chenzhiyuan"].id)])

    counties = ["byq", "pcq", "hnx", "jyx", "jtx"]
    sent = _elements(today=today, doc_type="通知", issuer="白银市人民政府", doc_number="白政发〔2026〕12号",
                     main_to=[str(units[c].id) for c in counties], cc_to=[str(units["czj"].id)],
                     title="白银市人民政府关于开展冬春季森林草原防灭火专项检查的通知",
                     body="各县、区人民政府，市政府各部门：\n为做好今冬明春森林草原防灭火工作，市政府决定开展专项检查……")
    doc = await do_send_document(hub, wufang, sent, "demo-doc-city-1", _ORIGIN)
    records = {str(r.unit_id): r for r in await IncomingRecord.find(IncomingRecord.document_id == doc.id).to_list()}
    for code, who in (("byq", "liangbo"), ("pcq", "songjia"), ("jyx", "xuetao"), ("czj", "majun")):
        await _step(hub, people[who], records[str(units[code].id)], "sign", 1)
    await _step(hub, people["zhongmin"], records[str(units["hnx"].id)], "return", 1,
                opinion="该事项由县应急管理局承办，请改送县应急管理局。")
    # 景泰县 has not signed.

    report = _elements(today=today, doc_type="报告", direction="up", signer="马军", issuer="白银市财政局",
                       doc_number="市财发〔2026〕56号", main_to=[str(units["zf"].id)],
                       title="市财政局关于2026年全市财政预算执行情况的报告",
                       body="市政府：\n现将2026年1至11月全市财政预算执行情况报告如下……")
    doc = await do_send_document(hub, people["majun"], report, "demo-doc-circulate-1", _ORIGIN)
    record = await IncomingRecord.find_one(IncomingRecord.document_id == doc.id)
    assert record is not None
    await _step(hub, wufang, record, "sign", 1)
    await _step(hub, wufang, record, "register", 2)
    await _step(hub, wufang, record, "review", 3,
                checklist={"organ": True, "rules": True, "format": True, "countersigned": True})
    await _step(hub, zhouwen, record, "propose", 4, opinion="拟请陈市长阅示。",
                leader_ids=[str(people["chenzhiyuan"].id)])
    await _step(hub, people["chenzhiyuan"], record, "instruct", 5,
                opinion="请财政局抓好年底收支平衡，报李晓东、孙丽同志阅。", lead_unit_id=str(units["czj"].id))
    await _step(hub, people["majun"], record, "handle", 6, opinion="已按批示落实。",
                leader_ids=[str(people["lixiaodong"].id), str(people["sunli"].id)])
    await _step(hub, people["sunli"], record, "read", 7, opinion="已阅，同意。")
