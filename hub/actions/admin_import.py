"""Bulk import of units and people from XLSX: validated row by row, previewed, applied only when all is valid."""

from __future__ import annotations

import asyncio
import hashlib
import io
import re
import zipfile
from typing import Any

from beanie import PydanticObjectId
from openpyxl import Workbook, load_workbook
from pymongo import ReturnDocument

from hub.actions.admin_org import check_ordinary_roles, require_role
from hub.actions.audit import Origin, do_audit
from hub.actions.org import check_password, do_add_membership, do_create_unit, do_create_user
from hub.actions.policy import check_texts
from hub.context import Hub
from hub.errors import HubError
from hub.models import Membership, Unit, User
from hub.models.admin import ImportBatch

MAX_ROWS = 2000
UNIT_SHEET, PEOPLE_SHEET = "单位", "人员"
UNIT_COLUMNS = ("代码", "名称", "简称", "类型", "上级代码")
PEOPLE_COLUMNS = ("用户名", "姓名", "初始密码", "单位代码", "岗位", "职务", "负责人", "角色")
KINDS = {"市": "city", "领导机关": "leadership", "办公室": "office", "部门": "department", "区": "district",
         "县": "county", "乡镇": "township"}
KIND_VALUES = {"city", "leadership", "office", "department", "district", "county", "township"}
ROLE_NAMES = {"工作人员": "staff", "领导": "leader", "办公室主任": "office_director", "文书": "doc_clerk"}
_CODE = re.compile(r"^[a-z][a-z0-9-]{0,31}$")
_USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{1,31}$")


class _Errors:
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def add(self, sheet: str, row: int, column: str, message: str) -> None:
        self.rows.append({"sheet": sheet, "row": row, "column": column, "message": message})


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _sheet_rows(book: Any, name: str, columns: tuple[str, ...], errors: _Errors) -> list[tuple[int, dict[str, str]]]:
    if name not in book.sheetnames:
        return []
    rows = book[name].iter_rows(values_only=True)
    header = [_cell(v) for v in next(rows, ())]
    missing = [c for c in columns if c not in header]
    if missing:
        errors.add(name, 1, "、".join(missing), "缺少列（请使用导入模板）")
        return []
    index = {c: header.index(c) for c in columns}
    out: list[tuple[int, dict[str, str]]] = []
    for number, raw in enumerate(rows, start=2):
        values = {c: _cell(raw[i]) if i < len(raw) else "" for c, i in index.items()}
        if not any(values.values()):
            continue
        if len(out) >= MAX_ROWS:
            errors.add(name, number, "", f"每张表最多 {MAX_ROWS} 行")
            break
        out.append((number, values))
    return out


def read_workbook(data: bytes) -> Any:
    if not data.startswith(b"PK\x03\x04"):
        raise HubError("unsupported_file", detail="not an .xlsx file")
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise HubError("unsupported_file", detail=f"cannot read the workbook: {type(exc).__name__}") from None


def _texts_ok(hub: Hub, texts: list[str]) -> bool:
    try:
        check_texts(hub, texts)
    except HubError:
        return False
    return True


async def _check_units(hub: Hub, rows: list[tuple[int, dict[str, str]]], errors: _Errors) -> list[dict[str, Any]]:
    seen: dict[str, int] = {}
    out: list[dict[str, Any]] = []
    for number, r in rows:
        code, name = r["代码"].lower(), r["名称"]
        kind = KINDS.get(r["类型"], r["类型"])
        bad = len(errors.rows)
        if not _CODE.match(code):
            errors.add(UNIT_SHEET, number, "代码", "代码须以字母开头，由小写字母、数字和 - 组成（最多32位）")
        elif code in seen:
            errors.add(UNIT_SHEET, number, "代码", f"与第 {seen[code]} 行重复")
        elif await Unit.find_one(Unit.code == code) is not None:
            errors.add(UNIT_SHEET, number, "代码", "单位代码已存在")
        if not 1 <= len(name) <= 60:
            errors.add(UNIT_SHEET, number, "名称", "名称不能为空，最多60字")
        if kind not in KIND_VALUES:
            errors.add(UNIT_SHEET, number, "类型", f"类型须为：{'、'.join(KINDS)}")
        if not _texts_ok(hub, [name, r["简称"]]):
            errors.add(UNIT_SHEET, number, "名称", "含有涉密标识，不能导入")
        seen.setdefault(code, number)
        if len(errors.rows) == bad:
            out.append({"row": number, "code": code, "name": name, "short_name": r["简称"] or name, "kind": kind,
                        "parent_code": r["上级代码"].lower()})
    for number, r in rows:  # parents may come later in the file
        parent = r["上级代码"].lower()
        if parent and parent not in seen:
            found = await Unit.find_one(Unit.code == parent)
            if found is None or found.retired or found.external:
                errors.add(UNIT_SHEET, number, "上级代码", "上级单位不存在")
    bad_rows = {e["row"] for e in errors.rows if e["sheet"] == UNIT_SHEET}
    return [u for u in out if u["row"] not in bad_rows]


