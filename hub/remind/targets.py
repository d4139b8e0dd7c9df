"""What a reminder can point at: a registry of kinds, each resolving (viewer, id) to a label and a link, or
not_found when the viewer may not see it (message, card, 待办, process and 公文)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from hub.access import access_message, parse_id
from hub.actions.cards import access_card
from hub.errors import HubError
from hub.models import Subscription, User
from hub.workflow.documents import Assignment


@dataclass(frozen=True)
class TargetInfo:
    label: str
    link: str


Resolver = Callable[[User, str, datetime], Awaitable[TargetInfo]]
_LABEL_MAX = 80


def _short(text: str) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= _LABEL_MAX else one_line[:_LABEL_MAX - 1] + "…"


class ReminderTargets:
    """Kinds by name; owned by the Hub (make_hub registers the built-in ones)."""

    def __init__(self) -> None:
        self._kinds: dict[str, Resolver] = {}

    def register(self, kind: str, resolver: Resolver) -> None:
        if kind in self._kinds and self._kinds[kind] is not resolver:
            raise ValueError(f"a reminder target kind {kind!r} is already registered")
        self._kinds[kind] = resolver

    @property
    def kinds(self) -> list[str]:
        return sorted(self._kinds)

    async def resolve(self, user: User, kind: str, target_id: str, now: datetime) -> TargetInfo:
        """The item as this user may see it now; an unknown kind, a missing item and a hidden one are alike."""
        resolver = self._kinds.get(kind)
        if resolver is None:
            raise HubError("not_found")
        return await resolver(user, target_id, now)


async def message_target(user: User, target_id: str, now: datetime) -> TargetInfo:
    del now
    message, channel, _ = await access_message(user, target_id)
    text = message.content or "（卡片）"
    where = channel.name or "会话"
    return TargetInfo(label=_short(f"{where}：{text}"), link=f"/c/{channel.id}?m={message.id}")


async def card_target(user: User, target_id: str, now: datetime) -> TargetInfo:
    del now
    card = await access_card(user, target_id)
    sub = await Subscription.find_one({"user_id": user.id, "channel_id": {"$in": card.channel_ids}})
    channel_id = sub.channel_id if sub is not None else card.channel_ids[0]
    return TargetInfo(label=_short(card.title), link=f"/c/{channel_id}?card={card.id}")


async def task_target(user: User, target_id: str, now: datetime) -> TargetInfo:
    """A 待办 or 已办 row of the 工作台: the person's own Assignment."""
    del now
    found = await Assignment.get(parse_id(target_id))
    if found is None or found.user_id != str(user.id):
        raise HubError("not_found")
    return TargetInfo(label=_short(f"{found.title}（{found.step_name}）"), link=f"/work/i/{found.instance_id}")


async def document_target(user: User, target_id: str, now: datetime) -> TargetInfo:
    """A 公文 the person may see (as sender or in a recipient unit's records)."""
    from hub.actions.documents import access_document

    del now
    doc, _ = await access_document(None, user, target_id)  # type: ignore[arg-type]  # the hub is not used
    return TargetInfo(label=_short(f"公文：{doc.elements.title}"), link=f"/docs/d/{doc.id}")


async def process_target(user: User, target_id: str, now: datetime) -> TargetInfo:
    from hub.actions.workflow import access_instance

    inst = await access_instance(user, target_id, now)
    return TargetInfo(label=_short(inst.title), link=f"/work/i/{inst.id}")


def builtin_targets() -> ReminderTargets:
    targets = ReminderTargets()
    targets.register("message", message_target)
    targets.register("card", card_target)
    targets.register("task", task_target)
    targets.register("process", process_target)
    targets.register("document", document_target)
    return targets
