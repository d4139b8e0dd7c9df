"""The demo's 目标管理: this year's targets in all three lights, one closed, one report waiting for 复核.

Dates are relative to the day the demo is loaded, so the lights come out the same whenever it is."""

from __future__ import annotations

from datetime import date, timedelta

from hub.actions.audit import Origin
from hub.actions.target_notify import schedule_milestones
from hub.actions.targets import do_close, do_create_target, do_report, do_review
from hub.context import Hub
from hub.lib.workdays import beijing_date
from hub.models import Unit, User
from hub.targets.wire import MilestoneIn, ReportIn, ReviewIn, TargetIn

# title, lead, partners, [(milestone, days from today, weight)], [(reporter, percent, text, accept)], close
DEMO: list[tuple[str, str, list[str], list[tuple[str, int, int]], list[tuple[str, int, str, bool | None]], bool]] = [
    ("全市一般公共预算收入增长6%", "czj", ["fgw"],
     [("一季度收入完成全年25%以上", -120, 30), ("前三季度完成全年70%以上", -30, 30), ("全年任务完成", 40, 40)],
     [("zhangsan", 30, "一季度完成收入18.6亿元，占全年预算的26.1%。", True),
      ("zhangsan", 60, "前三季度累计完成收入52.3亿元，占全年预算的73.4%，同比增长6.8%。", True)], False),
    ("“一网通办”事项网上可办率达到90%", "szb", ["zwfw"],
     [("梳理全市政务服务事项清单", -50, 50), ("事项网上可办率达到90%", 2, 50)],
     [("heyu", 50, "完成1,286项政务服务事项梳理，已全部录入事项库。", True)], False),
    ("全年新增城镇就业1.2万人", "rsj", [],
     [("上半年新增就业7,200人", -20, 60), ("全年新增就业1.2万人", 30, 40)],
     [("huangwei", 40, "截至目前新增城镇就业4,850人，受季节性因素影响进度偏慢。", True),
      ("huangwei", 55, "新增城镇就业6,600人，组织专场招聘会12场。", None)], False),
    ("完成2025年度部门决算公开", "czj", [],
     [("全部部门决算公开", -40, 100)],
     [("zhangsan", 100, "全市86个部门决算已在政府门户网站统一公开。", True)], True),
]


async def load_targets_demo(hub: Hub) -> None:
    office = await User.find_one(User.username == "zhouwen")
    if office is None:
        return
    units = {u.code: u for u in await Unit.find_all().to_list()}
    calendar = await hub.workdays.fresh()
    now = hub.clock.now()
    today = beijing_date(now)
    origin = Origin(ip="127.0.0.1", user_agent="demo")
    for n, (title, lead, partners, milestones, reports, close) in enumerate(DEMO, start=1):
        def due(days: int) -> date:
            # "In two days" means two working days, so the yellow light holds whatever weekday the demo loads on.
            if 0 < days <= 3:
                return beijing_date(calendar.add_working_days(now, days))
            # A yearly target ends with its year, unless the demo loads in the year's last days.
            year_end = date(today.year, 12, 31)
            if days > 3 and (year_end - today).days >= 14:
                return min(today + timedelta(days=days), year_end)
            return today + timedelta(days=days)

        ms = [MilestoneIn(title=t, due=due(d), weight=w) for t, d, w in milestones]
        target = await do_create_target(hub, office, TargetIn(
            request_id=f"demo-target-{n}", year=today.year, title=title, lead_unit_id=str(units[lead].id),
            partner_unit_ids=[str(units[p].id) for p in partners], milestones=ms), origin, schedule=False)
        for k, (username, percent, text, accept) in enumerate(reports, start=1):
            reporter = await User.find_one(User.username == username)
            if reporter is None:
                continue
            report = await do_report(hub, reporter, str(target.id), ReportIn(
                request_id=f"demo-report-{n}-{k}", percent=percent, text=text), origin)
            if accept is not None and report.status == "pending":
                await do_review(hub, office, str(report.id), ReviewIn(
                    request_id=f"demo-review-{n}-{k}", decision="accept" if accept else "return",
                    reason=None if accept else "请补充佐证材料"), origin, notify=False)
        if close:
            await do_close(hub, office, str(target.id), "年度任务完成，予以销号", origin)
        # Only now, with the reports accepted: a milestone already reached must not be flagged as missed.
        await schedule_milestones(hub, target)
