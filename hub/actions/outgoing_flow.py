"""The 发文 steps on one draft: each is an act on its process (the engine decides whose turn it is), then the draft."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any, Literal
from zoneinfo import ZoneInfo

from beanie import PydanticObjectId
from beanie.operators import In
from pydantic import BaseModel, ConfigDict, Field
from pymongo import ReturnDocument

from hub.actions.audit import Origin, do_audit
from hub.actions.docnumbers import do_allocate
from hub.actions.documents import do_send_document
from hub.actions.documents_exchange import NOTICE_TIMER
from hub.actions.files import bytes_stream, do_upload, open_file_stream
from hub.actions.outgoing import (
    access_outgoing,
    attachment_names,
    instance_of,
    latest_version,
    unit_names,
    version_of,
)
from hub.actions.timers import do_schedule_timer
from hub.actions.workflow import do_act
from hub.classification import check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.layout.draft import body_lines, layout_doc, rendered_lines, substantive_change
from hub.layout.model import LayoutDoc
from hub.layout.ofd import write_ofd
from hub.layout.pdf import render_pdf
from hub.models import Unit, User
from hub.models.documents import DocumentElements, content_hash
from hub.models.files import StoredFile
from hub.models.outgoing import DraftContent, OutgoingDraft
from hub.numbering.wire import AllocateIn
from hub.workflow import engine
from hub.workflow.resolve import actor_of
from hub.workflow.state import INITIATOR_STEP, OpName
from hub.workflow.wire import ActIn

BEIJING = ZoneInfo("Asia/Shanghai")
OutgoingOp = Literal["review", "countersign", "sign", "number", "recheck", "seal", "distribute", "return",
                     "resubmit"]
STEP_OF: dict[str, str | None] = {"review": "review", "countersign": "countersign", "sign": "sign",
                                  "number": "number", "recheck": "recheck", "seal": "seal",
                                  "distribute": "distribute", "return": None, "resubmit": INITIATOR_STEP}
RECHECK_OPINION = "复核：签发后正文有实质性修改，退回签发人重新签发"


class OutgoingStepIn(BaseModel):
    """One press of a 发文 button; return sends the draft back to the drafter with the reason."""

    model_config = ConfigDict(extra="forbid")
    op: OutgoingOp
    request_id: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")
    opinion: str | None = Field(default=None, max_length=1000, description="意见; 会签 requires one")


def beijing_day(at: Any) -> date:
    return at.astimezone(BEIJING).date() if at is not None else date.today()


async def _act(hub: Hub, user: User, draft: OutgoingDraft, op: OpName, body: OutgoingStepIn, origin: Origin,
               *, target: str | None = None, opinion: str | None = None) -> None:
    inst = await instance_of(draft)
    act = ActIn(op=op, request_id=body.request_id, opinion=opinion or body.opinion, target=target)
    await do_act(hub, user, str(inst.id), act, origin, for_subject=True, expect_step=STEP_OF[body.op])


async def _holds(hub: Hub, user: User, draft: OutgoingDraft, step: str) -> None:
    """Checked before a step's side effect that precedes its act (编号 takes a number first)."""
    inst = await instance_of(draft)
    run = inst.state.open_run()
    actor = await actor_of(user, hub.clock.now())
    if run is None or run.step_key != step or engine.my_holder(run, actor) is None:
        raise HubError("action_not_allowed")


async def _set(hub: Hub, draft: OutgoingDraft, fields: dict[str, Any], guard: dict[str, Any] | None = None
               ) -> OutgoingDraft:
    doc = await OutgoingDraft.get_pymongo_collection().find_one_and_update(
        {"_id": draft.id, **(guard or {})}, {"$set": {**fields, "updated_at": hub.clock.now()}},
        return_document=ReturnDocument.AFTER)
    if doc is None:
        current = await OutgoingDraft.get(draft.id)
        assert current is not None
        return current
    out: OutgoingDraft = OutgoingDraft.model_validate(doc)
    return out


