"""Reading 发文: one draft with its flow and the viewer's buttons, and the list of drafts a person follows."""

from __future__ import annotations

from beanie.operators import In

from hub.access import parse_id
from hub.actions.documents import DOC_ROLES, heads_of, home_units
from hub.actions.outgoing import (
    OUTGOING,
    attachment_names,
    check_can_edit,
    instance_of,
    latest_version,
    unit_names,
)
from hub.errors import HubError
from hub.files.wire import file_out
from hub.layout.draft import rendered_lines
from hub.models import Unit, User
from hub.models.files import StoredFile
from hub.models.outgoing import OutgoingDraft
from hub.outgoing_wire import CountersignOut, OutgoingOut, OutgoingRow, TrailOut
from hub.workflow import engine
from hub.workflow.documents import Assignment, ProcessInstance
from hub.workflow.state import INITIATOR_STEP, Actor

# The buttons of each step for the person holding it.
BUTTONS: dict[str, list[str]] = {"review": ["review", "return"], "countersign": ["countersign", "return"],
                                 "sign": ["sign", "return"], "number": ["number"], "recheck": ["recheck"],
                                 "seal": ["seal"], "distribute": ["distribute"], INITIATOR_STEP: ["resubmit"]}


async def _countersign(draft: OutgoingDraft, inst: ProcessInstance) -> list[CountersignOut]:
    """Per 会签 head: the newest run of 会签 decides what each one shows."""
    runs = [r for r in inst.state.runs if r.step_key == "countersign" and r.status != "skipped"]
    if not runs:
        return []
    run = runs[-1]
    units = await Unit.find(In(Unit.id, [parse_id(u) for u in draft.countersign_unit_ids])).to_list() \
        if draft.countersign_unit_ids else []
    unit_of: dict[str, str] = {}
    for u in units:
        for h in await heads_of(u):
            unit_of.setdefault(h, u.name)
    acts = {t.actor_id: t for t in inst.trail if t.run_id == run.id and t.kind in ("approve", "reject", "return")}
    out = []
    for seat in run.holders:
        act = acts.get(seat.user_id)
        out.append(CountersignOut(unit_name=unit_of.get(seat.user_id, ""), user_name=seat.name, status=seat.status,
                                  opinion=act.opinion if act else None, at=act.at if act else None))
    return out


async def outgoing_out(draft: OutgoingDraft, user: User, actor: Actor) -> OutgoingOut:
    inst = await instance_of(draft)
    latest = await latest_version(draft)
    content = latest.content
    names = await unit_names([*content.main_to, *content.cc_to])
    files = await StoredFile.find(StoredFile.scope_kind == OUTGOING, StoredFile.scope_id == str(draft.id)
                                  ).sort("+uploaded_at").to_list()
    run = inst.state.open_run()
    mine = run is not None and inst.state.status == "running" and engine.my_holder(run, actor) is not None
    try:
        await check_can_edit(user, draft)
        can_edit = True
    except HubError:
        can_edit = False
    reviewer = await User.get(parse_id(draft.reviewer_id)) if draft.reviewer_id else None
    return OutgoingOut(
        id=str(draft.id), unit_id=str(draft.unit_id), unit_name=draft.unit_name, code=draft.code,
        drafter_name=draft.drafter_name, title=content.title, status=draft.status, version=latest.n,
        content=content, lines=rendered_lines(content, names, await attachment_names(draft.id, content.attachments)),
        unit_names=names, process_status=inst.state.status, current_step=run.name if run else None,
        current_step_key=run.step_key if run else None,
        current_holders=[h for h in run.holders if h.status == "open"] if run else [],
        my_actions=BUTTONS.get(run.step_key, []) if mine and run else [], can_edit=can_edit,
        reviewer_name=reviewer.name if reviewer else "", signer_name=draft.signer_name,
        signed_version=draft.signed_version, signed_at=draft.signed_at, number_text=draft.number_text,
        sealed_by_name=draft.sealed_by_name, sealed_at=draft.sealed_at,
        pdf_file_id=str(draft.pdf_file_id) if draft.pdf_file_id else None,
        ofd_file_id=str(draft.ofd_file_id) if draft.ofd_file_id else None, pdf_sha256=draft.pdf_sha256,
        ofd_sha256=draft.ofd_sha256, document_id=str(draft.document_id) if draft.document_id else None,
        province_units=draft.province_units, countersign=await _countersign(draft, inst),
        trail=[TrailOut(at=t.at, kind=t.kind, step_name=t.step_name, actor_name=t.actor_name, opinion=t.opinion)
               for t in inst.trail],
        files=[file_out(f) for f in files], created_at=draft.created_at)


async def list_outgoing(user: User, todo_only: bool, limit: int) -> list[OutgoingRow]:
    """Drafts I wrote, my unit's (for its leaders and clerks), and those with a step of mine, newest first."""
    me = str(user.id)
    open_mine = {a.instance_id for a in await Assignment.find(Assignment.user_id == me, Assignment.status == "open",
                                                              Assignment.definition_key == OUTGOING).to_list()}
    if todo_only:
        query: dict[str, object] = {"instance_id": {"$in": list(open_mine)}}
    else:
        held = {a.instance_id for a in await Assignment.find(Assignment.user_id == me,
                                                             Assignment.definition_key == OUTGOING).to_list()}
        ors: list[dict[str, object]] = [{"drafter_id": me}, {"instance_id": {"$in": list(held)}}]
        if DOC_ROLES & set(user.roles):
            ors.append({"unit_id": {"$in": list(await home_units(user))}})
        query = {"$or": ors}
    drafts = await OutgoingDraft.find(query).sort("-updated_at").limit(limit).to_list()
    insts = {i.id: i for i in await ProcessInstance.find(In(ProcessInstance.id, [d.instance_id for d in drafts
                                                                                if d.instance_id])).to_list()}
    rows = []
    for d in drafts:
        inst = insts.get(d.instance_id) if d.instance_id else None
        run = inst.state.open_run() if inst else None
        rows.append(OutgoingRow(id=str(d.id), title=d.title, status=d.status, current_step=run.name if run else None,
                                number_text=d.number_text, drafter_name=d.drafter_name, unit_name=d.unit_name,
                                updated_at=d.updated_at, mine_now=d.instance_id in open_mine))
    return rows
