"""A depth limit for JSON bodies, checked on the raw bytes before any parser or encoder recurses into them."""

from __future__ import annotations

import re

from hub.errors import HubError

_STRUCTURE = re.compile(rb'[\[\]{}"\\]')


def check_json_depth(raw: bytes, max_depth: int) -> None:
    """Refuse nesting deeper than max_depth before any parser or encoder recurses into it."""
    depth, in_string, escaped_at = 0, False, -1
    for match in _STRUCTURE.finditer(raw):
        ch, pos = match.group(), match.start()
        if in_string:
            if pos == escaped_at:  # the byte right after a backslash is escaped, whatever it is
                continue
            if ch == b"\\":
                escaped_at = pos + 1
            elif ch == b'"':
                in_string = False
        elif ch == b'"':
            in_string = True
        elif ch in (b"[", b"{"):
            depth += 1
            if depth > max_depth:
                raise HubError("invalid_request", detail=f"JSON nested deeper than {max_depth} levels")
        elif ch in (b"]", b"}"):
            depth -= 1
