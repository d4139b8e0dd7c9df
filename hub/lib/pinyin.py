"""Pinyin search keys for Chinese names, so that "zs" and "zhangsan" both find 张三."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def search_keys(name: str) -> tuple[str, str]:
    """Return (full pinyin, initials), lower case with no separators."""
    syllables = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL) if s.strip()]
    full = "".join(syllables)
    initials = "".join(s[0] for s in syllables if s)
    return full, initials
