"""Refusing state secrets at the door: this is a non-classified network (《保密法》)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hub.errors import HubError

# 工作秘密 is 内部 (internal) and allowed; 秘密, 机密 and 绝密 are state-secret levels and are not.
_MARKER = re.compile(r"绝密|机密|(?<!工作)秘密")


def check_unclassified(texts: Iterable[str | None]) -> None:
    for text in texts:
        if text and (match := _MARKER.search(text)):
            raise HubError("classified_content", marker=match.group(0))
