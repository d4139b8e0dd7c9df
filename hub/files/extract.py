"""Plain text out of PDF, DOCX, XLSX and OFD content, bounded in pages, cells and characters (pure, blocking)."""

from __future__ import annotations

import io
import logging

from hub.models.files import FileKind

log = logging.getLogger(__name__)

# The kinds that have text to extract (images have none).
TEXT_KINDS: frozenset[FileKind] = frozenset({"pdf", "docx", "xlsx", "ofd"})
MAX_PAGES = 300
MAX_CELLS = 200_000


def extract_text(kind: FileKind, data: bytes, max_chars: int) -> str:
    """The text of a document, at most max_chars; "" for kinds without text. Raises on a damaged file."""
    if kind == "pdf":
        text = _pdf(data, max_chars)
    elif kind == "docx":
        text = _docx(data, max_chars)
    elif kind == "xlsx":
        text = _xlsx(data, max_chars)
    elif kind == "ofd":
        import ofdkit  # type: ignore[import-untyped]

        text = ofdkit.extract_text(data)
    else:
        return ""
    return text[:max_chars].strip()


def _pdf(data: bytes, max_chars: int) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts: list[str] = []
    total = 0
    for page in reader.pages[:MAX_PAGES]:
        chunk = page.extract_text() or ""
        parts.append(chunk)
        total += len(chunk)
        if total >= max_chars:
            break
    return "\n".join(parts)


def _docx(data: bytes, max_chars: int) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts: list[str] = []
    total = 0
    for para in document.paragraphs:
        parts.append(para.text)
        total += len(para.text)
        if total >= max_chars:
            return "\n".join(parts)
    for table in document.tables:
        for row in table.rows:
            line = "\t".join(cell.text for cell in row.cells)
            parts.append(line)
            total += len(line)
            if total >= max_chars:
                return "\n".join(parts)
    return "\n".join(parts)


def _xlsx(data: bytes, max_chars: int) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    parts: list[str] = []
    total = cells = 0
    try:
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                values = [str(v) for v in row if v is not None]
                cells += len(row)
                if values:
                    line = "\t".join(values)
                    parts.append(line)
                    total += len(line)
                if total >= max_chars or cells >= MAX_CELLS:
                    return "\n".join(parts)
    finally:
        book.close()
    return "\n".join(parts)
