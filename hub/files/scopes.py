"""Who may read and attach files on which objects: one policy per scope kind, registered on the hub."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from hub.access import parse_id
from hub.errors import HubError
from hub.models.channels import Subscription, subscription_id

if TYPE_CHECKING:
    from hub.context import Hub
    from hub.models.org import User


class ScopePolicy(Protocol):
    """Answers for one scope kind; scope_id is the object's id as a string, possibly malformed."""

    # The total bytes one scope object may hold; None takes settings.file_scope_max_bytes.
    max_total_bytes: int | None

    async def can_read(self, hub: Hub, user: User, scope_id: str) -> bool: ...

    async def can_attach(self, hub: Hub, user: User, scope_id: str) -> bool: ...


class FileScopes:
    """The registry of a hub (hub.file_scopes), filled in make_hub and by feature modules."""

    def __init__(self) -> None:
        self._policies: dict[str, ScopePolicy] = {}

    def register(self, kind: str, policy: ScopePolicy) -> None:
        if kind in self._policies:
            raise ValueError(f"file scope {kind!r} is already registered")
        self._policies[kind] = policy

    def get(self, kind: str) -> ScopePolicy:
        """The policy of a kind a client named; an unknown kind is a malformed request."""
        policy = self._policies.get(kind)
        if policy is None:
            raise HubError("invalid_request", detail=f"unknown scope_kind {kind[:40]!r}")
        return policy

    def find(self, kind: str) -> ScopePolicy | None:
        return self._policies.get(kind)

    def kinds(self) -> list[str]:
        return sorted(self._policies)


class OwnUploadsScope:
    """A person's uploads for something they are still writing (an announcement, a form, a 发文 拟稿): the scope
    id is their own user id, and only they read and attach until what they write takes the files over."""

    def __init__(self, max_total_bytes: int) -> None:
        self.max_total_bytes: int | None = max_total_bytes

    async def can_read(self, hub: Hub, user: User, scope_id: str) -> bool:
        return scope_id == str(user.id)

    async def can_attach(self, hub: Hub, user: User, scope_id: str) -> bool:
        return scope_id == str(user.id)


class ChannelScope:
    """Channel attachments: members read them; members (everyone who may post there) attach."""

    max_total_bytes: int | None = None

    async def _member(self, user: User, scope_id: str) -> bool:
        try:
            cid = parse_id(scope_id)
        except HubError:
            return False
        return await Subscription.get(subscription_id(cid, user.id)) is not None

    async def can_read(self, hub: Hub, user: User, scope_id: str) -> bool:
        return await self._member(user, scope_id)

    async def can_attach(self, hub: Hub, user: User, scope_id: str) -> bool:
        return await self._member(user, scope_id)
