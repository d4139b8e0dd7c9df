"""Operations on an instance (同意 不同意 加签 转交 退回 撤回 取回 抄送 催办 作废), pure like the engine."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hub.errors import HubError
from hub.workflow.definition import Definition
from hub.workflow.engine import (
    OPINION_MAX,
    URGE_INTERVAL,
    Ctx,
    available,
    decide,
    end_instance,
    goto,
    my_holder,
    return_targets,
    snapshot,
)
from hub.workflow.state import (
    ADD_STEP,
    INITIATOR_STEP,
    Actor,
    Command,
    Directory,
    Outcome,
    Person,
    Run,
    State,
)

_NEEDS_SEAT = {"approve", "reject", "add_sign", "transfer", "return"}


def act(defn: Definition, state: State, form: dict[str, Any], initiator: Person, actor: Actor, cmd: Command,
        directory: Directory, now: datetime, request_id: str | None = None) -> Outcome:
    """Apply one operation to a copy of the state; refuse with HubError when this actor may not do it now."""
    if cmd.op not in available(defn, state, actor, initiator.id):
        raise HubError("action_not_allowed")
    opinion = (cmd.opinion or "").strip() or None
    if opinion is not None and len(opinion) > OPINION_MAX:
        raise HubError("invalid_request", detail=f"opinion: at most {OPINION_MAX} characters")
    ctx = Ctx(defn, state.model_copy(deep=True), form, initiator, directory, now, request_id)
    me = Person(actor.id, actor.name)
    if cmd.op in _NEEDS_SEAT:
        _seat_op(ctx, me, actor, cmd, opinion)
    else:
        _other_op(ctx, me, actor, cmd, opinion)
    return Outcome(ctx.state, ctx.acts, ctx.notify)


def _people(ctx: Ctx, ids: list[str], at_least: int = 1, at_most: int = 20) -> list[Person]:
    if not at_least <= len(ids) <= at_most or len(set(ids)) != len(ids):
        raise HubError("invalid_request", detail=f"users: {at_least} to {at_most} different people")
    missing = [i for i in ids if i not in ctx.dir.people]
    if missing:
        raise HubError("invalid_request", detail="users: unknown people")
    return [ctx.dir.people[i] for i in ids]


def _seat_op(ctx: Ctx, me: Person, actor: Actor, cmd: Command, opinion: str | None) -> None:
    state = ctx.state
    run = state.open_run()
    assert run is not None
    found = my_holder(run, actor)
    assert found is not None
    holder, principal = found
    if cmd.op in ("approve", "reject"):
        needed = run.opinion == "required" or (run.opinion == "on_reject" and cmd.op == "reject")
        if needed and opinion is None:
            raise HubError("opinion_required")
        before = snapshot(state, actor.id)
        holder.status = "approved" if cmd.op == "approve" else "rejected"
        holder.acted_by_id, holder.acted_by_name = me.id, me.name
        state.decided = state.decided or run.step_key != INITIATOR_STEP
        kind = "resubmit" if run.step_key == INITIATOR_STEP else cmd.op
        ctx.record(kind, me, run, on_behalf_of=principal, opinion=opinion)
        if cmd.op == "approve":
            state.approved_by = list(dict.fromkeys([*state.approved_by, holder.user_id]))
        decide(ctx, run)
        # 取回 is possible until someone else acts; a rejection ends the instance, nothing to take back.
        state.retrievable = before if cmd.op == "approve" and state.status == "running" else None
        return
    state.retrievable = None
    if cmd.op == "add_sign":
        _add_sign(ctx, me, run, holder.user_id, cmd, opinion, principal)
    elif cmd.op == "transfer":
        (to,) = _people(ctx, cmd.users, 1, 1)
        if any(h.user_id == to.id and h.status in ("open", "waiting") for h in run.holders) or to.id == me.id:
            raise HubError("invalid_request", detail="users: already holds this step")
        holder.status = "transferred"
        holder.acted_by_id, holder.acted_by_name = me.id, me.name
        run.holders.insert(run.holders.index(holder) + 1, ctx.holder(to, "open", added_by=me.id))
        ctx.record("transfer", me, run, on_behalf_of=principal, opinion=opinion, to=to.name)
        ctx.notify.append((to.id, "opened"))
    else:
        _return(ctx, me, run, cmd, opinion, principal)


def _add_sign(ctx: Ctx, me: Person, run: Run, seat: str, cmd: Command, opinion: str | None,
              principal: Person | None) -> None:
    if cmd.position is None:
        raise HubError("invalid_request", detail="position: before, after or parallel")
    people = _people(ctx, cmd.users)
    busy = {h.user_id for h in run.holders if h.status in ("open", "waiting")} | {h.user_id for h in run.after}
    if any(p.id in busy or p.id == me.id for p in people):
        raise HubError("invalid_request", detail="users: already on this step")
    ctx.record("add_sign", me, run, on_behalf_of=principal, opinion=opinion, position=cmd.position,
               to="、".join(p.name for p in people))
    if cmd.position == "parallel":
        for p in people:
            run.holders.append(ctx.holder(p, "open", added_by=seat))
            ctx.notify.append((p.id, "opened"))
    elif cmd.position == "after":
        run.after.extend(ctx.holder(p, "waiting", added_by=seat) for p in people)
    else:
        run.status = "suspended"
        ctx.new_run(ADD_STEP, "加签", people, resume_run=run.id)


def _return(ctx: Ctx, me: Person, run: Run, cmd: Command, opinion: str | None, principal: Person | None) -> None:
    if cmd.target not in return_targets(ctx.defn, ctx.state):
        raise HubError("invalid_request", detail="target: an earlier step of this instance, or initiator")
    if opinion is None:
        raise HubError("opinion_required")
    assert cmd.target is not None
    ctx.record("return", me, run, on_behalf_of=principal, opinion=opinion, to=cmd.target)
    run.status = "returned"
    run.decided_at = ctx.now
    for h in run.holders:
        if h.status in ("open", "waiting"):
            h.status = "cancelled"
    ctx.state.approved_by = []  # a return resets: everyone asked again acts again
    if cmd.target == "initiator":
        # The resubmission reopens this step, which still owes its own sender (if any) the same shortcut.
        ctx.new_run(INITIATOR_STEP, "发起人修改", [ctx.initiator], mode="any", opinion="optional",
                    return_to=run.step_key, then=run.return_to)
    else:
        goto(ctx, cmd.target, return_to=run.step_key)


def _other_op(ctx: Ctx, me: Person, actor: Actor, cmd: Command, opinion: str | None) -> None:
    state = ctx.state
    if cmd.op == "withdraw":
        state.retrievable = None
        ctx.record("withdraw", me, opinion=opinion)
        end_instance(ctx, "withdrawn")
    elif cmd.op == "void":
        if opinion is None:
            raise HubError("opinion_required")
        state.retrievable = None
        ctx.record("void", me, opinion=opinion)
        end_instance(ctx, "voided")
        _notify_holders_ever(ctx)
    elif cmd.op == "retrieve":
        _retrieve(ctx)
        ctx.record("retrieve", me, state.open_run(), opinion=opinion)
        _notify_holders_ever(ctx)
    elif cmd.op == "cc":
        people = _people(ctx, cmd.users, 1, 50)
        fresh = [p for p in people if p.id not in state.cc]
        state.cc.extend(p.id for p in fresh)
        ctx.record("cc", me, opinion=opinion, to="、".join(p.name for p in people))
        ctx.notify.extend((p.id, "cc") for p in fresh)
    else:  # urge
        if state.last_urged_at is not None and ctx.now - state.last_urged_at < URGE_INTERVAL:
            raise HubError("urge_too_soon")
        state.last_urged_at = ctx.now
        run = state.open_run()
        ctx.record("urge", me, run, opinion=opinion)
        for h in run.holders if run else []:
            if h.status == "open":
                ctx.notify.append((h.user_id, "urged"))
                if h.delegate_id:
                    ctx.notify.append((h.delegate_id, "urged"))


_DECIDED = ("approved", "rejected", "skipped", "returned")


def _retrieve(ctx: Ctx) -> None:
    """Undo the actor's last approval. A run it decided stays decided, as history: the step opens again as a new
    run, so no run is ever decided twice; runs opened since are cancelled, votes inside an open run restored."""
    state = ctx.state
    saved = state.retrievable
    assert saved is not None
    before = {r.id: r for r in saved.runs}
    runs: list[Run] = []
    reopened: list[Run] = []
    for run in state.runs:
        old = before.get(run.id)
        if old is None:
            if run.status in ("open", "suspended"):
                run.status = "cancelled"
                for h in run.holders:
                    if h.status in ("open", "waiting"):
                        h.status = "cancelled"
            runs.append(run)
        elif run.status in _DECIDED and old.status not in _DECIDED:
            runs.append(run)
            state.counter += 1
            reopened.append(old.model_copy(update={"id": f"{old.step_key}#{state.counter}", "opened_at": ctx.now}))
        else:
            runs.append(old)
    state.runs = runs + reopened
    state.approved_by, state.status, state.retrievable = saved.approved_by, saved.status, None


def _notify_holders_ever(ctx: Ctx) -> None:
    for run in ctx.state.runs:
        for h in run.holders:
            ctx.notify.append((h.user_id, "changed"))
