"""The hub's registers as Excel workbooks (收文登记簿, 发文登记簿, 归档目录): one titled sheet, bold headers, and cells
that start like a formula written as text, so that opening an export never evaluates what a person typed."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

_FORMULA_START = ("=", "+", "-", "@")


def safe_cell(value: object) -> object:
    return ("'" + value) if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def titled_sheet(sheet_title: str, heading: str, headers: Sequence[str]) -> tuple[Workbook, Worksheet]:
    """A workbook whose one sheet has a bold heading row, then the bold column headers."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = sheet_title[:31]  # Excel's limit on sheet names
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(headers))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    return book, sheet


def append_rows(sheet: Worksheet, rows: Iterable[Sequence[object]]) -> None:
    for values in rows:
        sheet.append([safe_cell(v) for v in values])


def workbook_bytes(book: Workbook, sheet: Worksheet, widths: Sequence[float]) -> bytes:
    """Set the column widths (A, B, …) and serialise."""
    for i, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + i)].width = width
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
