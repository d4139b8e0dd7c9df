"""The demo's 通讯录 details: an office phone, a mobile and a room for every person, the same on every load."""

from __future__ import annotations

import hashlib

from hub.models import Membership, Unit, User

# Where each body sits (made up, but the shape of a real directory): building and floor by unit code prefix.
BUILDINGS = {"sw": "市委大楼", "rd": "人大办公楼", "zf": "市政府大楼", "zx": "政协办公楼"}


def _digits(key: str, n: int) -> str:
    return str(int(hashlib.sha256(key.encode()).hexdigest(), 16))[:n]


async def load_contacts_demo() -> None:
    units = {u.id: u for u in await Unit.find_all().to_list()}
    for user in await User.find(User.is_bot == False).to_list():  # noqa: E712
        if user.office_phone or user.mobile:
            continue
        seat = await Membership.find_one(Membership.user_id == user.id)
        unit = units.get(seat.unit_id) if seat else None
        code = unit.code if unit else ""
        building = BUILDINGS.get(code.split("-")[0], f"{unit.short_name}办公楼" if unit else "市民中心")
        d = _digits(user.username, 12)
        await User.get_pymongo_collection().update_one({"_id": user.id}, {"$set": {
            "office_phone": f"0943-82{d[:5]}", "mobile": f"139{d[5:9]}{d[9:12]}{d[0]}",
            "office_room": f"{building}{int(d[1]) % 6 + 2}{d[2:4]}室"}})