async def _check_people(hub: Hub, rows: list[tuple[int, dict[str, str]]], unit_codes: set[str],
                        errors: _Errors) -> list[dict[str, Any]]:
    seen: dict[str, int] = {}
    out: list[dict[str, Any]] = []
    for number, r in rows:
        username, name, unit_code = r["用户名"].lower(), r["姓名"], r["单位代码"].lower()
        bad = len(errors.rows)
        if not _USERNAME.match(username):
            errors.add(PEOPLE_SHEET, number, "用户名", "用户名须以字母开头，2-32位小写字母、数字或 _ . -")
        elif username in seen:
            errors.add(PEOPLE_SHEET, number, "用户名", f"与第 {seen[username]} 行重复")
        elif await User.find_one(User.username == username) is not None:
            errors.add(PEOPLE_SHEET, number, "用户名", "用户名已存在")
        seen.setdefault(username, number)
        if not 1 <= len(name) <= 40:
            errors.add(PEOPLE_SHEET, number, "姓名", "姓名不能为空，最多40字")
        try:
            check_password(hub, r["初始密码"])
        except HubError:
            errors.add(PEOPLE_SHEET, number, "初始密码", f"密码不符合安全策略（至少 {hub.settings.password_min_length} "
                                                     f"位，{hub.settings.password_classes} 类字符）")
        if unit_code and unit_code not in unit_codes:
            found = await Unit.find_one(Unit.code == unit_code)
            if found is None or found.retired or found.external:
                errors.add(PEOPLE_SHEET, number, "单位代码", "单位不存在")
        if unit_code and not (r["岗位"] and r["职务"]):
            errors.add(PEOPLE_SHEET, number, "岗位" if not r["岗位"] else "职务", "有单位时须填写岗位和职务")
        roles = [ROLE_NAMES.get(x.strip(), x.strip()) for x in re.split(r"[,，、]", r["角色"]) if x.strip()]
        try:
            roles = check_ordinary_roles(roles)
        except HubError:
            errors.add(PEOPLE_SHEET, number, "角色", f"角色须为：{'、'.join(ROLE_NAMES)}（管理员角色不能导入）")
        if not _texts_ok(hub, [name, r["岗位"], r["职务"]]):
            errors.add(PEOPLE_SHEET, number, "姓名", "含有涉密标识，不能导入")
        if len(errors.rows) == bad:
            out.append({"row": number, "username": username, "name": name, "password": r["初始密码"],
                        "unit_code": unit_code, "position": r["岗位"], "title": r["职务"],
                        "is_head": r["负责人"] in ("是", "Y", "y", "1", "TRUE", "True"), "roles": roles})
    return out


def _uploader(actor: User | None) -> str:
    return str(actor.id) if actor is not None else "cli"


async def do_preview_import(hub: Hub, actor: User | None, filename: str, data: bytes) -> ImportBatch:
    """Validate every row and keep the batch; passwords are hashed now and never stored in clear."""
    require_role(actor, "sys_admin")
    book = read_workbook(data)
    errors = _Errors()
    try:
        unit_rows = _sheet_rows(book, UNIT_SHEET, UNIT_COLUMNS, errors)
        people_rows = _sheet_rows(book, PEOPLE_SHEET, PEOPLE_COLUMNS, errors)
    finally:
        book.close()
    if not unit_rows and not people_rows and not errors.rows:
        errors.add(PEOPLE_SHEET, 1, "", "文件中没有数据行")
    units = await _check_units(hub, unit_rows, errors)
    people = await _check_people(hub, people_rows, {r["代码"].lower() for _, r in unit_rows}, errors)
    if not errors.rows:
        for person in people:
            person["password_hash"] = await asyncio.to_thread(hub.hasher.hash, person.pop("password"))
    for person in people:
        person.pop("password", None)
    batch = ImportBatch(uploaded_by=_uploader(actor), uploaded_at=hub.clock.now(), filename=filename[:200],
                        status="invalid" if errors.rows else "ready", units=units, people=people,
                        errors=sorted(errors.rows, key=lambda e: (e["sheet"] != UNIT_SHEET, e["row"])))
    await batch.insert()
    await do_audit(hub, "import.previewed", actor=actor, object_type="import", object_id=batch.id,
                   detail={"units": len(unit_rows), "people": len(people_rows), "errors": len(errors.rows)})
    return batch


