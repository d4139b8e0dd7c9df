"""The bot API for bots running inside the hub: the same calls the HTTP bot API makes, without the wire."""

from __future__ import annotations

from typing import Any

from hub.actions import bots as bot_actions
from hub.actions.cards import do_post_card, do_update_card
from hub.cards import CardChange, CardSpec
from hub.context import Hub
from hub.models import BotAccount, User


class LocalBotAPI:
    """Implements bots.protocol.BotAPI for one bot account."""

    def __init__(self, hub: Hub, account: BotAccount, user: User) -> None:
        self.hub = hub
        self.account = account
        self.user = user

    async def post_message(self, text: str, *, channel_id: str | None = None, user_id: str | None = None) -> str:
        from hub.actions.messages import do_send_message

        (channel,) = await bot_actions.bot_channels(self.hub, self.user, [channel_id] if channel_id else [],
                                                    [user_id] if user_id else [])
        message, _ = await do_send_message(self.hub, self.user, channel, text, None)
        return message.id

    async def post_card(self, spec: CardSpec, *, channel_ids: list[str] | None = None,
                        user_ids: list[str] | None = None) -> str:
        channels = await bot_actions.bot_channels(self.hub, self.user, channel_ids or [], user_ids or [])
        card = await do_post_card(self.hub, self.user, self.account.key, spec, channels)
        return str(card.id)

    async def update_card(self, card_id: str, change: CardChange) -> int:
        return (await do_update_card(self.hub, self.account.key, card_id, change)).version

    async def storage_get(self, key: str) -> Any:
        return await bot_actions.storage_get(self.account.key, key)

    async def storage_set(self, key: str, value: Any) -> None:
        await bot_actions.storage_set(self.account.key, key, value)
