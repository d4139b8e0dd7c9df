"""A bot as a card handler: its on_action computes the change; what it posts meanwhile becomes effects."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from beanie import PydanticObjectId
from pydantic import ValidationError

from bots.protocol import ActionEvent, Actor, CardState
from hub.access import parse_id
from hub.actions.channels import check_users
from hub.cards import CardChange
from hub.classification import check_unclassified
from hub.context import Hub
from hub.effects import (
    EFFECTS,
    MAX_EFFECTS,
    Effect,
    EffectRecorder,
    PostCardEffect,
    PostMessageEffect,
    UpdateCardEffect,
)
from hub.errors import HubError
from hub.handlers import ActionCall, HandlerResult
from hub.models import Card, Message, Subscription, User

if TYPE_CHECKING:
    from hub.botplatform.host import BotHost
    from hub.botplatform.local_api import LocalBotAPI


def actor(user: User, on_behalf_of: User | None = None) -> Actor:
    return Actor(id=str(user.id), name=user.name, on_behalf_of_id=str(on_behalf_of.id) if on_behalf_of else None,
                 on_behalf_of_name=on_behalf_of.name if on_behalf_of else None)


async def _check_channels(bot_user: User, channel_ids: list[str]) -> None:
    for raw in channel_ids:
        if await Subscription.find_one(Subscription.channel_id == parse_id(raw),
                                       Subscription.user_id == bot_user.id) is None:
            raise HubError("not_member")


async def check_effect(hub: Hub, bot_user: User, effect: Effect) -> None:
    """What the bot API would refuse at once is refused when the effect is asked for: the click then fails
    and changes nothing. Applying re-checks everything on the state of that moment."""
    from hub.actions.cards import check_spec_content
    from hub.actions.messages import check_content

    if isinstance(effect, PostMessageEffect):
        if (effect.channel_id is None) == (effect.user_id is None):
            raise HubError("invalid_request", detail="name one channel or one user")
        check_content(hub, effect.text)
        await _check_channels(bot_user, [effect.channel_id] if effect.channel_id else [])
        await check_users([effect.user_id] if effect.user_id else [])
        if await Message.get(PydanticObjectId(effect.message_id)) is not None:
            raise HubError("conflict", detail="message id taken")
    elif isinstance(effect, PostCardEffect):
        if not effect.channel_ids and not effect.user_ids:
            raise HubError("invalid_request", detail="name at least one channel or user")
        check_spec_content(effect.spec)
        check_unclassified([effect.spec.fallback_text])
        await _check_channels(bot_user, effect.channel_ids)
        await check_users(effect.user_ids)
        if await Card.get(PydanticObjectId(effect.card_id)) is not None:
            raise HubError("conflict", detail="card id taken")
    elif isinstance(effect, UpdateCardEffect):
        target = await Card.get(PydanticObjectId(effect.card_id))
        if target is None:
            raise HubError("not_found")
        if target.bot != effect.bot_key:
            raise HubError("forbidden", detail="a bot may only update its own cards")
        check_spec_content(effect.change)


class CheckedRecorder(EffectRecorder):
    """The in-process bot's API during a click: effects are checked as the bot asks for them."""

    def __init__(self, hub: Hub, inner: LocalBotAPI) -> None:
        super().__init__(inner, inner.account.key)
        self.hub = hub
        self.user = inner.user

    async def accept(self, effect: Effect) -> None:
        await check_effect(self.hub, self.user, effect)


class BotCardHandler:
    """hub.handlers.CardHandler for one bot, in this process or in its own (through a job)."""

    def __init__(self, host: BotHost, key: str) -> None:
        self.host = host
        self.key = key

    async def on_action(self, call: ActionCall) -> HandlerResult:
        card = call.card
        state = CardState(id=str(card.id), kind=card.kind, title=card.title, fields=card.fields, body=card.body,
                          status=card.status, version=card.version, actions=card.actions, context=card.context)
        event = ActionEvent(card=state, action_id=call.action.id, actor=actor(call.actor, call.on_behalf_of),
                            comment=call.comment, choice=call.choice)
        raw = await self.host.call_action(self.key, event)
        return await self._result(raw)

    async def _result(self, raw: Any) -> HandlerResult:
        if isinstance(raw, HandlerResult):
            return raw
        try:
            if isinstance(raw, dict) and set(raw) == {"change", "effects"}:
                # A bot in its own process records its effects the same way (bots/remote.py) and sends them
                # back with the change; ids were chosen there, the bot key is the one it authenticated as.
                listed = raw["effects"]
                if not isinstance(listed, list) or len(listed) > MAX_EFFECTS \
                        or not all(isinstance(e, dict) for e in listed):
                    raise HubError("bot_failed", detail="malformed effects")
                effects = EFFECTS.validate_python([{**e, "bot_key": self.key} for e in listed])
                change = CardChange.model_validate(raw["change"])
            else:
                # An older bot process answers with the change alone.
                effects, change = [], CardChange.model_validate(raw)
        except ValidationError as exc:
            raise HubError("bot_failed", detail=f"malformed answer: {exc.errors()[0]['msg']}") from None
        bot_user = await self.host.bot_user(self.key)
        for effect in effects:
            await check_effect(self.host.hub, bot_user, effect)
        return HandlerResult(change=change, effects=effects)
