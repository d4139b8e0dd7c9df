"""The archive export of a unit and year: the stamped 版式 files, one metadata record per 件, 归档目录.xlsx."""

from __future__ import annotations

import io
import zipfile
from typing import Any
from zoneinfo import ZoneInfo

import orjson

from hub.lib.xlsx import append_rows, titled_sheet, workbook_bytes
from hub.models.archive import CATEGORY, RETENTION_NAMES, ArchiveItem

BEIJING = ZoneInfo("Asia/Shanghai")
CATALOGUE_HEADERS = ["序号", "档号", "文号", "责任者", "题名", "日期", "页数", "保管期限", "机构(问题)", "备注"]


def metadata(item: ArchiveItem) -> dict[str, Any]:
    """One 件's description, named after the DA/T 46-2009 文书类电子文件 elements (and DA/T 22 归档章)."""
    return {
        "档号": item.archive_no, "全宗号": item.fonds, "门类": CATEGORY, "年度": item.year,
        "保管期限": RETENTION_NAMES[item.retention], "保管期限代码": item.retention, "机构(问题)": item.org_code,
        "件号": item.piece_no, "题名": item.title, "文号": item.doc_number, "责任者": item.issuer,
        "文种": item.doc_type, "日期": item.written_on.strftime("%Y%m%d"), "页数": item.pages,
        "开放状态": item.openness, "来源": "收文" if item.kind == "incoming" else "发文",
        "电子文件": {"文件名": f"{item.archive_no}.pdf", "格式": "PDF", "大小": item.file_size,
                 "SHA256": item.file_sha256, "生成方式": "原版式文件" if item.file_source == "stored" else "系统排版"},
        "归档人": item.filed_by_name, "归档时间": item.filed_at.astimezone(BEIJING).isoformat(timespec="seconds"),
        "立档单位": item.unit_name,
    }


def catalogue_xlsx(unit_name: str, fonds: str, year: int, items: list[ArchiveItem]) -> bytes:
    """归档文件目录 (DA/T 22-2015 §8.1 and its appendix): one row per 件 in 档号 order."""
    book, sheet = titled_sheet(f"{year}年归档文件目录", f"{unit_name}（全宗号 {fonds}）{year}年归档文件目录",
                               CATALOGUE_HEADERS)
    append_rows(sheet, ([n, item.archive_no, item.doc_number, item.issuer, item.title,
                         item.written_on.strftime("%Y%m%d"), item.pages, RETENTION_NAMES[item.retention],
                         item.org_code, "收文" if item.kind == "incoming" else "发文"]
                        for n, item in enumerate(items, 1)))
    return workbook_bytes(book, sheet, (6, 28, 22, 22, 48, 10, 6, 10, 10, 8))


def export_zip(unit_name: str, fonds: str, year: int, items: list[tuple[ArchiveItem, bytes]]) -> bytes:
    """Folder per 件 name is its 档号: the PDF and its metadata JSON side by side; the 目录 at the top."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for item, pdf in items:
            zf.writestr(f"{item.archive_no}.pdf", pdf)
            zf.writestr(f"{item.archive_no}.json", orjson.dumps(metadata(item), option=orjson.OPT_INDENT_2))
        zf.writestr("归档目录.xlsx", catalogue_xlsx(unit_name, fonds, year, [i for i, _ in items]))
    return buf.getvalue()
