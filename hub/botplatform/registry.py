"""Bots that ship with the hub, by key."""

from __future__ import annotations

from bots.poll import PollBot
from bots.protocol import Bot
from bots.webhook import WebhookBot

BUILTIN: dict[str, type[Bot]] = {PollBot.key: PollBot, WebhookBot.key: WebhookBot}


def builtin(key: str) -> Bot:
    if key not in BUILTIN:
        raise KeyError(f"no built-in bot {key!r}; known: {', '.join(sorted(BUILTIN))}")
    return BUILTIN[key]()
