"""共享文件库 folders: create, rename, move within the unit (never below itself), share read-only, delete empty."""

from __future__ import annotations

from beanie import PydanticObjectId
from beanie.operators import In

from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.actions.library_access import access_folder, access_library, can_read_folder, library_rights, user_unit_ids
from hub.actions.policy import check_texts
from hub.context import Hub
from hub.errors import HubError
from hub.library_wire import FolderIn, FolderOut, LibraryIndexOut, LibraryOut, LibraryUnitOut, ShareIn
from hub.models.library import LibraryAcl, LibraryEntry, LibraryFolder
from hub.models.org import Membership, Unit, User


def _name(hub: Hub, raw: str) -> str:
    name = " ".join(raw.split())
    if not name or "/" in name or "\\" in name:
        raise HubError("invalid_request", detail="a folder name is a non-empty name without slashes")
    check_texts(hub, [name])
    return name


def folder_out(folder: LibraryFolder, unit_name: str, can_write: bool, inherited: bool = False) -> FolderOut:
    return FolderOut(id=str(folder.id), unit_id=str(folder.unit_id), unit_name=unit_name,
                     parent_id=str(folder.parent_id) if folder.parent_id else None, name=folder.name,
                     share_city=folder.share_city, share_unit_ids=[str(u) for u in folder.share_unit_ids],
                     inherited_share=inherited, can_write=can_write)


def _inherited(folder: LibraryFolder, by_id: dict[PydanticObjectId, LibraryFolder]) -> bool:
    above = [by_id[p] for p in folder.path if p in by_id]
    return any(f.share_city or f.share_unit_ids for f in above)


async def library_view(hub: Hub, user: User, unit_id: object) -> LibraryOut:
    unit, rights = await access_library(user, unit_id)
    assert unit.id is not None
    folders = await LibraryFolder.find(LibraryFolder.unit_id == unit.id).sort("+name").to_list()
    by_id = {f.id: f for f in folders if f.id is not None}
    acl = await LibraryAcl.get(unit.id)
    return LibraryOut(unit_id=str(unit.id), unit_name=unit.name, can_write=rights.write, can_manage=rights.manage,
                      used=acl.used if acl else 0, limit=hub.settings.library_unit_max_bytes,
                      editor_ids=[str(e) for e in acl.editor_ids] if acl else [],
                      folders=[folder_out(f, unit.name, rights.write, _inherited(f, by_id)) for f in folders])


async def library_index(user: User) -> LibraryIndexOut:
    """My units' libraries, and the topmost shared folders of other units that reach me."""
    mine = await user_unit_ids(user)
    # The person's own seats in order (the seat they head first), so the library shown first is their main one.
    seats = await Membership.find(Membership.user_id == user.id).sort("+order").to_list()
    found = {u.id: u for u in await Unit.find(In(Unit.id, list(mine))).to_list()} if mine else {}
    units = [found[s.unit_id] for s in seats if s.unit_id in found]
    out = []
    for u in units:
        assert u.id is not None
        out.append(LibraryUnitOut(unit_id=str(u.id), unit_name=u.name,
                                  can_write=(await library_rights(user, u.id)).write))
    shares = await LibraryFolder.find({"unit_id": {"$nin": list(mine)}, "$or": [
        {"share_city": True}, {"share_unit_ids": {"$in": list(mine)}}]}).sort("+name").to_list()
    share_ids = {f.id for f in shares}
    top = [f for f in shares if not share_ids.intersection(f.path)]
    names = {u.id: u.name for u in await Unit.find(In(Unit.id, list({f.unit_id for f in top}))).to_list()} \
        if top else {}
    return LibraryIndexOut(units=out, shared=[folder_out(f, names.get(f.unit_id, ""), False) for f in top])


async def do_create_folder(hub: Hub, user: User, unit_id: object, body: FolderIn,
                           origin: Origin | None = None) -> LibraryFolder:
    unit, rights = await access_library(user, unit_id)
    assert unit.id is not None and user.id is not None
    if not rights.write:
        raise HubError("forbidden", detail="only the unit's office, 文书 and library editors change its library")
    name = _name(hub, body.name)
    path: list[PydanticObjectId] = []
    parent_id = None
    if body.parent_id is not None:
        parent = await access_folder(user, body.parent_id, write=True)
        if parent.unit_id != unit.id or parent.id is None:
            raise HubError("not_found")
        parent_id, path = parent.id, [*parent.path, parent.id]
    folder = LibraryFolder(unit_id=unit.id, parent_id=parent_id, path=path, name=name, created_by=user.id,
                           created_at=hub.clock.now())
    await folder.insert()
    await do_audit(hub, "library.folder.create", actor=user, object_type="library_folder", object_id=folder.id,
                   origin=origin, detail={"unit_id": str(unit.id), "parent_id": str(parent_id) if parent_id else None})
    return folder