async def signed_layout(draft: OutgoingDraft, *, content: DraftContent | None = None) -> LayoutDoc:
    """The 版式 elements of the signed version (or of given content, for the live preview)."""
    if content is None:
        if draft.signed_version is None:
            raise HubError("action_not_allowed", detail="not signed yet")
        content = (await version_of(draft, draft.signed_version)).content
    unit = await Unit.get(draft.unit_id)
    assert unit is not None
    office = await Unit.find_one(Unit.parent_id == unit.id, Unit.kind == "office")
    names = await unit_names([*content.main_to, *content.cc_to])
    files = await attachment_names(draft.id, content.attachments)
    signed_on = beijing_day(draft.signed_at) if draft.signed_at else beijing_day(None)
    return layout_doc(content, unit_name=unit.name, printer=office.name if office else unit.name, code=draft.code,
                      number_text=draft.number_text, signer=draft.signer_name, signed_on=signed_on,
                      printed_on=beijing_day(draft.sealed_at) if draft.sealed_at else signed_on,
                      unit_names=names, attachment_names=files)


async def ensure_layout_files(hub: Hub, user: User, draft: OutgoingDraft, origin: Origin) -> OutgoingDraft:
    """The PDF and OFD of the signed version, stored with the draft once, their sha256 in the audit chain."""
    if draft.pdf_file_id is not None and draft.ofd_file_id is not None:
        return draft
    layout = await signed_layout(draft)
    pdf = await asyncio.to_thread(render_pdf, layout)
    ofd = write_ofd(layout, doc_id=str(draft.id), created=hub.clock.now())
    name = (draft.number_text or draft.title)[:60]
    pdf_file = await do_upload(hub, user, "outgoing", str(draft.id), f"{name}.pdf", bytes_stream(pdf), origin=origin)
    ofd_file = await do_upload(hub, user, "outgoing", str(draft.id), f"{name}.ofd", bytes_stream(ofd), origin=origin)
    updated = await _set(hub, draft, {"pdf_file_id": pdf_file.id, "ofd_file_id": ofd_file.id,
                                      "pdf_sha256": pdf_file.sha256, "ofd_sha256": ofd_file.sha256},
                         {"pdf_file_id": None})
    await do_audit(hub, "outgoing.layout", actor=user, object_type="outgoing", object_id=draft.id, origin=origin,
                   detail={"version": draft.signed_version, "pdf_sha256": pdf_file.sha256,
                           "ofd_sha256": ofd_file.sha256})
    return updated


async def do_outgoing_step(hub: Hub, user: User, draft_id: str, body: OutgoingStepIn, origin: Origin
                           ) -> OutgoingDraft:
    """Validate the step's input, act on the process, then write what the step decided onto the draft."""
    draft = await access_outgoing(user, draft_id)
    check_unclassified([body.opinion])
    now = hub.clock.now()
    if body.op in ("review", "countersign", "resubmit"):
        await _act(hub, user, draft, "approve", body, origin)
    elif body.op == "return":
        if not (body.opinion or "").strip():
            raise HubError("opinion_required")
        await _act(hub, user, draft, "return", body, origin, target="initiator")
    elif body.op == "sign":
        await _act(hub, user, draft, "approve", body, origin)
        latest = await latest_version(draft)
        draft = await _set(hub, draft, {"status": "signed", "signed_version": latest.n, "signer_name": user.name,
                                        "signed_at": now})
        await do_audit(hub, "outgoing.sign", actor=user, object_type="outgoing", object_id=draft.id, origin=origin,
                       detail={"version": latest.n})
    elif body.op == "number":
        await _holds(hub, user, draft, "number")
        entry = await do_allocate(hub, user, AllocateIn(
            request_id=body.request_id, unit_id=str(draft.unit_id), code=draft.code, year=now.astimezone(BEIJING).year,
            document_id=str(draft.id)), origin)
        await _act(hub, user, draft, "approve", body, origin)
        draft = await _set(hub, draft, {"number_id": entry.id, "number_text": entry.text})
    elif body.op == "recheck":
        draft = await _recheck(hub, user, draft, body, origin)
    elif body.op == "seal":
        await _act(hub, user, draft, "approve", body, origin)
        draft = await _set(hub, draft, {"status": "sealed", "sealed_by_name": user.name, "sealed_at": now},
                           {"sealed_at": None})
        await do_audit(hub, "outgoing.seal", actor=user, object_type="outgoing", object_id=draft.id, origin=origin,
                       detail={"number": draft.number_text or ""})
        draft = await ensure_layout_files(hub, user, draft, origin)
    else:  # distribute
        await _act(hub, user, draft, "approve", body, origin)
        draft = await ensure_layout_files(hub, user, draft, origin)
        draft = await _distribute(hub, user, draft, origin)
    found = await OutgoingDraft.get(draft.id)
    assert found is not None
    return found


