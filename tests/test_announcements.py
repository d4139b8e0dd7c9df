"""Announcements through the API: addressing, scheduling, recall, receipts counted once, chasing within limits."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta
from typing import Any

import pytest

from hub.actions.announce_receipts import nudge
from hub.context import Hub
from hub.models import Announcement, AnnouncementReceipt, Channel, Timer, Unit
from hub.settings import Settings
from tests.conftest import World, make_settings
from tests.time_fixtures import wait_until


class Org:
    """A city office over two departments; 主任 publishes, staff read."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.tokens: dict[str, str] = {}
        self.units: dict[str, Unit] = {}
        self.ids: dict[str, str] = {}

    async def build(self) -> Org:
        from hub.actions.org import do_create_unit

        hub = self.world.hub
        office = await do_create_unit(hub, "office", "市政府办公室", "市府办", "office", None)
        fin = await do_create_unit(hub, "fin", "市财政局", "财政局", "department", office)
        edu = await do_create_unit(hub, "edu", "市教育局", "教育局", "department", office)
        self.units = {"office": office, "fin": fin, "edu": edu}
        people = [("boss", office, ["office_director"]), ("a1", fin, ["staff"]), ("a2", fin, ["staff"]),
                  ("b1", edu, ["staff"]), ("loner", None, ["staff"])]
        for name, unit, roles in people:
            user = await self.world.user(name, name.upper(), units=[unit] if unit else [], roles=roles)
            self.ids[name] = str(user.id)
            self.tokens[name] = await self.world.login(name)
        return self

    async def api(self, who: str, method: str, path: str, **kw: Any) -> tuple[int, Any]:
        return await self.world.api(method, path, self.tokens[who], **kw)

    async def publish(self, who: str = "boss", **body: Any) -> tuple[int, Any]:
        body.setdefault("request_id", uuid.uuid4().hex)
        body.setdefault("title", "关于做好年底安全生产工作的通知")
        body.setdefault("body", "请各单位认真落实。")
        return await self.api(who, "POST", "/api/v1/announcements", json=body)

    async def inbox(self, who: str) -> list[dict[str, Any]]:
        status, body = await self.api(who, "GET", "/api/v1/announcements")
        assert status == 200, body
        return list(body["announcements"])


@pytest.fixture
def settings(store_kwargs: dict[str, Any]) -> Settings:
    # The tests move the clock hours ahead: sessions that outlive the jump keep the sockets listening.
    return make_settings(session_ttl_hours=24 * 60, session_idle_minutes=60 * 24 * 60, **store_kwargs)


@pytest.fixture
async def org(world: World) -> Org:
    return await Org(world).build()


async def _timer_status(key: str) -> str | None:
    timer = await Timer.find_one(Timer.key == key)
    return timer.status if timer else None


async def _wait_timer(key: str) -> None:
    async def done() -> bool:
        return await _timer_status(key) == "done"

    await wait_until(done, what=f"timer {key}")


async def test_subtree_units_and_people_are_resolved_at_publish_and_pinned(org: Org) -> None:
    status, ann = await org.publish(subtree_unit_ids=[str(org.units["fin"].id)], user_ids=[org.ids["loner"]])
    assert status == 200, ann
    assert ann["status"] == "published" and ann["recipients"] == 3 and ann["is_publisher"]
    for who in ("a1", "a2", "loner"):
        [mine] = await org.inbox(who)
        assert mine["id"] == ann["id"] and mine["mine"]["opened_at"] is None
    assert await org.inbox("b1") == []
    # Pinned in 财政局's channel, not in 教育局's; the channel's 置顶 area lists it for members.
    fin_channel = await Channel.find_one(Channel.unit_id == org.units["fin"].id)
    assert fin_channel is not None
    status, pinned = await org.api("a1", "GET", f"/api/v1/channels/{fin_channel.id}/pinned")
    assert status == 200 and [a["id"] for a in pinned["announcements"]] == [ann["id"]]
    status, _ = await org.api("b1", "GET", f"/api/v1/channels/{fin_channel.id}/pinned")
    assert status == 404
    # The same request_id again returns the first and delivers nothing twice.
    again = await org.publish(request_id="same", unit_ids=[str(org.units["edu"].id)])
    assert (await org.publish(request_id="same", unit_ids=[str(org.units["edu"].id)]))[1]["id"] == again[1]["id"]
    assert len(await org.inbox("b1")) == 1


