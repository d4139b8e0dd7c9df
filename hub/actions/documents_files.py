"""Attachments (附件) of a 公文: the "document" file scope, which defers to access_document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hub.actions.documents import access_document
from hub.errors import HubError
from hub.models.documents import IncomingRecord

if TYPE_CHECKING:
    from hub.context import Hub
    from hub.models.org import User

# A whole 公文 with its attachments: room for a scanned original and its annexes, not a file share.
DOCUMENT_TOTAL_BYTES = 200 * 1024 * 1024


class DocumentScope:
    """Whoever may see the document reads its attachments. Only the person who sent it attaches, and only until
    a recipient has signed or returned it: a receipt is evidence of what was received."""

    max_total_bytes: int | None = DOCUMENT_TOTAL_BYTES

    async def can_read(self, hub: Hub, user: User, scope_id: str) -> bool:
        try:
            await access_document(hub, user, scope_id)
        except HubError:
            return False
        return True

    async def can_attach(self, hub: Hub, user: User, scope_id: str) -> bool:
        try:
            doc, _ = await access_document(hub, user, scope_id)
        except HubError:
            return False
        if doc.sent_by != str(user.id):
            return False
        settled = await IncomingRecord.find({"document_id": doc.id, "$or": [
            {"signed_at": {"$ne": None}}, {"status": "returned"}]}).count()
        return settled == 0
