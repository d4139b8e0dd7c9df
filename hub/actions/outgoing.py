"""发文稿: drafting a 公文 for one's unit (starts its 发文 process), saving versions, and who may see a draft."""

from __future__ import annotations

from beanie import PydanticObjectId
from beanie.operators import In
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.actions.channels import ensure_unit_channel
from hub.actions.documents import DOC_ROLES, clerks_of, heads_of, home_units
from hub.actions.workflow import do_start
from hub.actions.workflow_files import check_process_files, do_move_draft_files
from hub.classification import check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.layout.draft import texts
from hub.models import Membership, Unit, User
from hub.models.files import StoredFile
from hub.models.outgoing import DraftContent, DraftVersion, OutgoingDraft
from hub.workflow.documents import Assignment, ProcessInstance, SubjectRef
from hub.workflow.state import INITIATOR_STEP
from hub.workflow.wire import StartIn

OUTGOING = "outgoing"
# Steps whose holder may save a new version: 核稿 edits; the clerk corrects at 编号/复核 (then 复核 compares).
EDIT_STEPS = frozenset({"review", "number", "recheck"})


async def drafting_unit(user: User) -> Unit:
    """The unit a person drafts for: their first seat's unit, or for an 办公室 seat the body it serves."""
    seats = await Membership.find(Membership.user_id == user.id).sort("order").to_list()
    unit = await Unit.get(seats[0].unit_id) if seats else None
    if unit is not None and unit.kind == "office" and unit.parent_id is not None:
        unit = await Unit.get(unit.parent_id)
    if unit is None or unit.external:
        raise HubError("forbidden", detail="drafting is for members of a unit of this hub")
    return unit


async def unit_names(ids: list[str]) -> dict[str, str]:
    oids = [PydanticObjectId(i) for i in dict.fromkeys(ids) if PydanticObjectId.is_valid(i)]
    return {str(u.id): u.name for u in await Unit.find(In(Unit.id, oids)).to_list()} if oids else {}


async def attachment_names(draft_id: PydanticObjectId | None, ids: list[str]) -> dict[str, str]:
    oids = [PydanticObjectId(i) for i in dict.fromkeys(ids) if PydanticObjectId.is_valid(i)]
    if not oids or draft_id is None:
        return {}
    found = await StoredFile.find(In(StoredFile.id, oids), StoredFile.scope_kind == OUTGOING,
                                  StoredFile.scope_id == str(draft_id)).to_list()
    return {str(f.id): f.name for f in found}


async def check_content(content: DraftContent, unit: Unit, draft_id: PydanticObjectId | None,
                        uploader: User | None = None) -> None:
    """Recipients exist and are not the drafting unit; attachments are files of this draft (at 拟稿: the
    drafter's own uploads, moved onto the draft when it is created); no 密级 text."""
    check_unclassified(texts(content))
    ids = [*content.main_to, *content.cc_to]
    if len(set(ids)) != len(ids):
        raise HubError("invalid_request", detail="main_to/cc_to: each unit once")
    names = await unit_names(ids)
    if len(names) != len(ids):
        raise HubError("invalid_request", detail="main_to/cc_to: unknown units")
    if str(unit.id) in names:
        raise HubError("invalid_request", detail="main_to/cc_to: not the drafting unit itself")
    if draft_id is None and uploader is not None:
        if content.attachments:
            await check_process_files(uploader, list(content.attachments))
    elif content.attachments and len(await attachment_names(draft_id, content.attachments)) != len(
            set(content.attachments)):
        raise HubError("invalid_request", detail="attachments: files uploaded to this draft")


async def _user(user_id: str) -> User:
    found = await User.get(parse_id(user_id)) if PydanticObjectId.is_valid(user_id) else None
    if found is None or found.disabled or found.is_bot:
        raise HubError("invalid_request", detail="unknown people")
    return found


