"""A card change re-stamps every message carrying the card, found through the card_messages index."""

from __future__ import annotations

import json
import uuid
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, AsyncMongoClient, IndexModel

from hub.models import Channel, Message
from hub.store.db import open_store
from tests.botkit import OUTCOMES, decision_card, office, push
from tests.conftest import World


async def test_a_card_posted_to_a_channel_and_a_direct_chat_changes_in_both(world: World) -> None:
    o = await office(world)
    status, body = await push(world, o["secret"], {"channel_ids": [o["channel_id"]],
                                                   "user_ids": [str(o["majun"].id)],
                                                   "card": decision_card(o["unit"]), "outcomes": OUTCOMES})
    assert status == 202, body
    carrying = await Message.find({"card_id": {"$ne": None}}).to_list()
    assert len(carrying) == 2 and len({m.channel_id for m in carrying}) == 2
    card_id = str(carrying[0].card_id)
    before = {m.channel_id: (await Channel.get(m.channel_id)) for m in carrying}
    status, acted = await world.api("POST", f"/api/v1/cards/{card_id}/actions", o["t_majun"],
                                    json={"action_id": "approve", "version": 1, "request_id": "a-1"})
    assert status == 200, acted
    staff = await world.socket(o["t_majun"])
    for channel_id, channel in before.items():
        assert channel is not None
        ack = await staff.call("sync", {"channels": [{"channel_id": str(channel_id), "last_seq": channel.last_seq,
                                                      "last_rev": channel.rev}]})
        (ch,) = ack["data"]["channels"]
        assert [m["card"]["status"]["code"] for m in ch["updates"]] == ["approved"], ch
        assert ch["rev"] == channel.rev + 1
    # Nothing else was re-stamped: the channel's other messages keep their revision.
    others = await Message.find({"card_id": None, "rev": {"$gt": 0}}).to_list()
    assert others == []


async def test_start_up_retires_the_old_card_index_and_the_lookup_reads_the_new_one(store_server_url: str) -> None:
    name = f"hubtest_{uuid.uuid4().hex[:12]}"
    raw: AsyncMongoClient[Any] = AsyncMongoClient(store_server_url)
    try:
        messages = raw[name]["messages"]
        # What a store made before the change holds: the `$type` partial index SecantusDB never reads.
        await messages.create_indexes([IndexModel([("card_id", ASCENDING)], name="by_card",
                                                  partialFilterExpression={"card_id": {"$type": "objectId"}})])
        store = await open_store(store_server_url, name, banner=False)
        try:
            info = await messages.index_information()
            assert "by_card" not in info
            assert info["card_messages"]["partialFilterExpression"] == {"card_id": {"$gte": ObjectId("0" * 24)}}
            channel, card, sender = ObjectId(), ObjectId(), ObjectId()
            await messages.insert_many([{"channel_id": channel, "seq": s, "sender_id": sender, "client_msg_id": f"m{s}",
                                         "card_id": card if s in (7, 90) else None, "content": "x"}
                                        for s in range(1, 201)])
            plan = await messages.find({"card_id": card}).explain()
            winning = json.dumps(plan["queryPlanner"]["winningPlan"], default=str)
            assert '"IXSCAN"' in winning and "card_messages" in winning, winning
            assert plan["executionStats"]["totalDocsExamined"] == 2
            # Opening the store again (a second hub, a restart) finds nothing left to retire.
            again = await open_store(store_server_url, name, banner=False)
            await again.close()
        finally:
            await store.close()
    finally:
        await raw.drop_database(name)
        await raw.close()
