"""Demo 发文: a 白政发 draft waiting at 会签 (市发改委, 市教育局), and a signed, numbered, sealed and distributed 通知
with its PDF and OFD. No 会签 or recipient involves 市财政局, so 马军's and 张三's counts stay as they are."""

from __future__ import annotations

from hub.actions.audit import Origin
from hub.actions.outgoing import do_create_outgoing
from hub.actions.outgoing_flow import OutgoingStepIn, do_outgoing_step
from hub.context import Hub
from hub.models import Unit, User
from hub.models.outgoing import DraftContent, OutgoingDraft

_ORIGIN = Origin(ip="127.0.0.1", user_agent="demo-seed")


async def _step(hub: Hub, who: User, draft: OutgoingDraft, op: str, n: int, opinion: str | None = None) -> None:
    body = OutgoingStepIn.model_validate({"op": op, "request_id": f"demo-out-{draft.id}-{n}", "opinion": opinion})
    await do_outgoing_step(hub, who, str(draft.id), body, _ORIGIN)


async def load_outgoing_demo(hub: Hub, units: dict[str, Unit]) -> None:
    """Once: skipped when the first draft exists."""
    people = {u.username: u for u in await User.find_all().to_list()}
    wufang, zhouwen, mayor = people["wufang"], people["zhouwen"], people["chenzhiyuan"]
    if await OutgoingDraft.find_one(OutgoingDraft.drafter_id == str(wufang.id),
                                    OutgoingDraft.create_request_id == "demo-out-1") is not None:
        return
    counties = [str(units[c].id) for c in ("byq", "pcq", "hnx", "jyx", "jtx")]
    plan = DraftContent.model_validate({
        "doc_type": "意见", "main_to": counties, "cc_to": [str(units["jyj"].id)],
        "title": "白银市人民政府关于推进全市中小学校园安全标准化建设的意见",
        "blocks": [{"level": 0, "text": "为进一步提升全市中小学校园安全管理水平，结合我市实际，提出如下意见。"},
                   {"level": 1, "text": "总体要求"},
                   {"level": 0, "text": "坚持预防为主、综合治理，到2027年底全市中小学校园安全标准化达标率达到100%。"},
                   {"level": 1, "text": "重点任务"},
                   {"level": 2, "text": "完善人防物防技防"},
                   {"level": 2, "text": "健全应急处置机制"},
                   {"level": 1, "text": "保障措施"},
                   {"level": 0, "text": "各县区人民政府要将校园安全经费纳入本级财政预算。"}]})
    draft = await do_create_outgoing(hub, wufang, plan, "白政发", str(zhouwen.id), str(mayor.id),
                                     [str(units["fgw"].id), str(units["jyj"].id)], "demo-out-1", _ORIGIN)
    await _step(hub, zhouwen, draft, "review", 1, "已核，请发改委、教育局会签。")
    await _step(hub, people["luoyong"], draft, "countersign", 2, "同意，建议将达标率目标分年度明确。")
    # 市教育局 has not countersigned yet: the draft waits at 会签.

    notice = DraftContent.model_validate({
        "doc_type": "通知", "main_to": [str(units["byq"].id), str(units["jtx"].id)], "urgency": "加急",
        "title": "白银市人民政府关于做好2027年元旦春节期间安全生产工作的通知",
        "blocks": [{"level": 0, "text": "元旦、春节将至，为切实做好节日期间安全生产工作，现将有关事项通知如下。"},
                   {"level": 1, "text": "压实安全生产责任"},
                   {"level": 0, "text": "各区县要落实属地管理责任，组织开展隐患排查整治，做到不留死角。"},
                   {"level": 1, "text": "加强值班值守"},
                   {"level": 0, "text": "各单位要严格执行24小时值班和领导带班制度，遇有重大情况及时报告。"}]})
    sent = await do_create_outgoing(hub, wufang, notice, "白政发", str(zhouwen.id), str(mayor.id), [],
                                    "demo-out-2", _ORIGIN)
    await _step(hub, zhouwen, sent, "review", 1, "已核。")
    await _step(hub, mayor, sent, "sign", 2, "同意印发。")
    for n, op in enumerate(("number", "recheck", "seal", "distribute"), start=3):
        await _step(hub, wufang, sent, op, n)
