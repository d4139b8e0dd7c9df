"""The HTTP edge: endpoint declarations, body parsing, authentication and error conversion."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import orjson
from aiohttp import web
from pydantic import BaseModel, ValidationError
from pymongo.errors import ConnectionFailure

from hub.actions.audit import Origin, do_audit
from hub.actions.auth import authenticate
from hub.context import Hub
from hub.errors import HubError
from hub.lib.jsonguard import check_json_depth
from hub.lib.netaddr import client_ip
from hub.lib.security import SESSION_COOKIE
from hub.models import AuthSession, User
from hub.views.edge import check_same_origin

log = logging.getLogger(__name__)

HUB_KEY = web.AppKey("hub", Hub)
USER_KEY = web.RequestKey("user", User)
SESSION_KEY = web.RequestKey("session", AuthSession)

Handler = Callable[..., Awaitable[Any]]


@dataclass(frozen=True)
class Endpoint:
    """One API operation, as declared; the OpenAPI document is generated from these."""

    method: str
    path: str
    handler: Handler
    summary: str
    body: type[BaseModel] | None
    query: type[BaseModel] | None
    response: type[BaseModel] | None
    auth: bool
    tag: str
    # The one role allowed to call this endpoint (the three administrators, 三员分立); checked before the body.
    role: str | None = None


class EndpointTable:
    """Like aiohttp's RouteTableDef, but each route also declares its models."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.endpoints: list[Endpoint] = []

    def __call__(self, method: str, path: str, summary: str, *, body: type[BaseModel] | None = None,
                 query: type[BaseModel] | None = None, response: type[BaseModel] | None = None,
                 auth: bool = True, role: str | None = None) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.endpoints.append(Endpoint(method, path, handler, summary, body, query, response, auth, self.tag,
                                           role))
            return handler

        return register


def json_response(data: Any, status: int = 200) -> web.Response:
    if isinstance(data, BaseModel):
        payload = data.model_dump_json().encode()
    else:
        payload = orjson.dumps(data)
    return web.Response(body=payload, status=status, content_type="application/json")


def hub_of(request: web.Request) -> Hub:
    return request.app[HUB_KEY]


def request_token(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.cookies.get(SESSION_COOKIE)


def origin_of(request: web.Request) -> Origin:
    """The socket peer, unless it is a proxy named in HUB_TRUSTED_PROXIES (then what that proxy forwarded)."""
    ip = client_ip(request.remote, request.headers.get("X-Forwarded-For"), hub_of(request).settings.trusted_proxies)
    return Origin(ip=ip, user_agent=request.headers.get("User-Agent"))


def current(request: web.Request) -> tuple[User, AuthSession]:
    return request[USER_KEY], request[SESSION_KEY]


async def _parse_body(request: web.Request, model: type[BaseModel]) -> BaseModel:
    if request.content_type != "application/json":
        # Also a CSRF guard: a cross-site form cannot send application/json without a preflight.
        raise HubError("invalid_request", detail="Content-Type must be application/json")
    raw = await request.read()
    check_json_depth(raw, hub_of(request).settings.max_json_depth)
    try:
        return model.model_validate_json(raw or b"{}")
    except ValidationError as exc:
        raise HubError("invalid_request", detail=_explain(exc)) from None


def _parse_query(request: web.Request, model: type[BaseModel]) -> BaseModel:
    try:
        return model.model_validate(dict(request.query))
    except ValidationError as exc:
        raise HubError("invalid_request", detail=_explain(exc)) from None


def _explain(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "body"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def wrap(endpoint: Endpoint) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def view(request: web.Request) -> web.StreamResponse:
        if endpoint.auth:
            request[USER_KEY], request[SESSION_KEY] = await authenticate(hub_of(request), request_token(request))
            if endpoint.role is not None and endpoint.role not in request[USER_KEY].roles:
                # Reaching for another administrator's (or any administrator's) endpoint is itself audited.
                await do_audit(hub_of(request), "admin.refused", actor=request[USER_KEY], object_type="endpoint",
                               object_id=f"{endpoint.method} {endpoint.path}", outcome="forbidden",
                               origin=origin_of(request))
                raise HubError("forbidden")
        kwargs: dict[str, Any] = {}
        if endpoint.body is not None:
            kwargs["body"] = await _parse_body(request, endpoint.body)
        if endpoint.query is not None:
            kwargs["query"] = _parse_query(request, endpoint.query)
        result = await endpoint.handler(request, **kwargs)
        if isinstance(result, web.StreamResponse):
            return result
        if result is None:
            return web.Response(status=204)
        return json_response(result)

    return view


@web.middleware
async def origin_middleware(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                            ) -> web.StreamResponse:
    check_same_origin(request, hub_of(request).settings)
    return await handler(request)


@web.middleware
async def error_middleware(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                           ) -> web.StreamResponse:
    try:
        return await handler(request)
    except HubError as exc:
        return json_response({"error": exc.to_dict()}, status=exc.status)
    except web.HTTPRequestEntityTooLarge:
        err = HubError("payload_too_large")
        return json_response({"error": err.to_dict()}, status=err.status)
    except web.HTTPException as exc:
        if request.path.startswith("/api/") and exc.status in (404, 405):
            err = HubError("not_found", detail=f"{request.method} {request.path}")
            return json_response({"error": err.to_dict()}, status=exc.status)
        raise
    except ConnectionFailure:
        # The store is unreachable (server selection gave up): a clear, retryable answer, not a 500.
        log.warning("store unavailable on %s %s", request.method, request.path)
        err = HubError("store_unavailable")
        return json_response({"error": err.to_dict()}, status=err.status)
    except Exception as exc:
        if request.path.startswith("/socket.io/"):
            # Garbage on the Socket.IO endpoint before any session exists: not our error, one quiet line.
            log.debug("malformed Socket.IO request %s %s: %s", request.method, request.path, type(exc).__name__)
            return web.Response(status=400, text="bad request")
        log.exception("unhandled error on %s %s", request.method, request.path)
        err = HubError("internal")
        return json_response({"error": err.to_dict()}, status=500)
