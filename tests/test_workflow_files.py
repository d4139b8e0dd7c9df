"""附件 on a process form: uploaded to the initiator's draft scope, moved onto the instance when it starts; whoever
may see the instance reads them, nobody else does, and a start naming someone else's file starts nothing."""

from __future__ import annotations

import pytest

from hub.workflow.documents import ProcessInstance
from tests import file_samples as samples
from tests.conftest import World
from tests.test_files import upload
from tests.workflow_fixtures import LEAVE, Org, build_org


@pytest.fixture
async def org(world: World) -> Org:
    return await build_org(world)


async def _draft_upload(org: Org, who: str, name: str) -> str:
    status, out = await upload(org.world, await org.token(who), str(org.users[who].id), samples.pdf(), name,
                               "process_draft")
    assert status == 200, out
    return str(out["id"])


async def test_form_attachments_follow_the_instance(org: Org) -> None:
    file_id = await _draft_upload(org, "lisi", "病假证明.pdf")
    # Before the start only the uploader reads the file.
    status, _ = await org.world.api("GET", f"/api/v1/files/{file_id}", await org.token("majun"))
    assert status == 404
    body = {"definition_key": "leave", "form": {**LEAVE, "files": [file_id]}, "request_id": "start-files-0001"}
    status, inst = await org.world.api("POST", "/api/v1/instances", await org.token("lisi"), json=body)
    assert status == 200, inst
    # The head who decides reads it, and the instance lists it; an outsider still learns nothing.
    status, meta = await org.world.api("GET", f"/api/v1/files/{file_id}", await org.token("majun"))
    assert status == 200 and meta["scope_kind"] == "process" and meta["scope_id"] == inst["id"], meta
    status, listed = await org.world.api("GET", "/api/v1/files", await org.token("majun"),
                                         params={"scope_kind": "process", "scope_id": inst["id"]})
    assert status == 200 and [f["id"] for f in listed["files"]] == [file_id]
    status, _ = await org.world.api("GET", f"/api/v1/files/{file_id}", await org.token("outsider"))
    assert status == 404
    # The same start again is the same instance, its file still on it.
    status, again = await org.world.api("POST", "/api/v1/instances", await org.token("lisi"), json=body)
    assert status == 200 and again["id"] == inst["id"]
    status, meta = await org.world.api("GET", f"/api/v1/files/{file_id}", await org.token("majun"))
    assert status == 200 and meta["scope_id"] == inst["id"]


async def test_a_start_naming_another_persons_file_starts_nothing(org: Org) -> None:
    theirs = await _draft_upload(org, "zhangsan", "报价单.pdf")
    before = await ProcessInstance.find_all().count()
    for files in ([theirs], ["0" * 24]):
        status, out = await org.start("lisi", "leave", {**LEAVE, "files": files})
        assert status == 404 and out["error"]["code"] == "not_found", out
    mine = await _draft_upload(org, "lisi", "证明.pdf")
    status, out = await org.start("lisi", "leave", {**LEAVE, "files": [mine, mine]})
    assert status == 400 and out["error"]["code"] == "invalid_request", out
    assert await ProcessInstance.find_all().count() == before
    status, meta = await org.world.api("GET", f"/api/v1/files/{theirs}", await org.token("zhangsan"))
    assert status == 200 and meta["scope_kind"] == "process_draft"
