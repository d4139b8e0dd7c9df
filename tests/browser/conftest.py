"""Browser tests: a demo hub started per session, the built web client, Debian chromium via Playwright (sync API)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "webclient" / "dist"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PASSWORD = "Baiyin@2026"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

expect.set_options(timeout=10_000)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(proc: subprocess.Popen[bytes], url: str, ready: Callable[[], bool] | None) -> bool:
    """True once /healthz answers (and `ready` holds); False if the process exits or 5 minutes pass."""
    deadline = time.monotonic() + 300  # the demo loads before the hub listens: slow on a loaded 2-core machine
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as r:
                if r.status == 200 and (ready is None or ready()):
                    return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def start_hub(module_args: list[str], log_name: str, extra_env: dict[str, str] | None = None,
              ready: Callable[[], bool] | None = None) -> tuple[subprocess.Popen[bytes], str, Callable[[], None]]:
    """Start a hub subprocess (`python -m …`) on a free port serving the built client; wait for /healthz."""
    if not (DIST / "index.html").is_file():
        pytest.fail(f"web client not built: {DIST}/index.html is missing; run `make webclient` "
                    "(or `cd webclient && npm ci && npm run build`)", pytrace=False)
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium not found at {CHROMIUM}: apt-get install -y chromium", pytrace=False)
    # The hub binds its port only after loading the demo, minutes later on a loaded machine; by then another
    # process (an outgoing connection of the other test worker) may hold the free port picked now. Try again then.
    for _attempt in range(3):
        port = _free_port()
        env = dict(os.environ, HUB_PORT=str(port), HUB_HOST="127.0.0.1", HUB_WEBCLIENT_DIR=str(DIST),
                   HUB_ARGON2_TIME_COST="1", HUB_ARGON2_MEMORY_KIB="8192")
        env.pop("HUB_REDIS_URL", None)
        env.pop("HUB_MONGODB_URL", None)
        env.pop("HUB_STORE", None)
        # The durable default, as `make run` has it: an embedded SecantusDB with its data in a directory of its
        # own. Each hub gets its own: the suite's HUB_DATA_DIR (tests/conftest.py) would otherwise make a second
        # hub attach to the first one's store, and see its sessions, timers and security policy.
        data_dir = tempfile.mkdtemp(prefix="xt-browser-")
        env["HUB_DATA_DIR"] = data_dir
        env.update(extra_env or {})
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        log = open(ARTIFACTS / log_name, "wb")
        venv_python = ROOT / ".venv" / "bin" / "python"
        python = str(venv_python) if venv_python.exists() else sys.executable
        proc = subprocess.Popen([python, "-m", *module_args], cwd=ROOT, env=env, stdout=log,
                                stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        if _wait_ready(proc, url, ready):
            break
        proc.kill()
        proc.wait()
        log.close()
        shutil.rmtree(data_dir, ignore_errors=True)
        if b"address already in use" not in (ARTIFACTS / log_name).read_bytes():
            pytest.fail(f"hub did not start; see {ARTIFACTS / log_name}", pytrace=False)
    else:
        pytest.fail(f"hub did not start (its port was taken three times); see {ARTIFACTS / log_name}",
                    pytrace=False)

    def stop() -> None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        shutil.rmtree(data_dir, ignore_errors=True)

    return proc, url, stop


@pytest.fixture(scope="session")
def hub_url() -> Iterator[str]:
    _, url, stop = start_hub(["hub", "run", "--demo"], "hub-browser.log")
    yield url
    stop()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


# Package scope: the sync API keeps an event loop busy while open, so it must be closed before the
# async hub tests elsewhere in tests/ run.
@pytest.fixture(scope="package")
def browser(hub_url: str) -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Session:
    """One person in one browser context."""

    def __init__(self, context: BrowserContext, page: Page, base: str) -> None:
        self.context, self.page, self.base = context, page, base
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        def on_dialog(d: Dialog) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def login(self, username: str, password: str = PASSWORD) -> None:
        self.page.goto(self.base)
        self.page.get_by_test_id("username").fill(username)
        self.page.get_by_test_id("password").fill(password)
        self.page.get_by_test_id("login-submit").click()
        expect(self.page.get_by_test_id("workspace")).to_be_visible()
        expect(self.page.get_by_test_id("channel-item").first).to_be_visible()

    def channel(self, name: str):  # type: ignore[no-untyped-def]
        return self.page.locator(f'[data-testid=channel-item][data-name="{name}"]')

    def open_channel(self, name: str) -> None:
        self.channel(name).click()
        expect(self.page.get_by_test_id("conversation-title")).to_have_text(name)

    def send(self, text: str) -> None:
        box = self.page.get_by_test_id("composer")
        box.fill(text)
        box.press("Enter")

    def bubble(self, text: str):  # type: ignore[no-untyped-def]
        return self.page.locator("[data-testid=message] [data-testid=bubble]", has_text=text)


@pytest.fixture
def make_session(browser: Browser, hub_url: str) -> Iterator[Callable[..., Session]]:
    made: list[BrowserContext] = []

    def make(width: int = 1440, height: int = 900, locale: str = "zh-CN", base: str = hub_url) -> Session:
        ctx = browser.new_context(viewport={"width": width, "height": height}, locale=locale,
                                  timezone_id="Asia/Shanghai")
        made.append(ctx)
        return Session(ctx, ctx.new_page(), base)

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture
def colleagues(make_session: Callable[..., Session]) -> tuple[Session, Session]:
    """张三 and 张绍松, both logged in with the 市财政局 channel open."""
    a, b = make_session(), make_session()
    a.login("zhangsan")
    b.login("zhangshaosong")
    a.open_channel("市财政局")
    b.open_channel("市财政局")
    return a, b


# Screenshots the 帮助中心 shows: a test saves them in ARTIFACTS/help/ under the name a help page references
# (webclient/src/help/*/*.md: /help/img/<name>.png). With XT_HELP_SHOTS=1 (`make help-shots`) they are copied,
# shrunk, into webclient/public/help/img/ to be committed; a plain test run leaves the committed ones alone.
HELP_SHOTS = ARTIFACTS / "help"
HELP_IMG = ROOT / "webclient" / "public" / "help" / "img"


def publish_help_shots(source: Path = HELP_SHOTS, target: Path = HELP_IMG, width: int = 960) -> list[str]:
    """Copy every screenshot in `source` to `target`, at most `width` pixels wide and in 256 colours."""
    target.mkdir(parents=True, exist_ok=True)
    done = []
    for shot in sorted(source.glob("*.png")):
        try:
            from PIL import Image
        except ImportError:  # Pillow is optional: then the full-size screenshot is copied
            shutil.copyfile(shot, target / shot.name)
        else:
            with Image.open(shot) as img:
                small = img.convert("RGB")
                if small.width > width:
                    small = small.resize((width, round(small.height * width / small.width)), Image.Resampling.LANCZOS)
                small.quantize(colors=256).save(target / shot.name, optimize=True)
        done.append(shot.name)
    return done


@pytest.fixture(scope="session", autouse=True)
def help_shots() -> Iterator[Path]:
    HELP_SHOTS.mkdir(parents=True, exist_ok=True)
    yield HELP_SHOTS
    if os.environ.get("XT_HELP_SHOTS") == "1":
        publish_help_shots()
