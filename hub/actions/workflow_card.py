"""A process instance's card: one view of the instance, posted by the 流程助手 bot and brought up to date after
every change; a click on it is an act on the instance (the "workflow" card handler).

How the card follows the instance, crash or not:
- Every compare-and-set on an instance sets `card_stale` (hub/actions/workflow.py), in the same update.
- `sync_process_card` draws the instance as it is now (hub/workflow/cards.py) onto the card, guarded by the
  instance version the card remembers (context.version), so an older version never replaces a newer one;
  brings in holders who are not in the card's channels through a direct conversation with the bot; and then
  clears `card_stale` only if the instance has not moved on meanwhile.
- It runs after each start and act (HTTP API, timers, card clicks), and `sweep_process_cards` runs it for
  every instance still marked stale: at start-up and from the periodic sweep timer, with `sweep_outbox`.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from beanie.operators import In
from pymongo import ReturnDocument

from hub.actions.audit import Origin
from hub.actions.bots import ensure_bot
from hub.actions.cards import apply_change, broadcast_card, do_post_card
from hub.actions.channels import do_get_or_create_direct, ensure_unit_channel, subscribe
from hub.actions.messages import do_send_message
from hub.actions.outbox import sweep_outbox
from hub.actions.timers import do_schedule_timer
from hub.cards import CardSpec
from hub.context import Hub
from hub.errors import HubError
from hub.handlers import ActionCall, HandlerResult
from hub.models import Card, Channel, Membership, Subscription, Timer, Unit, User
from hub.workflow import cards as render
from hub.workflow.definition import SUBJECT_DEFINITIONS, Definition
from hub.workflow.documents import ProcessDefinition, ProcessInstance
from hub.workflow.state import INITIATOR_STEP
from hub.workflow.wire import ActIn

log = logging.getLogger(__name__)

BOT_KEY = "workflow"
BOT_NAME = "流程助手"
SWEEP_TIMER = "outbox.sweep"
_MAX_RETRIES = 50


async def workflow_bot() -> User:
    account = await ensure_bot(BOT_KEY, BOT_NAME, [])
    user = await User.get(account.user_id)
    assert user is not None
    return user


async def _spec_of(inst: ProcessInstance) -> Definition:
    dfn = await ProcessDefinition.get(inst.definition_id)
    if dfn is None:
        raise HubError("internal", detail="the instance's definition version is missing")
    return dfn.spec


def draw(defn: Definition, inst: ProcessInstance) -> CardSpec:
    spec = render.card_spec(defn, str(inst.id), inst.version, inst.title, inst.initiator_name, inst.form,
                            inst.state.status, inst.state.runs, inst.trail)
    if inst.definition_key in SUBJECT_DEFINITIONS:
        # The card follows the 收文 live; its buttons carry step data (numbers, 批示, 传阅) and live on the
        # document's (or 办件's) page, and the subject's ids mean nothing to a reader.
        ids = {f.label for f in defn.form.fields if f.key in ("document_id", "record_id", "case_id")}
        spec = spec.model_copy(update={"actions": [], "fields": [f for f in spec.fields if f.label not in ids]})
    return spec


async def check_card_channel(user: User, channel_id: str) -> Channel:
    """A start request may name the channel of the card: one the initiator is in, not a direct conversation."""
    if not PydanticObjectId.is_valid(channel_id):
        raise HubError("invalid_request", detail="channel_id")
    channel = await Channel.get(PydanticObjectId(channel_id))
    sub = await Subscription.find_one(Subscription.user_id == user.id, Subscription.channel_id == channel.id
                                      ) if channel else None
    if channel is None or sub is None:
        raise HubError("not_found")
    if channel.kind == "direct":
        raise HubError("invalid_request", detail="channel_id: a unit or group channel")
    return channel


async def _home_channel(hub: Hub, defn: Definition, inst: ProcessInstance, bot: User) -> Channel:
    """The channel the start named, else the definition's unit channel, else the initiator's unit channel,
    else a direct conversation with them."""
    channel: Channel | None = None
    if inst.card_channel_id:
        channel = await Channel.get(PydanticObjectId(inst.card_channel_id))
    if channel is None and defn.card_unit:
        named = await Unit.find_one(Unit.code == defn.card_unit)
        channel = await ensure_unit_channel(named) if named else None
    if channel is None:
        seats = await Membership.find(Membership.user_id == PydanticObjectId(inst.initiator_id)
                                      ).sort("order").to_list()
        unit = await Unit.get(seats[0].unit_id) if seats else None
        channel = await ensure_unit_channel(unit) if unit else None
    if channel is None:
        return await do_get_or_create_direct(hub, bot, inst.initiator_id)
    assert bot.id is not None
    await subscribe(hub, channel, [bot.id])  # the bot joins visibly, like a group bot; a no-op once in
    return channel


async def _deliver(hub: Hub, bot: User, card: Card, inst: ProcessInstance) -> Card:
    """Holders (and their delegates) not in any of the card's channels get it directly from the bot; nobody is
    added to a channel."""
    run = inst.state.open_run() if inst.state.status == "running" else None
    holders = render.open_holders(run)
    # A holder's delegate (代理) acts for them (the button's rule lets delegates through), so they get it too.
    wanted = {h.user_id for h in holders} | {h.delegate_id for h in holders if h.delegate_id}
    if run is not None and run.step_key == INITIATOR_STEP:
        wanted = set()  # the initiator's own turn: they have the card where they started it
    ids = [PydanticObjectId(u) for u in wanted if PydanticObjectId.is_valid(u)]
    seen = await Subscription.find(In(Subscription.user_id, ids), In(Subscription.channel_id, card.channel_ids)
                                   ).to_list() if ids else []
    added = False
    for user_id in sorted(wanted - {str(s.user_id) for s in seen}):
        dm = await do_get_or_create_direct(hub, bot, user_id)
        doc = await Card.get_pymongo_collection().find_one_and_update(
            {"_id": card.id}, {"$addToSet": {"channel_ids": dm.id}}, return_document=ReturnDocument.AFTER)
        card = Card.model_validate(doc)
        await do_send_message(hub, bot, dm, card.fallback_text, f"card-{card.id}-{dm.id}", card=card)
        added = True
    if added:
        await broadcast_card(hub, card)  # their buttons, on their own room
    return card


async def sync_process_card(hub: Hub, instance_id: PydanticObjectId) -> Card | None:
    """Bring the instance's card to the instance as it is now (post it the first time). Safe to repeat."""
    bot = await workflow_bot()
    async with hub.lock(f"card:{instance_id}"):
        # Read inside the lock: a sync that waited behind another one draws what is current by then.
        inst = await ProcessInstance.get(instance_id)
        if inst is None:
            return None
        defn = await _spec_of(inst)
        card = await Card.get(inst.id)
        if card is None and not defn.card:
            await ProcessInstance.get_pymongo_collection().update_one(
                {"_id": inst.id, "version": inst.version}, {"$set": {"card_stale": False}})
            return None
        if card is None:
            channel = await _home_channel(hub, defn, inst, bot)
            card = await do_post_card(hub, bot, BOT_KEY, draw(defn, inst), [channel], card_id=inst.id,
                                      handler=BOT_KEY)
        for _ in range(_MAX_RETRIES):
            if card.bot != BOT_KEY or int(card.context.get("version", 0)) >= inst.version:
                break
            spec = draw(defn, inst)
            doc: dict[str, Any] = apply_change(card, render.as_change(spec), None)
            doc["timeline"] = [t.model_dump() for t in render.timeline(inst.trail)]
            doc["deadline"] = spec.deadline
            # Both guards: the card's own version (no lost update) and the instance version it shows.
            found = await Card.get_pymongo_collection().find_one_and_update(
                {"_id": card.id, "version": card.version, "context.version": {"$lt": inst.version}},
                {"$set": doc}, return_document=ReturnDocument.AFTER)
            if found is not None:
                card = Card.model_validate(found)
                await broadcast_card(hub, card)
                break
            latest = await Card.get(inst.id)
            assert latest is not None
            card = latest
        card = await _deliver(hub, bot, card, inst)
    await ProcessInstance.get_pymongo_collection().update_one(
        {"_id": inst.id, "version": inst.version}, {"$set": {"card_stale": False}})
    return card


