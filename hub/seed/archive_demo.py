"""Demo 归档: 市政府's 2025 函 to 市人大常委会, signed there and filed by 吴芳 under 全宗号 J001, so the 档案 page
and the 2025 export have content. Three 件, to keep the demo fast (each lays out and stamps one PDF)."""

from __future__ import annotations

from datetime import date

from hub.actions.archive import do_archive, do_set_fonds
from hub.actions.audit import Origin
from hub.actions.documents import do_send_document
from hub.actions.documents_flow import StepIn, do_step
from hub.archive_wire import ArchiveIn, ArchiveSettingsIn
from hub.context import Hub
from hub.models import Unit, User
from hub.models.documents import DocumentElements, IncomingRecord, OfficialDocument

_ORIGIN = Origin(ip="127.0.0.1", user_agent="demo-seed")
_LETTERS = [
    ("Y", date(2025, 3, 12), "白政函〔2025〕18号",
     "白银市人民政府关于提请审议《白银市城市总体规划（2021—2035年）》的函",
     "市人大常委会：\n《白银市城市总体规划（2021—2035年）》已经市政府常务会议研究通过，现提请审议。"),
    ("D30", date(2025, 6, 20), "白政函〔2025〕47号", "白银市人民政府关于报送2024年度国有资产管理情况综合报告的函",
     "市人大常委会：\n按照有关规定，现将2024年度全市国有资产管理情况综合报告报送你们，请审议。"),
    ("D30", date(2025, 11, 5), "白政函〔2025〕96号", "白银市人民政府关于办理市人大代表建议情况的函",
     "市人大常委会：\n2025年市政府承办市人大代表建议152件，已全部办结，现将办理情况函告如下。"),
]


async def load_archive_demo(hub: Hub, units: dict[str, Unit]) -> None:
    """Once: skipped when its first letter exists."""
    if await OfficialDocument.find_one(OfficialDocument.send_request_id == "demo-archive-2025-1") is not None:
        return
    people = {u.username: u for u in await User.find_all().to_list()}
    wufang, hejing = people["wufang"], people["hejing"]
    await do_set_fonds(hub, wufang, ArchiveSettingsIn(unit_id=str(units["zf"].id), fonds="J001"), _ORIGIN)
    for n, (retention, written, number, title, body) in enumerate(_LETTERS, 1):
        elements = DocumentElements(doc_type="函", issuer="白银市人民政府", doc_number=number, direction="parallel",
                                    main_to=[str(units["rd"].id)], title=title, body=body, written_on=written,
                                    openness="内部")
        doc = await do_send_document(hub, wufang, elements, f"demo-archive-2025-{n}", _ORIGIN)
        record = await IncomingRecord.find_one(IncomingRecord.document_id == doc.id)
        assert record is not None
        await do_step(hub, hejing, str(record.id), StepIn(op="sign", request_id=f"demo-archive-sign-{n}"), _ORIGIN)
        await do_archive(hub, wufang, ArchiveIn(kind="outgoing", source_id=str(doc.id), retention=retention,
                                                org_code="BGS", request_id=f"demo-archive-file-{n}"), _ORIGIN)
