"""File names as users gave them, made safe to store and to send back in a Content-Disposition header."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from hub.errors import HubError
from hub.files.sniff import EXTENSIONS
from hub.models.files import FileKind

MAX_NAME_CHARS = 120


def sanitise_name(raw: str | None, kind: FileKind | None = None) -> str:
    """NFC, no control or format characters, no path parts (an error, not silently cut), at most
    MAX_NAME_CHARS, and, once the kind is known, ending in that kind's extension."""
    if raw is None:
        raise HubError("file_name_invalid")
    name = unicodedata.normalize("NFC", raw)
    if "/" in name or "\\" in name or "\x00" in name:
        raise HubError("file_name_invalid", detail="path parts are not allowed")
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp"))
    name = name.strip().strip(".").strip()
    if not name or name in (".", ".."):
        raise HubError("file_name_invalid")
    if kind is not None:
        exts = EXTENSIONS[kind]
        if not name.lower().endswith(exts):
            name = f"{name}{exts[0]}"
    if len(name) > MAX_NAME_CHARS:
        stem, dot, ext = name.rpartition(".")
        ext = dot + ext if stem and len(ext) <= 10 else ""
        base = name[: len(name) - len(ext)] if ext else name
        name = base[: MAX_NAME_CHARS - len(ext)].rstrip() + ext
    return name


def content_disposition(name: str, disposition: str = "attachment") -> str:
    """RFC 6266 with an ASCII fallback and the real name as RFC 5987 filename*."""
    fallback = "".join(ch if 32 <= ord(ch) < 127 and ch not in '"\\%;' else "_" for ch in name)
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
