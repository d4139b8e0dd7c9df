"""通讯录: contact details with a visibility rule for mobiles, editing one's own, and starred contacts."""

from __future__ import annotations

from beanie import PydanticObjectId
from pydantic import BaseModel, Field
from pymongo.errors import DuplicateKeyError

from hub.actions.audit import Origin, do_audit
from hub.classification import check_unclassified
from hub.context import Hub
from hub.models import Membership, User
from hub.models.contacts import ContactStar

# Who sees every colleague's mobile in full: leaders and office directors (they must reach people out of hours).
_SEES_MOBILES = {"leader", "office_director"}


class ContactOut(BaseModel):
    user_id: str
    office_phone: str
    office_room: str
    mobile: str = Field(description="In full, or masked (138****5678) when the rule does not show it to the viewer")
    mobile_masked: bool
    starred: bool


class ContactIn(BaseModel):
    office_phone: str = Field(default="", max_length=20, pattern=r"^$|^[0-9][0-9\-]{4,18}[0-9]$")
    mobile: str = Field(default="", pattern=r"^$|^1[3-9][0-9]{9}$")
    office_room: str = Field(default="", max_length=40)


def mask_mobile(mobile: str) -> str:
    return f"{mobile[:3]}****{mobile[-4:]}" if len(mobile) == 11 else ""


async def _shares_unit(a: User, b: User) -> bool:
    units = {m.unit_id for m in await Membership.find(Membership.user_id == a.id).to_list()}
    return bool(units) and await Membership.find({"user_id": b.id, "unit_id": {"$in": list(units)}}).count() > 0


async def may_see_mobile(viewer: User, person: User) -> bool:
    """Oneself, colleagues of a shared unit, leaders and office directors; others see it masked."""
    return viewer.id == person.id or bool(_SEES_MOBILES & set(viewer.roles)) or await _shares_unit(viewer, person)


async def contact_out(viewer: User, person: User) -> ContactOut:
    assert person.id is not None and viewer.id is not None
    full = await may_see_mobile(viewer, person)
    starred = await ContactStar.find_one(ContactStar.user_id == viewer.id, ContactStar.contact_id == person.id)
    return ContactOut(user_id=str(person.id), office_phone=person.office_phone, office_room=person.office_room,
                      mobile=person.mobile if full else mask_mobile(person.mobile),
                      mobile_masked=not full and bool(person.mobile), starred=starred is not None)


async def do_set_own_contact(hub: Hub, user: User, body: ContactIn, origin: Origin) -> User:
    check_unclassified([body.office_room], hub.classification)
    fields = {"office_phone": body.office_phone, "mobile": body.mobile, "office_room": body.office_room.strip()}
    await User.get_pymongo_collection().update_one({"_id": user.id}, {"$set": fields})
    await do_audit(hub, "user.contact_changed", actor=user, object_type="user", object_id=user.id, origin=origin)
    await hub.realtime.user_changed(user.id)
    updated = await User.get(user.id)
    assert updated is not None
    return updated


async def do_star(hub: Hub, user: User, contact: User, starred: bool) -> bool:
    assert user.id is not None and contact.id is not None
    if starred:
        try:
            await ContactStar(user_id=user.id, contact_id=contact.id, created_at=hub.clock.now()).insert()
        except DuplicateKeyError:
            pass
    else:
        await ContactStar.find(ContactStar.user_id == user.id, ContactStar.contact_id == contact.id).delete()
    return starred


async def starred_contacts(user: User) -> list[User]:
    stars = await ContactStar.find(ContactStar.user_id == user.id).sort("+created_at").to_list()
    ids: list[PydanticObjectId] = [s.contact_id for s in stars]
    found = {u.id: u for u in await User.find({"_id": {"$in": ids}, "disabled": False}).to_list()} if ids else {}
    return [found[i] for i in ids if i in found]
