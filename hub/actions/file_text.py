"""After an upload (a timer, so the upload answers at once): extract the file's text, then index it for search."""

from __future__ import annotations

import asyncio
import logging

from hub.access import parse_id
from hub.actions.audit import do_audit
from hub.context import Hub
from hub.errors import HubError
from hub.files.extract import extract_text
from hub.models.files import StoredFile
from hub.models.timers import Timer
from hub.search.files import index_file

log = logging.getLogger(__name__)

# A file whose text takes longer than this is marked failed (the worker thread is bounded by pages and cells).
EXTRACT_SECONDS = 30.0


async def file_text_fired(hub: Hub, timer: Timer) -> None:
    """Idempotent, in two steps that each record their end: text (text_status), then postings (indexed).
    A crash between or inside them runs the rest again when the timer's lease runs out."""
    try:
        file_id = parse_id(timer.payload.get("file_id"))
    except HubError:
        return
    doc = await StoredFile.get(file_id)
    if doc is None:
        return
    if doc.text_status == "pending":
        await _extract(hub, doc)
    if not doc.indexed:
        await index_file(doc)
        await StoredFile.get_pymongo_collection().update_one({"_id": file_id}, {"$set": {"indexed": True}})


async def _extract(hub: Hub, doc: StoredFile) -> None:
    assert doc.id is not None
    max_chars = hub.settings.file_text_max_chars
    try:
        data = await hub.files.read_prefix(doc.id, doc.size)
        text = await asyncio.wait_for(asyncio.to_thread(extract_text, doc.kind, data, max_chars), EXTRACT_SECONDS)
    except Exception as exc:  # a damaged or hostile file: the file stays, only its name is searchable
        log.info("text extraction failed for file %s (%s): %s", doc.id, doc.kind, type(exc).__name__)
        doc.text_status, doc.text = "failed", ""
    else:
        doc.text_status, doc.text = ("done" if text else "none"), text
        if text and hub.classification.marking(text) is not None:
            # Too late to refuse the upload: the content is withheld instead, and the act is audited.
            doc.text_status, doc.text = "withheld", ""
            await do_audit(hub, "file.withheld", actor=None, object_type="file", object_id=doc.id,
                           outcome="classified_content", detail={"scope_kind": doc.scope_kind,
                                                                 "scope_id": doc.scope_id})
    await StoredFile.get_pymongo_collection().update_one(
        {"_id": doc.id, "text_status": "pending"}, {"$set": {"text_status": doc.text_status, "text": doc.text}})
