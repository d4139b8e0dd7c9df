"""附件 on a form being filled in (请假 证明, 采购 报价单, a 发文 拟稿…): uploaded to the person's draft scope, then
moved onto the instance (or 发文 draft) when it is created, where everyone who may see that reads them."""

from __future__ import annotations

from typing import Any

from beanie import PydanticObjectId
from beanie.operators import In

from hub.actions.files import check_own_uploads
from hub.context import Hub
from hub.errors import HubError
from hub.models.files import FileScopeUsage, StoredFile
from hub.models.org import User
from hub.workflow.definition import FormSchema
from hub.workflow.documents import ProcessInstance

PROCESS_SCOPE = "process"
# Files waiting for the form being filled in: the scope id is the initiator's own user id.
PROCESS_DRAFT_SCOPE = "process_draft"
MAX_FILES = 20
DRAFT_TOTAL_BYTES = 500 * 1024 * 1024


class ProcessScope:
    """Attachments of a started instance: whoever may see the instance reads them; nobody adds to them."""

    max_total_bytes: int | None = None

    async def can_read(self, hub: Hub, user: User, scope_id: str) -> bool:
        from hub.actions.workflow import access_instance

        try:
            await access_instance(user, scope_id, hub.clock.now())
        except HubError:
            return False
        return True

    async def can_attach(self, hub: Hub, user: User, scope_id: str) -> bool:
        return False  # files come from the draft scope when the instance starts


def attachment_ids(form_spec: FormSchema, form: dict[str, Any]) -> list[str]:
    """Every file id the cleaned form names in its attachments fields, in field order."""
    ids: list[str] = []
    for f in form_spec.fields:
        value = form.get(f.key)
        if f.kind == "attachments" and isinstance(value, list):
            ids += [str(v) for v in value]
    return ids


async def check_process_files(user: User, file_ids: list[str]) -> None:
    """Each file must be this initiator's own upload for forms; anything else is not_found."""
    await check_own_uploads(user, file_ids, PROCESS_DRAFT_SCOPE, MAX_FILES)


async def do_adopt_process_files(inst: ProcessInstance, spec_form: FormSchema) -> None:
    """Move the form's draft uploads onto the started instance."""
    if inst.id is not None:
        await do_move_draft_files(attachment_ids(spec_form, inst.form), inst.initiator_id, PROCESS_SCOPE,
                                  str(inst.id))


async def do_move_draft_files(file_ids: list[str], owner_id: str, scope_kind: str, scope_id: str) -> None:
    """Move a person's draft uploads into the scope of what they created. Idempotent: a retry after a crash moves
    whatever is still in the draft scope and leaves the rest."""
    ids = [PydanticObjectId(i) for i in file_ids if PydanticObjectId.is_valid(i)]
    if not ids:
        return
    usage = FileScopeUsage.get_pymongo_collection()
    files = StoredFile.get_pymongo_collection()
    for doc in await StoredFile.find(In(StoredFile.id, ids), StoredFile.scope_kind == PROCESS_DRAFT_SCOPE,
                                     StoredFile.scope_id == owner_id).to_list():
        moved = await files.update_one({"_id": doc.id, "scope_kind": PROCESS_DRAFT_SCOPE},
                                       {"$set": {"scope_kind": scope_kind, "scope_id": scope_id}})
        if moved.modified_count:  # the bytes follow the file in the scope totals, once
            await usage.update_one({"_id": f"{PROCESS_DRAFT_SCOPE}:{owner_id}"},
                                   {"$inc": {"used": -doc.size, "files": -1}})
            await usage.update_one({"_id": f"{scope_kind}:{scope_id}"},
                                   {"$inc": {"used": doc.size, "files": 1}, "$setOnInsert": {"claims": []}},
                                   upsert=True)
