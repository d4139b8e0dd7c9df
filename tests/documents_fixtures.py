"""A small org for 公文 tests: 市政府 and its 办公室, 市财政局, two counties, the province, an outsider."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from hub.actions.org import do_add_membership, do_create_unit
from hub.actions.workflow_admin import load_shipped_definitions
from hub.models import Unit, User
from tests.conftest import World


@dataclass
class DocOrg:
    world: World
    units: dict[str, Unit]
    users: dict[str, User]
    tokens: dict[str, str] = field(default_factory=dict)

    def id(self, username: str) -> str:
        return str(self.users[username].id)

    def unit(self, code: str) -> str:
        return str(self.units[code].id)

    async def token(self, username: str) -> str:
        if username not in self.tokens:
            self.tokens[username] = await self.world.login(username)
        return self.tokens[username]

    async def api(self, username: str, method: str, path: str, **kw: Any) -> tuple[int, Any]:
        return await self.world.api(method, path, await self.token(username), **kw)

    def elements(self, to: list[str], **over: Any) -> dict[str, Any]:
        base: dict[str, Any] = {
            "doc_type": "通知", "issuer": "白银市人民政府办公室", "doc_number": "市政办发〔2026〕18号",
            "main_to": [self.unit(c) for c in to], "title": "关于做好2027年元旦春节期间安全生产工作的通知",
            "body": "各县区人民政府：现将有关事项通知如下……", "written_on": "2026-12-01", "openness": "内部",
        }
        return {**base, **over}

    async def send(self, username: str, to: list[str], **over: Any) -> tuple[int, Any]:
        body = {"elements": self.elements(to, **over), "request_id": f"send-{uuid.uuid4().hex[:12]}"}
        return await self.api(username, "POST", "/api/v1/documents", json=body)

    async def step(self, username: str, record_id: str, op: str, **extra: Any) -> tuple[int, Any]:
        body = {"op": op, "request_id": extra.pop("request_id", f"step-{uuid.uuid4().hex[:12]}"), **extra}
        return await self.api(username, "POST", f"/api/v1/incoming/{record_id}/steps", json=body)

    async def doc(self, username: str, document_id: str) -> tuple[int, Any]:
        return await self.api(username, "GET", f"/api/v1/documents/{document_id}")

    async def record(self, username: str, document_id: str, unit_code: str) -> dict[str, Any]:
        status, doc = await self.doc(username, document_id)
        assert status == 200, doc
        return next(r for r in doc["records"] if r["unit_id"] == self.unit(unit_code))


async def build_doc_org(world: World) -> DocOrg:
    hub = world.hub
    units: dict[str, Unit] = {}
    for code, name, kind, parent in [("gs", "甘肃省人民政府", "province", None),
                                     ("zf", "白银市人民政府", "leadership", None),
                                     ("zf-bgs", "市政府办公室", "office", "zf"),
                                     ("czj", "市财政局", "department", "zf"),
                                     ("hnx", "会宁县", "county", None), ("jyx", "靖远县", "county", None)]:
        units[code] = await do_create_unit(hub, code, name, name, kind, units.get(parent) if parent else None,
                                           external=kind == "province")
    users: dict[str, User] = {}
    # username, name, roles, unit, position, title, head
    for username, name, roles, code, position, title, head in [
        ("wufang", "吴芳", ["doc_clerk"], "zf-bgs", "文书岗", "文档管理员", False),
        ("zhengkai", "郑凯", ["doc_clerk"], "zf-bgs", "文书岗", "机要员", False),
        ("zhouwen", "周文", ["office_director"], "zf-bgs", "办公室负责人岗", "市政府办公室主任", True),
        ("chenzhiyuan", "陈志远", ["leader"], "zf", "主要负责人岗", "市长", True),
        ("lixiaodong", "李晓东", ["leader"], "zf", "领导岗", "常务副市长", False),
        ("sunli", "孙丽", ["leader"], "zf", "领导岗", "副市长", False),
        ("majun", "马军", ["leader"], "czj", "部门负责人岗", "局长", True),
        ("zhangsan", "张三", ["staff"], "czj", "预算岗", "科员", False),
        ("weidong", "魏东", ["leader"], "hnx", "主要负责人岗", "县长", True),
        ("zhongmin", "钟敏", ["office_director"], "hnx", "办公室负责人岗", "县政府办公室主任", False),
        ("xuetao", "薛涛", ["leader"], "jyx", "主要负责人岗", "县长", True),
    ]:
        user = await world.user(username, name, roles=roles)
        await do_add_membership(hub, user, units[code], position, title, is_head=head, order=0 if head else 10)
        users[username] = user
    users["outsider"] = await world.user("outsider", "王五")
    await load_shipped_definitions(hub)
    return DocOrg(world, units, users)
