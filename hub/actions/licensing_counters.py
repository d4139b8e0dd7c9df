"""审批动态 counters: what each case contributes per (department, 事项, day), kept by idempotent $inc, and rebuilt."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date, datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from hub.actions.audit import do_audit
from hub.context import Hub
from hub.lib.timeutil import BEIJING
from hub.models import User
from hub.models.licensing import LicensingCase, LicensingStat

PENDING = ("submitted", "correction", "review", "decided")
# The state figures of a case: counted on the day it was submitted, which never changes, so that the sum over a
# department's days is the figure now and a transition moves only counts of the documents it touches.
STATE = ("total", "pending", "yellow", "red", "accepted", "extended", "corrected", "bad")
Facts = Counter[tuple[str, str]]


def day_of(at: datetime) -> str:
    return at.astimezone(BEIJING).date().isoformat()


def week_of(day: str) -> str:
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def facts(case: LicensingCase | None) -> Facts:
    """(day, counter) -> what this case adds; the dashboard's figures are sums of these over cases."""
    out: Facts = Counter()
    if case is None:
        return out
    sub = day_of(case.submitted_at)
    pending = case.status in PENDING
    flags = {"total": True, "pending": pending, "yellow": pending and case.light == "yellow",
             "red": pending and case.light == "red", "accepted": case.accepted_at is not None,
             "extended": case.extension is not None and case.extension.approved_at is not None,
             "corrected": case.correction is not None, "bad": case.rating is not None and case.rating.score <= 2}
    for name, on in flags.items():
        if on:
            out[(sub, name)] += 1
    if case.completed_at is not None:
        out[(day_of(case.completed_at), "done")] += 1
    if isinstance(case.decide_days, int):
        out[(day_of(case.decided_at or case.submitted_at), f"h{case.decide_days}")] += 1
    if pending and case.light != "red" and case.due_at is not None:
        out[(day_of(case.due_at), "due")] += 1
    return out


def _key(case: LicensingCase, day: str) -> str:
    return f"{case.unit_id}|{case.matter_key}|{day}"


def _seed(case: LicensingCase, day: str) -> dict[str, Any]:
    return {"_id": _key(case, day), "unit_id": case.unit_id, "unit_name": case.unit_name,
            "matter_key": case.matter_key, "matter_name": case.matter_name, "day": day, "week": week_of(day),
            "n": {}, "applied": []}


async def _apply_one(case: LicensingCase, day: str, inc: dict[str, int], transition: str) -> None:
    """One guarded $inc: applied once per transition and document, however often it is retried. The document
    is created by a plain insert (a duplicate changes nothing), never by an upsert, which SecantusDB may count
    twice when upserts race (see hub/lib/upsert.py)."""
    coll = LicensingStat.get_pymongo_collection()
    key = _key(case, day)
    update = {"$inc": {f"n.{k}": v for k, v in inc.items()}, "$push": {"applied": transition}}
    for attempt in range(50):
        res = await coll.update_one({"_id": key, "applied": {"$ne": transition}}, update)
        if res.modified_count:
            return
        if await coll.find_one({"_id": key}, {"_id": 1}) is not None:
            return  # it exists and this transition is already counted on it
        try:
            await coll.insert_one(_seed(case, day))
        except DuplicateKeyError:
            await asyncio.sleep(0.001 * attempt)  # another caller's insert, maybe not visible yet
    raise RuntimeError(f"could not count {transition} on {key}")


async def count_transition(before: LicensingCase | None, after: LicensingCase, transition: str) -> None:
    """Move the counters from what `before` contributed to what `after` does. `transition` names the change
    (case id and version, or the light timer): counting it again is a no-op."""
    delta: Facts = Counter(facts(after))
    delta.subtract(facts(before))
    by_day: dict[str, dict[str, int]] = {}
    for (day, name), n in delta.items():
        if n:
            by_day.setdefault(day, {})[name] = n
    for day, inc in sorted(by_day.items()):
        await _apply_one(after, day, inc, transition)


async def do_rebuild_counters(hub: Hub, actor: User | None) -> int:
    """Recount every case from scratch (after an import, a restore, or to check the counters); for the
    administrator, while no one acts on cases. Returns the number of counter documents."""
    sums: dict[str, dict[str, Any]] = {}
    async for case in LicensingCase.find_all():
        for (day, name), n in facts(case).items():
            doc = sums.setdefault(_key(case, day), _seed(case, day))
            doc["n"][name] = doc["n"].get(name, 0) + n
    coll = LicensingStat.get_pymongo_collection()
    await coll.delete_many({})
    docs = list(sums.values())
    for start in range(0, len(docs), 500):
        await coll.insert_many(docs[start:start + 500])
    await do_audit(hub, "licensing.counters_rebuilt", actor=actor, object_type="licensing_stats",
                   object_id="", detail={"documents": len(docs)})
    return len(docs)


async def counter_docs(units: list[PydanticObjectId] | None) -> list[dict[str, Any]]:
    query: dict[str, Any] = {} if units is None else {"unit_id": {"$in": units}}
    cursor = LicensingStat.get_pymongo_collection().find(query, {"applied": 0})
    return [dict(d) async for d in cursor]
