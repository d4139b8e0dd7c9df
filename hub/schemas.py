"""JSON Schemas in schemas/ generated from the event models; a test keeps the two in sync."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from hub.cards import CardOut
from hub.events import CLIENT_EVENTS, SERVER_EVENTS, Ack
from hub.workflow.definition import Definition

ROOT = Path(__file__).resolve().parent.parent / "schemas"


def expected_schemas() -> dict[str, dict[str, Any]]:
    """Relative path -> schema, for every socket event in both directions."""
    out: dict[str, dict[str, Any]] = {}

    def add(path: str, model: type[BaseModel], title: str, direction: str) -> None:
        schema = model.model_json_schema(mode="serialization" if direction == "server" else "validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = title
        schema["x-direction"] = direction
        out[path] = schema

    for event in SERVER_EVENTS:
        add(f"events/server/{event.NAME}.json", event, event.NAME, "server")
    for name, model in CLIENT_EVENTS.items():
        add(f"events/client/{name}.json", model, name, "client")
    add("events/ack.json", Ack, "ack", "server")
    add("card.json", CardOut, "card", "server")
    add("workflow/definition.json", Definition, "process definition", "client")
    return out


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(*, check: bool = False) -> list[str]:
    """Write (or with check, only list) the schema files that differ from the models."""
    stale = []
    for rel, schema in expected_schemas().items():
        path = ROOT / rel
        text = render(schema)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(rel)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale
