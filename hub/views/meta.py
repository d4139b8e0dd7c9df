"""Health check and the OpenAPI document, generated from the declared endpoints."""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web
from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, models_json_schema

from hub import wire
from hub.actions.auth import authenticate
from hub.models.org import ADMIN_ROLES
from hub.views.base import Endpoint, EndpointTable, hub_of, json_response, request_token

api = EndpointTable("meta")
_PATH_PARAM = re.compile(r"{(\w+)}")


@api("GET", "/healthz", "State of the store and of Redis", response=wire.Health, auth=False)
async def healthz(request: web.Request) -> web.Response:
    hub = hub_of(request)
    store_ok = hub.store is not None and await hub.store.ping()
    store = {"ok": store_ok, "kind": hub.store.kind if hub.store else "none"}
    if hub.realtime.redis is None:
        redis: dict[str, Any] = {"ok": True, "configured": False}
    else:
        try:
            redis = {"ok": bool(await hub.realtime.redis.ping()), "configured": True}
        except Exception as exc:  # report, never raise, from a health check
            redis = {"ok": False, "configured": True, "error": type(exc).__name__}
    healthy = store_ok and redis["ok"]
    status = "ok" if healthy else "degraded"
    if await _is_admin(request):
        body = wire.Health(status=status, store=store, redis=redis)
    else:
        body = wire.Health(status=status)
    return json_response(body.model_dump(exclude_none=True), status=200 if healthy else 503)


async def _is_admin(request: web.Request) -> bool:
    """Details (store kind, Redis errors) are for administrators; a broken store just means no details."""
    try:
        user, _ = await authenticate(hub_of(request), request_token(request))
    except Exception:  # unauthenticated, expired, or the store is down: the anonymous answer
        return False
    return bool(ADMIN_ROLES & set(user.roles))


class _ResponseSchema(GenerateJsonSchema):
    """Responses are dumped whole (model_dump_json): every field is present, defaults included, so the
    serialization schema lists them all as required, and generated client types need no `?`."""

    def field_is_required(self, field: Any, total: bool) -> bool:
        if self.mode == "serialization":
            return not field.get("serialization_exclude")
        return super().field_is_required(field, total)


def build_openapi(endpoints: list[Endpoint]) -> dict[str, Any]:
    bodies: set[type[BaseModel]] = set()
    responses: set[type[BaseModel]] = {wire.ErrorOut}
    for ep in endpoints:
        if ep.body is not None:
            bodies.add(ep.body)
        if ep.response is not None:
            responses.add(ep.response)
    wanted: list[tuple[type[BaseModel], JsonSchemaMode]] = sorted(
        [(m, "validation") for m in bodies] + [(m, "serialization") for m in responses],
        key=lambda pair: (pair[0].__name__, pair[1]))
    refs, defs = models_json_schema(wanted, ref_template="#/components/schemas/{model}",
                                    schema_generator=_ResponseSchema)
    schemas = defs.get("$defs", {})

    def ref(model: type[BaseModel]) -> dict[str, Any]:
        return refs[(model, "serialization" if model in responses else "validation")]

    error = {"description": "Error", "content": {"application/json": {"schema": {
        "type": "object", "properties": {"error": ref(wire.ErrorOut)}}}}}
    paths: dict[str, dict[str, Any]] = {}
    for ep in endpoints:
        op: dict[str, Any] = {"summary": ep.summary, "tags": [ep.tag], "operationId": ep.handler.__name__,
                              "responses": {"default": error}}
        params = [{"name": n, "in": "path", "required": True, "schema": {"type": "string"}}
                  for n in _PATH_PARAM.findall(ep.path)]
        if ep.query is not None:
            for name, field in ep.query.model_fields.items():
                params.append({"name": name, "in": "query", "required": field.is_required(),
                               "schema": ep.query.model_json_schema()["properties"][name]})
        if params:
            op["parameters"] = params
        if ep.body is not None:
            body_ref = refs[(ep.body, "validation")]
            op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body_ref}}}
        if ep.response is not None:
            body = {"application/json": {"schema": ref(ep.response)}}
            op["responses"]["200"] = {"description": "OK", "content": body}
        else:
            op["responses"]["204"] = {"description": "Done"}
        if ep.auth:
            op["security"] = [{"cookie": []}, {"bearer": []}]
        paths.setdefault(ep.path, {})[ep.method.lower()] = op
    return {
        "openapi": "3.1.0",
        "info": {"title": "Xietong hub API", "version": "1"},
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "cookie": {"type": "apiKey", "in": "cookie", "name": "xt_session"},
                "bearer": {"type": "http", "scheme": "bearer"},
            },
        },
    }
