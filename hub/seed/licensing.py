"""Demo 行政审批: the five matters of the catalogue, the 政务大厅's signed integration, and a few cases."""

from __future__ import annotations

from hub.actions.integrations import do_create_integration
from hub.actions.licensing import ApplicationIn, CaseActIn, do_case_act, do_submit_application
from hub.actions.licensing_catalogue import load_catalogue
from hub.actions.licensing_monitor import BOT_KEY, licensing_bot
from hub.context import Hub
from hub.models import Integration, User
from hub.models.licensing import Applicant, LicensingCase, LicensingStat

HALL_INTEGRATION = "zwdt"
HALL_INTEGRATION_SALT = "demo-zwdt-v1"

# matter, applicant, materials, acts (by whom), in the order a day at the hall might see them.
Act = tuple[str, str, dict[str, object]]
DEMO_CASES: list[tuple[str, Applicant, list[str], list[Act]]] = [
    ("food-business", Applicant(kind="enterprise", name="白银市鑫源餐饮管理有限公司", phone="0943-8212345"),
     ["application", "license", "legal_id", "layout", "safety_rules"],
     [("caiyan", "accept", {}), ("caiyan", "opinion", {"text": "现场核查符合要求"})]),
    ("food-business", Applicant(kind="citizen", name="王小兰", phone="13909430001"),
     ["application", "license", "legal_id"],
     [("caiyan", "correction", {"missing": ["layout", "safety_rules"]})]),
    ("sole-proprietor", Applicant(kind="citizen", name="李华", phone="13909431234"),
     ["application", "operator_id", "premises"],
     [("caiyan", "accept", {}), ("caiyan", "decide", {"granted": True, "reason": "申请材料齐全，符合法定形式"}),
      ("caiyan", "deliver", {"text": "电子营业执照已发放"})]),
    ("outdoor-ads", Applicant(kind="enterprise", name="甘肃银光传媒有限公司", phone="0943-8226677"),
     ["application"], [("caiyan", "refuse", {"reason": "设置地点位于城市主干道禁设区域"})]),
    ("construction-planning", Applicant(kind="enterprise", name="白银市城投置业有限公司", phone="0943-8899001"),
     ["application", "land_proof", "design", "approval"],
     [("guoying", "accept", {}), ("guoying", "pause", {"pause_kind": "专家评审", "reason": "组织规划方案专家评审"})]),
    ("public-hygiene", Applicant(kind="enterprise", name="白银金水湾洗浴有限公司", phone="0943-8123456"),
     ["application", "license", "layout", "testing", "health_certs"],
     [("xiaolihong", "accept", {}), ("xiaolihong", "extend", {"reason": "需委托检测机构补充水质检测"})]),
]


async def load_licensing_demo(hub: Hub) -> int:
    """Idempotent; the integration's salt is fixed so the hall's secret depends only on HUB_SECRET_KEY."""
    created = await load_catalogue(hub)
    await licensing_bot()
    if await Integration.find_one(Integration.key == HALL_INTEGRATION) is None:
        await do_create_integration(hub, None, HALL_INTEGRATION, "政务大厅窗口系统", BOT_KEY,
                                    salt=HALL_INTEGRATION_SALT)
    if await LicensingCase.find_all().count() == 0:
        await _demo_cases(hub)
    elif await LicensingStat.count() == 0:
        # A data directory from before the 审批动态 counters: count its cases once.
        from hub.actions.licensing_counters import do_rebuild_counters

        await do_rebuild_counters(hub, None)
    return created


async def _demo_cases(hub: Hub) -> None:
    for matter, applicant, materials, acts in DEMO_CASES:
        receipt = await do_submit_application(
            hub, None, ApplicationIn(matter_key=matter, applicant=applicant, materials=materials), "hall")
        for username, act, extra in acts:
            user = await User.find_one(User.username == username)
            case = await LicensingCase.find_one(LicensingCase.number == receipt.number)
            if user is None or case is None:
                return
            await do_case_act(hub, user, case, CaseActIn.model_validate({"act": act, "version": case.version,
                                                                         **extra}))
