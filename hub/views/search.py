"""GET /api/v1/search: one search box over messages, people and units."""

from __future__ import annotations

from datetime import datetime

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hub.access import access_channel, parse_id
from hub.errors import HubError
from hub.lib.timeutil import BEIJING, as_utc
from hub.present import unit_out, users_out
from hub.queries import search_people
from hub.search.files import search_files
from hub.search.query import MessageFilter, search_messages, search_units, visible_channels
from hub.search.results import KINDS, Kind, PeopleResults, PersonHit, SearchOut, UnitResults
from hub.search.text import query_words
from hub.views.base import EndpointTable, current, hub_of

api = EndpointTable("search")


class SearchQuery(BaseModel):
    """Parameters of a search; unknown ones are refused. Dates without a zone are Beijing time."""

    model_config = ConfigDict(extra="forbid")

    q: str = Field(min_length=1, max_length=64, description="Words to find; a message must contain all of them")
    channel_id: str | None = Field(default=None, description="Only this channel (you must be a member)")
    sender_id: str | None = Field(default=None, description="Only messages from this person")
    since: datetime | None = Field(default=None, description="Messages at or after (ISO 8601)")
    until: datetime | None = Field(default=None, description="Messages before (ISO 8601)")
    kinds: str = Field(default=",".join(KINDS), description="Comma-separated groups: messages, people, units, files")
    limit: int = Field(default=20, ge=1, le=50, description="Results per group")

    @field_validator("q")
    @classmethod
    def _words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("q must contain something to search for")
        return value.strip()

    @field_validator("since", "until")
    @classmethod
    def _zone(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        return as_utc(value.replace(tzinfo=BEIJING) if value.tzinfo is None else value)

    @field_validator("kinds")
    @classmethod
    def _kinds(cls, value: str) -> str:
        parts = [p.strip() for p in value.split(",") if p.strip()]
        unknown = [p for p in parts if p not in KINDS]
        if not parts or unknown:
            raise ValueError(f"kinds must name some of {', '.join(KINDS)}")
        return ",".join(dict.fromkeys(parts))

    @model_validator(mode="after")
    def _range(self) -> SearchQuery:
        if self.since is not None and self.until is not None and self.since >= self.until:
            raise ValueError("since must be before until")
        return self

    def kind_list(self) -> list[Kind]:
        return [k for k in KINDS if k in self.kinds.split(",")]


@api("GET", "/api/v1/search", "Search messages (of your channels), people and units; results grouped by kind",
     query=SearchQuery, response=SearchOut)
async def search(request: web.Request, query: SearchQuery) -> SearchOut:
    user, _ = current(request)
    kinds = query.kind_list()
    words = query_words(query.q)
    out = SearchOut(q=query.q, words=[w.word for w in words])
    if "messages" in kinds:
        if query.channel_id is not None:
            channel, _ = await access_channel(user, query.channel_id)
            assert channel.id is not None
            channels = [channel.id]
        else:
            channels = await visible_channels(user)
        sender = None
        if query.sender_id is not None:
            try:
                sender = parse_id(query.sender_id)
            except HubError:
                raise HubError("invalid_request", detail="sender_id: not an id") from None
        out.messages = await search_messages(user, words, MessageFilter(
            channel_ids=channels, sender_id=sender, since=query.since, until=query.until, limit=query.limit))
    if "people" in kinds:
        found = await search_people(query.q, None, query.limit)
        people = await users_out([u for u, _ in found])
        out.people = PeopleResults(items=[PersonHit(user=p, matched=why)
                                          for p, (_, why) in zip(people, found, strict=True)])
    if "units" in kinds:
        out.units = UnitResults(items=[unit_out(u, ch) for u, ch in await search_units(query.q, query.limit)])
    if "files" in kinds:
        out.files = await search_files(hub_of(request), user, words, query.limit)
    return out

