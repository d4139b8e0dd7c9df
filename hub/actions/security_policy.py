"""The security policy (安全保密管理员): password rules, lockout, session timeouts, uploads; live on every process."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from pydantic import BaseModel, Field
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from hub.actions.audit import Origin, do_audit
from hub.context import Hub
from hub.errors import HubError
from hub.models import User
from hub.models.admin import SecurityPolicy

POLICY_ID = "security"
_EXT = re.compile(r"^[a-z0-9]{1,10}$")


class SecurityRules(BaseModel):
    """What the administrator edits; the bounds keep a slip from locking everyone out or weakening 等保 floors."""

    password_min_length: int = Field(ge=8, le=64)
    password_classes: int = Field(ge=1, le=4, description="kinds of characters required: lower, upper, digit, "
                                                          "symbol")
    login_max_failures: int = Field(ge=3, le=20)
    login_lock_minutes: float = Field(ge=1, le=1440)
    session_ttl_hours: float = Field(ge=1, le=72)
    session_idle_minutes: float = Field(ge=5, le=480)
    upload_max_mb: float = Field(gt=0, le=200)
    upload_types: list[str] = Field(min_length=1, max_length=50)


_FIELDS = tuple(SecurityRules.model_fields)


def rules_of(hub: Hub) -> SecurityRules:
    """The rules in force in this process."""
    return SecurityRules.model_validate({name: getattr(hub.settings, name) for name in _FIELDS})


def _apply(hub: Hub, rules: SecurityRules) -> None:
    # Every reader (login throttle, session checks, cookies) reads hub.settings at the moment it decides, so
    # replacing the settings object makes a saved policy take effect at once, without a restart.
    hub.settings = hub.settings.model_copy(update=rules.model_dump())


async def load_security_policy(hub: Hub) -> int:
    """Apply the stored policy, if any; its version (0: none saved, the process settings stand)."""
    doc = await SecurityPolicy.get(POLICY_ID)
    if doc is None:
        return 0
    _apply(hub, SecurityRules.model_validate(doc.model_dump()))
    return doc.version


def check_rules(rules: SecurityRules) -> SecurityRules:
    types: list[str] = []
    for raw in rules.upload_types:
        ext = raw.strip().lower().lstrip(".")
        if not _EXT.match(ext):
            raise HubError("invalid_request", detail=f"upload_types: {raw!r} is not a file extension")
        if ext not in types:
            types.append(ext)
    return rules.model_copy(update={"upload_types": types})


async def do_update_security_policy(hub: Hub, actor: User, rules: SecurityRules, version: int,
                                    origin: Origin | None = None) -> int:
    """Replace the policy, guarded by the version the administrator saw; audited with before and after."""
    if "sec_admin" not in actor.roles:
        raise HubError("forbidden")
    rules = check_rules(rules)
    before = rules_of(hub)
    update = {"$set": {**rules.model_dump(), "version": version + 1, "updated_at": hub.clock.now(),
                       "updated_by": str(actor.id)}}
    coll = SecurityPolicy.get_pymongo_collection()
    try:
        doc = await coll.find_one_and_update({"_id": POLICY_ID, "version": version}, update, upsert=version == 0,
                                             return_document=ReturnDocument.AFTER)
    except DuplicateKeyError:
        doc = None
    if doc is None:
        raise HubError("conflict", detail="the policy changed meanwhile; reload it")
    changed = {k: {"before": getattr(before, k), "after": getattr(rules, k)} for k in _FIELDS
               if getattr(before, k) != getattr(rules, k)}
    await do_audit(hub, "policy.security_updated", actor=actor, object_type="policy", object_id=POLICY_ID,
                   detail={"changed": changed, "version": version + 1}, origin=origin)
    return await load_security_policy(hub)


def password_kinds(password: str) -> int:
    return sum((any(c.islower() for c in password), any(c.isupper() for c in password),
                any(c.isdigit() for c in password), any(not c.isalnum() for c in password)))


def check_password_policy(hub: Hub, password: str) -> str:
    s = hub.settings
    if len(password) < s.password_min_length or password_kinds(password) < s.password_classes:
        raise HubError("weak_password", detail=f"at least {s.password_min_length} characters of "
                                               f"{s.password_classes} kinds (lower, upper, digit, symbol)")
    if len(password) > 128:
        raise HubError("invalid_request", detail="password: at most 128 characters")
    return password


def check_upload(hub: Hub, filename: str, size: int, *, only: tuple[str, ...] = ()) -> str:
    """The file's extension, if the policy allows its type (and the caller accepts it) and its size."""
    ext = PurePosixPath(filename.replace("\\", "/")).suffix.lower().lstrip(".")
    if not ext or ext not in hub.settings.upload_types or (only and ext not in only):
        raise HubError("unsupported_file", detail=f"allowed: {', '.join(only or tuple(hub.settings.upload_types))}")
    if size > hub.settings.upload_max_mb * 1024 * 1024:
        raise HubError("payload_too_large", detail=f"at most {hub.settings.upload_max_mb:g} MB")
    return ext
