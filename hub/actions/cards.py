"""Cards: posting, bot updates, and acting on them with buttons, once per request and one winner per version."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from beanie import PydanticObjectId
from beanie.operators import In
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub import cards as c
from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.actions.card_texts import card_texts
from hub.actions.outbox import push_update, release, stage
from hub.cards import CardContent
from hub.classification import ClassificationRules, check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.events import CardActions, CardUpdated
from hub.handlers import ActionCall
from hub.lib.timeutil import BEIJING, utcnow
from hub.models import ActionRequest, Card, Channel, Message, Subscription, User
from hub.models.cards import TimelineEntry
from hub.models.outbox import OutboxItem
from hub.permissions import Grant, actions_for, holders, may_act
from hub.present import action_out, actor_label, card_view
from hub.realtime.bus import channel_room, user_room

_MAX_RETRIES = 50


async def access_card(user: User, card_id: object) -> Card:
    card = await Card.get(parse_id(card_id))
    if card is None or not card.channel_ids:
        raise HubError("not_found")
    seen = await Subscription.find_one(Subscription.user_id == user.id, In(Subscription.channel_id, card.channel_ids))
    if seen is None:
        raise HubError("not_found")
    return card


def check_spec_content(spec: c.CardSpec | c.CardChange, rules: ClassificationRules | None = None) -> None:
    """Every text a card carries: title, body, fields, kind, status, buttons, inputs, attachment names."""
    check_unclassified(card_texts(spec), rules)


async def broadcast_card(hub: Hub, card: Card) -> None:
    """Everyone sees the new state; people with buttons of their own hear which, on their own room.

    The messages carrying the card take the channel's next revision, so a client that was away gets the
    new card from catch-up (sync) like any edit.
    """
    from hub.actions.messages import next_rev

    # Found by card alone (the card_messages index), then written by id: a filter on the channel as well
    # made SecantusDB scan every message in the store.
    messages = Message.get_pymongo_collection()
    carrying = await messages.find({"card_id": card.id}, projection={"channel_id": 1}).to_list()
    for doc in carrying:
        if doc["channel_id"] in card.channel_ids:
            await messages.update_one({"_id": doc["_id"]}, {"$set": {"rev": await next_rev(doc["channel_id"])}})
    public = [a for a in card.actions if a.rule.anyone]
    rooms = [channel_room(cid) for cid in card.channel_ids]
    if rooms:
        await hub.realtime.emit(rooms, CardUpdated(card=card_view(card, public)))
    await _send_personal_actions(hub, card)


async def _send_personal_actions(hub: Hub, card: Card) -> None:
    narrow = [a for a in card.actions if not a.rule.anyone]
    if not narrow:
        return
    candidates: set[PydanticObjectId] = set()
    for action in narrow:
        candidates |= await holders(action.rule, now=hub.clock.now())
    if not candidates:
        return
    viewers = await Subscription.find(In(Subscription.channel_id, card.channel_ids),
                                      In(Subscription.user_id, list(candidates))).to_list()
    users = await User.find(In(User.id, list({s.user_id for s in viewers}))).to_list()
    for user in users:
        mine = await actions_for(user, card, now=hub.clock.now())
        if any(not a.rule.anyone for a in mine):
            event = CardActions(card_id=str(card.id), version=card.version, actions=[action_out(a) for a in mine])
            await hub.realtime.emit(user_room(user.id), event)


def _stale_error(card: Card, viewer_actions: list[c.CardActionDef]) -> HubError:
    last = card.timeline[-1] if card.timeline else None
    if last is not None:
        when = last.at.astimezone(BEIJING).strftime("%H:%M")
        detail = f"已由 {actor_label(last)} 于 {when} 处理：{last.text}"
        detail_en = f"Already handled by {actor_label(last)} at {when}: {last.text}"
    else:
        detail = f"卡片已更新到第 {card.version} 版"
        detail_en = f"The card is now at version {card.version}"
    return HubError("stale_card", detail=detail, detail_en=detail_en,
                    card=card_view(card, viewer_actions).model_dump(mode="json"))


def _check_input(action: c.CardActionDef, comment: str | None, choice: str | None) -> tuple[str | None, str | None]:
    comment = (comment or "").strip() or None
    if comment is not None and len(comment) > 1000:
        raise HubError("invalid_request", detail="comment: at most 1000 characters")
    if action.input.kind == "comment" and action.input.required and comment is None:
        raise HubError("invalid_request", detail="comment required")
    if action.input.kind == "choice":
        if choice is None and action.input.required:
            raise HubError("invalid_request", detail="choice required")
        if choice is not None and choice not in action.input.options:
            raise HubError("invalid_request", detail="choice: not one of the options")
    elif choice is not None:
        raise HubError("invalid_request", detail="this action takes no choice")
    check_unclassified([comment])
    return comment, choice


def apply_change(card: Card, change: c.CardChange, entry: TimelineEntry | None) -> dict[str, Any]:
    """The $set document for a change; the caller guards it with the version it was computed from."""
    doc: dict[str, Any] = {"version": card.version + 1, "updated_at": utcnow()}
    for name in ("title", "body", "fallback_text", "context"):
        value = getattr(change, name)
        if value is not None:
            doc[name] = value
    for name in ("fields", "status", "actions"):
        value = getattr(change, name)
        if value is not None:
            doc[name] = [v.model_dump() for v in value] if isinstance(value, list) else value.model_dump()
    if entry is not None:
        doc["timeline"] = [t.model_dump() for t in [*card.timeline, entry]]
    return doc


async def store_change(card: Card, change: c.CardChange, entry: TimelineEntry | None, *,
                       outbox: Sequence[OutboxItem] = (), effect_key: str | None = None) -> Card | None:
    """Compare-and-set on the version: None if someone else changed the card first.

    The outbox items commit in the same single-document update as the change. effect_key (an outbox key)
    is recorded on the card, and the update refused once it is there, so a re-dispatched update applies once.
    """
    query: dict[str, Any] = {"_id": card.id, "version": card.version}
    update: dict[str, Any] = {"$set": apply_change(card, change, entry), **push_update(outbox)}
    if effect_key is not None:
        query["effect_keys"] = {"$ne": effect_key}
        update.setdefault("$push", {})["effect_keys"] = {"$each": [effect_key], "$slice": -50}
    doc = await Card.get_pymongo_collection().find_one_and_update(query, update,
                                                                  return_document=ReturnDocument.AFTER)
    return Card.model_validate(doc) if doc else None


async def do_card_action(hub: Hub, user: User, card_id: str, action_id: str, seen_version: int, request_id: str,
                         comment: str | None, choice: str | None, origin: Origin) -> dict[str, Any]:
    """Act once per request id: a retry returns the stored result, success or failure alike."""
    card = await access_card(user, card_id)
    assert user.id is not None and card.id is not None
    claim = ActionRequest(user_id=user.id, request_id=request_id, card_id=card.id, action_id=action_id)
    try:
        await claim.insert()
    except DuplicateKeyError:
        return await _earlier_result(hub, user, request_id, card.id, action_id)
    try:
        result: dict[str, Any] = {"ok": True, "data": await _act(hub, user, card, action_id, seen_version,
                                                                  comment, choice, origin)}
    except HubError as exc:
        result = {"ok": False, "error": exc.to_dict()}
        await do_audit(hub, "card.action", actor=user, object_type="card", object_id=card.id, outcome=exc.code,
                       detail={"action": action_id, "version": seen_version}, origin=origin)
    await ActionRequest.get_pymongo_collection().update_one({"_id": claim.id},
                                                            {"$set": {"done": True, "result": result}})
    return result


async def _earlier_result(hub: Hub, user: User, request_id: str, card_id: PydanticObjectId,
                          action_id: str) -> dict[str, Any]:
    """A request id names one click: (user, card, action). Reused for another card or button, it is refused
    rather than answered with the other click's result (or silently acted on twice)."""
    # The first attempt may still be running; it ends within the bot timeout.
    deadline = asyncio.get_running_loop().time() + hub.settings.bot_timeout_seconds + 2
    while True:
        earlier = await ActionRequest.find_one(ActionRequest.user_id == user.id, ActionRequest.request_id == request_id)
        if earlier is not None and (earlier.card_id, earlier.action_id) != (card_id, action_id):
            raise HubError("request_id_reused", request_id=request_id)
        if earlier is not None and earlier.done and earlier.result is not None:
            return earlier.result
        if asyncio.get_running_loop().time() > deadline:
            raise HubError("request_in_progress")
        await asyncio.sleep(0.05)