def _derived(batch: ImportBatch, kind: str, key: str) -> PydanticObjectId:
    return PydanticObjectId(hashlib.sha256(f"import:{batch.id}:{kind}:{key}".encode()).digest()[:12])


def _ordered(units: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Parents before children (a parent named in the file may appear after its child)."""
    by_code = {u["code"]: u for u in units}
    out: list[dict[str, Any]] = []
    placed: set[str] = set()

    def place(u: dict[str, Any], depth: int = 0) -> None:
        if u["code"] in placed or depth > len(units):
            return
        parent = by_code.get(u["parent_code"])
        if parent is not None:
            place(parent, depth + 1)
        placed.add(u["code"])
        out.append(u)

    for u in units:
        place(u)
    return out


async def do_apply_import(hub: Hub, actor: User | None, batch_id: PydanticObjectId,
                          origin: Origin | None = None) -> ImportBatch:
    """Create everything of a valid batch. Idempotent: ids derive from the batch and row, and an applied batch
    answers with what it did; a name taken since the preview stops the apply before anything is written."""
    require_role(actor, "sys_admin")
    batch = await ImportBatch.get(batch_id)
    if batch is None or batch.uploaded_by != _uploader(actor):
        raise HubError("not_found")
    if batch.status == "applied":
        return batch
    if batch.status == "invalid":
        raise HubError("import_invalid")
    for u in batch.units:
        found = await Unit.find_one(Unit.code == u["code"])
        if found is not None and found.id != _derived(batch, "unit", u["code"]):
            raise HubError("import_invalid", detail=f"unit code {u['code']} was taken since the preview")
    for p in batch.people:
        found_user = await User.find_one(User.username == p["username"])
        if found_user is not None and found_user.id != _derived(batch, "user", p["username"]):
            raise HubError("import_invalid", detail=f"username {p['username']} was taken since the preview")
    coll = ImportBatch.get_pymongo_collection()
    await coll.update_one({"_id": batch.id, "status": "ready"}, {"$set": {"status": "applying"}})
    codes: dict[str, Unit] = {}
    for u in _ordered(batch.units):
        uid = _derived(batch, "unit", u["code"])
        unit = await Unit.get(uid)
        if unit is None:
            parent = codes.get(u["parent_code"]) or (await Unit.find_one(Unit.code == u["parent_code"])
                                                     if u["parent_code"] else None)
            unit = await do_create_unit(hub, u["code"], u["name"], u["short_name"], u["kind"], parent,
                                        unit_id=uid, actor=actor)
        codes[u["code"]] = unit
    for p in batch.people:
        pid = _derived(batch, "user", p["username"])
        user = await User.get(pid)
        if user is None:
            user = await do_create_user(hub, p["username"], p["name"], "", p["roles"], user_id=pid, actor=actor,
                                        password_hash=p["password_hash"])
        if p["unit_code"]:
            unit = codes.get(p["unit_code"]) or await Unit.find_one(Unit.code == p["unit_code"])
            if unit is not None and await Membership.find_one(Membership.user_id == user.id,
                                                              Membership.unit_id == unit.id) is None:
                await do_add_membership(hub, user, unit, p["position"], p["title"], is_head=p["is_head"],
                                        actor=actor)
    doc = await coll.find_one_and_update({"_id": batch.id, "status": {"$ne": "applied"}},
                                         {"$set": {"status": "applied", "applied_at": hub.clock.now()}},
                                         return_document=ReturnDocument.AFTER)
    if doc is not None:  # the apply that finished first records it, once
        await do_audit(hub, "import.applied", actor=actor, object_type="import", object_id=batch.id, origin=origin,
                       detail={"units": len(batch.units), "people": len(batch.people)})
    applied = await ImportBatch.get(batch_id)
    assert applied is not None
    return applied


def template_xlsx() -> bytes:
    book = Workbook()
    guide = book.active
    assert guide is not None
    guide.title = "说明"
    for line in (
        ["人员与单位批量导入模板"],
        ["1. 在“单位”表中填写新单位（可留空）；上级代码可以是已有单位或本表中的单位。"],
        [f"2. 类型填写：{'、'.join(KINDS)}。"],
        ["3. 在“人员”表中填写新人员；用户名以字母开头，小写字母、数字或 _ . -；负责人填“是”或留空。"],
        [f"4. 角色填写：{'、'.join(ROLE_NAMES)}，多个用顿号分隔；留空为工作人员。管理员角色由安全保密管理员授予。"],
        ["5. 上传后先预览：只有全部行都正确时才能导入；任何一行有错，都不会导入任何数据。"],
    ):
        guide.append(line)
    book.create_sheet(UNIT_SHEET).append(list(UNIT_COLUMNS))
    book.create_sheet(PEOPLE_SHEET).append(list(PEOPLE_COLUMNS))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
