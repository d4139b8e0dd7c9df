"""Bot accounts, their tokens, their storage, and what they post."""

from __future__ import annotations

import hashlib
from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from bots.protocol import CommandSpec
from hub.access import parse_id
from hub.actions.audit import do_audit
from hub.actions.channels import do_get_or_create_direct, subscribe
from hub.context import Hub
from hub.errors import HubError
from hub.lib.pinyin import search_keys
from hub.lib.security import hash_token, new_token
from hub.lib.timeutil import utcnow
from hub.models import BotAccount, BotToken, BotValue, Channel, Subscription, User


def _stable_id(kind: str, key: str) -> PydanticObjectId:
    return PydanticObjectId(hashlib.sha256(f"xietong-bot:{kind}:{key}".encode()).digest()[:12])


async def ensure_bot(key: str, name: str, commands: list[CommandSpec]) -> BotAccount:
    """The account of a bot (idempotent): a user that cannot log in with a password."""
    account = await BotAccount.find_one(BotAccount.key == key)
    if account is None:
        full, initials = search_keys(name)
        user = User(id=_stable_id("user", key), username=f"bot.{key}", name=name, pinyin=full, initials=initials,
                    roles=["staff"], is_bot=True)
        try:
            await user.insert()
        except DuplicateKeyError:
            pass
        account = BotAccount(id=_stable_id("account", key), key=key, user_id=user.id, name=name,
                             commands=commands)
        try:
            await account.insert()
        except DuplicateKeyError:
            account = await BotAccount.find_one(BotAccount.key == key)
            assert account is not None
    if [c.model_dump() for c in account.commands] != [c.model_dump() for c in commands]:
        await BotAccount.get_pymongo_collection().update_one(
            {"_id": account.id}, {"$set": {"commands": [c.model_dump() for c in commands]}})
        account.commands = commands
    return account


async def do_issue_bot_token(hub: Hub, admin: User | None, key: str) -> str:
    """A new token for a bot process; shown once, kept only as a hash."""
    if await BotAccount.find_one(BotAccount.key == key) is None:
        raise HubError("not_found", detail=f"bot {key}")
    token = "xtb_" + new_token()
    await BotToken(bot_key=key, token_hash=hash_token(token)).insert()
    await do_audit(hub, "bot.token_issued", actor=admin, object_type="bot", object_id=key)
    return token


async def do_revoke_bot_tokens(hub: Hub, admin: User | None, key: str) -> int:
    result = await BotToken.get_pymongo_collection().update_many(
        {"bot_key": key, "revoked_at": None}, {"$set": {"revoked_at": hub.clock.now()}})
    await do_audit(hub, "bot.tokens_revoked", actor=admin, object_type="bot", object_id=key,
                   detail={"count": result.modified_count})
    return int(result.modified_count)


async def authenticate_bot(token: str | None) -> tuple[BotAccount, User]:
    if not token or not token.startswith("xtb_") or len(token) > 200:
        raise HubError("unauthenticated")
    record = await BotToken.find_one(BotToken.token_hash == hash_token(token))
    if record is None or record.revoked_at is not None:
        raise HubError("unauthenticated")
    account = await BotAccount.find_one(BotAccount.key == record.bot_key)
    user = await User.get(account.user_id) if account else None
    if account is None or user is None or user.disabled:
        raise HubError("unauthenticated")
    return account, user


async def bot_channels(hub: Hub, bot_user: User, channel_ids: list[str], user_ids: list[str]) -> list[Channel]:
    """Where a bot may post: channels it is a member of, and direct conversations with named users."""
    channels: list[Channel] = []
    for raw in channel_ids:
        cid = parse_id(raw)
        if await Subscription.find_one(Subscription.channel_id == cid, Subscription.user_id == bot_user.id) is None:
            raise HubError("not_member")
        channel = await Channel.get(cid)
        if channel is None:
            raise HubError("not_found")
        channels.append(channel)
    for raw in user_ids:
        channels.append(await do_get_or_create_direct(hub, bot_user, raw))
    if not channels:
        raise HubError("invalid_request", detail="name at least one channel or user")
    return channels


async def invite_bot(hub: Hub, account: BotAccount, channel: Channel) -> None:
    """Using a bot's command in a channel brings the bot in, visibly, like adding a group bot."""
    if channel.kind == "direct":
        raise HubError("forbidden", detail="commands are not available in direct conversations")
    await subscribe(hub, channel, [account.user_id])


async def storage_get(bot_key: str, key: str) -> Any:
    entry = await BotValue.find_one(BotValue.bot_key == bot_key, BotValue.key == key)
    return entry.value if entry else None


async def storage_set(bot_key: str, key: str, value: Any) -> None:
    if len(key) > 200:
        raise HubError("invalid_request", detail="storage key too long")
    await BotValue.get_pymongo_collection().update_one(
        {"bot_key": bot_key, "key": key}, {"$set": {"value": value, "updated_at": utcnow()}}, upsert=True)
