"""The bot API (Bearer bot token) used by `python -m bots`, and the signed incoming-integration endpoint."""

from __future__ import annotations

from aiohttp import web

from hub import wire
from hub.actions import bots as bot_actions
from hub.actions.cards import do_post_card, do_update_card
from hub.actions.integrations import do_accept_push
from hub.actions.messages import do_send_message
from hub.cards import CardChange
from hub.models import BotAccount, User
from hub.views.base import EndpointTable, hub_of, origin_of, request_token

api = EndpointTable("bots")


async def _bot(request: web.Request) -> tuple[BotAccount, User]:
    return await bot_actions.authenticate_bot(request_token(request))


@api("POST", "/api/v1/bot/messages", "Bot: post a message to channels it is in, or to users directly",
     body=wire.BotMessageIn, response=wire.BotIdOut, auth=False)
async def post_message(request: web.Request, body: wire.BotMessageIn) -> wire.BotIdOut:
    _, user = await _bot(request)
    channels = await bot_actions.bot_channels(hub_of(request), user, body.channel_ids, body.user_ids)
    ids = [(await do_send_message(hub_of(request), user, ch, body.text, None))[0].id for ch in channels]
    return wire.BotIdOut(id=ids[0])


@api("POST", "/api/v1/bot/cards", "Bot: post a card", body=wire.BotCardIn, response=wire.BotIdOut, auth=False)
async def post_card(request: web.Request, body: wire.BotCardIn) -> wire.BotIdOut:
    account, user = await _bot(request)
    channels = await bot_actions.bot_channels(hub_of(request), user, body.channel_ids, body.user_ids)
    card = await do_post_card(hub_of(request), user, account.key, body.card, channels)
    return wire.BotIdOut(id=str(card.id), version=card.version)


@api("PATCH", "/api/v1/bot/cards/{card_id}", "Bot: update one of its own cards", body=CardChange,
     response=wire.BotIdOut, auth=False)
async def update_card(request: web.Request, body: CardChange) -> wire.BotIdOut:
    account, _ = await _bot(request)
    card = await do_update_card(hub_of(request), account.key, request.match_info["card_id"], body)
    return wire.BotIdOut(id=str(card.id), version=card.version)


@api("GET", "/api/v1/bot/storage/{key}", "Bot: read a value from its storage", response=wire.StorageValue,
     auth=False)
async def storage_get(request: web.Request) -> wire.StorageValue:
    account, _ = await _bot(request)
    return wire.StorageValue(value=await bot_actions.storage_get(account.key, request.match_info["key"]))


@api("PUT", "/api/v1/bot/storage/{key}", "Bot: write a value to its storage", body=wire.StorageValue, auth=False)
async def storage_set(request: web.Request, body: wire.StorageValue) -> None:
    account, _ = await _bot(request)
    await bot_actions.storage_set(account.key, request.match_info["key"], body.value)


@api("POST", "/api/v1/integrations/{key}/incoming",
     "Signed push from an external system: X-Xietong-Timestamp, X-Xietong-Signature", auth=False)
async def incoming(request: web.Request) -> web.Response:
    await do_accept_push(hub_of(request), request.match_info["key"], request.headers.get("X-Xietong-Timestamp"),
                         request.headers.get("X-Xietong-Signature"), await request.read(), origin_of(request))
    return web.json_response({"accepted": True}, status=202)