async def _recheck(hub: Hub, user: User, draft: OutgoingDraft, body: OutgoingStepIn, origin: Origin
                   ) -> OutgoingDraft:
    """复核: the text as it is now against the text that was signed; a substantive change goes back to 签发."""
    assert draft.signed_version is not None
    signed = (await version_of(draft, draft.signed_version)).content
    latest = await latest_version(draft)
    names = await unit_names([*signed.main_to, *signed.cc_to, *latest.content.main_to, *latest.content.cc_to])
    before = rendered_lines(signed, names, {})
    after = rendered_lines(latest.content, names, {})
    if substantive_change(before, after):
        await _act(hub, user, draft, "return", body, origin, target="sign", opinion=body.opinion or RECHECK_OPINION)
        return await _set(hub, draft, {"status": "drafting"})
    await _act(hub, user, draft, "approve", body, origin)
    if latest.n != draft.signed_version:  # only spacing or punctuation changed: the corrected text is what goes out
        draft = await _set(hub, draft, {"signed_version": latest.n})
    return draft


async def _distribute(hub: Hub, user: User, draft: OutgoingDraft, origin: Origin) -> OutgoingDraft:
    """分发: hub units get it in their 收文 (the incoming path); the province through the exchange webhook."""
    assert draft.signed_version is not None and draft.number_text is not None
    content = (await version_of(draft, draft.signed_version)).content
    ids = [PydanticObjectId(i) for i in [*content.main_to, *content.cc_to]]
    units = {str(u.id): u for u in await Unit.find(In(Unit.id, ids)).to_list()}
    main = [i for i in content.main_to if i in units and not units[i].external]
    cc = [i for i in content.cc_to if i in units and not units[i].external]
    if not main:  # every 主送 is external: the hub's 抄送 units still receive it, as addressees
        main, cc = cc, []
    written = beijing_day(draft.signed_at)
    elements = DocumentElements(
        doc_type=content.doc_type, issuer=draft.unit_name, doc_number=draft.number_text,
        direction=content.direction, main_to=main, cc_to=cc, title=content.title,
        body="\n".join(body_lines(content.blocks)), written_on=written, note=content.note,
        openness=content.openness, urgency=content.urgency,
        signer=draft.signer_name if content.direction == "up" else None)
    doc_id = draft.document_id
    if main and doc_id is None:
        doc = await do_send_document(hub, user, elements, f"out-{draft.id}", origin, from_unit_id=str(draft.unit_id))
        doc_id = doc.id
        await _attach_layout(hub, user, draft, str(doc.id), origin)
    external = [units[i] for i in [*content.main_to, *content.cc_to] if i in units and units[i].external]
    payload = elements.model_dump(mode="json")
    for unit in external:
        delivery = f"{draft.id}:send:{unit.code}"
        notice = {"delivery_id": delivery, "kind": "document", "document_id": str(doc_id or draft.id),
                  "doc_number": draft.number_text, "title": content.title, "unit": unit.name,
                  "by": user.name, "at": hub.clock.now().isoformat(), "reason": None,
                  "content_hash": content_hash(payload), "sender_unit": draft.unit_name,
                  "pdf_sha256": draft.pdf_sha256, "ofd_sha256": draft.ofd_sha256,
                  "elements": {**payload, "main_to": [units[i].code for i in content.main_to if i in units],
                               "cc_to": [units[i].code for i in content.cc_to if i in units]}}
        await do_schedule_timer(hub, NOTICE_TIMER, f"{NOTICE_TIMER}:{delivery}:1", hub.clock.now(),
                                {"notice": notice, "attempt": 1})
    updated = await _set(hub, draft, {"status": "distributed", "document_id": doc_id,
                                      "province_units": [u.name for u in external]})
    await do_audit(hub, "outgoing.distribute", actor=user, object_type="outgoing", object_id=draft.id,
                   origin=origin, detail={"document": str(doc_id), "units": len(main) + len(cc),
                                          "province": len(external)})
    return updated


async def _attach_layout(hub: Hub, user: User, draft: OutgoingDraft, document_id: str, origin: Origin) -> None:
    """The 版式 files go with the document, so every recipient opens what was signed and sealed."""
    if await StoredFile.find(StoredFile.scope_kind == "document", StoredFile.scope_id == document_id).count():
        return
    for file_id in (draft.pdf_file_id, draft.ofd_file_id):
        stored = await StoredFile.get(file_id) if file_id else None
        if stored is not None:
            await do_upload(hub, user, "document", document_id, stored.name, open_file_stream(hub, stored),
                            origin=origin)