async def test_bad_input_and_forbidden_publishers_change_nothing(org: Org) -> None:
    fin = str(org.units["fin"].id)
    cases: list[tuple[str, dict[str, Any], int, str]] = [
        ("a1", {"unit_ids": [fin]}, 403, "forbidden"),
        ("boss", {"unit_ids": [fin], "body": "密级：机密\n边境布防方案"}, 422, "classified_content"),
        ("boss", {"unit_ids": ["0" * 24]}, 404, "not_found"),
        ("boss", {"unit_ids": ["nonsense"]}, 404, "not_found"),
        ("boss", {}, 400, "invalid_request"),
        ("boss", {"unit_ids": [fin], "chase_max": 99}, 400, "invalid_request"),
        ("boss", {"unit_ids": [fin], "surprise": 1}, 400, "invalid_request"),
        ("boss", {"unit_ids": [fin], "title": ""}, 400, "invalid_request"),
    ]
    for who, body, code, error in cases:
        status, out = await org.publish(who, **body)
        assert (status, out["error"]["code"]) == (code, error), (body, out)
    assert await Announcement.find_all().count() == 0
    assert await AnnouncementReceipt.find_all().count() == 0


async def test_concurrent_opens_and_confirms_count_once_and_the_publisher_hears_live(org: Org) -> None:
    _, ann = await org.publish(unit_ids=[str(org.units["fin"].id)])
    publisher = await org.world.socket(org.tokens["boss"])
    path = f"/api/v1/announcements/{ann['id']}"
    results = await asyncio.gather(*[org.api("a1", "POST", f"{path}/open") for _ in range(8)],
                                   *[org.api("a1", "POST", f"{path}/confirm") for _ in range(4)])
    assert all(status == 200 for status, _ in results)
    stored = await Announcement.get(ann["id"])
    assert stored is not None and (stored.opened, stored.confirmed) == (1, 1)
    # Exactly two changes reached the publisher: opened, then confirmed.
    events = await publisher.wait_for("announcement.receipt", 2)
    assert events[-1]["opened"] == 1 and events[-1]["confirmed"] == 1 and events[-1]["recipients"] == 2
    await org.api("a2", "POST", f"{path}/open")
    await publisher.wait_for("announcement.receipt", 3)
    assert len(publisher.of("announcement.receipt")) == 3
    status, board = await org.api("boss", "GET", f"{path}/receipts")
    assert status == 200
    [unit] = board["units"]
    assert (unit["recipients"], unit["opened"], unit["confirmed"], unit["read_rate"]) == (2, 2, 1, 1.0)
    assert [r["user_name"] for r in board["not_confirmed"]] == ["A2"] and board["not_read"] == []
    # Only the publisher sees the board; a reader's open of someone else's is a 404.
    assert (await org.api("a1", "GET", f"{path}/receipts"))[0] == 404
    assert (await org.api("b1", "POST", f"{path}/open"))[0] == 404


async def test_a_scheduled_announcement_appears_at_its_time(org: Org, hub: Hub) -> None:
    at = hub.clock.now() + timedelta(hours=2)
    status, ann = await org.publish(unit_ids=[str(org.units["edu"].id)], publish_at=at.isoformat())
    assert status == 200 and ann["status"] == "scheduled"
    assert await org.inbox("b1") == []
    assert (await org.api("b1", "GET", f"/api/v1/announcements/{ann['id']}"))[0] == 404
    reader = await org.world.socket(org.tokens["b1"])
    hub.clock.advance(timedelta(hours=1))
    assert await _timer_status(f"announce.publish:{ann['id']}") == "pending"
    hub.clock.advance(timedelta(hours=1, seconds=1))
    [new] = await reader.wait_for("announcement.new")
    assert new["announcement"]["id"] == ann["id"]
    [mine] = await org.inbox("b1")
    assert mine["status"] == "published" and mine["published_at"] >= at.isoformat()[:19]


