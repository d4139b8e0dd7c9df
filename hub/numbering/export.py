"""The 发文登记簿 of one sequence as an Excel workbook: every number in order, gaps with their reasons."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from hub.lib.xlsx import append_rows, titled_sheet, workbook_bytes
from hub.models.docnumbers import DocNumber

BEIJING = ZoneInfo("Asia/Shanghai")
STATUS = {"used": "已用", "reserved": "预留", "void": "作废"}
HEADERS = ["序号", "发文字号", "状态", "文件", "原因", "登记时间"]


def number_register_xlsx(unit_name: str, code: str, year: int, entries: list[DocNumber], missing: list[int]) -> bytes:
    book, sheet = titled_sheet(f"{code}{year}发文登记簿", f"{unit_name} {code}〔{year}〕发文登记簿", HEADERS)
    rows: list[tuple[int, list[object]]] = []
    for e in entries:
        at = e.created_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
        rows.append((e.number, [e.number, e.text, STATUS.get(e.status, e.status), e.document_id or "", e.reason, at]))
    for n in missing:
        rows.append((n, [n, f"{code}〔{year}〕{n}号", "缺号", "", "未登记（取号后未写入）", ""]))
    append_rows(sheet, (values for _, values in sorted(rows, key=lambda r: r[0])))
    return workbook_bytes(book, sheet, (6, 22, 8, 26, 40, 18))
