"""Incoming pushes become messages or decision cards; a decision button settles the card once."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, Field, ValidationError

from bots.protocol import ActionEvent, Bot, BotAPI, BotError, IntegrationEvent
from hub.cards import CardChange, CardSpec, CardStatus


class Push(BaseModel):
    """What an integration sends: text, or a card whose buttons each settle it to an outcome."""

    channel_ids: list[str] = Field(default_factory=list, max_length=50)
    user_ids: list[str] = Field(default_factory=list, max_length=500)
    text: str | None = Field(default=None, max_length=8000)
    card: CardSpec | None = None
    outcomes: dict[str, CardStatus] = Field(default_factory=dict)


def decided(event: ActionEvent) -> CardChange:
    outcome = event.card.context.get("outcomes", {}).get(event.action_id)
    if outcome is None:
        raise BotError("未知操作")
    label = next((a.label for a in event.card.actions if a.id == event.action_id), event.action_id)
    note = f"：{event.comment}" if event.comment else ""
    return CardChange(status=CardStatus.model_validate(outcome), actions=[], timeline=f"{label}{note}",
                      reply=f"已{label}")


class WebhookBot(Bot):
    key: ClassVar[str] = "webhook"
    name: ClassVar[str] = "通知助手"

    async def on_integration(self, api: BotAPI, event: IntegrationEvent) -> None:
        try:
            push = Push.model_validate(event.payload)
        except ValidationError as exc:
            raise BotError(f"推送格式不正确：{exc.errors()[0]['msg']}") from None
        if push.card is not None:
            context: dict[str, Any] = {**push.card.context,
                                       "outcomes": {k: v.model_dump() for k, v in push.outcomes.items()},
                                       "integration": event.integration}
            await api.post_card(push.card.model_copy(update={"context": context}),
                                channel_ids=push.channel_ids, user_ids=push.user_ids)
        elif push.text:
            for channel_id in push.channel_ids:
                await api.post_message(push.text, channel_id=channel_id)
            for user_id in push.user_ids:
                await api.post_message(push.text, user_id=user_id)
        else:
            raise BotError("推送需要 text 或 card")

    async def on_action(self, api: BotAPI, event: ActionEvent) -> CardChange:
        return decided(event)
