"""The search index: for each (term, week), the ids of the messages holding it, per channel."""

from __future__ import annotations

import pymongo
from beanie import Document, PydanticObjectId
from pydantic import Field
from pymongo import IndexModel


class SearchPosting(Document):
    """One term's postings for one week of messages: {channel id: [message id, …]} in `ch`.

    Keyed by "<term>|<week>", so writing is an upsert by primary key with `$addToSet` (a retry adds
    nothing twice) and reading a query is one `_id $in` lookup per week, projected to the channels the
    searcher is in. A week (of the message's created_at) bounds a document's size and lets a date
    filter skip whole documents; projecting `ch` to the searcher's channels keeps out what they may not see.
    Message ids start with their creation time, so sorting them newest first needs no other field.
    """

    id: str  # type: ignore[assignment]
    t: str
    w: int
    ch: dict[str, list[PydanticObjectId]] = Field(default_factory=dict)

    class Settings:
        name = "search_postings"
        # Which weeks hold a term: a query reads these first, then only weeks where every key occurs.
        indexes = [IndexModel([("t", pymongo.ASCENDING), ("w", pymongo.DESCENDING)], name="term_week")]
