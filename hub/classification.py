"""Refusing state secrets at the door: this is a non-classified network (《保密法》).

The rule is about 密级 markings, not words: `机密★1年`, `秘密★`, a 密级 field (`密级：机密`), a level in
brackets (`【绝密】`), or a level at the head of a text or line (`机密：边境布防方案`). Ordinary words pass
(商业秘密, 个人秘密, 机密性, 不是秘密, 工作秘密 which is 内部). Texts are normalised first, so disguised
spellings are caught: HTML entities, NFKC, format characters (zero-width, soft hyphen, BOM), variation
selectors, markdown emphasis and tags, traditional forms (機密, 絕密, 祕密, ㊙) and spacing.
The levels and the allow list are policy (`ClassificationRules`), edited by the security administrator.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from hub.errors import HubError

DEFAULT_LEVELS: tuple[str, ...] = ("绝密", "机密", "秘密")
# Words that contain a level but are not a marking; removed before the rules look.
DEFAULT_ALLOW: tuple[str, ...] = ("工作秘密", "商业秘密", "个人秘密", "机密性", "秘密性", "保密性", "国家秘密")

# Traditional and variant forms folded to the simplified ones the rules use (NFKC already maps ㊙ to 秘).
_FOLD = str.maketrans({"機": "机", "絕": "绝", "絶": "绝", "祕": "秘", "級": "级", "為": "为"})
_STARS = "★☆⭐✪✫✬✭✮✯✰✱✲✳✴✵✶✷✸✹✺✻✼✽✾✿❀"
_OPEN, _CLOSE = "【[(（〔「『<《〈", "】])）〕」』>》〉"
_TAG = re.compile(r"<[^<>]{0,80}>")
_EMPHASIS = re.compile(r"[*_~`|\\]")
_SPACE = re.compile(r"\s+")


def _invisible(ch: str) -> bool:
    code = ord(ch)
    return (unicodedata.category(ch) == "Cf" or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
            or 0x180B <= code <= 0x180F or code == 0x034F)


def normalise(text: str) -> list[str]:
    """The text as the rules read it, one entry per line: decoded, folded, without disguises or spacing."""
    for _ in range(3):  # double-encoded entities: &amp;#31192;
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    # ㊙ is itself the 秘 mark; spelled out, so that `㊙` and `㊙★` read as the level they stand for.
    text = unicodedata.normalize("NFKC", text.replace("\u3299", "秘密"))
    text = "".join(ch for ch in text if not _invisible(ch)).translate(_FOLD)
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub("", text)
    return [_SPACE.sub("", line) for line in text.splitlines() if line.strip()]


@dataclass(frozen=True)
class ClassificationRules:
    """One version of the policy, compiled."""

    levels: tuple[str, ...] = DEFAULT_LEVELS
    allow: tuple[str, ...] = DEFAULT_ALLOW
    version: int = 0
    _patterns: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        level = "(" + "|".join(re.escape(x) for x in sorted(self.levels, key=len, reverse=True)) + ")"
        stars = "[" + re.escape(_STARS) + "]"
        patterns = (
            re.compile(level + stars),  # 机密★1年, 秘密★
            re.compile(level + r"\d+(?:年|个月|月|天|日)"),  # 绝密30年 (the star lost)
            re.compile(r"密级(?:[:：=为是]|标识|标志)*" + level),  # 密级：机密
            re.compile("[" + re.escape(_OPEN) + "]" + level + "[" + re.escape(_CLOSE) + "]"),  # 【机密】
            re.compile(r"^[\W_]*" + level),  # a level heading a text or line: 机密：…, 绝密
        )
        object.__setattr__(self, "_patterns", patterns)

    def marking(self, text: str) -> str | None:
        """The level a text is marked with, or None."""
        for line in normalise(text):
            for allowed in self.allow:
                line = line.replace(allowed, "·")
            for pattern in self._patterns:
                if match := pattern.search(line):
                    return match.group(1)
        return None


DEFAULT_RULES = ClassificationRules()


def check_unclassified(texts: Iterable[str | None], rules: ClassificationRules | None = None) -> None:
    """Refuse the first text that carries a 密级 marking (HubError classified_content)."""
    rules = rules or DEFAULT_RULES
    for text in texts:
        if text and (level := rules.marking(text)) is not None:
            raise HubError("classified_content", marker=level)
