"""Answering a search: messages through the inverted index, people and units through the directory.

A searcher sees messages only in the channels they are a member of *now*: leaving a group (or being removed)
takes its history out of their results, as it takes it out of their channel list. Recalled messages are never
returned. The index only proposes candidates; each is checked against the message as stored, so a stale
posting (an edit or recall half-applied by a crash) can never show old words.

Order: newest first. Postings are grouped by week, so weeks are read newest first, a few at a time, and a
query stops as soon as it has `limit` results; within those weeks candidates are message ids, which begin
with their creation time, read newest first a page at a time. At most `SCAN_CAP` messages are checked per
query; when the cap stops a search the results say `truncated`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from beanie.operators import In, Or, RegEx
from bson import ObjectId

from hub.actions.search_index import posting_id, week_of
from hub.lib.timeutil import as_utc
from hub.models import Channel, Membership, Message, SearchPosting, Subscription, Unit, User
from hub.search.results import Highlight, MessageHit, MessageResults
from hub.search.text import QueryWord, contains_all, fold, highlight, plain

SCAN_CAP = 2000


@dataclass(frozen=True)
class MessageFilter:
    channel_ids: list[PydanticObjectId]
    sender_id: PydanticObjectId | None
    since: datetime | None
    until: datetime | None
    limit: int


async def visible_channels(user: User) -> list[PydanticObjectId]:
    """The channels whose messages this user may find: those they are a member of now."""
    subs = await Subscription.get_pymongo_collection().find({"user_id": user.id}, projection={"channel_id": 1}) \
        .to_list()
    return [PydanticObjectId(s["channel_id"]) for s in subs]


async def _weeks(words: list[QueryWord], low: int | None, high: int | None) -> list[int]:
    """Weeks in which every word's keys all occur, newest first."""
    postings = SearchPosting.get_pymongo_collection()
    keys = list({k for w in words if not w.prefix for k in w.keys})
    present: dict[str, set[int]] = {}
    if keys:
        for doc in await postings.find({"t": {"$in": keys}}, projection={"t": 1, "w": 1}).to_list():
            present.setdefault(doc["t"], set()).add(int(doc["w"]))
    common: set[int] | None = None
    for word in words:
        if word.prefix:
            query: dict[str, Any] = {"t": {"$gte": word.word, "$lt": chr(ord(word.word) + 1)}}
            weeks = {int(d["w"]) for d in await postings.find(query, projection={"w": 1}).to_list()}
        else:
            weeks = set.intersection(*(present.get(k, set()) for k in word.keys))
        common = weeks if common is None else common & weeks
        if not common:
            return []
    return sorted((w for w in common or () if (low is None or w >= low) and (high is None or w <= high)),
                  reverse=True)


async def _candidates(words: list[QueryWord], weeks: list[int], channels: list[str]) -> list[ObjectId]:
    """Ids of messages in these weeks and channels whose postings hold every key of every word, newest first."""
    postings = SearchPosting.get_pymongo_collection()
    projection = {"t": 1, **{f"ch.{cid}": 1 for cid in channels}}
    by_key: dict[str, set[ObjectId]] = {}
    # Every whole-word key of every week in one round trip; a lone one-character word reads by prefix.
    keys = [posting_id(k, w) for k in dict.fromkeys(k for word in words if not word.prefix for k in word.keys)
            for w in weeks]
    queries: list[dict[str, Any]] = [{"_id": {"$in": keys}}] if keys else []
    queries += [{"t": {"$gte": word.word, "$lt": chr(ord(word.word) + 1)}, "w": {"$in": weeks}}
                for word in words if word.prefix]
    for query in queries:
        for doc in await postings.find(query, projection=projection).to_list():
            ids = by_key.setdefault(doc["t"], set())
            for found in doc.get("ch", {}).values():
                ids.update(found)
    result: set[ObjectId] | None = None
    for word in words:
        if word.prefix:
            got = set().union(*(ids for t, ids in by_key.items() if t.startswith(word.word)))
        else:
            got = set.intersection(*(by_key.get(k, set()) for k in word.keys))
        result = got if result is None else result & got
        if not result:
            return []
    return sorted(result or (), reverse=True)


_FIELDS = {"channel_id": 1, "seq": 1, "sender_id": 1, "content": 1, "created_at": 1, "edited_at": 1,
           "recalled_at": 1}


def _accept(doc: Mapping[str, Any], words: list[QueryWord], f: MessageFilter) -> bool:
    if doc.get("recalled_at") is not None:
        return False
    if f.sender_id is not None and doc["sender_id"] != f.sender_id:
        return False
    at = as_utc(doc["created_at"])
    if (f.since is not None and at < f.since) or (f.until is not None and at >= f.until):
        return False
    return contains_all(fold(plain(doc.get("content", ""))), words)


