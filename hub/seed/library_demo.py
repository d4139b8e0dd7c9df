"""The demo's 共享文件库: 市政府办公室's folders, one shared city-wide, with a small PDF and DOCX made in code."""

from __future__ import annotations

import io

from hub.actions.files import bytes_stream
from hub.actions.library import do_create_folder, do_share_folder
from hub.actions.library_entries import do_library_upload
from hub.context import Hub
from hub.files.minipdf import simple_pdf
from hub.library_wire import FolderIn, ShareIn
from hub.models.library import LibraryFolder
from hub.models.org import Unit, User


def simple_docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


async def load_library_demo(hub: Hub) -> None:
    """Once: 周文 (office director) files three documents; 制度文件 is shared with the whole city."""
    office = await Unit.find_one(Unit.code == "zf-bgs")
    director = await User.find_one(User.username == "zhouwen")
    if office is None or director is None or office.id is None:
        return
    if await LibraryFolder.find_one(LibraryFolder.unit_id == office.id) is not None:
        return
    rules = await do_create_folder(hub, director, str(office.id), FolderIn(name="制度文件"))
    minutes = await do_create_folder(hub, director, str(office.id), FolderIn(name="会议纪要"))
    await do_create_folder(hub, director, str(office.id), FolderIn(name="2026年", parent_id=str(minutes.id)))
    await do_share_folder(hub, director, str(rules.id), ShareIn(share_city=True))
    pdf = simple_pdf(["Baiyin Municipal Government Office", "Document handling rules (2026)",
                      "1. Documents are registered on the day they arrive.", "2. Urgent documents within 2 hours."])
    await do_library_upload(hub, director, rules.id, "公文处理办法.pdf", bytes_stream(pdf))
    rules_docx = simple_docx(["市政府办公室值班值守制度", "一、实行24小时值班和领导带班制度。",
                              "二、值班人员应当准确掌握情况，及时报告重要事项。"])
    await do_library_upload(hub, director, rules.id, "值班值守制度.docx", bytes_stream(rules_docx))
    minutes_docx = simple_docx(["市政府第十二次常务会议纪要", "会议研究了岁末年初安全生产工作。"])
    await do_library_upload(hub, director, minutes.id, "第十二次常务会议纪要.docx", bytes_stream(minutes_docx))
