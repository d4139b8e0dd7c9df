"""Everyday messaging habits: forwarding, reactions, read receipts."""

from __future__ import annotations

from aiohttp import web
from pydantic import BaseModel

from hub import wire
from hub.access import access_channel, access_message
from hub.actions.reactions import do_react
from hub.actions.receipts import message_reads, read_positions
from hub.actions.replies import do_forward
from hub.views.base import EndpointTable, current, hub_of

api = EndpointTable("habits")


class ChatSettingsOut(BaseModel):
    """What the client needs to offer the same limits the hub enforces."""

    recall_window_seconds: int
    message_max_chars: int


@api("GET", "/api/v1/chat/settings", "Messaging limits: the recall (撤回) window, the longest message",
     response=ChatSettingsOut)
async def chat_settings(request: web.Request) -> ChatSettingsOut:
    settings = hub_of(request).settings
    return ChatSettingsOut(recall_window_seconds=settings.recall_window_seconds,
                           message_max_chars=settings.message_max_chars)


@api("POST", "/api/v1/messages/forward", "Forward messages you can read to a conversation you are in",
     body=wire.ForwardIn, response=wire.ForwardOut)
async def forward(request: web.Request, body: wire.ForwardIn) -> wire.ForwardOut:
    user, _ = current(request)
    return await do_forward(hub_of(request), user, body)


@api("POST", "/api/v1/messages/{message_id}/reactions", "Set or clear your reaction (👍 ✅ 😄 🙏 👏 ❤️)",
     body=wire.ReactionIn, response=wire.MessageOut)
async def react(request: web.Request, body: wire.ReactionIn) -> wire.MessageOut:
    user, _ = current(request)
    message, channel, _ = await access_message(user, request.match_info["message_id"])
    return await do_react(hub_of(request), user, message, channel, body)


@api("GET", "/api/v1/channels/{channel_id}/read-positions", "How far each member has read (read receipts)",
     response=wire.ReadPositionsOut)
async def positions(request: web.Request) -> wire.ReadPositionsOut:
    channel, _ = await access_channel(current(request)[0], request.match_info["channel_id"])
    return await read_positions(channel)


@api("GET", "/api/v1/messages/{message_id}/reads", "Who has read a message and who has not",
     response=wire.MessageReadsOut)
async def reads(request: web.Request) -> wire.MessageReadsOut:
    message, channel, _ = await access_message(current(request)[0], request.match_info["message_id"])
    return await message_reads(channel, message)