async def _act(hub: Hub, user: User, card: Card, action_id: str, seen_version: int, comment: str | None,
               choice: str | None, origin: Origin) -> dict[str, Any]:
    action = next((a for a in card.actions if a.id == action_id), None)
    if action is None and seen_version < card.version:
        # The button was there on the version they saw: tell them what happened since.
        raise _stale_error(card, await actions_for(user, card, now=hub.clock.now()))
    # A first answer on the card as loaded, so a plainly forbidden click never waits for the lock; the
    # decisive checks are repeated below on the state the compare-and-set is applied to.
    grant = await may_act(user, action.rule, now=hub.clock.now()) if action else Grant(False)
    if action is None or not grant.allowed:
        raise HubError("action_not_allowed")
    _check_input(action, comment, choice)
    handler = hub.handlers.get(card.handler_key)
    async with hub.lock(f"card:{card.id}"):
        for _ in range(_MAX_RETRIES):
            current = await Card.get(card.id)
            if current is None:
                raise HubError("not_found")
            action = next((a for a in current.actions if a.id == action_id), None)
            if action is None or (action.exclusive and current.version != seen_version):
                raise _stale_error(current, await actions_for(user, current, now=hub.clock.now()))
            # The button's rule and the delegations as they are now: the card may have moved on to someone
            # else since it was loaded above, or since the previous attempt.
            grant = await may_act(user, action.rule, now=hub.clock.now())
            if not grant.allowed:
                raise HubError("action_not_allowed")
            comment, choice = _check_input(action, comment, choice)
            result = await handler.on_action(ActionCall(card=current, action=action, actor=user,
                                                        on_behalf_of=grant.on_behalf_of, comment=comment,
                                                        choice=choice))
            change = result.change
            check_spec_content(change, hub.classification)
            entry = None
            if change.timeline or action.exclusive:
                text = change.timeline or action.label + (f"：{comment}" if comment else "")
                entry = TimelineEntry(at=hub.clock.now(), actor_id=user.id, actor_name=user.name, action_id=action_id,
                                      on_behalf_of_name=grant.on_behalf_of.name if grant.on_behalf_of else None,
                                      text=text)
            # Effects are only staged here; they leave once, after this compare-and-set has won.
            items = stage(f"card:{current.id}:{current.version + 1}", result.effects)
            updated = await store_change(current, change, entry, outbox=items)
            if updated is not None:
                break
            if action.exclusive:
                latest = await Card.get(card.id)
                assert latest is not None
                raise _stale_error(latest, await actions_for(user, latest, now=hub.clock.now()))
        else:
            raise HubError("conflict", detail="the card changed too often; try again")
    await do_audit(hub, "card.action", actor=user, on_behalf_of=grant.on_behalf_of, object_type="card",
                   object_id=card.id, origin=origin,
                   detail={"action": action_id, "version": updated.version, "has_comment": comment is not None})
    try:
        await broadcast_card(hub, updated)
    finally:
        # Everything the card carries as committed: this click's effects, and any a crashed process left.
        await release(hub, Card, updated.id, updated.outbox)
    view = card_view(updated, await actions_for(user, updated, now=hub.clock.now()))
    return {"card": view.model_dump(mode="json"),
            "reply": change.reply}


