"""电子监察: lights turn at the right working hour, are recorded, and cards reach the department and the chain."""

from __future__ import annotations

from hub.actions.channels import ensure_unit_channel
from hub.lib.timeutil import as_utc
from hub.models import Card, Channel, Message, Timer
from hub.models.licensing import LicensingCase
from tests.conftest import World
from tests.licensing_fixtures import LicOrg, at, build_licensing
from tests.time_fixtures import wait_until


async def _light(org: LicOrg, number: str) -> str:
    case = await LicensingCase.find_one(LicensingCase.number == number)
    assert case is not None
    return case.light


async def _cards_in(channel: Channel) -> list[Card]:
    msgs = await Message.find({"channel_id": channel.id, "card_id": {"$ne": None}}).to_list()
    return [c for m in msgs if (c := await Card.get(m.card_id)) is not None]


async def _direct_cards(org: LicOrg, username: str) -> list[Card]:
    uid = str(org.users[username].id)
    found = []
    for ch in await Channel.find({"kind": "direct"}).to_list():
        if ch.direct_key and uid in ch.direct_key.split(":"):
            found += await _cards_in(ch)
    return found


async def test_yellow_then_red_at_the_right_working_hour(world: World) -> None:
    org = await build_licensing(world)
    receipt = await org.submit()
    number = receipt["number"]
    # 受理 limit: 5 working days of 7 office hours; yellow with one working day left, i.e. Friday 17:30.
    org.move_to(at(org.day(4), 17, 29))
    pending = await Timer.find({"key": {"$regex": "yellow$"}, "status": "pending"}).count()
    assert pending == 1 and await _light(org, number) == "green"
    org.move_to(at(org.day(4), 17, 31))
    await wait_until(lambda: _is(org, number, "yellow"), what="yellow light")
    unit_channel = await ensure_unit_channel(org.units["zwfw"])
    # The light is recorded first, then the card goes out (to the department, then up the chain).
    await wait_until(lambda: _has_cards(org, "sunli", 1), what="yellow card to the 分管领导")
    cards = await _cards_in(unit_channel)
    assert [c.status.code for c in cards] == ["yellow"]
    assert [c.status.code for c in await _direct_cards(org, "sunli")] == ["yellow"]
    assert await _direct_cards(org, "chenzhiyuan") == []  # yellow stops at the 分管领导
    # Red after the 5th working day (the 调休 Saturday) ends.
    org.move_to(at(org.day(6), 0, 1))
    await wait_until(lambda: _is(org, number, "red"), what="red light")
    await wait_until(lambda: _has_cards(org, "chenzhiyuan", 1), what="red card up the chain")
    assert sorted(c.status.code for c in await _cards_in(unit_channel)) == ["red", "yellow"]
    assert [c.status.code for c in await _direct_cards(org, "chenzhiyuan")] == ["red"]
    case = await LicensingCase.find_one(LicensingCase.number == number)
    assert case is not None
    assert [(ch.stage, ch.light) for ch in case.lights] == [("accept", "yellow"), ("accept", "red")]
    assert as_utc(case.lights[0].at) >= at(org.day(4), 17, 30)
    # Accepting late starts the decision clock: green again, and that is recorded too.
    await org.act(receipt["case_id"], "accept")
    case = await LicensingCase.find_one(LicensingCase.number == number)
    assert case is not None and case.light == "green" and case.lights[-1].light == "green"


async def test_a_paused_clock_does_not_turn_and_stale_timers_do_nothing(world: World) -> None:
    org = await build_licensing(world)
    receipt = await org.submit()
    cid, number = receipt["case_id"], receipt["number"]
    await org.act(cid, "accept")
    await org.act(cid, "pause", pause_kind="检测", reason="送检")
    # Far past the first clock's yellow and red: its timers fire but belong to an earlier epoch.
    org.move_to(at(org.day(40), 10))
    await wait_until(lambda: _no_pending(), what="stale timers fired")
    assert await _light(org, number) == "green"
    await org.act(cid, "resume")
    case = await org.case(cid)
    assert case["light"] == "green" and not case["paused"]


async def _is(org: LicOrg, number: str, light: str) -> bool:
    return await _light(org, number) == light


async def _has_cards(org: LicOrg, username: str, n: int) -> bool:
    return len(await _direct_cards(org, username)) >= n


async def _no_pending() -> bool:
    return await Timer.find({"kind": "licensing.light", "status": "pending"}).count() == 0
