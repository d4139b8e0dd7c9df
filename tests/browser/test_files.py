"""Files in chat, in a real browser: attach a PDF and an image, another member sees them and previews them."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

from tests import file_samples as samples
from tests.browser.conftest import Session

CHANNEL = "市财政局"


def attach(s: Session, name: str, data: bytes, mime: str) -> None:
    s.page.get_by_test_id("attach-input").set_input_files({"name": name, "mimeType": mime, "buffer": data})


def test_attach_a_pdf_and_an_image_another_member_previews_them(make_session) -> None:  # type: ignore[no-untyped-def]
    a, b = make_session(), make_session(width=390, height=844)  # B is on a phone
    a.login("zhangsan")
    b.login("zhangshaosong")
    a.open_channel(CHANNEL)
    b.open_channel(CHANNEL)
    t = uuid.uuid4().hex[:6]
    pdf_name, png_name = f"会议纪要{t}.pdf", f"现场{t}.png"

    attach(a, pdf_name, samples.pdf(f"minutes {t}"), "application/pdf")
    expect(a.page.locator("[data-testid=composer-file][data-status=ready]")).to_have_count(1)
    attach(a, png_name, samples.png(40, 30), "image/png")
    expect(a.page.locator("[data-testid=composer-file][data-status=ready]")).to_have_count(2)
    a.page.get_by_test_id("composer").fill(f"请审阅 {t}")
    a.page.get_by_test_id("send").click()
    expect(a.page.get_by_test_id("composer-file")).to_have_count(0)

    # B sees the message with both files, live.
    message = b.page.locator("[data-testid=message]", has_text=f"请审阅 {t}")
    expect(message.get_by_test_id("file-chip")).to_have_count(2)
    pdf_chip = message.locator("[data-testid=file-chip][data-kind=pdf]")
    expect(pdf_chip).to_contain_text(pdf_name)
    href = pdf_chip.get_by_test_id("file-download").get_attribute("href")
    assert href and href.startswith("/api/v1/files/") and href.endswith("/content")
    # The chip fits the phone's screen.
    box = pdf_chip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390

    # B previews the PDF: pdf.js draws its page.
    pdf_chip.get_by_test_id("file-preview").click()
    dialog = b.page.get_by_test_id("file-preview-dialog")
    expect(dialog).to_be_visible()
    expect(b.page.locator("[data-testid=preview-pdf][data-state=ready] canvas")).to_have_count(1, timeout=20_000)
    b.page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    # And the image, inline.
    message.locator("[data-testid=file-chip][data-kind=png]").get_by_test_id("file-preview").click()
    image = b.page.get_by_test_id("preview-image")
    expect(image).to_be_visible()
    b.page.wait_for_function("() => document.querySelector('[data-testid=preview-image]')?.naturalWidth === 40")
    assert not a.errors and not b.errors, (a.errors, b.errors)


def test_a_refused_file_says_why_and_sends_nothing(make_session) -> None:  # type: ignore[no-untyped-def]
    a = make_session()
    a.login("zhangsan")
    a.open_channel(CHANNEL)
    attach(a, "通知.pdf", samples.HTML, "application/pdf")
    error = a.page.get_by_test_id("upload-error")
    expect(error).to_contain_text("不支持的文件类型")
    expect(a.page.get_by_test_id("send")).to_be_disabled()
