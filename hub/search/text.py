"""Folding, tokenising and highlighting text for search (pure functions, no I/O).

Why index character bigrams, and what jieba is for:

- The index keys of a text are the character **bigrams** of each run of Chinese characters (plus the run's
  last character, so a one-character query still has a key to start from), and the whole words of each run
  of letters or digits. A Chinese word of two or more characters occurs in a text exactly when all its
  bigrams do *and* it is a substring, which the query checks on the message itself. So "预算" is found in
  "请各科室报送预算执行情况" and "张绍松" in "请张绍松局长审阅" whatever a segmenter would have made of the
  sentence around them: jieba cuts "请张绍松局长" differently from "张绍松" alone, and indexing its words would
  lose such hits. Bigrams cost about one key per character, the price of that recall.
- **jieba** (precise mode) segments the *query* into words, and a message must contain every word (AND), not
  the query as one phrase: "预算情况" finds "预算执行情况". It also gives the ranges to highlight.

Folding is NFKC (full-width letters and digits become ASCII), then lower case, one character at a time so
offsets in the folded text are offsets in the plain text. Markdown syntax is stripped first, so a link's
target or `**` never matches or shows in a snippet.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass

import jieba

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{_CJK}]+")
_CJK_CHAR = re.compile(f"[{_CJK}]")
# Letters and digits that are not Chinese characters: "ofd", "2026", "gb".
_WORD_RUN = re.compile(f"[^\\W_{_CJK}]+")
MAX_WORD = 40  # longer letter runs (hashes, URLs' tails) are not indexed
MAX_QUERY_WORDS = 8

_FENCE = re.compile(r"^\s*(```|~~~).*$", re.MULTILINE)
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LINE_MARK = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(\[[ xX]\]\s+)?|\d+[.)]\s+)", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__|~~|`+|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")
_SPACE = re.compile(r"\s+")


def plain(markdown: str) -> str:
    """The text a reader sees: markdown syntax removed, whitespace collapsed."""
    text = _FENCE.sub(" ", markdown)
    text = _IMAGE_OR_LINK.sub(r"\1", text)
    text = _LINE_MARK.sub("", text)
    text = _EMPHASIS.sub("", text)
    return _SPACE.sub(" ", text).strip()


def _fold_char(c: str) -> str:
    folded = unicodedata.normalize("NFKC", c).lower()
    return folded if len(folded) == 1 else c.lower()


def fold(text: str) -> str:
    """NFKC and lower case, keeping one character for one: offsets in the result are offsets in `text`."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def index_terms(content: str) -> set[str]:
    """The keys a message is found by: bigrams and run-final characters of Chinese, whole other words."""
    text = fold(plain(content))
    terms: set[str] = set()
    for run in _CJK_RUN.findall(text):
        terms.update(run[i:i + 2] for i in range(len(run) - 1))
        terms.add(run[-1])
    terms.update(w for w in _WORD_RUN.findall(text) if len(w) <= MAX_WORD)
    return terms


@functools.cache
def _tokenizer() -> jieba.Tokenizer:
    """jieba's dictionary, loaded once per process (about a second): read-only data, like a compiled regex."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def warm_up() -> None:
    """Load the dictionary now (the hub does it in a thread at start-up) rather than on the first search."""
    _tokenizer()


@dataclass(frozen=True)
class QueryWord:
    """One word a message must contain, and the index keys that all occur in any text containing it."""

    word: str
    keys: tuple[str, ...]
    prefix: bool = False  # a single Chinese character: found by keys *starting* with it


def query_words(q: str) -> list[QueryWord]:
    """The words of a query: jieba's segmentation of each Chinese stretch, whole words of the rest."""
    words: list[str] = []
    for piece in fold(q).split():
        for token in _tokenizer().cut(piece, HMM=True):
            for run in _CJK_RUN.findall(token):
                words.append(run)
            words.extend(w for w in _WORD_RUN.findall(token) if w)
    out: list[QueryWord] = []
    for word in dict.fromkeys(words):
        if _CJK_CHAR.match(word):
            keys = tuple(dict.fromkeys(word[i:i + 2] for i in range(len(word) - 1))) if len(word) > 1 else (word,)
            out.append(QueryWord(word, keys, prefix=len(word) == 1))
        elif len(word) <= MAX_WORD:
            out.append(QueryWord(word, (word,)))
    return out[:MAX_QUERY_WORDS]


def contains_all(folded: str, words: list[QueryWord]) -> bool:
    return all(w.word in folded for w in words)


def highlight(text: str, words: list[str], width: int = 80) -> tuple[str, list[tuple[int, int]]]:
    """A plain-text window of `text` around the first hit, and the [start, end) ranges of every hit in it.

    Offsets count Unicode code points (Array.from(snippet) in JavaScript). No markup: the client renders.
    """
    folded = fold(text)
    hits: list[tuple[int, int]] = []
    for word in words:
        start = folded.find(word)
        while start >= 0 and word:
            hits.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    hits.sort()
    merged: list[tuple[int, int]] = []
    for s, e in hits:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    begin = max(0, (merged[0][0] if merged else 0) - width // 4)
    end = min(len(text), begin + width)
    begin = max(0, min(begin, end - width))
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    snippet = prefix + text[begin:end] + suffix
    shift = len(prefix) - begin
    ranges = [(max(s, begin) + shift, min(e, end) + shift) for s, e in merged if e > begin and s < end]
    return snippet, ranges