async def after_change(hub: Hub, instance_id: PydanticObjectId) -> None:
    """Called after an instance committed: a failure here is repaired by the sweep (the instance stays stale)."""
    try:
        await sync_process_card(hub, instance_id)
    except Exception:
        log.exception("process card %s: left for the sweep", instance_id)


async def sweep_process_cards(hub: Hub) -> int:
    """Every instance whose card may be behind is brought up to date; how many were looked at."""
    found = ProcessInstance.get_pymongo_collection().find({"card_stale": True}, projection={"_id": 1})
    ids = [d["_id"] async for d in found]
    for instance_id in ids:
        await after_change(hub, instance_id)
    return len(ids)


class WorkflowCardHandler:
    """A click on a process card is an act on the instance, by the engine, as the person who clicked.

    The engine's act is idempotent by a request id derived from the card version and the button (an exclusive
    button is pressed once per card version) and version-checked by the instance version the card showed. The
    card change returned draws the new state at once; it still remembers the older instance version, so the
    follow-up sync (after the click has committed and released the card) draws the trail, the deadline and
    the direct deliveries, and clears the instance's stale mark."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self._followups: set[asyncio.Task[None]] = set()

    async def on_action(self, call: ActionCall) -> HandlerResult:
        from hub.actions.workflow import do_act

        op = render.op_of(call.action.id)
        instance_id = str(call.card.context.get("instance_id", ""))
        if op is None or not instance_id:
            raise HubError("action_not_allowed")
        shown = int(call.card.context.get("version", 0))
        request_id = f"card.{call.card.id}.{call.card.version}.{op}"
        body = ActIn.model_validate({"op": op, "request_id": request_id, "version": shown, "opinion": call.comment,
                                     "target": "initiator" if op == "return" else None})
        inst = await do_act(self.hub, call.actor, instance_id, body, Origin(user_agent="card"), card=False)
        change = render.as_change(draw(await _spec_of(inst), inst), version=shown)
        task = asyncio.create_task(after_change(self.hub, PydanticObjectId(instance_id)))
        self._followups.add(task)
        task.add_done_callback(self._followups.discard)
        return HandlerResult(change=change)

    async def drain(self) -> None:
        """At shutdown, let follow-ups finish; one cut short is redone by the next sweep (the mark stays)."""
        if self._followups:
            await asyncio.wait(list(self._followups), timeout=5)


def _bucket(now: datetime, seconds: int) -> datetime:
    return datetime.fromtimestamp((int(now.timestamp()) // seconds + 1) * seconds, tz=now.tzinfo)


async def schedule_sweep(hub: Hub) -> None:
    """The next periodic sweep; its key names its time bucket, so every process schedules the same one."""
    seconds = max(1, int(hub.settings.outbox_sweep_seconds))
    if hub.settings.outbox_sweep_seconds <= 0:
        return
    due = _bucket(hub.clock.now(), seconds)
    await do_schedule_timer(hub, SWEEP_TIMER, f"{SWEEP_TIMER}:{int(due.timestamp())}", due)


async def sweep_fired(hub: Hub, timer: Timer) -> None:
    """Effects that failed but may pass, and process cards left behind, are retried without waiting for a restart."""
    del timer
    try:
        await sweep_outbox(hub)
        await sweep_process_cards(hub)
    finally:
        await schedule_sweep(hub)
