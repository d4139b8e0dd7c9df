"""History and catch-up read raw: PyMongo with a projection into plain dicts shaped exactly as MessageOut's JSON.

These are the hottest read paths. Validating each document through Beanie and then building a MessageOut
costs many times the page read itself, so here the stored documents are turned straight into the wire
dicts, encoded once by orjson. The output must stay byte for byte what `hub.present.messages_out` gives
through `model_dump_json` (tests/test_raw_messages.py compares the two on edited, recalled, replying,
forwarded, reacted, file-carrying and card messages). Cards keep the model path: what a viewer may press
is computed on the Card document, and card messages are few.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from beanie import PydanticObjectId
from beanie.operators import In
from bson import ObjectId

from hub import wire
from hub.models import Card, Message, User
from hub.permissions import Rights
from hub.present import QUOTE_CHARS, RECALLED_TEXT, card_view

Doc = dict[str, Any]
# Every field MessageOut is built from (search_pending is the indexer's, never shown).
PROJECTION = {name: 1 for name in ("channel_id", "seq", "rev", "sender_id", "client_msg_id", "content",
                                   "mentions", "created_at", "edited_at", "recalled_at", "card_id",
                                   "attachments", "reply_to", "forwarded", "reactions", "system")}
_QUOTE_PROJECTION = {"seq": 1, "sender_id": 1, "content": 1, "recalled_at": 1}
_PREVIEWABLE = frozenset(("pdf", "png", "jpeg"))


def iso(value: datetime) -> str:
    """A datetime as pydantic writes it in JSON: UTC with a Z, microseconds only when there are any."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    elif value.utcoffset():
        value = value.astimezone(UTC)
    text = f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    if value.microsecond:
        text += f".{value.microsecond:06d}"
    return text + "Z"


async def find_messages(query: Doc, sort: list[tuple[str, int]], limit: int = 0) -> list[Doc]:
    cursor = Message.get_pymongo_collection().find(query, projection=PROJECTION, sort=sort, limit=limit)
    return [doc async for doc in cursor]


async def names_of(ids: Iterable[ObjectId]) -> dict[ObjectId, str]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    cursor = User.get_pymongo_collection().find({"_id": {"$in": wanted}}, projection={"name": 1})
    return {doc["_id"]: doc.get("name", "") async for doc in cursor}


async def _quotes(docs: list[Doc]) -> dict[ObjectId, Doc]:
    """The quotes of these replies as they stand now (as hub.present.quotes_for), keyed by the original's id."""
    wanted = list({d["reply_to"] for d in docs if d.get("reply_to") is not None and d.get("recalled_at") is None})
    if not wanted:
        return {}
    cursor = Message.get_pymongo_collection().find({"_id": {"$in": wanted}}, projection=_QUOTE_PROJECTION)
    originals = [doc async for doc in cursor]
    names = await names_of(o["sender_id"] for o in originals)
    out: dict[ObjectId, Doc] = {}
    for o in originals:
        recalled = o.get("recalled_at") is not None
        out[o["_id"]] = {"message_id": str(o["_id"]), "seq": o["seq"], "sender_id": str(o["sender_id"]),
                         "sender_name": names.get(o["sender_id"], ""),
                         "snippet": "" if recalled else o["content"][:QUOTE_CHARS], "recalled": recalled}
    return out


async def _cards(docs: list[Doc], viewer: User, now: datetime) -> dict[ObjectId, Doc]:
    ids = list({d["card_id"] for d in docs if d.get("card_id") is not None})
    if not ids:
        return {}
    out: dict[ObjectId, Doc] = {}
    rights = Rights(viewer, now)
    for card in await Card.find(In(Card.id, [PydanticObjectId(i) for i in ids])).to_list():
        assert card.id is not None
        out[card.id] = card_view(card, await rights.actions(card)).model_dump(mode="json")
    return out


def message_json(doc: Doc, sender_name: str, card: Doc | None, quote: Doc | None) -> Doc:
    """hub.present.message_out, on a raw document, as JSON-ready dict (same keys, same order)."""
    recalled = doc.get("recalled_at") is not None
    edited = doc.get("edited_at")
    attachments = doc.get("attachments")
    forwarded = doc.get("forwarded")
    reactions = doc.get("reactions") or {}
    return {
        "id": str(doc["_id"]),
        "channel_id": str(doc["channel_id"]),
        "seq": doc["seq"],
        "rev": doc.get("rev", 0),
        "sender_id": str(doc["sender_id"]),
        "sender_name": sender_name,
        "client_msg_id": doc["client_msg_id"],
        "content": RECALLED_TEXT if recalled else doc["content"],
        "mentions": [] if recalled else [str(m) for m in doc.get("mentions") or ()],
        "created_at": iso(doc["created_at"]),
        "edited_at": iso(edited) if edited is not None else None,
        "recalled": recalled,
        "card": None if recalled else card,
        "attachments": [] if recalled or not attachments else [
            {"file_id": str(a["file_id"]), "name": a["name"], "size": a["size"], "kind": a["kind"],
             "content_type": a["content_type"], "previewable": a["kind"] in _PREVIEWABLE}
            for a in attachments],
        "reply_to": None if recalled else quote,
        "forwarded": None if forwarded is None or recalled else {
            "sender_name": forwarded["sender_name"], "channel_kind": forwarded["channel_kind"],
            "channel_name": forwarded["channel_name"], "created_at": iso(forwarded["created_at"])},
        "reactions": [] if recalled else [
            {"key": key, "emoji": emoji, "count": len(who), "user_ids": [str(u) for u in who]}
            for key, emoji in wire.REACTIONS.items() if (who := reactions.get(key))],
        "system": doc.get("system", False),
    }


async def messages_json(docs: list[Doc], viewer: User, now: datetime) -> list[Doc]:
    """hub.present.messages_out on raw documents: names, cards and quotes batched, one dict per message."""
    names = await names_of(d["sender_id"] for d in docs)
    cards = await _cards(docs, viewer, now)
    quotes = await _quotes(docs)
    return [message_json(d, names.get(d["sender_id"], ""),
                         cards.get(d["card_id"]) if d.get("card_id") is not None else None,
                         quotes.get(d["reply_to"]) if d.get("reply_to") is not None else None)
            for d in docs]
