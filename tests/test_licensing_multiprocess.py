"""电子监察 with two real hub processes on one store: every light turns once and every card is posted once."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from hub.actions.licensing import ApplicationIn, do_submit_application
from hub.actions.licensing_catalogue import load_catalogue
from hub.actions.licensing_monitor import LIGHT_TIMER
from hub.actions.org import do_add_membership, do_create_unit, do_create_user
from hub.context import Hub
from hub.lib.timeutil import as_utc
from hub.models import Card, Message, Timer
from hub.models.licensing import Applicant, LicensingCase
from tests.test_timers_multiprocess import TimerHub, _env, scheduler_hub
from tests.time_fixtures import shared_store_url, wait_until

__all__ = ["scheduler_hub", "shared_store_url"]
CASES = 8


async def _org(hub: Hub) -> None:
    units = {code: await do_create_unit(hub, code, name, name, "department", None)
             for code, name in (("zwfw", "市政务服务中心"), ("zrzyj", "市自然资源局"), ("wjw", "市卫健委"))}
    for username, name in (("sunli", "孙丽"), ("chenzhiyuan", "陈志远")):
        user = await do_create_user(hub, username, name, "Passw0rd!", ["leader"])
        await do_add_membership(hub, user, units["zwfw"], "领导岗", "领导")
    await load_catalogue(hub)


async def _all_done(light: str) -> bool:
    return await Timer.find({"kind": LIGHT_TIMER, "key": {"$regex": f"{light}$"}, "status": {"$ne": "done"}}
                            ).count() == 0


async def test_each_light_turns_once_with_two_hub_processes(scheduler_hub: Hub, tmp_path: Path) -> None:
    await _org(scheduler_hub)
    applicant = Applicant(kind="citizen", name="李华", phone="13909431234")
    for _ in range(CASES):
        await do_submit_application(scheduler_hub, None, ApplicationIn(
            matter_key="sole-proprietor", applicant=applicant, materials=["application", "operator_id", "premises"]),
            "hall")
    timers = await Timer.find({"kind": LIGHT_TIMER}).to_list()
    assert len(timers) == 2 * CASES
    now = scheduler_hub.clock.now()
    yellow_at = max(as_utc(t.due_at) for t in timers if t.key.endswith("yellow"))
    red_at = max(as_utc(t.due_at) for t in timers if t.key.endswith("red"))
    assert yellow_at < red_at
    hubs = [TimerHub(_env(scheduler_hub), tmp_path / f"hub{i}.log") for i in range(2)]
    try:
        await asyncio.gather(*(h.wait_ready() for h in hubs))
        # Both processes' clocks pass the yellow moment together, then the red one: their runners race.
        step = (yellow_at - now + timedelta(seconds=1)).total_seconds()
        await asyncio.gather(*(h.advance(step) for h in hubs))
        await wait_until(lambda: _all_done("yellow"), within=60, what="yellow timers done")
        step = (red_at - yellow_at + timedelta(seconds=1)).total_seconds()
        await asyncio.gather(*(h.advance(step) for h in hubs))
        await wait_until(lambda: _all_done("red"), within=60, what="red timers done")

        async def cards_out() -> bool:
            return await Message.find({"card_id": {"$ne": None}}).count() >= CASES * (2 + 3)

        # Per case: yellow to the unit channel and the 分管领导; red to the channel and both leaders.
        await wait_until(cards_out, within=60, what="every card posted")
        for case in await LicensingCase.find_all().to_list():
            assert [c.light for c in case.lights] == ["yellow", "red"], case.number
        assert await Card.find({"kind": "licensing.light"}).count() == 2 * CASES
        assert await Message.find({"card_id": {"$ne": None}}).count() == CASES * (2 + 3)
    finally:
        for h in hubs:
            h.stop()
