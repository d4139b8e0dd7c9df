"""Effects a card handler asks for, and a bot API that records them instead of running them during a click."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from bson import ObjectId
from pydantic import BaseModel, Field, TypeAdapter

from bots.protocol import BotAPI, BotError
from hub.cards import CardChange, CardSpec


class PostMessageEffect(BaseModel):
    """A message from the bot to one channel it is in, or to one person directly (a DM)."""

    kind: Literal["post_message"] = "post_message"
    bot_key: str
    # Chosen when the bot asks, so the bot gets the id at once and a re-dispatch finds the same message.
    message_id: str = Field(pattern=r"^[0-9a-f]{24}$")
    text: str = Field(min_length=1, max_length=8000)
    channel_id: str | None = None
    user_id: str | None = None


class PostCardEffect(BaseModel):
    """A new card from the bot, in channels it is in and/or directly to people."""

    kind: Literal["post_card"] = "post_card"
    bot_key: str
    card_id: str = Field(pattern=r"^[0-9a-f]{24}$")
    spec: CardSpec
    channel_ids: list[str] = Field(default_factory=list, max_length=50)
    user_ids: list[str] = Field(default_factory=list, max_length=500)


class UpdateCardEffect(BaseModel):
    """A change to another of the bot's own cards (never the one being clicked: that is the change itself)."""

    kind: Literal["update_card"] = "update_card"
    bot_key: str
    card_id: str = Field(pattern=r"^[0-9a-f]{24}$")
    change: CardChange


Effect = Annotated[PostMessageEffect | PostCardEffect | UpdateCardEffect, Field(discriminator="kind")]
EFFECTS: TypeAdapter[list[Effect]] = TypeAdapter(list[Effect])
# One click may send a few notices, not a mailing: more is refused and the click changes nothing.
MAX_EFFECTS = 50


class EffectRecorder:
    """A BotAPI for the length of one card action.

    A handler may be called more than once per click (each compare-and-set that loses is recomputed on the
    new state), so what leaves the card is only recorded here; the hub applies it once, after the click
    committed. Ids are chosen now, so the bot gets them at once. update_card answers 0: the change is
    queued and takes effect once the click commits. Storage is the bot's own private state and goes
    straight through (a last-write-wins set repeated by a retry changes nothing).
    """

    def __init__(self, inner: BotAPI, bot_key: str) -> None:
        self.inner = inner
        self.bot_key = bot_key
        self.effects: list[Effect] = []

    async def accept(self, effect: Effect) -> None:
        """Refuse an effect that could never be applied, so the click fails while nothing has happened yet."""

    async def _record(self, effect: Effect) -> None:
        if len(self.effects) >= MAX_EFFECTS:
            raise BotError(f"一次操作最多发出 {MAX_EFFECTS} 条消息或卡片")
        await self.accept(effect)
        self.effects.append(effect)

    async def post_message(self, text: str, *, channel_id: str | None = None, user_id: str | None = None) -> str:
        effect = PostMessageEffect(bot_key=self.bot_key, message_id=str(ObjectId()), text=text,
                                   channel_id=channel_id, user_id=user_id)
        await self._record(effect)
        return effect.message_id

    async def post_card(self, spec: CardSpec, *, channel_ids: list[str] | None = None,
                        user_ids: list[str] | None = None) -> str:
        effect = PostCardEffect(bot_key=self.bot_key, card_id=str(ObjectId()), spec=spec,
                                channel_ids=channel_ids or [], user_ids=user_ids or [])
        await self._record(effect)
        return effect.card_id

    async def update_card(self, card_id: str, change: CardChange) -> int:
        await self._record(UpdateCardEffect(bot_key=self.bot_key, card_id=card_id, change=change))
        return 0

    async def storage_get(self, key: str) -> Any:
        return await self.inner.storage_get(key)

    async def storage_set(self, key: str, value: Any) -> None:
        await self.inner.storage_set(key, value)

    def dump(self) -> list[dict[str, Any]]:
        return [e.model_dump(mode="json") for e in self.effects]
