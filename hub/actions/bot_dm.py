"""Direct messages from a built-in bot (目标管理, 白银信息 …): each person once per message key."""

from __future__ import annotations

from beanie import PydanticObjectId

from hub.actions.bots import ensure_bot
from hub.actions.channels import do_get_or_create_direct
from hub.actions.messages import do_send_message
from hub.context import Hub
from hub.models import User


async def bot_user(key: str, name: str) -> User:
    """The bot's account, created on first use."""
    account = await ensure_bot(key, name, [])
    user = await User.get(account.user_id)
    assert user is not None
    return user


async def do_send_bot_dm(hub: Hub, bot: User, user_ids: list[str], text: str, key: str) -> None:
    """One direct message per person; the client_msg_id is key + person, so a re-run (a timer fired again after a
    crash, a retried decision) stores nothing new. Disabled accounts and bots are skipped."""
    for uid in dict.fromkeys(user_ids):
        user = await User.get(PydanticObjectId(uid))
        if user is None or user.disabled or user.is_bot:
            continue
        channel = await do_get_or_create_direct(hub, bot, uid)
        await do_send_message(hub, bot, channel, text, f"{key}-{uid}")
