"""The classification policy document: read at start and refreshed, edited by the security administrator."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable

from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.actions.audit import do_audit, flush_failure_counts
from hub.actions.security_policy import load_security_policy
from hub.classification import DEFAULT_ALLOW, DEFAULT_LEVELS, ClassificationRules, check_unclassified
from hub.context import Hub
from hub.errors import HubError
from hub.models import User
from hub.models.security import ClassificationPolicy

log = logging.getLogger(__name__)
POLICY_ID = "classification"
# Other hub processes pick up an edit within this long.
REFRESH_SECONDS = 5.0
SECURITY_ADMIN = "sec_admin"


def _rules(doc: ClassificationPolicy | None) -> ClassificationRules:
    if doc is None:
        return ClassificationRules()
    return ClassificationRules(levels=tuple(doc.levels), allow=tuple(doc.allow), version=doc.version)


async def load_policy(hub: Hub) -> ClassificationRules:
    hub.classification = _rules(await ClassificationPolicy.get(POLICY_ID))
    return hub.classification


async def refresh_forever(hub: Hub) -> None:
    """Keep the policy fresh, and write the audit summaries of failure counts whose minute is over (claimed
    atomically, so several processes doing this never write one twice)."""
    while True:
        await asyncio.sleep(REFRESH_SECONDS)
        with contextlib.suppress(Exception):  # a store hiccup keeps the last policy; next round retries
            await load_policy(hub)
            await load_security_policy(hub)
            await flush_failure_counts(hub)


def check_texts(hub: Hub, texts: Iterable[str | None]) -> None:
    """Refuse 密级 markings under the current policy."""
    check_unclassified(texts, hub.classification)


def policy_out(rules: ClassificationRules) -> dict[str, object]:
    return {"levels": list(rules.levels), "allow": list(rules.allow), "version": rules.version,
            "defaults": {"levels": list(DEFAULT_LEVELS), "allow": list(DEFAULT_ALLOW)}}


def require_security_admin(user: User) -> None:
    if SECURITY_ADMIN not in user.roles:
        raise HubError("forbidden")


def _clean(words: list[str], *, what: str, limit: int) -> list[str]:
    out: list[str] = []
    for word in words:
        word = word.strip()
        if not 1 <= len(word) <= 20:
            raise HubError("invalid_request", detail=f"{what}: each entry 1-20 characters")
        if word not in out:
            out.append(word)
    if len(out) > limit:
        raise HubError("invalid_request", detail=f"{what}: at most {limit} entries")
    return out


async def do_update_classification_policy(hub: Hub, actor: User, levels: list[str], allow: list[str],
                                          version: int) -> ClassificationRules:
    """Replace the lists, guarded by the version the administrator saw; audited with before and after."""
    require_security_admin(actor)
    levels = _clean(levels, what="levels", limit=20)
    allow = _clean(allow, what="allow", limit=500)
    if not levels:
        raise HubError("invalid_request", detail="levels: at least one 密级 level")
    before = await load_policy(hub)
    update = {"$set": {"levels": levels, "allow": allow, "version": version + 1, "updated_at": hub.clock.now(),
                       "updated_by": str(actor.id)}}
    coll = ClassificationPolicy.get_pymongo_collection()
    try:
        doc = await coll.find_one_and_update({"_id": POLICY_ID, "version": version}, update,
                                             upsert=version == 0, return_document=ReturnDocument.AFTER)
    except DuplicateKeyError:
        doc = None
    if doc is None:
        raise HubError("conflict", detail="the policy changed meanwhile; reload it")
    await do_audit(hub, "policy.classification_updated", actor=actor, object_type="policy", object_id=POLICY_ID,
                   detail={"before": {"levels": list(before.levels), "allow": list(before.allow)},
                           "after": {"levels": levels, "allow": allow}, "version": version + 1})
    return await load_policy(hub)