async def find_messages(words: list[QueryWord], f: MessageFilter) -> tuple[list[dict[str, Any]], bool]:
    """The newest `limit` messages containing every word, among the filter's channels; and whether capped."""
    if not words or not f.channel_ids:
        return [], False
    lookup = [w for w in words if not w.prefix] or words[:1]  # one-character words only check, if they can
    channels = {str(c) for c in f.channel_ids}
    weeks = await _weeks(lookup, week_of(f.since) if f.since else None, week_of(f.until) if f.until else None)
    messages = Message.get_pymongo_collection()
    found: list[dict[str, Any]] = []
    scanned, span = 0, 2
    while weeks and len(found) < f.limit:
        # A few weeks at a time, more each round: a common word fills the page from the newest week alone.
        chunk, weeks = weeks[:span], weeks[span:]
        span *= 4
        pending = await _candidates(lookup, chunk, sorted(channels))
        while pending and len(found) < f.limit:
            if scanned >= SCAN_CAP:
                return found, True
            take, pending = pending[:max(f.limit, 20)], pending[max(f.limit, 20):]
            scanned += len(take)
            docs = await messages.find({"_id": {"$in": take}}, projection=_FIELDS).to_list()
            docs.sort(key=lambda d: d["_id"], reverse=True)
            # The channel is checked on the message too: postings only ever propose.
            found.extend(d for d in docs if str(d["channel_id"]) in channels and _accept(d, words, f))
    return found[:f.limit], False


async def message_hits(viewer: User, docs: list[dict[str, Any]], words: list[QueryWord]) -> list[MessageHit]:
    """Search results as the client shows them: channel and sender names, a plain snippet and ranges."""
    channel_ids = list({d["channel_id"] for d in docs})
    channels = {c.id: c for c in await Channel.find(In(Channel.id, channel_ids)).to_list()} if channel_ids else {}
    peers: dict[PydanticObjectId, PydanticObjectId] = {}
    for ch in channels.values():
        if ch.kind == "direct" and ch.direct_key and ch.id is not None:
            others = [p for p in ch.direct_key.split(":") if p != str(viewer.id)]
            peers[ch.id] = PydanticObjectId(others[0] if others else str(viewer.id))
    wanted = list({d["sender_id"] for d in docs} | set(peers.values()))
    names = {u.id: u.name for u in await User.find(In(User.id, wanted)).to_list()} if wanted else {}
    out = []
    for doc in docs:
        found = channels.get(doc["channel_id"])
        if found is None:
            continue
        ch = found
        snippet, ranges = highlight(plain(doc.get("content", "")), [w.word for w in words])
        out.append(MessageHit(
            message_id=str(doc["_id"]), channel_id=str(ch.id), channel_kind=ch.kind,
            channel_name=names.get(peers[ch.id], "") if ch.id in peers else ch.name,
            seq=int(doc["seq"]), sender_id=str(doc["sender_id"]), sender_name=names.get(doc["sender_id"], ""),
            created_at=as_utc(doc["created_at"]), edited=doc.get("edited_at") is not None, snippet=snippet,
            highlights=[Highlight(start=s, end=e) for s, e in ranges]))
    return out


async def search_messages(viewer: User, words: list[QueryWord], f: MessageFilter) -> MessageResults:
    docs, truncated = await find_messages(words, f)
    return MessageResults(items=await message_hits(viewer, docs, words), truncated=truncated)


def _contains(field: str, q: str) -> RegEx:
    return RegEx(field, re.escape(q))


def _prefix(field: str, q: str) -> RegEx:
    return RegEx(field, "^" + re.escape(q))


def directory_key(q: str) -> str:
    """A directory query folded like the names it is compared with: "Zhang San" and "ｚｓ" work too."""
    return fold(q).strip().replace(" ", "")[:64]


async def search_units(q: str, limit: int) -> list[tuple[Unit, str | None]]:
    """Units by name or short name (any part), or by the pinyin or initials of the name (from the start)."""
    key = directory_key(q)
    if not key:
        return []
    units = await Unit.find(Or(_contains("name", key), _contains("short_name", key), _prefix("pinyin", key),
                               _prefix("initials", key))).sort("+order").limit(max(1, min(limit, 200))).to_list()
    ids = [u.id for u in units]
    channels = await Channel.find(Channel.kind == "unit", In(Channel.unit_id, ids)).to_list() if ids else []
    by_unit = {c.unit_id: str(c.id) for c in channels}
    return [(u, by_unit.get(u.id)) for u in units]


async def people_matching_org(key: str) -> dict[PydanticObjectId, set[str]]:
    """People whose 职务 (title) or 岗位 (position) contains `key`, or whose unit's name does: why each matched."""
    why: dict[PydanticObjectId, set[str]] = {}
    seats = await Membership.find(Or(_contains("title", key), _contains("position", key))).to_list()
    for m in seats:
        reasons = why.setdefault(m.user_id, set())
        reasons.update(r for r, text in (("title", m.title), ("position", m.position)) if key in fold(text))
        if fold(m.title) == key:
            reasons.add("exact")  # ranks 市长 himself before 副市长: not reported as a reason
    units = await Unit.find(Or(_contains("name", key), _contains("short_name", key))).to_list()
    unit_ids = [u.id for u in units]
    if unit_ids:
        for m in await Membership.find(In(Membership.unit_id, unit_ids)).to_list():
            why.setdefault(m.user_id, set()).add("unit")
    return why
