"""Announcement attachments: uploaded to the publisher's draft scope, then moved onto the announcement it carries,
whose recipients (and publisher) read them from then on."""

from __future__ import annotations

from beanie import PydanticObjectId

from hub.actions.files import check_own_uploads
from hub.models.files import FileScopeUsage, StoredFile
from hub.models.org import User

ANNOUNCE_SCOPE = "announcement"
# Files waiting for the announcement being composed: scope id is the author's own user id.
ANNOUNCE_DRAFT_SCOPE = "announcement_draft"
MAX_FILES = 10
DRAFT_TOTAL_BYTES = 500 * 1024 * 1024


async def check_announcement_files(user: User, file_ids: list[str]) -> list[StoredFile]:
    """The files an announcement will carry: each one this author's draft upload (or already on an announcement
    of theirs, re-used); anything else is not_found, a repeat invalid_request."""
    return await check_own_uploads(user, file_ids, ANNOUNCE_DRAFT_SCOPE, MAX_FILES)


async def do_attach_announcement_files(files: list[StoredFile], announcement_id: PydanticObjectId) -> None:
    """Move draft files onto the stored announcement (and their bytes with them in the scope totals)."""
    usage = FileScopeUsage.get_pymongo_collection()
    for doc in files:
        key = f"{doc.scope_kind}:{doc.scope_id}"
        await usage.update_one({"_id": key}, {"$inc": {"used": -doc.size, "files": -1}})
        await usage.update_one({"_id": f"{ANNOUNCE_SCOPE}:{announcement_id}"},
                               {"$inc": {"used": doc.size, "files": 1}, "$setOnInsert": {"claims": []}}, upsert=True)
        doc.scope_kind, doc.scope_id = ANNOUNCE_SCOPE, str(announcement_id)
        await doc.save()
