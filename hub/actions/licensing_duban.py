"""A yellow or red 电子监察 card becomes a 督办 item in one click: the 实施机关 hosts it, the case's deadline set."""

from __future__ import annotations

from datetime import date, timedelta

from beanie import PydanticObjectId

from hub.actions.audit import Origin
from hub.actions.cards import access_card
from hub.actions.duban import check_may_open, do_open_duban
from hub.actions.licensing_monitor import LIGHT_CARD
from hub.context import Hub
from hub.errors import HubError
from hub.lib.timeutil import BEIJING
from hub.lib.workdays import beijing_date
from hub.models import User
from hub.models.duban import DubanItem
from hub.models.licensing import LicensingCase
from hub.remind.duban_wire import DubanIn, DubanSourceIn


async def duban_deadline(hub: Hub, case: LicensingCase) -> date:
    """The case's own due day while it is still ahead; once it has passed (red), the next working day."""
    today = beijing_date(hub.clock.now())
    if case.due_at is not None and beijing_date(case.due_at) >= today and case.light != "red":
        return beijing_date(case.due_at)
    cal = await hub.workdays.fresh()
    day = today + timedelta(days=1)
    while not cal.is_workday(day):
        day += timedelta(days=1)
    return day


async def do_duban_from_light_card(hub: Hub, user: User, card_id: str, origin: Origin) -> DubanItem:
    """Once per leader and card (the request id is the card's): a second click opens the same item."""
    check_may_open(user)
    card = await access_card(user, card_id)
    if card.kind != LIGHT_CARD or card.status.code not in ("yellow", "red"):
        raise HubError("invalid_request", detail="only a yellow or red 电子监察 card becomes a 督办 item")
    try:
        case = await LicensingCase.get(PydanticObjectId(str(card.context.get("case_id"))))
    except Exception:
        case = None
    if case is None:
        raise HubError("not_found")
    red = card.status.code == "red"
    due = case.due_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M") if case.due_at else "—"
    body = (f"电子监察{'红灯：已超过办理时限' if red else '黄灯：即将到期'}。\n"
            f"办件编号：{case.number}\n事项：{case.matter_name}\n实施机关：{case.unit_name}\n"
            f"当前时限：{due}\n请主办单位加快办理，并按时反馈办理情况。")
    spec = DubanIn(request_id=f"licensing-card-{card.id}", title=f"督办：{case.matter_name}（{case.number}）"[:100],
                   body=body, host_unit_id=str(case.unit_id), deadline=await duban_deadline(hub, case),
                   urgency="特急" if red else "加急", source=DubanSourceIn(kind="card", id=str(card.id)))
    return await do_open_duban(hub, user, spec, origin)
