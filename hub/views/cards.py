"""Card endpoints: read a card, act on it; slash commands; delegations; the audit log."""

from __future__ import annotations

from datetime import datetime

from aiohttp import web
from pydantic import BaseModel, Field

from hub import wire
from hub.access import access_channel
from hub.actions.audit import flush_failure_counts
from hub.actions.audit_chain import verify_recent
from hub.actions.cards import access_card, do_card_action
from hub.actions.commands import do_run_command, list_commands
from hub.actions.delegations import delegations_of, do_delegate, do_revoke_delegation
from hub.cards import CardOut
from hub.errors import HubError
from hub.models import AuditEntry
from hub.permissions import actions_for
from hub.present import card_view
from hub.views.base import EndpointTable, current, hub_of, json_response, origin_of

api = EndpointTable("cards")


@api("GET", "/api/v1/cards/{card_id}", "A card with its timeline and the buttons you may press", response=CardOut)
async def get_card(request: web.Request) -> CardOut:
    user, _ = current(request)
    card = await access_card(user, request.match_info["card_id"])
    return card_view(card, await actions_for(user, card, now=hub_of(request).clock.now()))


@api("POST", "/api/v1/cards/{card_id}/actions", "Press a button; the same request_id twice acts once",
     body=wire.CardActionIn, response=wire.CardActionOut)
async def act(request: web.Request, body: wire.CardActionIn) -> web.Response:
    user, _ = current(request)
    result = await do_card_action(hub_of(request), user, request.match_info["card_id"], body.action_id,
                                  body.version, body.request_id, body.comment, body.choice, origin_of(request))
    if result["ok"]:
        return json_response(result["data"])
    return json_response({"error": result["error"]}, status=HubError(result["error"]["code"]).status)


@api("GET", "/api/v1/commands", "Slash commands the composer can suggest", response=wire.CommandList)
async def commands(request: web.Request) -> wire.CommandList:
    return wire.CommandList(commands=[wire.CommandInfo(bot_name=bot, **spec.model_dump())
                                      for bot, spec in await list_commands()])


@api("POST", "/api/v1/channels/{channel_id}/commands", "Run a slash command in a channel", body=wire.CommandIn,
     response=wire.CommandOut)
async def run_command(request: web.Request, body: wire.CommandIn) -> wire.CommandOut:
    user, _ = current(request)
    channel, _ = await access_channel(user, request.match_info["channel_id"])
    return wire.CommandOut(reply=await do_run_command(hub_of(request), user, channel, body.text))


@api("GET", "/api/v1/delegations", "Delegations you gave or received", response=wire.DelegationList)
async def delegations(request: web.Request) -> wire.DelegationList:
    return wire.DelegationList(delegations=await delegations_of(current(request)[0],
                                                                   hub_of(request).clock.now()))


@api("POST", "/api/v1/delegations", "Name a delegate (代理) for a period", body=wire.DelegationIn,
     response=wire.DelegationList)
async def delegate(request: web.Request, body: wire.DelegationIn) -> wire.DelegationList:
    user, _ = current(request)
    await do_delegate(hub_of(request), user, body.delegate_id, body.starts_at, body.ends_at, body.reason,
                      origin_of(request))
    return wire.DelegationList(delegations=await delegations_of(user, hub_of(request).clock.now()))


@api("DELETE", "/api/v1/delegations/{delegation_id}", "End a delegation early")
async def revoke(request: web.Request) -> None:
    await do_revoke_delegation(hub_of(request), current(request)[0], request.match_info["delegation_id"],
                               origin_of(request))


class AuditQuery(BaseModel):
    actor_id: str | None = Field(default=None, max_length=64)
    action: str | None = Field(default=None, max_length=64)
    object_id: str | None = Field(default=None, max_length=64)
    since: datetime | None = None
    until: datetime | None = None
    limit: int = Field(default=100, ge=1, le=1000)


@api("GET", "/api/v1/audit", "The audit log (安全审计员 only), newest first, with filters", query=AuditQuery,
     response=wire.AuditList, role="audit_admin")
async def audit(request: web.Request, query: AuditQuery) -> wire.AuditList:
    user, _ = current(request)
    if "audit_admin" not in user.roles:
        raise HubError("forbidden")
    filters: dict[str, object] = {}
    for name in ("actor_id", "action", "object_id"):
        if (value := getattr(query, name)) is not None:
            filters[name] = value  # typed, validated strings only: never client JSON
    if query.since or query.until:
        filters["at"] = {k: v for k, v in (("$gte", query.since), ("$lt", query.until)) if v is not None}
    await flush_failure_counts(hub_of(request))
    entries = await AuditEntry.find(filters).sort("-seq").limit(query.limit).to_list()
    # Only what came after the newest signed checkpoint: `python -m hub audit verify` checks everything.
    return wire.AuditList(entries=[wire.AuditEntryOut.model_validate(e.model_dump()) for e in entries],
                          chain_ok=(await verify_recent(hub_of(request))).ok)