async def check_people(unit: Unit, content: DraftContent, reviewer_id: str, signer_id: str,
                       countersign_unit_ids: list[str]) -> tuple[User, User, list[Unit]]:
    """核稿人 any colleague; 签发 by a leader, a 上行文 by the unit's principal (its head); 会签 units have heads."""
    reviewer, signer = await _user(reviewer_id), await _user(signer_id)
    if "leader" not in signer.roles:
        raise HubError("invalid_request", detail="signer_id: 签发 is by a leader")
    if content.direction == "up" and str(signer.id) not in await heads_of(unit):
        raise HubError("invalid_request", detail="signer_id: 上行文 are signed by the principal (主要负责人)")
    oids = [parse_id(i) for i in dict.fromkeys(countersign_unit_ids)]
    units = await Unit.find(In(Unit.id, oids)).to_list() if oids else []
    if len(units) != len(oids) or any(u.external or u.id == unit.id for u in units):
        raise HubError("invalid_request", detail="countersign_unit_ids: other units of this hub")
    return reviewer, signer, units


async def do_create_outgoing(hub: Hub, user: User, content: DraftContent, code: str, reviewer_id: str,
                             signer_id: str, countersign_unit_ids: list[str], request_id: str,
                             origin: Origin) -> OutgoingDraft:
    """拟稿: the draft, its version 1, and its 发文 process (核稿 first), once per request id."""
    unit = await drafting_unit(user)
    earlier = await OutgoingDraft.find_one(OutgoingDraft.drafter_id == str(user.id),
                                           OutgoingDraft.create_request_id == request_id)
    # A retried 拟稿 finds its attachments moved onto the draft it created (and moves any a crash left behind).
    if earlier is not None and earlier.id is not None:
        await do_move_draft_files(list(content.attachments), str(user.id), OUTGOING, str(earlier.id))
    await check_content(content, unit, earlier.id if earlier else None, None if earlier else user)
    reviewer, signer, cs_units = await check_people(unit, content, reviewer_id, signer_id, countersign_unit_ids)
    clerks = await clerks_of(unit)
    if not clerks:
        raise HubError("no_approver", detail=f"{unit.name}: no 文书 to number and send")
    heads: list[str] = []
    for u in cs_units:
        heads += [h for h in await heads_of(u) if h not in heads]
    now = hub.clock.now()
    assert unit.id is not None
    draft = OutgoingDraft(unit_id=unit.id, unit_name=unit.name, code=code, drafter_id=str(user.id),
                          drafter_name=user.name, reviewer_id=str(reviewer.id), signer_id=str(signer.id),
                          countersign_unit_ids=[str(u.id) for u in cs_units], title=content.title,
                          create_request_id=request_id, created_at=now, updated_at=now)
    try:
        await draft.insert()
    except DuplicateKeyError:
        found = await OutgoingDraft.find_one(OutgoingDraft.drafter_id == str(user.id),
                                             OutgoingDraft.create_request_id == request_id)
        assert found is not None
        draft = found
    assert draft.id is not None
    await do_move_draft_files(list(content.attachments), str(user.id), OUTGOING, str(draft.id))
    try:
        await DraftVersion(draft_id=draft.id, n=1, content=content, author_id=str(user.id), author_name=user.name,
                           step="拟稿", at=now).insert()
    except DuplicateKeyError:
        pass
    if draft.instance_id is None:
        chosen = {"review": [str(reviewer.id)], "countersign": heads, "sign": [str(signer.id)], "number": clerks,
                  "recheck": clerks, "seal": clerks, "distribute": clerks}
        body = StartIn(definition_key=OUTGOING, request_id=f"out-{draft.id}", chosen=chosen,
                       form={"title": content.title, "draft_id": str(draft.id)},
                       subject=SubjectRef(kind="outgoing", id=str(draft.id)))
        inst = await do_start(hub, user, body, origin, subject_channel=await ensure_unit_channel(unit),
                              for_subject=True)
        await OutgoingDraft.get_pymongo_collection().update_one({"_id": draft.id, "instance_id": None},
                                                                {"$set": {"instance_id": inst.id}})
        await do_audit(hub, "outgoing.create", actor=user, object_type="outgoing", object_id=draft.id,
                       origin=origin, detail={"unit": str(unit.id), "code": code})
    found = await OutgoingDraft.get(draft.id)
    assert found is not None
    return found


async def instance_of(draft: OutgoingDraft) -> ProcessInstance:
    inst = await ProcessInstance.get(draft.instance_id) if draft.instance_id else None
    if inst is None:
        raise HubError("action_not_allowed", detail="the draft's process has not started")
    return inst


