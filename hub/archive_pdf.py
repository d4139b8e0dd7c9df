"""The 版式 file of a 件: the stored PDF or one laid out from the elements, with the 归档章 on page 1."""

from __future__ import annotations

import io
from dataclasses import dataclass
from html import escape

from pypdf import PdfReader, PdfWriter

from hub.layout.model import LayoutDoc
from hub.layout.pdf import render_pdf
from hub.models.archive import RETENTION_NAMES
from hub.models.documents import OfficialDocument

_SONG = "'Noto Serif CJK SC', 'WenQuanYi Micro Hei', serif"
# DA/T 22-2015 §7.3: the 归档章 is a 2×3 grid, 45×16 mm, in the blank top-right of the first page, in red.
_STAMP_CSS = f"""
@page {{ size: A4; margin: 0; background: transparent; }}
html, body {{ margin: 0; background: transparent; }}
table {{ position: absolute; top: 8mm; right: 12mm; width: 45mm; height: 16mm; border-collapse: collapse;
  color: #C8102E; font: 7pt/1.1 {_SONG}; table-layout: fixed; }}
td {{ border: 0.3mm solid #C8102E; text-align: center; vertical-align: middle; padding: 0; }}
td span {{ display: block; font-size: 4.5pt; }}
"""


@dataclass(frozen=True)
class Stamp:
    """归档章 fields (DA/T 22-2015 §7.3)."""

    fonds: str
    year: int
    piece_no: int
    org_code: str
    retention: str
    pages: int


def layout_of(doc: OfficialDocument, unit_names: dict[str, str]) -> LayoutDoc:
    """A 公文 laid out from its elements, as the hub's GB/T 9704 writer prints it."""
    e = doc.elements
    names = [unit_names.get(u, "") for u in e.main_to]
    cc = [unit_names.get(u, "") for u in e.cc_to]
    return LayoutDoc(org_mark=f"{e.issuer}文件"[:40], doc_number=e.doc_number, urgency=e.urgency, signer=e.signer,
                     title=e.title, main_to="、".join(n for n in names if n)[:500],
                     body=[p for p in e.body.split("\n") if p.strip()] or [e.body], sender=e.issuer[:100],
                     signed_on=e.written_on, note=e.note or None, cc="、".join(n for n in cc if n)[:500],
                     printer=doc.sender_unit_name[:100], printed_on=e.written_on)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _stamp_html(stamp: Stamp) -> str:
    cells = [("全宗号", stamp.fonds), ("年度", str(stamp.year)), ("件号", str(stamp.piece_no)),
             ("机构(问题)", stamp.org_code), ("保管期限", RETENTION_NAMES.get(stamp.retention, stamp.retention)),
             ("页数", str(stamp.pages))]
    row = ["".join(f"<td><span>{escape(k)}</span>{escape(v)}</td>" for k, v in cells[i:i + 3]) for i in (0, 3)]
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{_STAMP_CSS}</style></head><body>"
            f"<table><tr>{row[0]}</tr><tr>{row[1]}</tr></table></body></html>")


def stamped(pdf: bytes, stamp: Stamp) -> bytes:
    """The PDF with the 归档章 laid over its first page; the other pages unchanged. CPU-bound: run off the loop."""
    from weasyprint import HTML  # type: ignore[import-untyped]  # loads pango; only this path needs it

    overlay = PdfReader(io.BytesIO(HTML(string=_stamp_html(stamp)).write_pdf()))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.pages[0].merge_page(overlay.pages[0])
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def generated(layout: LayoutDoc) -> bytes:
    return render_pdf(layout)
