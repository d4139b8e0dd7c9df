"""Exports of 公文 records: a 签收回执 as PDF (WeasyPrint, CJK font), the 收文登记簿 as an Excel workbook."""

from __future__ import annotations

import asyncio
import html
from zoneinfo import ZoneInfo

from hub.documents_wire import RegisterRow
from hub.lib.xlsx import append_rows, titled_sheet, workbook_bytes
from hub.models.documents import DocumentReceipt, OfficialDocument

BEIJING = ZoneInfo("Asia/Shanghai")
_STYLE = """@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; font-size: 12pt; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 4pt; }
table { width: 100%; border-collapse: collapse; } td { border: 1px solid #333; padding: 6pt; vertical-align: top; }
td.k { width: 28%; background: #f3f3f3; } .hash { font-family: monospace; font-size: 9pt; word-break: break-all; }"""


def _receipt_html(receipt: DocumentReceipt, doc: OfficialDocument) -> str:
    e = html.escape
    at = receipt.at.astimezone(BEIJING).strftime("%Y年%m月%d日 %H:%M:%S")
    kind = "签收回执" if receipt.kind == "signed" else "退回记录"
    rows = [("公文标题", e(doc.elements.title)), ("发文字号", e(doc.elements.doc_number)),
            ("发文机关", e(doc.elements.issuer)), ("收文单位", e(receipt.unit_name)),
            ("签收人" if receipt.kind == "signed" else "退回人", e(receipt.user_name)),
            ("时间（北京时间）", e(at))]
    if receipt.reason:
        rows.append(("退回理由", e(receipt.reason)))
    rows.append(("内容摘要（SHA-256）", f'<span class="hash">{e(receipt.content_hash)}</span>'))
    rows.append(("回执编号", f'<span class="hash">{e(str(receipt.id))}</span>'))
    cells = "".join(f'<tr><td class="k">{k}</td><td>{v}</td></tr>' for k, v in rows)
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{_STYLE}</style></head><body>"
            f"<h1>{kind}</h1><table>{cells}</table></body></html>")


def _render_pdf(markup: str) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]

    out: bytes = HTML(string=markup).write_pdf()
    return out


async def receipt_pdf(receipt: DocumentReceipt, doc: OfficialDocument) -> bytes:
    """Rendering takes a few hundred milliseconds of CPU: off the event loop."""
    return await asyncio.to_thread(_render_pdf, _receipt_html(receipt, doc))


def register_xlsx(unit_name: str, year: int, rows: list[RegisterRow]) -> bytes:
    book, sheet = titled_sheet(f"{year}年收文登记簿", f"{unit_name} {year}年收文登记簿",
                               ["收文编号", "登记时间", "发文字号", "标题", "文种", "来文单位", "紧急程度", "状态"])
    append_rows(sheet, ([r.reg_no, r.registered_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
                         if r.registered_at else "", r.doc_number, r.title, r.doc_type, r.sender_unit_name,
                         r.urgency or "平件", _STATUS.get(r.status, r.status)] for r in rows))
    return workbook_bytes(book, sheet, (14, 18, 22, 48, 8, 24, 10, 10))


_STATUS = {"pending": "待签收", "handling": "办理中", "done": "已办结", "archived": "已归档", "returned": "已退回",
           "recalled": "已撤回"}
