"""The pure engine: start an instance, open steps, apply one operation; no I/O, the same input gives the same state."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from hub.errors import HubError
from hub.workflow.definition import END, Definition
from hub.workflow.state import (
    ADD_STEP,
    INITIATOR_STEP,
    Actor,
    Directory,
    Holder,
    Outcome,
    Person,
    Retrievable,
    Run,
    State,
    TrailEntry,
    Want,
)

URGE_INTERVAL = timedelta(minutes=30)
OPINION_MAX = 1000


class Ctx:
    """One engine call: the definition, its inputs and the acts it records."""

    def __init__(self, defn: Definition, state: State, form: dict[str, Any], initiator: Person, directory: Directory,
                 now: datetime, request_id: str | None) -> None:
        self.defn, self.state, self.form, self.initiator = defn, state, form, initiator
        self.dir, self.now, self.request_id = directory, now, request_id
        self.acts: list[TrailEntry] = []
        self.notify: list[tuple[str, str]] = []

    def record(self, kind: Any, actor: Person | None, run: Run | None = None, *, on_behalf_of: Person | None = None,
               opinion: str | None = None, **detail: str) -> None:
        self.state.acts += 1
        self.acts.append(TrailEntry(
            seq=self.state.acts, at=self.now, kind=kind, run_id=run.id if run else None,
            step_name=run.name if run else None, actor_id=actor.id if actor else None,
            actor_name=actor.name if actor else "系统", on_behalf_of_id=on_behalf_of.id if on_behalf_of else None,
            on_behalf_of_name=on_behalf_of.name if on_behalf_of else None, opinion=opinion, detail=detail,
            request_id=self.request_id))

    def holder(self, person: Person, status: Any, added_by: str | None = None) -> Holder:
        delegate = self.dir.delegates.get(person.id)
        return Holder(user_id=person.id, name=person.name, status=status, added_by=added_by,
                      delegate_id=delegate.id if delegate else None, delegate_name=delegate.name if delegate else None)

    def new_run(self, step_key: str, name: str, people: list[Person], **kw: Any) -> Run:
        self.state.counter += 1
        mode = kw.pop("mode", "sequential")
        holders = [self.holder(p, "open" if mode != "sequential" or i == 0 else "waiting")
                   for i, p in enumerate(people)]
        run = Run(id=f"{step_key}#{self.state.counter}", step_key=step_key, name=name, mode=mode, holders=holders,
                  opened_at=self.now, **kw)
        self.state.runs.append(run)
        for h in holders:
            if h.status == "open":
                self.notify.append((h.user_id, "opened"))
        return run


def start(defn: Definition, initiator: Person, form: dict[str, Any], directory: Directory, now: datetime,
          request_id: str | None = None) -> Outcome:
    """A new instance: the start act, then the first step that has someone to act (or the end)."""
    ctx = Ctx(defn, State(), form, initiator, directory, now, request_id)
    ctx.record("start", initiator)
    goto(ctx, defn.steps[0].key)
    return Outcome(ctx.state, ctx.acts, ctx.notify)


def _people_for(ctx: Ctx, step_key: str) -> list[Person] | None:
    """The step's people after the edge rules; None when the step is skipped."""
    step = ctx.defn.step(step_key)
    named = list({p.id: p for p in ctx.dir.candidates.get(step_key, [])}.values())
    if not named:
        if step.when_nobody == "refuse":
            raise HubError("no_approver", detail=step.name)
        if step.when_nobody == "skip":
            return None
        named = ctx.dir.admins
        if not named:
            raise HubError("no_approver", detail=f"{step.name}: no administrator either")
    if step.when_initiator == "skip":
        named = [p for p in named if p.id != ctx.initiator.id]
    if step.skip_approved_before:
        named = [p for p in named if p.id not in ctx.state.approved_by]
    return named or None


def goto(ctx: Ctx, step_key: str, *, return_to: str | None = None) -> None:
    """Open step_key, skipping steps nobody needs to act on, until a run opens or the process ends."""
    while step_key != END:
        step = ctx.defn.step(step_key)
        people = _people_for(ctx, step_key)
        if people is not None:
            ctx.new_run(step.key, step.name, people, mode=step.mode, quorum_percent=step.quorum_percent,
                        one_rejection=step.one_rejection, opinion=step.opinion, return_to=return_to,
                        due_at=ctx.dir.due.get(step.key))
            return
        skipped = Run(id=f"{step.key}#{ctx.state.counter + 1}", step_key=step.key, name=step.name, mode=step.mode,
                      status="skipped", opened_at=ctx.now, decided_at=ctx.now)
        ctx.state.counter += 1
        ctx.state.runs.append(skipped)
        ctx.record("skip", None, skipped)
        step_key = return_to or ctx.defn.next_after(step.key, ctx.form)
        return_to = None
    ctx.state.status = "approved"
    ctx.notify.append((ctx.initiator.id, "approved"))


def _advance(ctx: Ctx, run: Run) -> None:
    """After a run is approved: 后加签 people, a suspended run, the step that sent it back, or the branches."""
    if run.after:
        people = [Person(h.user_id, h.name) for h in run.after]
        ctx.new_run(ADD_STEP, "加签", people, then=_next_key(ctx, run))
        return
    if run.resume_run is not None:
        waiting = ctx.state.run(run.resume_run)
        waiting.status = "open"
        for h in waiting.holders:
            if h.status == "open":
                ctx.notify.append((h.user_id, "opened"))
        return
    if run.step_key == INITIATOR_STEP and run.return_to is not None:
        goto(ctx, run.return_to, return_to=run.then)
        return
    goto(ctx, _next_key(ctx, run))


