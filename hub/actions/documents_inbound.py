"""The province sends 公文 through the signed incoming integration: each push becomes a document and its 收文."""

from __future__ import annotations

from typing import Any

from beanie.operators import In
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hub.actions.audit import Origin
from hub.actions.bots import ensure_bot
from hub.actions.documents import do_send_document
from hub.actions.integrations import do_create_integration
from hub.context import Hub
from hub.errors import HubError
from hub.models import Integration, Unit, User
from hub.models.documents import DocumentElements, OfficialDocument

EXCHANGE_BOT = "exchange"
EXCHANGE_BOT_NAME = "公文交换"


class ProvincePush(BaseModel):
    """What the province posts: its delivery id (a retry sends the same one), its unit code, the elements with
    recipients named by unit code (the province does not know our ids)."""

    model_config = ConfigDict(extra="forbid")
    delivery_id: str = Field(min_length=4, max_length=50, pattern=r"^[A-Za-z0-9_.:-]+$")
    sender_unit: str = Field(default="gs", max_length=40)
    elements: dict[str, Any]


async def _unit_ids(codes: Any) -> list[str]:
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes) or len(codes) > 200:
        raise HubError("invalid_request", detail="main_to/cc_to: lists of unit codes")
    units = {u.code: u for u in await Unit.find(In(Unit.code, codes)).to_list()}
    if len(units) != len(set(codes)):
        raise HubError("invalid_request", detail="main_to/cc_to: unknown unit codes")
    return [str(units[c].id) for c in codes]


async def do_receive_province(hub: Hub, integration: Integration, payload: Any) -> OfficialDocument:
    """Called by the integration once the signature, window and replay checks passed."""
    try:
        push = ProvincePush.model_validate(payload)
        raw = dict(push.elements)
        raw["main_to"] = await _unit_ids(raw.get("main_to", []))
        raw["cc_to"] = await _unit_ids(raw.get("cc_to", []))
        elements = DocumentElements.model_validate(raw)
    except ValidationError as exc:
        raise HubError("invalid_request", detail=str(exc.errors()[0]["msg"])[:200]) from None
    if elements.classified:
        raise HubError("classified_content", detail="份号/密级/保密期限: 涉密公文不得进入本系统")
    sender = await Unit.find_one(Unit.code == push.sender_unit)
    if sender is None or not sender.external:
        raise HubError("invalid_request", detail="sender_unit: an external unit's code")
    account = await ensure_bot(EXCHANGE_BOT, EXCHANGE_BOT_NAME, [])
    bot = await User.get(account.user_id)
    assert bot is not None
    return await do_send_document(hub, bot, elements, f"{integration.key}:{push.delivery_id}"[:64],
                                  Origin(user_agent=f"integration:{integration.key}"), sender_unit=sender)


async def do_create_exchange_integration(hub: Hub, admin: User | None, key: str, name: str = "省公文交换（公文）",
                                         salt: str | None = None) -> tuple[Integration, str]:
    await ensure_bot(EXCHANGE_BOT, EXCHANGE_BOT_NAME, [])
    return await do_create_integration(hub, admin, key, name, EXCHANGE_BOT, salt=salt)