async def test_recalled_announcements_vanish_and_never_fire(org: Org, hub: Hub) -> None:
    edu = str(org.units["edu"].id)
    _, later = await org.publish(unit_ids=[edu], publish_at=(hub.clock.now() + timedelta(hours=1)).isoformat())
    _, now = await org.publish(unit_ids=[edu], chase_interval_minutes=10, chase_max=3, urgent=True,
                               urgent_after_minutes=5)
    assert (await org.api("b1", "POST", f"/api/v1/announcements/{now['id']}/recall"))[0] == 404
    reader = await org.world.socket(org.tokens["b1"])
    for ann in (later, now):
        status, out = await org.api("boss", "POST", f"/api/v1/announcements/{ann['id']}/recall")
        assert status == 200 and out["status"] == "recalled"
    assert (await org.api("boss", "POST", f"/api/v1/announcements/{now['id']}/recall"))[0] == 409
    await reader.wait_for("announcement.removed", where=lambda e: e["announcement_id"] == now["id"])
    assert await org.inbox("b1") == []
    assert (await org.api("b1", "POST", f"/api/v1/announcements/{now['id']}/open"))[0] == 404
    edu_channel = await Channel.find_one(Channel.unit_id == org.units["edu"].id)
    assert edu_channel is not None
    assert (await org.api("b1", "GET", f"/api/v1/channels/{edu_channel.id}/pinned"))[1]["announcements"] == []
    hub.clock.advance(timedelta(hours=3))
    # A later timer firing shows the runner passed the recalled ones' times; they stayed cancelled.
    _, probe = await org.publish(unit_ids=[edu], publish_at=(hub.clock.now() + timedelta(minutes=1)).isoformat())
    hub.clock.advance(timedelta(minutes=2))
    await _wait_timer(f"announce.publish:{probe['id']}")
    for key in (f"announce.publish:{later['id']}", f"announce.urgent:{now['id']}", f"announce.chase:{now['id']}:1"):
        assert await _timer_status(key) == "cancelled", key
    assert reader.of("announcement.nudged") == []
    assert [a["id"] for a in await org.inbox("b1")] == [probe["id"]]


async def test_chasing_is_spaced_five_minutes_and_capped(org: Org, hub: Hub) -> None:
    status, ann = await org.publish(unit_ids=[str(org.units["fin"].id)], chase_interval_minutes=1, chase_max=4)
    assert status == 200
    await org.api("a1", "POST", f"/api/v1/announcements/{ann['id']}/confirm")
    a2 = await org.world.socket(org.tokens["a2"])
    for n in range(1, 5):  # four rounds a minute apart: only the first may nudge (5-minute spacing)
        hub.clock.advance(timedelta(minutes=1, seconds=1))
        await _wait_timer(f"announce.chase:{ann['id']}:{n}")
    receipts = {r.user_name: r for r in await AnnouncementReceipt.find_all().to_list()}
    assert receipts["A1"].nudges == 0 and receipts["A2"].nudges == 1
    assert len(await a2.wait_for("announcement.nudged")) == 1
    assert await Timer.find_one(Timer.key == f"announce.chase:{ann['id']}:5") is None
    # A round fired again later (a lost lease) may nudge again, but never beyond the cap of chase_max.
    stored = await Announcement.get(ann["id"])
    assert stored is not None
    for _ in range(6):
        hub.clock.advance(timedelta(minutes=5))
        await nudge(hub, stored, only_unopened=False)
    receipt = await AnnouncementReceipt.find_one(AnnouncementReceipt.user_name == "A2")
    assert receipt is not None and receipt.nudges == 4
    await a2.wait_for("announcement.nudged", 4)


