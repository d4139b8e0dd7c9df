"""政务信息报送: departments submit, the office 采用s (市级 or 报省, scored) or returns, and compiles adopted items
into a numbered issue of 《白银信息》 that goes to its subscribers."""

from __future__ import annotations

from beanie import PydanticObjectId
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.access import parse_id
from hub.actions.audit import Origin, do_audit
from hub.actions.bot_dm import bot_user, do_send_bot_dm
from hub.actions.targets import can_manage, unit_ids_of
from hub.classification import check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.infoshare.wire import DecisionIn, InfoIn, IssueIn
from hub.lib.workdays import beijing_date
from hub.models import Unit, User
from hub.models.infoshare import SCORES, InfoIssue, InfoItem, InfoSubscription

BOT_KEY = "infoshare"
BOT_NAME = "白银信息"
PUBLICATION = "白银信息"


async def is_office(user: User) -> bool:
    """The 市委/市政府 offices edit 《白银信息》, as they set targets."""
    return await can_manage(user)


async def access_item(user: User, item_id: object) -> InfoItem:
    """The submitting unit's members and the office; an adopted item also its readers once published."""
    item = await InfoItem.get(parse_id(item_id))
    if item is None:
        raise HubError("not_found")
    if item.unit_id in await unit_ids_of(user) or await is_office(user) or item.issue_id is not None:
        return item
    raise HubError("not_found")


async def do_submit(hub: Hub, user: User, body: InfoIn, origin: Origin) -> InfoItem:
    units = sorted(await unit_ids_of(user))
    if not units:
        raise HubError("forbidden", detail="information is submitted on behalf of a unit")
    check_unclassified([body.title, body.body], hub.classification)
    now = hub.clock.now()
    item = InfoItem(year=beijing_date(now).year, unit_id=units[0], author_id=str(user.id), author_name=user.name,
                    title=body.title.strip(), body=body.body.strip(), request_id=body.request_id, created_at=now)
    try:
        await item.insert()
    except DuplicateKeyError:
        earlier = await InfoItem.find_one(InfoItem.author_id == str(user.id), InfoItem.request_id == body.request_id)
        assert earlier is not None
        return earlier
    await do_audit(hub, "info.submit", actor=user, object_type="info", object_id=item.id, origin=origin)
    return item


async def do_decide(hub: Hub, user: User, item_id: str, body: DecisionIn, origin: Origin, *,
                    notify: bool = True) -> InfoItem:
    """采用 (scored by level) or 退回 with a reason, once; a retry of the same decision answers the same."""
    item = await access_item(user, item_id)
    if not await is_office(user):
        raise HubError("forbidden", detail="the office decides on information items")
    check_unclassified([body.reason], hub.classification)
    adopt = body.decision == "adopt"
    now = hub.clock.now()
    doc = await InfoItem.get_pymongo_collection().find_one_and_update(
        {"_id": item.id, "status": "submitted"},
        {"$set": {"status": "adopted" if adopt else "returned", "level": body.level if adopt else None,
                  "score": SCORES[body.level] if adopt and body.level else 0, "reviewer_id": str(user.id),
                  "reviewer_name": user.name, "reason": None if adopt else (body.reason or "").strip(),
                  "decided_at": now}},
        return_document=ReturnDocument.AFTER)
    if doc is None:
        current = await InfoItem.get(item.id)
        assert current is not None
        same = current.status == ("adopted" if adopt else "returned") and current.reviewer_id == str(user.id)
        if same and (not adopt or current.level == body.level):
            return current
        raise HubError("conflict", detail="the item has already been decided")
    decided: InfoItem = InfoItem.model_validate(doc)
    await do_audit(hub, f"info.{body.decision}", actor=user, object_type="info", object_id=item.id, origin=origin,
                   detail={"level": body.level} if adopt else None)
    what = f"被{'报省' if body.level == 'province' else '市级'}采用（+{decided.score}分）" if adopt \
        else f"被退回，理由：{decided.reason}"
    if notify:
        await _dm(hub, [decided.author_id], f"你报送的信息《{decided.title}》{what}。", f"info-decision-{decided.id}")
    return decided


async def do_compile_issue(hub: Hub, user: User, body: IssueIn, origin: Origin) -> InfoIssue:
    """The next issue of the year, from adopted items not yet in an issue; sent to every subscriber."""
    if not await is_office(user):
        raise HubError("forbidden", detail="the office compiles 《白银信息》")
    earlier = await InfoIssue.find_one(InfoIssue.compiled_by == str(user.id), InfoIssue.request_id == body.request_id)
    if earlier is not None:
        return earlier
    ids = list(dict.fromkeys(body.item_ids))
    oids = [parse_id(i) for i in ids]
    items = await InfoItem.find({"_id": {"$in": oids}, "status": "adopted", "issue_id": None}).to_list()
    if len(items) != len(ids):
        raise HubError("invalid_request", detail="only adopted items that are in no issue yet")
    now = hub.clock.now()
    year = beijing_date(now).year
    issue: InfoIssue | None = None
    async with hub.lock("info-issue"):
        for _ in range(50):
            last = await InfoIssue.find(InfoIssue.year == year).sort("-number").limit(1).to_list()
            number = (last[0].number if last else 0) + 1
            issue = InfoIssue(year=year, number=number, title=f"《{PUBLICATION}》{year}年第{number}期", item_ids=ids,
                              compiled_by=str(user.id), compiled_by_name=user.name, request_id=body.request_id,
                              published_at=now)
            try:
                await issue.insert()
                break
            except DuplicateKeyError:
                again = await InfoIssue.find_one(InfoIssue.compiled_by == str(user.id),
                                                 InfoIssue.request_id == body.request_id)
                if again is not None:
                    return again
                issue = None  # another process took this number: the next one
    if issue is None:
        raise HubError("conflict")
    # Claimed item by item, so an item lands in one issue even if two issues are compiled at once.
    taken = await InfoItem.get_pymongo_collection().update_many(
        {"_id": {"$in": oids}, "issue_id": None}, {"$set": {"issue_id": str(issue.id)}})
    if taken.modified_count != len(ids):
        await InfoItem.get_pymongo_collection().update_many({"issue_id": str(issue.id)}, {"$set": {"issue_id": None}})
        await issue.delete()
        raise HubError("conflict", detail="an item went into another issue at the same moment")
    await do_audit(hub, "info.issue", actor=user, object_type="info_issue", object_id=issue.id, origin=origin,
                   detail={"number": issue.number, "items": len(ids)})
    subscribers = [str(s.user_id) for s in await InfoSubscription.find_all().to_list()]
    await _dm(hub, subscribers, f"{issue.title}已刊发，共{len(ids)}条信息：[阅读](/info/issues/{issue.id})",
              f"info-issue-{issue.id}")
    return issue


async def do_set_subscription(hub: Hub, user: User, subscribed: bool) -> bool:
    assert user.id is not None
    if subscribed:
        try:
            await InfoSubscription(user_id=user.id, created_at=hub.clock.now()).insert()
        except DuplicateKeyError:
            pass
    else:
        await InfoSubscription.find(InfoSubscription.user_id == user.id).delete()
    return subscribed


async def _dm(hub: Hub, user_ids: list[str], text: str, key: str) -> None:
    await do_send_bot_dm(hub, await bot_user(BOT_KEY, BOT_NAME), user_ids, text, key)


async def unit_name_map(ids: set[str]) -> dict[str, str]:
    oids = [PydanticObjectId(i) for i in ids if PydanticObjectId.is_valid(i)]
    return {str(u.id): u.name for u in await Unit.find({"_id": {"$in": oids}}).to_list()} if oids else {}
