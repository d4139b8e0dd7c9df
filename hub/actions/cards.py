"""Cards: posting, bot updates, and acting on them with buttons, once per request and one winner per version."""

from __future__ import annotations

import asyncio
from typing import Any

from beanie import PydanticObjectId
from beanie.operators import In
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub import cards as c
from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.cards import CardContent
from hub.classification import check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.events import CardActions, CardUpdated
from hub.lib.timeutil import BEIJING, utcnow
from hub.models import ActionRequest, Card, Channel, Message, Subscription, User
from hub.models.cards import TimelineEntry
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


def check_spec_content(spec: c.CardSpec | c.CardChange) -> None:
    texts = [spec.title, spec.body, spec.fallback_text, getattr(spec, "timeline", None)]
    texts += [f"{f.label} {f.value}" for f in spec.fields or []]
    check_unclassified(texts)


async def broadcast_card(hub: Hub, card: Card) -> None:
    """Everyone sees the new state; people with buttons of their own hear which, on their own room.

    The messages carrying the card take the channel's next revision, so a client that was away gets the
    new card from catch-up (sync) like any edit.
    """
    from hub.actions.messages import next_rev

    for channel_id in card.channel_ids:
        await Message.get_pymongo_collection().update_one(
            {"channel_id": channel_id, "card_id": card.id}, {"$set": {"rev": await next_rev(channel_id)}})
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
        candidates |= await holders(action.rule)
    if not candidates:
        return
    viewers = await Subscription.find(In(Subscription.channel_id, card.channel_ids),
                                      In(Subscription.user_id, list(candidates))).to_list()
    users = await User.find(In(User.id, list({s.user_id for s in viewers}))).to_list()
    for user in users:
        mine = await actions_for(user, card)
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


async def store_change(card: Card, change: c.CardChange, entry: TimelineEntry | None) -> Card | None:
    """Compare-and-set on the version: None if someone else changed the card first."""
    doc = await Card.get_pymongo_collection().find_one_and_update(
        {"_id": card.id, "version": card.version}, {"$set": apply_change(card, change, entry)},
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
        return await _earlier_result(hub, user, request_id)
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


async def _earlier_result(hub: Hub, user: User, request_id: str) -> dict[str, Any]:
    # The first attempt may still be running; it ends within the bot timeout.
    deadline = asyncio.get_running_loop().time() + hub.settings.bot_timeout_seconds + 2
    while True:
        earlier = await ActionRequest.find_one(ActionRequest.user_id == user.id, ActionRequest.request_id == request_id)
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
        raise _stale_error(card, await actions_for(user, card))
    grant = await may_act(user, action.rule) if action else Grant(False)
    if action is None or not grant.allowed:
        raise HubError("action_not_allowed")
    comment, choice = _check_input(action, comment, choice)
    async with hub.lock(f"card:{card.id}"):
        for _ in range(_MAX_RETRIES):
            current = await Card.get(card.id)
            if current is None:
                raise HubError("not_found")
            if action.exclusive and current.version != seen_version:
                raise _stale_error(current, await actions_for(user, current))
            if not any(a.id == action_id for a in current.actions):
                raise _stale_error(current, await actions_for(user, current))
            change = await hub.bots.run_action(current, action_id, user, grant.on_behalf_of, comment, choice)
            check_spec_content(change)
            entry = None
            if change.timeline or action.exclusive:
                text = change.timeline or action.label + (f"：{comment}" if comment else "")
                entry = TimelineEntry(at=utcnow(), actor_id=user.id, actor_name=user.name, action_id=action_id,
                                      on_behalf_of_name=grant.on_behalf_of.name if grant.on_behalf_of else None,
                                      text=text)
            updated = await store_change(current, change, entry)
            if updated is not None:
                break
            if action.exclusive:
                latest = await Card.get(card.id)
                assert latest is not None
                raise _stale_error(latest, await actions_for(user, latest))
        else:
            raise HubError("conflict", detail="the card changed too often; try again")
    await do_audit(hub, "card.action", actor=user, on_behalf_of=grant.on_behalf_of, object_type="card",
                   object_id=card.id, origin=origin,
                   detail={"action": action_id, "version": updated.version, "has_comment": comment is not None})
    await broadcast_card(hub, updated)
    return {"card": card_view(updated, await actions_for(user, updated)).model_dump(mode="json"),
            "reply": change.reply}


async def do_post_card(hub: Hub, bot_user: User, bot_key: str, spec: c.CardSpec,
                       channels: list[Channel]) -> Card:
    """Store the card, then a message carrying it in each channel (the bot must already be a member)."""
    from hub.actions.messages import do_send_message

    check_spec_content(spec)
    fallback = spec.fallback_text or f"【{spec.title}】{spec.status.label}"
    content = CardContent.model_validate(spec.model_dump(include=set(CardContent.model_fields)))
    card = Card(**dict(content), bot=bot_key, bot_name=bot_user.name, actions=spec.actions, context=spec.context,
                fallback_text=fallback, channel_ids=[ch.id for ch in channels if ch.id is not None])
    await card.insert()
    for channel in channels:
        await do_send_message(hub, bot_user, channel, fallback, f"card-{card.id}-{channel.id}", card=card)
    await _send_personal_actions(hub, card)
    return card


async def do_update_card(hub: Hub, bot_key: str, card_id: str, change: c.CardChange) -> Card:
    """A bot changes its own card outside of a click; other bots' cards are refused."""
    card = await Card.get(parse_id(card_id))
    if card is None:
        raise HubError("not_found")
    if card.bot != bot_key:
        raise HubError("forbidden", detail="a bot may only update its own cards")
    check_spec_content(change)
    async with hub.lock(f"card:{card.id}"):
        for _ in range(_MAX_RETRIES):
            current = await Card.get(card.id)
            assert current is not None
            entry = TimelineEntry(at=utcnow(), actor_name=bot_key, text=change.timeline) if change.timeline else None
            updated = await store_change(current, change, entry)
            if updated is not None:
                await broadcast_card(hub, updated)
                return updated
    raise HubError("conflict", detail="the card changed too often; try again")
