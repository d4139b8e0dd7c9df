"""共享文件库 in a real browser: the office director makes a folder, uploads and previews a PDF, shares it
city-wide, and someone of another unit finds it under 共享给我的, read-only, and previews it too."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

from tests import file_samples as samples
from tests.browser.conftest import Session


def open_library(s: Session) -> None:
    s.page.goto(s.base + "/work")
    s.page.get_by_test_id("link-library").click()
    expect(s.page.get_by_test_id("library-view")).to_be_visible()


def preview_pdf(s: Session, title: str) -> None:
    s.page.locator(f'[data-testid=library-entry][data-title="{title}"]').get_by_test_id("library-preview").click()
    expect(s.page.locator("[data-testid=preview-pdf][data-state=ready] canvas")).to_have_count(1, timeout=20_000)
    s.page.keyboard.press("Escape")
    expect(s.page.get_by_test_id("file-preview-dialog")).to_be_hidden()


def test_upload_preview_and_share_a_folder_city_wide(make_session) -> None:  # type: ignore[no-untyped-def]
    a, b = make_session(), make_session()
    a.login("zhouwen")  # 市政府办公室主任
    b.login("luoyong")  # 市发改委主任: another unit
    t = uuid.uuid4().hex[:6]
    folder, title = f"资料{t}", f"工作要点{t}.pdf"

    open_library(a)
    # The demo's folders are there; a new top-level folder comes from the name dialog.
    expect(a.page.locator('[data-testid=library-folder][data-name="制度文件"]')).to_be_visible()
    a.page.get_by_test_id("library-new-top").click()
    a.page.get_by_test_id("library-name-input").fill(folder)
    a.page.get_by_test_id("library-name-save").click()
    expect(a.page.get_by_test_id("library-folder-name")).to_have_text(folder)
    expect(a.page.locator(f'[data-testid=library-folder][data-name="{folder}"]')).to_be_visible()

    a.page.get_by_test_id("library-file-input").set_input_files(
        {"name": title, "mimeType": "application/pdf", "buffer": samples.pdf(f"work points {t}")})
    expect(a.page.locator(f'[data-testid=library-entry][data-title="{title}"]')).to_be_visible()
    preview_pdf(a, title)

    # Before sharing, the other unit does not see it.
    open_library(b)
    expect(b.page.locator(f'[data-testid=library-shared-folder][data-name="{folder}"]')).to_have_count(0)

    a.page.get_by_test_id("library-share").click()
    a.page.get_by_test_id("library-share-city").click()
    a.page.get_by_test_id("library-share-save").click()
    expect(a.page.get_by_test_id("library-share-tag")).to_have_text("全市共享")

    b.page.reload()
    shared = b.page.locator(f'[data-testid=library-shared-folder][data-name="{folder}"]')
    expect(shared).to_be_visible()
    shared.click()
    expect(b.page.get_by_test_id("library-folder-name")).to_have_text(folder)
    expect(b.page.get_by_test_id("library-upload")).to_have_count(0)  # read-only for other units
    preview_pdf(b, title)
    assert not a.errors and not b.errors, (a.errors, b.errors)
