"""The demo's live announcement: 市政府办 to five departments, 60 % of them have read it, chasing on."""

from __future__ import annotations

from hub.actions.announce_receipts import do_open
from hub.actions.announcements import do_publish
from hub.announce_wire import AnnouncementIn
from hub.context import Hub
from hub.models import Announcement, AnnouncementReceipt, Unit, User

DEMO_REQUEST = "demo-announcement-year-end-safety"
UNITS = ("fgw", "czj", "rsj", "jyj", "wjw")
PEOPLE = ("heyu",)  # 市数字办主任, named besides the five units: ten recipients in all
# The showcase accounts stay unread, so logging in as one shows the 确认收到 button.
KEEP_UNREAD = ("zhangsan", "majun")


async def load_announcement_demo(hub: Hub) -> None:
    """Publish once (the request id makes a second load a no-op), then open 60 % of the receipts."""
    publisher = await User.find_one(User.username == "zhouwen")
    units = [u for u in [await Unit.find_one(Unit.code == c) for c in UNITS] if u is not None]
    if publisher is None or not units:
        return
    people = await User.find({"username": {"$in": list(PEOPLE)}}).to_list()
    if await Announcement.find_one(Announcement.request_id == DEMO_REQUEST) is not None:
        return
    body = AnnouncementIn(
        request_id=DEMO_REQUEST, title="关于做好岁末年初安全生产工作的通知", unit_ids=[str(u.id) for u in units],
        user_ids=[str(p.id) for p in people],
        body="各单位：\n\n岁末年初是安全生产事故易发多发期。请各单位立即组织开展一次安全隐患排查，"
             "落实值班值守和领导带班制度，并于12月10日前将排查情况报市政府办公室。\n\n请阅后点击“确认收到”。",
        urgent=True, urgent_after_minutes=120, chase_interval_minutes=240, chase_max=3)
    ann = await do_publish(hub, publisher, body)
    receipts = await AnnouncementReceipt.find(AnnouncementReceipt.announcement_id == ann.id).to_list()
    keep = {u.id for u in await User.find({"username": {"$in": list(KEEP_UNREAD)}}).to_list()}
    receipts.sort(key=lambda r: (r.user_id in keep, r.user_name))
    readers = receipts[:round(len(receipts) * 0.6)]
    for n, receipt in enumerate(readers):
        reader = await User.get(receipt.user_id)
        if reader is not None:
            ann, _ = await do_open(hub, reader, ann, receipt, confirm=n % 2 == 0)
