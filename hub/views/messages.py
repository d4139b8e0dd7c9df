"""Message endpoints: history, send, edit, recall, mark read."""

from __future__ import annotations

from aiohttp import web
from pydantic import BaseModel, Field

from hub import wire
from hub.access import access_channel, access_message
from hub.actions.messages import do_edit_message, do_recall_message
from hub.actions.receipts import do_mark_read_with_receipts
from hub.actions.replies import do_send_reply
from hub.events import ReadUpdated
from hub.queries import history
from hub.views.base import EndpointTable, current, hub_of, json_response

api = EndpointTable("messages")


class HistoryQuery(BaseModel):
    before: int | None = Field(default=None, ge=1)
    after: int | None = Field(default=None, ge=0)
    limit: int = Field(default=50, ge=1, le=100)


@api("GET", "/api/v1/channels/{channel_id}/messages", "History, paged by sequence number", query=HistoryQuery,
     response=wire.HistoryOut)
async def list_messages(request: web.Request, query: HistoryQuery) -> web.Response:
    user, _ = current(request)
    channel, _ = await access_channel(user, request.match_info["channel_id"])
    # Already the JSON of wire.HistoryOut (hub/raw_messages.py): encoded once, never validated again.
    return json_response(await history(hub_of(request), user, channel, query.before, query.after, query.limit))


@api("POST", "/api/v1/channels/{channel_id}/messages", "Send; a repeated client_msg_id returns the original",
     body=wire.SendIn, response=wire.MessageOut)
async def send(request: web.Request, body: wire.SendIn) -> web.Response:
    user, _ = current(request)
    channel, _ = await access_channel(user, request.match_info["channel_id"])
    message, created = await do_send_reply(hub_of(request), user, channel, body.content, body.client_msg_id,
                                           body.reply_to, file_ids=body.file_ids)
    return json_response(message, status=201 if created else 200)


@api("PATCH", "/api/v1/messages/{message_id}", "Edit your own message", body=wire.EditIn,
     response=wire.MessageOut)
async def edit(request: web.Request, body: wire.EditIn) -> wire.MessageOut:
    user, _ = current(request)
    message, channel, _ = await access_message(user, request.match_info["message_id"])
    return await do_edit_message(hub_of(request), user, message, channel, body.content)


@api("POST", "/api/v1/messages/{message_id}/recall", "Recall (撤回) your own message within the recall window",
     response=wire.MessageOut)
async def recall(request: web.Request) -> wire.MessageOut:
    user, _ = current(request)
    message, channel, _ = await access_message(user, request.match_info["message_id"])
    return await do_recall_message(hub_of(request), user, message, channel)


@api("POST", "/api/v1/channels/{channel_id}/read", "Mark read up to a sequence number", body=wire.ReadIn,
     response=ReadUpdated)
async def mark_read(request: web.Request, body: wire.ReadIn) -> ReadUpdated:
    user, _ = current(request)
    channel, sub = await access_channel(user, request.match_info["channel_id"])
    return await do_mark_read_with_receipts(hub_of(request), user, channel, sub, body.seq)
