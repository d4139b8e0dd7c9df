"""电子监察: yellow and red lights per stage clock, fired by leased timers and posted as cards up the chain."""

from __future__ import annotations

from datetime import datetime

from beanie import PydanticObjectId

from hub.actions.bots import ensure_bot
from hub.actions.cards import do_post_card
from hub.actions.channels import do_get_or_create_direct, ensure_unit_channel, subscribe
from hub.actions.licensing_counters import count_transition
from hub.actions.timers import do_schedule_timer
from hub.cards import CardField, CardSpec, CardStatus
from hub.context import Hub
from hub.lib.timeutil import BEIJING
from hub.models import Timer, Unit, User
from hub.models.licensing import LicensingCase, Light, LightChange, Matter

LIGHT_TIMER = "licensing.light"
LIGHT_CARD = "licensing.light"
BOT_KEY = "licensing"
BOT_NAME = "审批监察"
_RANK: dict[str, int] = {"green": 0, "yellow": 1, "red": 2}
_STAGE_NAMES = {"accept": "受理", "decide": "审查决定", "deliver": "送达"}


async def licensing_bot() -> User:
    account = await ensure_bot(BOT_KEY, BOT_NAME, [])
    user = await User.get(account.user_id)
    assert user is not None
    return user


async def light_times(hub: Hub, case: LicensingCase, matter: Matter) -> tuple[datetime, datetime] | None:
    """When the current stage clock turns yellow and red, or None while nothing runs (paused, 补正, done).

    Yellow is when the configured share of the limit is used or only `yellow_days_left` working days are
    left, whichever comes first, counted in office hours so that it lands at a working hour."""
    clock = case.clock
    if clock is None or clock.paused or case.due_at is None:
        return None
    cal = await hub.workdays.fresh()
    hours_per_day = sum((b.hour * 60 + b.minute - a.hour * 60 - a.minute) / 60 for a, b in cal.office_hours.periods)
    limit_hours = clock.limit * hours_per_day
    th = matter.thresholds
    left_at_yellow = max((1 - th.yellow_share) * limit_hours, th.yellow_days_left * hours_per_day)
    now = hub.clock.now()
    left_now = cal.working_hours_between(now, case.due_at)
    yellow = cal.add_working_hours(now, max(left_now - left_at_yellow, 0.0))
    return min(yellow, case.due_at), case.due_at


async def schedule_lights(hub: Hub, case: LicensingCase) -> None:
    """Timers for the current clock; those of earlier epochs stay but find another epoch and do nothing."""
    matter = await Matter.get(case.matter_id)
    if matter is None:
        return
    times = await light_times(hub, case, matter)
    if times is None:
        return
    for light, at in zip(("yellow", "red"), times, strict=True):
        key = f"{LIGHT_TIMER}:{case.id}:{case.clock_epoch}:{light}"
        await do_schedule_timer(hub, LIGHT_TIMER, key, at, {"case_id": str(case.id), "epoch": case.clock_epoch,
                                                            "light": light, "stage": case.stage})


async def light_fired(hub: Hub, timer: Timer) -> None:
    """Turn the light if the clock is still the one the timer was set for; the change is recorded once (a
    guarded update), and the card is posted under an id derived from the timer, so a second run repeats
    nothing."""
    case_id = PydanticObjectId(str(timer.payload["case_id"]))
    epoch = int(timer.payload["epoch"])
    light: Light = "red" if timer.payload["light"] == "red" else "yellow"
    lower = [k for k, v in _RANK.items() if v < _RANK[light]]
    now = hub.clock.now()
    change = LightChange(at=now, stage=str(timer.payload["stage"]), light=light)
    coll = LicensingCase.get_pymongo_collection()
    # The version moves too, so that an act prepared on the case before the light changed is refused and
    # cannot write back the old light (the counters would then miss the change).
    await coll.update_one({"_id": case_id, "clock_epoch": epoch, "light": {"$in": lower}},
                          {"$set": {"light": light}, "$push": {"lights": change.model_dump()}, "$inc": {"version": 1}})
    case = await LicensingCase.get(case_id)
    if case is None or case.clock_epoch != epoch or case.light != light:
        return
    # Every change of light is in `lights`, a clock reset as a green entry: the one before this is what it was.
    previous: Light = case.lights[-2].light if len(case.lights) >= 2 else "green"
    await count_transition(case.model_copy(update={"light": previous}), case, f"{case_id}:e{epoch}:{light}")
    await _post_light_card(hub, case, light, timer)


async def _post_light_card(hub: Hub, case: LicensingCase, light: Light, timer: Timer) -> None:
    matter = await Matter.get(case.matter_id)
    unit = await Unit.get(case.unit_id)
    if matter is None or unit is None or timer.id is None:
        return
    bot = await licensing_bot()
    assert bot.id is not None
    stage = _STAGE_NAMES.get(case.stage, case.stage)
    due = case.due_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M") if case.due_at else "—"
    label = "红灯：已超期" if light == "red" else "黄灯：即将到期"
    spec = CardSpec(
        kind=LIGHT_CARD, title=f"电子监察{label}｜{case.matter_name}",
        fields=[CardField(label="办件编号", value=case.number), CardField(label="环节", value=stage),
                CardField(label="实施机关", value=case.unit_name), CardField(label="时限", value=due)],
        body=("该办件已超过办理时限，请立即督办。" if light == "red" else "该办件即将到期，请抓紧办理。"),
        status=CardStatus(code=light, label=label, tone="danger" if light == "red" else "warning"),
        deadline=case.due_at, context={"case_id": str(case.id)})
    channels = [await ensure_unit_channel(unit)]
    await subscribe(hub, channels[0], [bot.id])
    # Yellow reaches the 分管领导; red goes up the whole declared chain.
    chain = matter.escalation[:1] if light == "yellow" else matter.escalation
    for leader in chain:
        channels.append(await do_get_or_create_direct(hub, bot, str(leader)))
    await do_post_card(hub, bot, BOT_KEY, spec, channels, card_id=timer.id)
