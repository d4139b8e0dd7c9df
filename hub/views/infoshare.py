"""政务信息报送 and 《白银信息》 over HTTP: submit, 采用 or 退回, statistics, issues, and subscribing."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from hub.access import parse_id
from hub.actions.infoshare import (
    access_item,
    do_compile_issue,
    do_decide,
    do_set_subscription,
    do_submit,
    is_office,
    unit_name_map,
)
from hub.actions.targets import unit_ids_of
from hub.errors import HubError
from hub.infoshare.wire import (
    DecisionIn,
    InfoIn,
    InfoList,
    InfoOut,
    InfoQuery,
    InfoStats,
    IssueIn,
    IssueList,
    IssueOut,
    SubscriptionIn,
    UnitStats,
    YearIn,
)
from hub.models.infoshare import InfoIssue, InfoItem, InfoSubscription
from hub.views.base import EndpointTable, current, hub_of, origin_of

api = EndpointTable("info")


def _out(item: InfoItem, names: dict[str, str]) -> InfoOut:
    return InfoOut(id=str(item.id), year=item.year, unit_id=item.unit_id, unit_name=names.get(item.unit_id, ""),
                   author_name=item.author_name, title=item.title, body=item.body, status=item.status,
                   level=item.level, score=item.score, reviewer_name=item.reviewer_name, reason=item.reason,
                   issue_id=item.issue_id, created_at=item.created_at, decided_at=item.decided_at)


async def _outs(items: list[InfoItem]) -> list[InfoOut]:
    names = await unit_name_map({i.unit_id for i in items})
    return [_out(i, names) for i in items]


async def _issue_out(issue: InfoIssue) -> IssueOut:
    items = await InfoItem.find({"_id": {"$in": [parse_id(i) for i in issue.item_ids]}}).to_list()
    order = {i: n for n, i in enumerate(issue.item_ids)}
    items.sort(key=lambda i: order.get(str(i.id), 0))
    return IssueOut(id=str(issue.id), year=issue.year, number=issue.number, title=issue.title,
                    compiled_by_name=issue.compiled_by_name, published_at=issue.published_at,
                    items=await _outs(items))


@api("GET", "/api/v1/info/items", "政务信息: mine, my unit's, waiting for 采用 (office), or adopted (office)",
     query=InfoQuery, response=InfoList)
async def list_items(request: web.Request, query: InfoQuery) -> InfoList:
    user = current(request)[0]
    office = await is_office(user)
    match: dict[str, Any] = {}
    if query.box == "mine":
        match["author_id"] = str(user.id)
    elif query.box == "unit":
        match["unit_id"] = {"$in": sorted(await unit_ids_of(user))}
    elif not office:
        raise HubError("forbidden", detail="the office's boxes")
    elif query.box == "review":
        match["status"] = "submitted"
    else:
        match.update(status="adopted", issue_id=None)
    if query.year is not None:
        match["year"] = query.year
    items = await InfoItem.find(match).sort("-created_at").limit(300).to_list()
    subscribed = await InfoSubscription.find_one(InfoSubscription.user_id == user.id) is not None
    return InfoList(items=await _outs(items), is_office=office, subscribed=subscribed)


@api("POST", "/api/v1/info/items", "Submit a 政务信息 item on behalf of my unit", body=InfoIn, response=InfoOut)
async def submit_item(request: web.Request, body: InfoIn) -> InfoOut:
    item = await do_submit(hub_of(request), current(request)[0], body, origin_of(request))
    return (await _outs([item]))[0]


@api("GET", "/api/v1/info/items/{item_id}", "One 政务信息 item", response=InfoOut)
async def get_item(request: web.Request) -> InfoOut:
    return (await _outs([await access_item(current(request)[0], request.match_info["item_id"])]))[0]


@api("POST", "/api/v1/info/items/{item_id}/decision", "采用 (市级 or 报省) or 退回 an item (office)",
     body=DecisionIn, response=InfoOut)
async def decide_item(request: web.Request, body: DecisionIn) -> InfoOut:
    item = await do_decide(hub_of(request), current(request)[0], request.match_info["item_id"], body,
                           origin_of(request))
    return (await _outs([item]))[0]


@api("GET", "/api/v1/info/stats", "Per department: submitted, adopted, 报省, returned and score", query=YearIn,
     response=InfoStats)
async def info_stats(request: web.Request, query: YearIn) -> InfoStats:
    current(request)
    cursor = await InfoItem.get_pymongo_collection().aggregate([
        {"$match": {"year": query.year}},
        {"$group": {"_id": "$unit_id", "submitted": {"$sum": 1},
                    "adopted": {"$sum": {"$cond": [{"$eq": ["$status", "adopted"]}, 1, 0]}},
                    "province": {"$sum": {"$cond": [{"$eq": ["$level", "province"]}, 1, 0]}},
                    "returned": {"$sum": {"$cond": [{"$eq": ["$status", "returned"]}, 1, 0]}},
                    "score": {"$sum": "$score"}}}])
    rows = await cursor.to_list(None)
    names = await unit_name_map({r["_id"] for r in rows})
    units = [UnitStats(unit_id=r["_id"], unit_name=names.get(r["_id"], ""), submitted=r["submitted"],
                       adopted=r["adopted"], province=r["province"], returned=r["returned"], score=r["score"])
             for r in rows]
    units.sort(key=lambda u: (-u.score, -u.adopted, u.unit_name))
    return InfoStats(year=query.year, units=units)


@api("GET", "/api/v1/info/issues", "The issues of 《白银信息》, newest first", response=IssueList)
async def list_issues(request: web.Request) -> IssueList:
    current(request)
    issues = await InfoIssue.find_all().sort("-year", "-number").limit(100).to_list()
    return IssueList(issues=[await _issue_out(i) for i in issues])


@api("POST", "/api/v1/info/issues", "Compile adopted items into the next issue and send it (office)",
     body=IssueIn, response=IssueOut)
async def compile_issue(request: web.Request, body: IssueIn) -> IssueOut:
    issue = await do_compile_issue(hub_of(request), current(request)[0], body, origin_of(request))
    return await _issue_out(issue)


@api("GET", "/api/v1/info/issues/{issue_id}", "One issue of 《白银信息》", response=IssueOut)
async def get_issue(request: web.Request) -> IssueOut:
    current(request)
    issue = await InfoIssue.get(parse_id(request.match_info["issue_id"]))
    if issue is None:
        raise HubError("not_found")
    return await _issue_out(issue)


@api("PUT", "/api/v1/info/subscription", "Receive each new issue of 《白银信息》, or stop", body=SubscriptionIn,
     response=SubscriptionIn)
async def set_subscription(request: web.Request, body: SubscriptionIn) -> SubscriptionIn:
    done = await do_set_subscription(hub_of(request), current(request)[0], body.subscribed)
    return SubscriptionIn(subscribed=done)
