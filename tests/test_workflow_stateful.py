"""Hypothesis drives random operations by eligible and ineligible people over the shipped definitions."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Coroutine
from datetime import timedelta
from typing import Any, TypeVar

from aiohttp.test_utils import TestClient, TestServer
from beanie import PydanticObjectId
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from hub.actions.audit import Origin
from hub.actions.delegations import do_delegate
from hub.actions.workflow import do_act, do_start
from hub.app import create_app
from hub.errors import HubError
from hub.workflow.documents import Assignment, ProcessInstance
from hub.workflow.wire import ActIn, StartIn
from tests.conftest import World, _drop_database, make_settings
from tests.workflow_fixtures import build_org, leave_of

T = TypeVar("T")
PEOPLE = ["zhangsan", "lisi", "majun", "lixiaodong", "sysadmin", "outsider", "staff0", "staff1"]
OPS = ["approve", "reject", "add_sign", "transfer", "return", "withdraw", "retrieve", "cc", "urge", "void"]
DECIDED = {"approved", "rejected", "skipped", "returned"}
SEAT_OPS = {"approve", "reject", "add_sign", "transfer", "return"}


class ProcessMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.settings = make_settings()
        self.client: TestClient[Any, Any] = self.run(self._client())
        from hub.views.base import HUB_KEY

        self.hub = self.client.app[HUB_KEY]
        self.org = self.run(build_org(World(self.client, self.hub), extra_staff=2))
        self.instances: list[str] = []
        self.trails: dict[str, list[dict[str, Any]]] = {}
        self.decided: dict[str, dict[str, str]] = {}
        self.counter = 0
        self.delegations: dict[str, str] = {}

    async def _client(self) -> TestClient[Any, Any]:
        client: TestClient[Any, Any] = TestClient(TestServer(create_app(self.settings, banner=False)))
        await client.start_server()
        return client

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coro)

    def teardown(self) -> None:
        self.run(self.client.close())
        self.run(_drop_database(self.settings))
        self.loop.close()

    def _rid(self) -> str:
        self.counter += 1
        return f"hyp-{self.counter:08d}"

    @rule(key=st.sampled_from(["leave", "signoff"]), who=st.sampled_from(["zhangsan", "lisi", "majun", "staff0"]),
          days=st.integers(1, 6), chosen=st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True))
    def start(self, key: str, who: str, days: int, chosen: list[str]) -> None:
        if key == "leave":
            body = StartIn(definition_key="leave", form=leave_of(days), request_id=self._rid())
        else:
            body = StartIn(definition_key="signoff", form={"title": "签报", "body": "内容"}, request_id=self._rid(),
                           chosen={"countersign": [self.org.id(p) for p in chosen]})
        inst = self.run(do_start(self.hub, self.org.users[who], body, Origin()))
        self.instances.append(str(inst.id))

    @precondition(lambda self: bool(self.instances))
    @rule(pick=st.integers(0, 1000), who=st.sampled_from(PEOPLE), op=st.sampled_from(OPS),
          other=st.sampled_from(PEOPLE), position=st.sampled_from(["before", "after", "parallel"]),
          back_to=st.sampled_from(["initiator", "head", "supervisor", "countersign"]), opinion=st.booleans())
    def act(self, pick: int, who: str, op: str, other: str, position: str, back_to: str, opinion: bool) -> None:
        self._act(self.instances[pick % len(self.instances)], who, op, other, position, back_to, opinion)

    @precondition(lambda self: bool(self.instances))
    @rule(pick=st.integers(0, 1000), seat=st.integers(0, 100), op=st.sampled_from(OPS[:5] * 3 + OPS[5:]),
          other=st.sampled_from(PEOPLE), position=st.sampled_from(["before", "after", "parallel"]),
          back_to=st.sampled_from(["initiator", "head", "supervisor"]), opinion=st.booleans())
    def holder_acts(self, pick: int, seat: int, op: str, other: str, position: str, back_to: str,
                    opinion: bool) -> None:
        """Mostly someone whose turn it is: random people alone would rarely be eligible."""
        instance_id = self.instances[pick % len(self.instances)]
        inst = self.run(ProcessInstance.get(PydanticObjectId(instance_id)))
        assert inst is not None
        run = inst.state.open_run()
        holders = [u for h in run.holders if h.status == "open" for u in (h.user_id, h.delegate_id) if u] if run else []
        if not holders:
            return
        who = next(name for name, u in self.org.users.items() if str(u.id) == holders[seat % len(holders)])
        self._act(instance_id, who, op, other, position, back_to, opinion)

    def _act(self, instance_id: str, who: str, op: str, other: str, position: str, back_to: str,
             opinion: bool) -> None:
        before = self.run(ProcessInstance.get(PydanticObjectId(instance_id)))
        assert before is not None
        me = self.org.id(who)
        run = before.state.open_run()
        mine = {me} | {self.org.id(p) for p, d in self.delegations.items() if d == who}
        holds = run is not None and any(h.user_id in mine and h.status == "open" for h in run.holders)
        may = {"void": "sysadmin" == who, "withdraw": me == before.initiator_id,
               "urge": me == before.initiator_id or who == "sysadmin"}.get(op, holds if op in SEAT_OPS else True)
        body = ActIn(op=op, request_id=self._rid(), opinion="意见" if opinion else None,
                     users=[self.org.id(other)] if op in ("add_sign", "transfer", "cc") else [],
                     position=position if op == "add_sign" else None,
                     target=back_to if op == "return" else None)
        try:
            after = self.run(do_act(self.hub, self.org.users[who], instance_id, body, Origin()))
        except HubError as exc:
            event(f"refused {op}: {exc.code}")
            now = self.run(ProcessInstance.get(PydanticObjectId(instance_id)))
            assert now is not None and now.version == before.version, "a refused act changed the instance"
            return
        assert may and (before.state.status == "running" or op == "cc"), f"{who} was applied {op} unallowed"
        assert after.version == before.version + 1
        event(f"applied {op}")

    @rule(principal=st.sampled_from(["majun", "lixiaodong", "lisi"]), delegate=st.sampled_from(["staff0", "staff1"]))
    def delegate(self, principal: str, delegate: str) -> None:
        """代理: from now on the delegate may act on the principal's seats (their later steps name both)."""
        if principal in self.delegations:
            return
        now = self.hub.clock.now()
        self.run(do_delegate(self.hub, self.org.users[principal], self.org.id(delegate), now - timedelta(minutes=1),
                             now + timedelta(days=30), "出差", Origin()))
        self.delegations[principal] = delegate

    @precondition(lambda self: bool(self.instances))
    @rule()
    def time_passes(self) -> None:
        self.hub.clock.advance(timedelta(minutes=31))

    @invariant()
    def consistent(self) -> None:
        for instance_id in self.instances:
            self.run(self._check(instance_id))

    async def _check(self, instance_id: str) -> None:
        inst = await ProcessInstance.get(PydanticObjectId(instance_id))
        assert inst is not None
        trail = [t.model_dump() for t in inst.trail]
        earlier = self.trails.get(instance_id, [])
        assert trail[:len(earlier)] == earlier, "the trail lost or changed an entry"
        self.trails[instance_id] = trail
        decided = self.decided.setdefault(instance_id, {})
        for r in inst.state.runs:
            if r.id in decided:
                assert r.status == decided[r.id], f"run {r.id} decided twice: {decided[r.id]} then {r.status}"
            elif r.status in DECIDED:
                decided[r.id] = r.status
        found = await Assignment.find({"instance_id": inst.id, "status": "open"}).to_list()
        open_now = {(a.run_id, a.user_id) for a in found}
        run = inst.state.open_run()
        seats = [h for h in run.holders if h.status == "open"] if run else []
        expected = {(run.id, u) for h in seats for u in (h.user_id, h.delegate_id) if u} if run else set()
        assert open_now == expected, f"assignments {open_now} but the state wants {expected}"
        if inst.state.status == "running":
            assert open_now, "a running instance nobody can act on"
        else:
            assert not open_now


TestProcessMachine = ProcessMachine.TestCase
# A real server answers each act in ~100 ms rather than ~10: fewer examples keep the run near a minute.
EXAMPLES = 10 if os.environ.get("HUB_TEST_MONGODB_URL") else 25
TestProcessMachine.settings = settings(max_examples=EXAMPLES, stateful_step_count=25, deadline=None,
                                       suppress_health_check=[HealthCheck.too_slow])