def _next_key(ctx: Ctx, run: Run) -> str:
    if run.return_to is not None:
        return run.return_to
    if run.then is not None:
        return run.then
    return ctx.defn.next_after(run.step_key, ctx.form)


def decide(ctx: Ctx, run: Run) -> None:
    """Settle the run after a vote, by its mode."""
    active = [h for h in run.holders if h.status not in ("transferred", "cancelled")]
    yes = sum(h.status == "approved" for h in active)
    no = sum(h.status == "rejected" for h in active)
    pending = [h for h in active if h.status in ("open", "waiting")]
    if run.mode == "all":
        need = math.ceil(len(active) * run.quorum_percent / 100)
        if yes >= need:
            outcome = "approved"
        elif (no and run.one_rejection == "rejects") or yes + len(pending) < need:
            outcome = "rejected"
        else:
            return
    elif no:
        outcome = "rejected"
    elif run.mode == "any" and yes:
        outcome = "approved"
    elif any(h.status == "open" for h in pending):
        return
    elif pending:
        pending[0].status = "open"
        ctx.notify.append((pending[0].user_id, "opened"))
        return
    else:
        outcome = "approved"
    for h in pending:
        h.status = "cancelled"
    run.decided_at = ctx.now
    if outcome == "approved":
        run.status = "approved"
        _advance(ctx, run)
    elif run.step_key == ADD_STEP and run.resume_run is not None:
        run.status = "rejected"  # a 前加签 opinion against does not end the process: the adder still decides
        _advance(ctx, run.model_copy(update={"after": []}))
    else:
        run.status = "rejected"
        end_instance(ctx, "rejected")


def end_instance(ctx: Ctx, status: Any) -> None:
    ctx.state.status = status
    for run in ctx.state.runs:
        if run.status in ("open", "suspended"):
            run.status = "cancelled"
            for h in run.holders:
                if h.status in ("open", "waiting"):
                    h.status = "cancelled"
    ctx.notify.append((ctx.initiator.id, status))


def my_holder(run: Run, actor: Actor) -> tuple[Holder, Person | None] | None:
    """The actor's own open seat, else one they hold as delegate (代理) at this moment."""
    for h in run.holders:
        if h.status == "open" and h.user_id == actor.id:
            return h, None
    for p in actor.principals:
        for h in run.holders:
            if h.status == "open" and h.user_id == p.id:
                return h, p
    return None


def available(defn: Definition, state: State, actor: Actor, initiator_id: str) -> list[str]:
    """The operations this actor may do on this state, as the engine will accept them. Only 抄送 (知会) is
    possible once the process has ended."""
    ops: list[str] = []
    run = state.open_run()
    if state.status == "running":
        if run is not None and my_holder(run, actor) is not None:
            ops += ["approve"] if run.step_key == INITIATOR_STEP else ["approve", "reject", "add_sign", "transfer"]
            if run.step_key not in (INITIATOR_STEP, ADD_STEP):
                ops.append("return")
        if actor.id == initiator_id and (not state.decided or (run is not None and run.step_key == INITIATOR_STEP)):
            ops.append("withdraw")
        if state.retrievable is not None and state.retrievable.actor_id == actor.id:
            ops.append("retrieve")
    if actor.id == initiator_id or actor.is_admin or _ever_held(state, actor.id):
        ops.append("cc")
    if state.status == "running" and (actor.id == initiator_id or actor.is_admin):
        ops.append("urge")
    if state.status == "running" and actor.is_admin:
        ops.append("void")
    return ops


def _ever_held(state: State, user_id: str) -> bool:
    return any(h.user_id == user_id or h.delegate_id == user_id for r in state.runs for h in r.holders)


def return_targets(defn: Definition, state: State) -> list[str]:
    done = {r.step_key for r in state.runs if r.status == "approved"}
    return ["initiator", *[s.key for s in defn.steps if s.key in done]]


def snapshot(state: State, actor_id: str) -> Retrievable:
    return Retrievable(actor_id=actor_id, runs=[r.model_copy(deep=True) for r in state.runs],
                       approved_by=list(state.approved_by), status=state.status)


_RANK = {"open": 3, "done": 2, "transferred": 1, "cancelled": 0}


def wanted(state: State) -> list[Want]:
    """The Assignments this state implies, one per run and person (a delegate gets one on behalf of the holder).
    A person may sit twice in a run (handed the turn back after a 转交, or a delegate who also holds a seat):
    their Assignment shows the liveliest of the two."""
    out: list[Want] = []
    for run in state.runs:
        for h in run.holders:
            if h.status == "waiting":
                continue
            if h.status == "open":
                status: Any = "open" if run.status == "open" else "cancelled"
            else:
                status = {"approved": "done", "rejected": "done"}.get(h.status, h.status)
            out.append(Want(run.id, run.step_key, run.name, h.user_id, status, due_at=run.due_at))
            if h.delegate_id and h.delegate_id != h.user_id:
                out.append(Want(run.id, run.step_key, run.name, h.delegate_id, status, h.user_id, h.name,
                                due_at=run.due_at))
    best: dict[tuple[str, str], Want] = {}
    for w in out:
        key = (w.run_id, w.user_id)
        if key not in best or _RANK[w.status] > _RANK[best[key].status]:
            best[key] = w
    return list(best.values())


def holders_now(state: State) -> list[Holder]:
    run = state.open_run()
    return [h for h in run.holders if h.status == "open"] if run else []
