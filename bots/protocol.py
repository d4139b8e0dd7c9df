"""The bot protocol: the events a bot handles, and the API it uses to act. The same code runs in both modes."""

from __future__ import annotations

from typing import Any, ClassVar, Protocol

from pydantic import BaseModel, Field

from hub.cards import CardActionDef, CardChange, CardField, CardSpec, CardStatus


class Actor(BaseModel):
    id: str
    name: str
    # Set when a delegate acts for a leader (代理): the leader's id and name.
    on_behalf_of_id: str | None = None
    on_behalf_of_name: str | None = None


class CardState(BaseModel):
    """A card as its own bot sees it, private context included."""

    id: str
    kind: str
    title: str
    fields: list[CardField]
    body: str
    status: CardStatus
    version: int
    actions: list[CardActionDef]
    context: dict[str, Any]


class ActionEvent(BaseModel):
    card: CardState
    action_id: str
    actor: Actor
    comment: str | None = None
    choice: str | None = None


class CommandEvent(BaseModel):
    command: str
    args: str
    channel_id: str
    user: Actor


class MentionEvent(BaseModel):
    message_id: str
    channel_id: str
    content: str
    user: Actor


class IntegrationEvent(BaseModel):
    integration: str
    payload: Any


class CommandSpec(BaseModel):
    name: str = Field(pattern=r"^[a-z][a-z0-9_-]{0,31}$")
    description: str
    usage: str


class BotAPI(Protocol):
    """What a bot may do. Posting needs membership of the channel, or a direct conversation."""

    async def post_message(self, text: str, *, channel_id: str | None = None, user_id: str | None = None) -> str:
        ...

    async def post_card(self, spec: CardSpec, *, channel_ids: list[str] | None = None,
                        user_ids: list[str] | None = None) -> str:
        ...

    async def update_card(self, card_id: str, change: CardChange) -> int:
        ...

    async def storage_get(self, key: str) -> Any:
        ...

    async def storage_set(self, key: str, value: Any) -> None:
        ...


class Bot:
    """Base class for bots: override what you handle. One folder per bot under bots/."""

    key: ClassVar[str]
    name: ClassVar[str]
    commands: ClassVar[list[CommandSpec]] = []

    async def on_action(self, api: BotAPI, event: ActionEvent) -> CardChange:
        raise NotImplementedError(f"{self.key} has no card actions")

    async def on_command(self, api: BotAPI, event: CommandEvent) -> str | None:
        raise NotImplementedError(f"{self.key} has no commands")

    async def on_mention(self, api: BotAPI, event: MentionEvent) -> None:
        return None

    async def on_integration(self, api: BotAPI, event: IntegrationEvent) -> None:
        raise NotImplementedError(f"{self.key} takes no integrations")


class BotError(Exception):
    """A bot's refusal with a message for the person who asked (e.g. a malformed command)."""
