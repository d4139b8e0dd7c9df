"""版式 files of a 公文: the PDF (WeasyPrint) and our OFD writer, read back by independent readers."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, date, datetime

import ofdkit  # type: ignore[import-untyped]
from pypdf import PdfReader

from hub.layout.model import LayoutDoc, chinese_date, heading_level
from hub.layout.ofd import write_ofd
from hub.layout.pdf import fonts_used, render_html, render_pdf

BODY = ["为深入贯彻落实省委、省政府关于优化营商环境的决策部署，现就有关事项通知如下。",
        "一、提高政务服务效能",
        "各级政务服务中心要全面推行“一网通办”，实现企业群众办事“最多跑一次”。" * 4,
        "（一）压缩审批时限。", "1.工程建设项目审批时限压缩至60个工作日以内。", "（1）并联审批。",
        "二、强化督促落实", "各地各部门要将优化营商环境工作纳入年度目标管理考核。" * 6]


def _doc(**extra: object) -> LayoutDoc:
    base: dict[str, object] = dict(
        org_mark="白银市人民政府文件", doc_number="白政发〔2026〕12号",
        title="白银市人民政府关于进一步优化营商环境的通知",
        main_to="各县、区人民政府，市政府各部门", body=BODY * 2, attachments=["优化营商环境重点任务清单", "责任分工表"],
        sender="白银市人民政府", signed_on=date(2026, 12, 2), note="此件公开发布",
        cc="市委各部门，市人大常委会办公室，市政协办公室", printer="白银市人民政府办公室", printed_on=date(2026, 12, 3))
    base.update(extra)
    return LayoutDoc.model_validate(base)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_heading_levels_and_dates() -> None:
    paragraphs = ["一、总体要求", "（二）工作目标", "3.具体任务", "（4）附则", "正文"]
    assert [heading_level(p) for p in paragraphs] == [1, 2, 3, 4, 0]
    assert chinese_date(date(2026, 1, 5)) == "2026年1月5日"


def test_the_pdf_is_a4_with_real_text_red_marks_and_folios() -> None:
    pdf = render_pdf(_doc())
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)  # A4 in pt
    text = _flat("".join(p.extract_text() for p in reader.pages))
    for part in ("白银市人民政府文件", "白政发〔2026〕12号", "白银市人民政府关于进一步优化营商环境的",
                 "各县、区人民政府",
                 "工程建设项目审批时限压缩至60个工作日以内", "附件：1.优化营商环境重点任务清单", "2026年12月2日",
                 "抄送：市委各部门", "2026年12月3日印发", "—1—", "—2—"):
        assert part in text, part
    # The 发文机关标志 and the separator line are drawn in red (#E60012) on the first page.
    content = reader.pages[0].get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
    assert "0.901961 0 0.070588 rg" in content
    assert fonts_used(pdf), "the PDF embeds its CJK fonts"


def test_an_upward_document_names_its_signer_and_text_is_escaped() -> None:
    doc = _doc(signer="陈志远", body=["<script>alert(1)</script>请予审批。"], doc_number="白政报〔2026〕3号")
    html = render_html(doc)
    assert "<script>" not in html and "&lt;script&gt;" in html
    text = _flat("".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(doc))).pages))
    assert "签发人：陈志远" in text and "<script>alert(1)</script>请予审批" in text


def test_our_ofd_reads_back_with_an_independent_reader() -> None:
    created = datetime(2026, 12, 2, tzinfo=UTC)
    data = write_ofd(_doc(), doc_id="doc-1", created=created)
    assert write_ofd(_doc(), doc_id="doc-1", created=created) == data  # same document, same bytes (hashable)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert {"OFD.xml", "Doc_0/Document.xml", "Doc_0/PublicRes.xml", "Doc_0/Pages/Page_0/Content.xml"} <= set(names)
        fonts = z.read("Doc_0/PublicRes.xml").decode()
        assert "仿宋_GB2312" in fonts and "方正小标宋简体" in fonts
    path = io.BytesIO(data)
    with ofdkit.open(path) as reader:
        text = _flat(reader.text())
        assert len(reader.pages) >= 2
    for part in ("白银市人民政府文件", "白政发〔2026〕12号", "白银市人民政府关于进一步优化", "营商环境的通知",
                 "工程建设项目审批时限压缩至60个工作日以内", "2026年12月3日印发", "—1—"):
        assert part in text, part
