"""Session endpoints: log in, log out, who am I."""

from __future__ import annotations

from aiohttp import web

from hub import wire
from hub.actions.auth import do_login, do_logout
from hub.lib.netaddr import forwarded_https
from hub.lib.security import SESSION_COOKIE
from hub.present import user_out
from hub.views.base import EndpointTable, current, hub_of, json_response, origin_of

api = EndpointTable("session")


@api("POST", "/api/v1/session/login", "Log in with username and password", body=wire.LoginIn,
     response=wire.SessionOut, auth=False)
async def login(request: web.Request, body: wire.LoginIn) -> web.Response:
    hub = hub_of(request)
    result = await do_login(hub, body.username, body.password, origin_of(request))
    out = wire.SessionOut(token=result.token, expires_at=result.session.expires_at, user=await user_out(result.user))
    response = json_response(out)
    response.set_cookie(SESSION_COOKIE, result.token, httponly=True, samesite="Strict", path="/",
                        secure=_over_https(request), max_age=int(hub.settings.session_ttl_hours * 3600))
    return response


@api("POST", "/api/v1/session/logout", "Log out: revoke this session and close its sockets")
async def logout(request: web.Request) -> web.Response:
    user, session = current(request)
    await do_logout(hub_of(request), user, session, origin_of(request))
    response = web.Response(status=204)
    response.del_cookie(SESSION_COOKIE, path="/")
    return response


@api("GET", "/api/v1/session/me", "The logged-in user", response=wire.UserOut)
async def me(request: web.Request) -> wire.UserOut:
    user, _ = current(request)
    return await user_out(user)


def _over_https(request: web.Request) -> bool:
    """Secure cookies whenever the browser talks HTTPS: directly, or through a trusted proxy that says so."""
    settings = hub_of(request).settings
    return settings.cookie_secure or request.secure or forwarded_https(
        request.remote, request.headers.get("X-Forwarded-Proto"), settings.trusted_proxies)
