"""Pure functions that draw a process instance as a card: fields, 当前处理人, buttons for them, and the 意见 trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hub.cards import ActionInput, ActionRule, CardActionDef, CardChange, CardField, CardSpec, CardStatus, Tone
from hub.lib.timeutil import BEIJING
from hub.models.cards import TimelineEntry
from hub.workflow.definition import Definition
from hub.workflow.state import ADD_STEP, INITIATOR_STEP, Holder, Run, TrailEntry

KIND = "workflow"
# The buttons a holder gets, and the engine operation each one runs. A button's id names the run too
# ("approve:head#1"), so a click on a card drawn for a run that has been decided since is stale.
OPS = {"approve": "approve", "reject": "reject", "return": "return"}
_STATUS: dict[str, tuple[str, Tone]] = {
    "running": ("审批中", "info"), "approved": ("已通过", "success"), "rejected": ("未通过", "danger"),
    "withdrawn": ("已撤回", "neutral"), "voided": ("已作废", "neutral")}
_ACTS = {"start": "发起", "approve": "同意", "reject": "不同意", "add_sign": "加签", "transfer": "转交",
         "return": "退回", "withdraw": "撤回", "retrieve": "取回", "cc": "抄送", "urge": "催办", "void": "作废",
         "skip": "跳过", "resubmit": "重新提交"}
# Form kinds shown on the card; people, units and attachments are ids, seen on the instance page.
_SHOWN = ("text", "number", "money", "date", "datetime", "daterange", "choice")
_MAX_FORM_FIELDS = 6
_MAX_VALUE = 80


def _when(at: datetime) -> str:
    return at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def _value(value: Any) -> str:
    if isinstance(value, list):
        text = " 至 ".join(str(v) for v in value) if len(value) == 2 else "、".join(str(v) for v in value)
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    return text if len(text) <= _MAX_VALUE else text[:_MAX_VALUE - 1] + "…"


def form_fields(defn: Definition, form: dict[str, Any]) -> list[CardField]:
    """The form's key fields: the first few filled-in scalar inputs, in the definition's order."""
    shown = [f for f in defn.form.fields if f.kind in _SHOWN and form.get(f.key) not in (None, "", [])]
    return [CardField(label=f.label, value=_value(form[f.key])) for f in shown[:_MAX_FORM_FIELDS]]


def _holder_name(h: Holder) -> str:
    return f"{h.name}（代理：{h.delegate_name}）" if h.delegate_name else h.name


def open_holders(run: Run | None) -> list[Holder]:
    return [h for h in run.holders if h.status == "open"] if run else []


def _trail_text(t: TrailEntry) -> str:
    what = _ACTS.get(t.kind, t.kind)
    if t.detail.get("to"):
        what += f"（{t.detail['to']}）"
    where = f"［{t.step_name}］" if t.step_name else ""
    return f"{where}{what}" + (f"：{t.opinion}" if t.opinion else "")


def timeline(trail: list[TrailEntry]) -> list[TimelineEntry]:
    """The card's timeline is the instance's trail with its opinions (意见)."""
    return [TimelineEntry(at=t.at, actor_name=t.actor_name, on_behalf_of_name=t.on_behalf_of_name,
                          action_id=t.kind, text=_trail_text(t)) for t in trail]


def _actor(t: TrailEntry) -> str:
    """Who acted, and for whom when a delegate did: "张绍松（代 马军 审批）"."""
    return f"{t.actor_name}（代 {t.on_behalf_of_name} 审批）" if t.on_behalf_of_name else t.actor_name


def _body(trail: list[TrailEntry]) -> str:
    lines = [f"{_when(t.at)} {_actor(t)}{_trail_text(t)}" for t in trail if t.opinion or t.kind != "urge"]
    body = "意见：\n" + "\n".join(lines) if lines else ""
    return body if len(body) <= 8000 else "…" + body[-7999:]


def _actions(run: Run | None) -> list[CardActionDef]:
    holders = sorted({h.user_id for h in open_holders(run)})
    if run is None or not holders:
        return []
    rule = ActionRule(users=holders)
    on_reject = run.opinion in ("required", "on_reject")
    if run.step_key == INITIATOR_STEP:
        return [CardActionDef(id=f"approve:{run.id}", label="重新提交", style="primary", rule=rule,
                              input=ActionInput(kind="comment", label="说明"))]
    opinion = ActionInput(kind="comment", required=run.opinion == "required", label="意见")
    actions = [
        CardActionDef(id=f"approve:{run.id}", label="同意", style="primary", rule=rule, input=opinion),
        CardActionDef(id=f"reject:{run.id}", label="不同意", style="danger", rule=rule,
                      input=ActionInput(kind="comment", required=on_reject, label="意见")),
    ]
    if run.step_key != ADD_STEP:
        actions.append(CardActionDef(id=f"return:{run.id}", label="退回", rule=rule, confirm="退回发起人修改，确定吗？",
                                     input=ActionInput(kind="comment", required=True, label="退回意见")))
    return actions


def card_spec(defn: Definition, instance_id: str, version: int, title: str, initiator_name: str,
              form: dict[str, Any], status: str, runs: list[Run], trail: list[TrailEntry]) -> CardSpec:
    """The whole card for one version of the instance; context (private) names the instance and that version."""
    run = next((r for r in runs if r.status == "open"), None) if status == "running" else None
    holders = open_holders(run)
    label, tone = _STATUS.get(status, (status, "neutral"))
    fields = [CardField(label="流程", value=defn.name), CardField(label="发起人", value=initiator_name),
              *form_fields(defn, form)]
    if run is not None:
        fields += [CardField(label="当前步骤", value=run.name),
                   CardField(label="当前处理人", value="、".join(_holder_name(h) for h in holders) or "—")]
        if run.due_at is not None:
            fields.append(CardField(label="办理期限", value=_when(run.due_at)))
    waiting = f"，待 {'、'.join(h.name for h in holders)} 办理（{run.name}）" if run and holders else ""
    return CardSpec(
        kind=KIND, title=f"{defn.name}：{title}"[:200], fields=fields, body=_body(trail),
        deadline=run.due_at if run else None, status=CardStatus(code=status, label=label, tone=tone),
        actions=_actions(run), context={"instance_id": instance_id, "version": version},
        fallback_text=f"【{defn.name}】{title}：{label}{waiting}"[:2000])


def op_of(action_id: str) -> str | None:
    return OPS.get(action_id.split(":", 1)[0])


def as_change(spec: CardSpec, *, version: int | None = None) -> CardChange:
    """The same card as a change; version overrides the one remembered in context."""
    context = dict(spec.context)
    if version is not None:
        context["version"] = version
    return CardChange(title=spec.title, fields=spec.fields, body=spec.body, status=spec.status,
                      actions=spec.actions, context=context, fallback_text=spec.fallback_text)
