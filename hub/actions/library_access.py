"""Who may read and write a unit's 共享文件库: members read, the office and named editors write, shares reach out."""

from __future__ import annotations

from dataclasses import dataclass

from beanie import PydanticObjectId
from beanie.operators import In

from hub.access import parse_id
from hub.context import Hub
from hub.errors import HubError
from hub.models.library import LibraryAcl, LibraryEntry, LibraryFolder
from hub.models.org import Membership, Unit, User

# The unit's office director and 文书 keep its library; the head names further editors.
WRITER_ROLES = frozenset({"office_director", "doc_clerk"})


@dataclass(frozen=True)
class LibraryRights:
    """What one person may do in one unit's library."""

    member: bool
    write: bool
    manage: bool  # name editors (the unit head)


async def user_unit_ids(user: User) -> set[PydanticObjectId]:
    return {m.unit_id for m in await Membership.find(Membership.user_id == user.id).to_list()}


async def library_rights(user: User, unit_id: PydanticObjectId) -> LibraryRights:
    seat = await Membership.find_one(Membership.user_id == user.id, Membership.unit_id == unit_id)
    if seat is None:
        return LibraryRights(member=False, write=False, manage=False)
    acl = await LibraryAcl.get(unit_id)
    editor = acl is not None and user.id in acl.editor_ids
    write = editor or bool(WRITER_ROLES.intersection(user.roles)) or seat.is_head
    return LibraryRights(member=True, write=write, manage=seat.is_head)


async def folder_lineage(folder: LibraryFolder) -> list[LibraryFolder]:
    """The folder and its ancestors (whose shares it inherits)."""
    above = await LibraryFolder.find(In(LibraryFolder.id, folder.path)).to_list() if folder.path else []
    return [folder, *above]


async def can_read_folder(user: User, folder: LibraryFolder) -> bool:
    if (await library_rights(user, folder.unit_id)).member:
        return True
    lineage = await folder_lineage(folder)
    if any(f.share_city for f in lineage):
        return True
    shared = {u for f in lineage for u in f.share_unit_ids}
    return bool(shared and shared & await user_unit_ids(user))


async def access_library(user: User, unit_id: object) -> tuple[Unit, LibraryRights]:
    """A unit whose library the user belongs to (members only: others see shared folders, not the library)."""
    unit = await Unit.get(parse_id(unit_id))
    if unit is None or unit.id is None:
        raise HubError("not_found")
    rights = await library_rights(user, unit.id)
    if not rights.member:
        raise HubError("not_found")
    return unit, rights


async def access_folder(user: User, folder_id: object, *, write: bool = False) -> LibraryFolder:
    """A folder the user may read (or, with write, change); missing and forbidden are both not_found, and a
    reader asking to write is forbidden."""
    oid = folder_id if isinstance(folder_id, PydanticObjectId) else parse_id(folder_id)
    folder = await LibraryFolder.get(oid)
    if folder is None or not await can_read_folder(user, folder):
        raise HubError("not_found")
    if write and not (await library_rights(user, folder.unit_id)).write:
        raise HubError("forbidden", detail="only the unit's office, 文书 and library editors change its library")
    return folder


async def access_entry(user: User, entry_id: object, *, write: bool = False) -> tuple[LibraryEntry, LibraryFolder]:
    entry = await LibraryEntry.get(parse_id(entry_id))
    if entry is None:
        raise HubError("not_found")
    folder = await access_folder(user, entry.folder_id, write=write)
    return entry, folder


class LibraryScope:
    """Files of library entries (scope id: the folder): whoever may read the folder reads them; writers attach.
    The per-unit quota is kept on LibraryAcl.used, so a folder alone may hold the whole unit's allowance."""

    def __init__(self, unit_max_bytes: int) -> None:
        self.max_total_bytes: int | None = unit_max_bytes

    async def _folder(self, scope_id: str) -> LibraryFolder | None:
        try:
            return await LibraryFolder.get(parse_id(scope_id))
        except HubError:
            return None

    async def can_read(self, hub: Hub, user: User, scope_id: str) -> bool:
        folder = await self._folder(scope_id)
        return folder is not None and await can_read_folder(user, folder)

    async def can_attach(self, hub: Hub, user: User, scope_id: str) -> bool:
        folder = await self._folder(scope_id)
        return folder is not None and (await library_rights(user, folder.unit_id)).write