async def access_outgoing(user: User, draft_id: object) -> OutgoingDraft:
    """The drafter, everyone who holds or held a step of it, and the drafting unit's leaders and clerks."""
    draft = await OutgoingDraft.get(parse_id(draft_id))
    if draft is None:
        raise HubError("not_found")
    if draft.drafter_id == str(user.id):
        return draft
    if DOC_ROLES & set(user.roles) and draft.unit_id in await home_units(user):
        return draft
    if draft.instance_id and await Assignment.find_one(Assignment.instance_id == draft.instance_id,
                                                       Assignment.user_id == str(user.id)) is not None:
        return draft
    raise HubError("not_found")


async def latest_version(draft: OutgoingDraft) -> DraftVersion:
    found = await DraftVersion.find(DraftVersion.draft_id == draft.id).sort("-n").limit(1).to_list()
    if not found:
        raise HubError("internal", detail="the draft has no version")
    return found[0]


async def version_of(draft: OutgoingDraft, n: int) -> DraftVersion:
    found = await DraftVersion.find_one(DraftVersion.draft_id == draft.id, DraftVersion.n == n)
    if found is None:
        raise HubError("not_found", detail=f"version {n}")
    return found


async def check_can_edit(user: User, draft: OutgoingDraft) -> str:
    """The name of the step an edit is made in, when this person may edit now (else action_not_allowed)."""
    inst = await instance_of(draft)
    run = inst.state.open_run()
    if inst.state.status != "running" or run is None:
        raise HubError("action_not_allowed", detail="the draft is no longer edited")
    holds = any(h.status == "open" and h.user_id == str(user.id) for h in run.holders)
    if run.step_key == INITIATOR_STEP and holds:
        return "拟稿"
    if run.step_key == "review" and user.id is not None and str(user.id) == draft.drafter_id:
        return "拟稿"  # the drafter may still polish while 核稿 has not acted
    if run.step_key in EDIT_STEPS and holds:
        return run.name
    raise HubError("action_not_allowed", detail="edits are made by the drafter, at 核稿, or by the clerk")


async def do_edit_outgoing(hub: Hub, user: User, draft_id: str, base_version: int, content: DraftContent,
                           origin: Origin) -> OutgoingDraft:
    """A new version on top of base_version; the unique (draft, n) index refuses a second save from the same
    base, so an editor who did not see the other's change gets stale_version and nothing is lost."""
    draft = await access_outgoing(user, draft_id)
    step = await check_can_edit(user, draft)
    unit = await Unit.get(draft.unit_id)
    assert unit is not None and draft.id is not None
    await check_content(content, unit, draft.id)
    if base_version != draft.version:
        raise HubError("stale_version", detail=f"now at version {draft.version}")
    if content.direction == "up" and draft.signer_id not in await heads_of(unit):
        raise HubError("invalid_request", detail="direction: 上行文 need the principal as signer")
    now = hub.clock.now()
    try:
        await DraftVersion(draft_id=draft.id, n=base_version + 1, content=content, author_id=str(user.id),
                           author_name=user.name, step=step, at=now).insert()
    except DuplicateKeyError:
        raise HubError("stale_version", detail=f"version {base_version + 1} was saved by someone else") from None
    await OutgoingDraft.get_pymongo_collection().update_one(
        {"_id": draft.id}, {"$max": {"version": base_version + 1}, "$set": {"title": content.title,
                                                                          "updated_at": now}})
    await do_audit(hub, "outgoing.edit", actor=user, object_type="outgoing", object_id=draft.id, origin=origin,
                   detail={"version": base_version + 1, "step": step})
    found = await OutgoingDraft.get(draft.id)
    assert found is not None
    return found


class OutgoingScope:
    """附件 and 版式 files of a draft: whoever may see the draft reads them; the same people attach while it is
    being written (the 版式 files are stored by the clerk at 用印)."""

    max_total_bytes: int | None = 200 * 1024 * 1024

    async def can_read(self, hub: Hub, user: User, scope_id: str) -> bool:
        try:
            await access_outgoing(user, scope_id)
        except HubError:
            return False
        return True

    async def can_attach(self, hub: Hub, user: User, scope_id: str) -> bool:
        try:
            draft = await access_outgoing(user, scope_id)
        except HubError:
            return False
        return draft.status not in ("distributed", "withdrawn", "rejected")
