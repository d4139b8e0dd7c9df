"""Every human-readable text of a card or a card change, for the 密级 check at the door."""

from __future__ import annotations

from collections.abc import Iterator

from hub import cards as c


def card_texts(spec: c.CardSpec | c.CardChange) -> list[str | None]:
    return list(_texts(spec))


def _texts(spec: c.CardSpec | c.CardChange) -> Iterator[str | None]:
    yield spec.title
    yield spec.body
    yield spec.fallback_text
    if isinstance(spec, c.CardChange):
        yield spec.timeline
        yield spec.reply
    else:
        yield spec.kind
        for attachment in spec.attachments:
            yield attachment.name
    for f in spec.fields or []:
        yield f.label
        yield f.value
        yield f"{f.label}：{f.value}"  # a field named 密级 is a marking even though neither half is
    if spec.status is not None:
        yield spec.status.label
        yield spec.status.code
    for action in spec.actions or []:
        yield action.label
        yield action.confirm
        yield action.input.label
        yield from action.input.options