async def do_post_card(hub: Hub, bot_user: User, bot_key: str, spec: c.CardSpec,
                       channels: list[Channel], *, card_id: PydanticObjectId | None = None,
                       handler: str | None = None) -> Card:
    """Store the card, then a message carrying it in each channel (the bot must already be a member).

    With a card_id chosen beforehand (an outbox effect) posting again finishes what the first try began.
    handler: the key of the CardHandler that decides its clicks (hub.handlers), when not the bot itself.

    Everything that can refuse the card is checked before it is stored: a refused card never exists."""
    from hub.actions.messages import check_content, do_send_message

    check_spec_content(spec, hub.classification)
    fallback = spec.fallback_text or f"【{spec.title}】{spec.status.label}"
    check_content(hub, fallback)
    content = CardContent.model_validate(spec.model_dump(include=set(CardContent.model_fields)))
    card = Card(**dict(content), bot=bot_key, bot_name=bot_user.name, actions=spec.actions, context=spec.context,
                fallback_text=fallback, channel_ids=[ch.id for ch in channels if ch.id is not None], handler=handler,
                created_at=hub.clock.now(), updated_at=hub.clock.now())
    if card_id is not None:
        card.id = card_id
    try:
        await card.insert()
    except DuplicateKeyError:
        existing = await Card.get(card.id) if card_id is not None else None
        if existing is None or existing.bot != bot_key:
            raise HubError("conflict", detail="card id taken") from None
        card = existing
    for channel in channels:
        await do_send_message(hub, bot_user, channel, fallback, f"card-{card.id}-{channel.id}", card=card)
    await _send_personal_actions(hub, card)
    return card


async def do_update_card(hub: Hub, bot_key: str, card_id: str, change: c.CardChange, *,
                         effect_key: str | None = None) -> Card:
    """A bot changes its own card outside of a click; other bots' cards are refused.

    effect_key: the outbox key of this update; an update already applied under it is not applied again."""
    card = await Card.get(parse_id(card_id))
    if card is None:
        raise HubError("not_found")
    if card.bot != bot_key:
        raise HubError("forbidden", detail="a bot may only update its own cards")
    check_spec_content(change, hub.classification)
    async with hub.lock(f"card:{card.id}"):
        for _ in range(_MAX_RETRIES):
            current = await Card.get(card.id)
            assert current is not None
            if effect_key is not None and effect_key in current.effect_keys:
                return current
            entry = TimelineEntry(at=hub.clock.now(), actor_name=bot_key,
                                  text=change.timeline) if change.timeline else None
            updated = await store_change(current, change, entry, effect_key=effect_key)
            if updated is not None:
                await broadcast_card(hub, updated)
                return updated
    raise HubError("conflict", detail="the card changed too often; try again")
