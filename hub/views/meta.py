"""Health check and the OpenAPI document, generated from the declared endpoints."""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from hub import wire
from hub.views.base import Endpoint, EndpointTable, hub_of, json_response

api = EndpointTable("meta")
_PATH_PARAM = re.compile(r"{(\w+)}")


@api("GET", "/healthz", "State of the store and of Redis", response=wire.Health, auth=False)
async def healthz(request: web.Request) -> web.Response:
    hub = hub_of(request)
    store_ok = hub.store is not None and await hub.store.ping()
    store = {"ok": store_ok, "kind": "emulation" if hub.store and hub.store.emulated else "mongodb"}
    if hub.realtime.redis is None:
        redis: dict[str, Any] = {"ok": True, "configured": False}
    else:
        try:
            redis = {"ok": bool(await hub.realtime.redis.ping()), "configured": True}
        except Exception as exc:  # report, never raise, from a health check
            redis = {"ok": False, "configured": True, "error": type(exc).__name__}
    healthy = store_ok and redis["ok"]
    body = wire.Health(status="ok" if healthy else "degraded", store=store, redis=redis)
    return json_response(body, status=200 if healthy else 503)


def build_openapi(endpoints: list[Endpoint]) -> dict[str, Any]:
    models: set[type[BaseModel]] = {wire.ErrorOut}
    for ep in endpoints:
        models.update(m for m in (ep.body, ep.response) if m is not None)
    ordered = sorted(models, key=lambda m: m.__name__)
    refs, defs = models_json_schema([(m, "validation") for m in ordered],
                                    ref_template="#/components/schemas/{model}")
    schemas = defs.get("$defs", {})

    def ref(model: type[BaseModel]) -> dict[str, Any]:
        return refs[(model, "validation")]

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
            op["requestBody"] = {"required": True, "content": {"application/json": {"schema": ref(ep.body)}}}
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