async def test_urgent_chases_the_unopened_after_n_minutes(org: Org, hub: Hub) -> None:
    _, ann = await org.publish(unit_ids=[str(org.units["fin"].id)], urgent=True, urgent_after_minutes=15)
    publisher = await org.world.socket(org.tokens["boss"])
    await org.api("a1", "POST", f"/api/v1/announcements/{ann['id']}/open")
    hub.clock.advance(timedelta(minutes=14))
    assert await _timer_status(f"announce.urgent:{ann['id']}") == "pending"
    hub.clock.advance(timedelta(minutes=2))
    await _wait_timer(f"announce.urgent:{ann['id']}")
    receipts = {r.user_name: r.nudges for r in await AnnouncementReceipt.find_all().to_list()}
    assert receipts == {"A1": 0, "A2": 1}
    # The publisher's board hears the nudge live, like a read.
    [nudged] = await publisher.wait_for("announcement.receipt", where=lambda e: e["receipt"]["nudges"] == 1)
    assert nudged["receipt"]["user_name"] == "A2" and nudged["opened"] == 1


async def test_group_announcements_come_from_the_groups_owner(org: Org) -> None:
    members = [org.ids["a2"], org.ids["b1"]]
    status, group = await org.api("a1", "POST", "/api/v1/channels",
                                  json={"name": "年终总结小组", "topic": "", "member_ids": members})
    assert status == 200, group
    status, out = await org.publish("a2", group_channel_id=group["id"])
    assert status == 403 and out["error"]["code"] == "forbidden"
    status, out = await org.publish("a1", group_channel_id=group["id"], unit_ids=[str(org.units["fin"].id)])
    assert status == 400
    assert (await org.publish("loner", group_channel_id=group["id"]))[0] == 404
    status, ann = await org.publish("a1", group_channel_id=group["id"])
    assert status == 200 and ann["recipients"] == 2 and ann["group_channel_id"] == group["id"]
    status, pinned = await org.api("b1", "GET", f"/api/v1/channels/{group['id']}/pinned")
    assert [a["id"] for a in pinned["announcements"]] == [ann["id"]]
    await org.api("a1", "POST", f"/api/v1/announcements/{ann['id']}/pin", json={"pinned": False})
    status, pinned = await org.api("b1", "GET", f"/api/v1/channels/{group['id']}/pinned")
    assert pinned["announcements"] == []


async def test_the_demo_has_a_live_announcement_at_sixty_percent_read(world: World) -> None:
    from hub.seed.demo import load_demo

    await load_demo(world.hub)
    await load_demo(world.hub)  # loading twice changes nothing
    [ann] = await Announcement.find_all().to_list()
    assert ann.status == "published" and ann.recipients == 10 and ann.opened == 6
    assert await Timer.find_one(Timer.key == f"announce.urgent:{ann.id}") is not None


async def test_a_delivery_run_twice_at_once_delivers_once(org: Org, hub: Hub) -> None:
    """A scheduled delivery fired again (a lease ran out in another process) races the first: one receipt per
    person, one announcement.new each, the flip to published once."""
    from hub.actions.announcements import deliver

    at = hub.clock.now() + timedelta(days=1)
    _, ann = await org.publish(unit_ids=[str(org.units["fin"].id)], publish_at=at.isoformat())
    reader = await org.world.socket(org.tokens["a1"])
    stored = await Announcement.get(ann["id"])
    assert stored is not None
    results = await asyncio.gather(*[deliver(hub, stored.id) for _ in range(5)])
    assert {r.status for r in results} == {"published"}
    assert await AnnouncementReceipt.find(AnnouncementReceipt.announcement_id == stored.id).count() == 2
    fresh = await Announcement.get(stored.id)
    assert fresh is not None and fresh.recipients == 2
    # Events on one socket arrive in order: once a later announcement's event is in, any duplicate would be too.
    _, later = await org.publish(unit_ids=[str(org.units["fin"].id)])
    await reader.wait_for("announcement.new", where=lambda e: e["announcement"]["id"] == later["id"])
    assert [e["announcement"]["id"] for e in reader.of("announcement.new")] == [ann["id"], later["id"]]