async def do_rename_folder(hub: Hub, user: User, folder_id: object, raw: str,
                           origin: Origin | None = None) -> LibraryFolder:
    folder = await access_folder(user, folder_id, write=True)
    folder.name = _name(hub, raw)
    await folder.save()
    await do_audit(hub, "library.folder.rename", actor=user, object_type="library_folder", object_id=folder.id,
                   origin=origin)
    return folder


async def do_move_folder(hub: Hub, user: User, folder_id: object, parent_raw: str | None,
                         origin: Origin | None = None) -> LibraryFolder:
    """Move under another folder of the same library (or to the top); below itself is a cycle and refused."""
    folder = await access_folder(user, folder_id, write=True)
    assert folder.id is not None
    new_path: list[PydanticObjectId] = []
    new_parent = None
    if parent_raw is not None:
        parent = await access_folder(user, parent_raw, write=True)
        if parent.unit_id != folder.unit_id or parent.id is None:
            raise HubError("not_found")
        if parent.id == folder.id or folder.id in parent.path:
            raise HubError("folder_cycle")
        new_parent, new_path = parent.id, [*parent.path, parent.id]
    old_depth = len(folder.path)
    descendants = await LibraryFolder.find({"path": folder.id}).to_list()
    folder.parent_id, folder.path = new_parent, new_path
    await folder.save()
    for d in descendants:
        # Everything below keeps its place under the folder; only the part above it changes.
        d.path = [*new_path, *d.path[old_depth:]]
        await d.save()
    await do_audit(hub, "library.folder.move", actor=user, object_type="library_folder", object_id=folder.id,
                   origin=origin, detail={"parent_id": str(new_parent) if new_parent else None})
    return folder


async def do_share_folder(hub: Hub, user: User, folder_id: object, body: ShareIn,
                          origin: Origin | None = None) -> LibraryFolder:
    """Share read-only with named units or the whole city (全市共享); an empty share takes it back."""
    folder = await access_folder(user, folder_id, write=True)
    ids = list(dict.fromkeys(parse_id(u) for u in body.share_unit_ids))
    if ids and await Unit.find(In(Unit.id, ids)).count() != len(ids):
        raise HubError("not_found", detail="unknown unit id")
    folder.share_city, folder.share_unit_ids = body.share_city, [u for u in ids if u != folder.unit_id]
    await folder.save()
    await do_audit(hub, "library.folder.share", actor=user, object_type="library_folder", object_id=folder.id,
                   origin=origin, detail={"share_city": folder.share_city,
                                          "share_unit_ids": [str(u) for u in folder.share_unit_ids]})
    return folder


async def do_delete_folder(hub: Hub, user: User, folder_id: object, origin: Origin | None = None) -> None:
    folder = await access_folder(user, folder_id, write=True)
    if await LibraryFolder.find(LibraryFolder.parent_id == folder.id).count() or \
            await LibraryEntry.find(LibraryEntry.folder_id == folder.id).count():
        raise HubError("folder_not_empty")
    await folder.delete()
    await do_audit(hub, "library.folder.delete", actor=user, object_type="library_folder", object_id=folder.id,
                   origin=origin)


async def do_set_editors(hub: Hub, user: User, unit_id: object, raw_ids: list[str],
                         origin: Origin | None = None) -> None:
    """The unit head names the library's editors, who must be members of the unit (a permission change)."""
    unit, rights = await access_library(user, unit_id)
    if not rights.manage:
        raise HubError("forbidden", detail="only the unit head names the library's editors")
    ids = list(dict.fromkeys(parse_id(u) for u in raw_ids))
    if ids and await Membership.find(Membership.unit_id == unit.id, In(Membership.user_id, ids)).count() != len(ids):
        raise HubError("not_found", detail="an editor is not a member of the unit")
    coll = LibraryAcl.get_pymongo_collection()
    await coll.update_one({"_id": unit.id}, {"$set": {"editor_ids": ids}, "$setOnInsert": {"used": 0}}, upsert=True)
    await do_audit(hub, "library.editors", actor=user, object_type="unit", object_id=unit.id, origin=origin,
                   detail={"editor_ids": [str(i) for i in ids]})


async def subfolders_out(user: User, folder: LibraryFolder, unit_name: str, can_write: bool) -> list[FolderOut]:
    children = await LibraryFolder.find(LibraryFolder.parent_id == folder.id).sort("+name").to_list()
    return [folder_out(c, unit_name, can_write) for c in children if await can_read_folder(user, c)]
