"""Role tours (分角色培训): the tour fits the person's role and 岗位, and completed/skipped is kept per person."""

from __future__ import annotations

from hub.actions.onboarding import do_mark_tours_seen
from hub.actions.org import do_add_membership
from hub.onboarding_wire import TOURS
from tests.conftest import World

PATH = "/api/v1/me/tours"


async def test_tour_state_is_per_person_and_bad_input_changes_nothing(world: World) -> None:
    office = await world.unit("bgs", "市政府办公室", kind="office")
    await world.user("staff1", units=[office])
    clerk = await world.user("clerk1")
    # A clerk by 岗位 alone: the seat says 文书岗, the account only says staff.
    await do_add_membership(world.hub, clerk, office, "文书岗", "文档管理员")
    await world.user("lead1", roles=["leader"])
    await world.user("sec1", roles=["sec_admin"])
    staff, clerk_t, lead, sec = [await world.login(n) for n in ("staff1", "clerk1", "lead1", "sec1")]

    status, mine = await world.api("GET", PATH, staff)
    assert status == 200 and mine["role"] == "staff" and mine["due"] is True
    assert {t["key"]: t["seen_version"] for t in mine["tours"]} == {k: None for k in TOURS}
    assert [(await world.api("GET", PATH, t))[1]["role"] for t in (clerk_t, lead, sec)] == [
        "clerk", "leader", "sec_admin"]

    # Skipped is recorded like completed: the tour is no longer due, on any device, for this person only.
    status, after = await world.api("POST", PATH, staff, json={"tour": "staff", "version": 1, "outcome": "skipped"})
    assert status == 200 and after["due"] is False
    [seen] = [t for t in after["tours"] if t["key"] == "staff"]
    assert (seen["seen_version"], seen["outcome"]) == (1, "skipped") and seen["at"]
    assert (await world.api("GET", PATH, await world.login("staff1")))[1] == after
    assert (await world.api("GET", PATH, lead))[1]["due"] is True
    # Replayed and completed: the outcome is replaced, not added.
    _, again = await world.api("POST", PATH, staff, json={"tour": "staff", "version": 1, "outcome": "completed"})
    assert [t["outcome"] for t in again["tours"] if t["key"] == "staff"] == ["completed"]

    # Unknown tour, a version the tour does not have, an unknown outcome, a stray field: refused, nothing kept.
    for bad in ({"tour": "hacker", "version": 1, "outcome": "completed"},
                {"tour": "leader", "version": TOURS["leader"] + 1, "outcome": "completed"},
                {"tour": "leader", "version": 0, "outcome": "completed"},
                {"tour": "leader", "version": 1, "outcome": "maybe"},
                {"tour": "leader", "version": 1, "outcome": "completed", "user_id": "x"}):
        assert (await world.api("POST", PATH, lead, json=bad))[0] == 400
    assert (await world.api("GET", PATH, lead))[1]["due"] is True
    # No session, no tours (the test client keeps the last login's cookie: drop it).
    world.client.session.cookie_jar.clear()
    assert (await world.client.get(PATH)).status == 401
    assert (await world.client.post(PATH, json={"tour": "staff", "version": 1, "outcome": "completed"})).status == 401


async def test_marking_seen_keeps_what_a_person_recorded(world: World) -> None:
    a = await world.user("a1")
    b = await world.user("b1", roles=["leader"])
    token = await world.login("a1")
    await world.api("POST", PATH, token, json={"tour": "staff", "version": 1, "outcome": "skipped"})
    assert await do_mark_tours_seen(world.hub, [a, b]) == 1
    assert await do_mark_tours_seen(world.hub, [a, b]) == 0
    _, mine = await world.api("GET", PATH, token)
    assert [t["outcome"] for t in mine["tours"] if t["key"] == "staff"] == ["skipped"]
    assert (await world.api("GET", PATH, await world.login("b1")))[1]["due"] is False
