"""Card handlers: whoever decides what a click does (a bot, the workflow engine) behind one interface."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from hub.cards import CardActionDef, CardChange
from hub.effects import Effect
from hub.errors import HubError
from hub.models import Card, User


@dataclass(frozen=True)
class ActionCall:
    """One click as a handler sees it: the card as it is now (inside the card's lock), the button as it is
    now, who pressed it, and for whom when a delegate acts (代理)."""

    card: Card
    action: CardActionDef
    actor: User
    on_behalf_of: User | None
    comment: str | None
    choice: str | None


@dataclass
class HandlerResult:
    """What the click changes on the card, and what must happen elsewhere once that change has committed."""

    change: CardChange
    effects: list[Effect] = field(default_factory=list)


class CardHandler(Protocol):
    """Computes a click's outcome without acting on anything outside the card.

    It may be called more than once for one click (when another change wins the compare-and-set, the click
    is recomputed on the new state); the hub stores the change once and applies the effects once, after
    the version compare-and-set succeeded, through the outbox. A refusal is a HubError.
    """

    async def on_action(self, call: ActionCall) -> HandlerResult:
        ...


class HandlerRegistry:
    """Owned by the Hub: handler key -> handler. A card names its handler (Card.handler_key); bots register
    under their bot key, the workflow engine under "workflow". Keys nobody registered in this process go
    to the fallback: a bot that runs in its own process, reached through a job."""

    def __init__(self) -> None:
        self._handlers: dict[str, CardHandler] = {}
        self.fallback: Callable[[str], CardHandler] | None = None

    def register(self, key: str, handler: CardHandler) -> None:
        self._handlers[key] = handler

    def unregister(self, key: str) -> None:
        self._handlers.pop(key, None)

    def get(self, key: str) -> CardHandler:
        handler = self._handlers.get(key)
        if handler is not None:
            return handler
        if self.fallback is None:
            raise HubError("bot_unavailable", detail=f"no handler {key}")
        return self.fallback(key)

    def keys(self) -> list[str]:
        return sorted(self._handlers)
