"""Slash commands: `/name args` in the composer goes to the bot that owns /name."""

from __future__ import annotations

from bots.protocol import CommandEvent, CommandSpec
from hub.actions.bots import invite_bot
from hub.actions.policy import check_texts
from hub.botplatform.host import actor
from hub.context import Hub
from hub.errors import HubError
from hub.models import BotAccount, Channel, User


async def list_commands() -> list[tuple[str, CommandSpec]]:
    """Every command of every bot, as (bot name, command)."""
    out = []
    for account in await BotAccount.find_all().sort("+key").to_list():
        out += [(account.name, spec) for spec in account.commands]
    return out


async def do_run_command(hub: Hub, user: User, channel: Channel, text: str) -> str | None:
    text = text.strip()
    if not text.startswith("/") or len(text) > 2000:
        raise HubError("invalid_request", detail="a command starts with /")
    check_texts(hub, [text])  # what the bot would post from it, refused before any bot sees it
    name, _, args = text[1:].partition(" ")
    owner = await BotAccount.find_one({"commands.name": name.lower()})
    if owner is None:
        raise HubError("unknown_command", detail=f"/{name}")
    await invite_bot(hub, owner, channel)
    event = CommandEvent(command=name.lower(), args=args.strip(), channel_id=str(channel.id), user=actor(user))
    return await hub.bots.run_command(owner.key, event)
