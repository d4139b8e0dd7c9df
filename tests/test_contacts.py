"""通讯录 through the API: contact details with the mobile rule, editing one's own, starring, and the demo."""

from __future__ import annotations

from hub.actions.org import do_create_unit
from hub.models import User
from tests.conftest import World


async def _people(world: World) -> dict[str, str]:
    hub = world.hub
    czj = await do_create_unit(hub, "czj", "市财政局", "市财政局", "department", None)
    fgw = await do_create_unit(hub, "fgw", "市发改委", "市发改委", "department", None)
    ids = {}
    for name, unit, roles in (("zhangsan", czj, ["staff"]), ("lisi", czj, ["staff"]), ("tangli", fgw, ["staff"]),
                              ("chenzhiyuan", None, ["leader"])):
        user = await world.user(name, name, units=[unit] if unit else [], roles=roles)
        ids[name] = str(user.id)
    return ids


async def test_contact_details_and_who_sees_the_mobile(world: World) -> None:
    ids = await _people(world)
    me = await world.login("zhangsan")
    status, body = await world.api("PUT", "/api/v1/session/me/contact", me, json={
        "office_phone": "0943-8212345", "mobile": "13912345678", "office_room": "市政府大楼305室"})
    assert status == 200 and body["mobile"] == "13912345678" and not body["mobile_masked"]
    seen = {}
    for viewer in ("lisi", "tangli", "chenzhiyuan"):
        status, seen[viewer] = await world.api("GET", f"/api/v1/users/{ids['zhangsan']}/contact",
                                               await world.login(viewer))
        assert status == 200 and seen[viewer]["office_phone"] == "0943-8212345"
        assert seen[viewer]["office_room"] == "市政府大楼305室"
    assert seen["lisi"]["mobile"] == "13912345678"          # same unit
    assert seen["chenzhiyuan"]["mobile"] == "13912345678"   # a leader
    assert seen["tangli"]["mobile"] == "139****5678" and seen["tangli"]["mobile_masked"]  # another unit


async def test_bad_contact_details_change_nothing(world: World) -> None:
    ids = await _people(world)
    me = await world.login("zhangsan")
    for bad in ({"mobile": "12345"}, {"office_phone": "电话"}, {"office_room": "机密★ 305"}, {"office_room": "x" * 41}):
        status, body = await world.api("PUT", "/api/v1/session/me/contact", me, json=bad)
        assert status in (400, 422), (bad, body)
    user = await User.get(ids["zhangsan"])
    assert user is not None and (user.mobile, user.office_phone, user.office_room) == ("", "", "")
    status, body = await world.api("GET", "/api/v1/users/66aa00000000000000000000/contact", me)
    assert status == 404


async def test_starred_contacts(world: World) -> None:
    ids = await _people(world)
    me = await world.login("zhangsan")
    for _ in range(2):  # starring twice is one star
        status, body = await world.api("PUT", f"/api/v1/contacts/starred/{ids['tangli']}", me, json={"starred": True})
        assert status == 200 and body["starred"]
    await world.api("PUT", f"/api/v1/contacts/starred/{ids['chenzhiyuan']}", me, json={"starred": True})
    status, listed = await world.api("GET", "/api/v1/contacts/starred", me)
    assert [u["id"] for u in listed["users"]] == [ids["tangli"], ids["chenzhiyuan"]]
    _, contact = await world.api("GET", f"/api/v1/users/{ids['tangli']}/contact", me)
    assert contact["starred"]
    await world.api("PUT", f"/api/v1/contacts/starred/{ids['tangli']}", me, json={"starred": False})
    _, listed = await world.api("GET", "/api/v1/contacts/starred", me)
    assert [u["id"] for u in listed["users"]] == [ids["chenzhiyuan"]]
    # Stars are one's own.
    _, theirs = await world.api("GET", "/api/v1/contacts/starred", await world.login("lisi"))
    assert theirs["users"] == []


async def test_the_demo_directory_has_phones_and_rooms(world: World) -> None:
    from hub.seed.demo import DEMO_PASSWORD, load_demo

    await load_demo(world.hub)
    await load_demo(world.hub)
    token = await world.login("zhangsan", DEMO_PASSWORD)
    majun = await User.find_one(User.username == "majun")
    assert majun is not None
    _, contact = await world.api("GET", f"/api/v1/users/{majun.id}/contact", token)
    assert contact["office_phone"].startswith("0943-") and contact["office_room"].endswith("室")
    assert len(contact["mobile"]) == 11 and not contact["mobile_masked"]  # same unit (市财政局)
