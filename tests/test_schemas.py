"""The JSON Schemas in schemas/ match the event models, and real events match the schemas."""

from __future__ import annotations

import json

import jsonschema  # type: ignore[import-untyped]

from hub.schemas import ROOT, expected_schemas, render
from tests.conftest import World


def test_schema_files_match_the_models() -> None:
    expected = expected_schemas()
    on_disk = {p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*.json")}
    assert on_disk == set(expected), "run `python -m hub schemas` and commit"
    for rel, schema in expected.items():
        assert (ROOT / rel).read_text(encoding="utf-8") == render(schema), rel


def _validator(rel: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((ROOT / rel).read_text(encoding="utf-8")))


async def test_events_on_the_wire_validate_against_the_schema_files(world: World) -> None:
    unit = await world.unit("czj", "市财政局")
    await world.user("zhangsan", units=[unit])
    token = await world.login("zhangsan")
    rec = await world.socket(token)
    (channel,) = (await world.api("GET", "/api/v1/channels", token))[1]["channels"]
    send = {"channel_id": channel["id"], "content": "hello", "client_msg_id": "s-1"}
    _validator("events/client/message.send.json").validate(send)
    ack = await rec.call("message.send", send)
    _validator("events/ack.json").validate(ack)
    await rec.call("message.edit", {"message_id": ack["data"]["id"], "content": "hello!"})
    await rec.call("channel.read", {"channel_id": channel["id"], "seq": 1})
    other = await world.user("lisi")
    from hub.actions.org import do_add_membership

    await do_add_membership(world.hub, other, unit, "科员岗", "科员")
    for name in ("message.new", "message.updated", "channel.read", "channel.member_added"):
        (event, *_) = await rec.wait_for(name)
        _validator(f"events/server/{name}.json").validate(event)
    # A schema that accepted anything would prove nothing.
    bad = {"message": {"id": 1}}
    assert list(_validator("events/server/message.new.json").iter_errors(bad))
