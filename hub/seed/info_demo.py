"""The demo's 信息报送: items from departments, some adopted, one returned, one waiting, and one issue of
《白银信息》 already out to the city leaders who subscribe."""

from __future__ import annotations

from hub.actions.audit import Origin
from hub.actions.infoshare import do_compile_issue, do_decide, do_set_subscription, do_submit
from hub.context import Hub
from hub.infoshare.wire import DecisionIn, InfoIn, IssueIn
from hub.models import User
from hub.models.infoshare import InfoIssue

# author, title, body, decision (None: waiting), into the issue
ITEMS: list[tuple[str, str, str, tuple[str, str | None] | None, bool]] = [
    ("zhangsan", "市财政局多措并举盘活存量资金2.3亿元",
     "今年以来，市财政局全面清理结转结余资金，统筹用于民生和重点项目，共盘活存量资金2.3亿元，"
     "有效缓解了基层财政运行压力。", ("adopt", "province"), True),
    ("tangli", "我市18个省列重大项目全部开工",
     "截至11月底，我市18个省列重大项目全部开工建设，累计完成投资126.4亿元，占年度计划的94.2%。",
     ("adopt", "city"), True),
    ("huangwei", "市人社局“春风行动”专场招聘会促成就业意向2,100人",
     "市人社局联合各县区举办“春风行动”专场招聘会12场，参会企业486家，提供岗位1.1万个，"
     "达成就业意向2,100人。", ("return", "请补充分县区数据"), False),
    ("guoying", "市自然资源局完成第三次国土调查成果更新",
     "市自然资源局完成年度国土变更调查，更新图斑3.2万个，为国土空间规划提供了数据支撑。", None, False),
]
SUBSCRIBERS = ["chenzhiyuan", "wangjianguo", "lixiaodong"]


async def load_info_demo(hub: Hub) -> None:
    office = await User.find_one(User.username == "zhouwen")
    if office is None:
        return
    origin = Origin(ip="127.0.0.1", user_agent="demo")
    for username in SUBSCRIBERS:
        user = await User.find_one(User.username == username)
        if user is not None:
            await do_set_subscription(hub, user, True)
    into_issue: list[str] = []
    for n, (username, title, body, decision, issue) in enumerate(ITEMS, start=1):
        author = await User.find_one(User.username == username)
        if author is None:
            continue
        item = await do_submit(hub, author, InfoIn(request_id=f"demo-info-{n}", title=title, body=body), origin)
        if decision is not None and item.status == "submitted":
            what, extra = decision
            body_in = DecisionIn.model_validate({
                "request_id": f"demo-info-decision-{n}", "decision": what,
                "level": extra if what == "adopt" else None, "reason": extra if what == "return" else None})
            item = await do_decide(hub, office, str(item.id), body_in, origin, notify=False)
        if issue and item.issue_id is None:
            into_issue.append(str(item.id))
    if into_issue and await InfoIssue.find_all().count() == 0:
        await do_compile_issue(hub, office, IssueIn(request_id="demo-info-issue-1", item_ids=into_issue), origin)
