"""End to end in a real browser: `streamlit run ui/app.py` driven by Playwright with Debian's headless Chromium.

Screenshots of every page go to docs/screenshots/. Needs `apt-get install -y chromium fonts-noto-cjk`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.config import PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")
# The README's screenshots are refreshed only on request; ordinary runs write them to a temporary folder.
SHOTS = (PROJECT_ROOT / "docs" / "screenshots" if os.environ.get("ASSISTANT_UPDATE_SCREENSHOTS")
         else Path(tempfile.gettempdir()) / "assistant-screenshots")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SLOW = 120_000  # ms: the first answer loads the index and the embedding model

pytestmark = [pytest.mark.browser, pytest.mark.allow_hosts(["127.0.0.1", "::1"])]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"streamlit did not become healthy in {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture(scope="module")
def app_url(real_settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served on a free loopback port with the fixture index and a fresh data directory."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: run `apt-get install -y chromium fonts-noto-cjk` (Debian's Chromium and CJK fonts)")
    tmp = tmp_path_factory.mktemp("browser")
    port = _free_port()
    env = {**os.environ, "ASSISTANT_CORPUS_DIR": str(real_settings.corpus_dir), "ASSISTANT_INDEX_DIR": str(real_settings.index_dir),
           "ASSISTANT_DATA_DIR": str(tmp / "data"), "PYTHONWARNINGS": "ignore"}
    log = tmp / "streamlit.log"
    with open(log, "wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "ui/app.py", "--server.address", "127.0.0.1", "--server.port", str(port),
             "--server.headless", "true", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=PROJECT_ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


@pytest.fixture(scope="module")
def browser(app_url: str) -> Iterator[Any]:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=60_000)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1360, "height": 1000}, locale="en-US")
    pg = ctx.new_page()
    pg.set_default_timeout(SLOW)
    try:
        yield pg
    finally:
        ctx.close()


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.get_by_test_id("stSidebar").wait_for()
    page.locator("#stMain").wait_for()


def _settle(page: Any) -> None:
    """Wait until the script run has finished (the status widget disappears)."""
    page.wait_for_timeout(300)
    page.get_by_test_id("stStatusWidget").wait_for(state="detached", timeout=SLOW)
    page.wait_for_timeout(300)


def _ask(page: Any, question: str) -> Any:
    box = page.get_by_test_id("stChatInput").locator("textarea")
    box.fill(question)
    box.press("Enter")
    msg = page.get_by_test_id("stChatMessage").nth(1)
    msg.get_by_test_id("stExpander").first.wait_for()
    _settle(page)
    return msg


def _shot(page: Any, name: str) -> None:
    """Screenshot of the whole page: the viewport grows to the main area's height (Streamlit scrolls inside it)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for _ in range(2):  # growing the viewport can re-flow the page once
        height = int(page.evaluate("Math.max(...Array.from(document.querySelectorAll('#stMain, #stMain *'), e => e.scrollHeight))"))
        page.set_viewport_size({"width": 1360, "height": max(900, min(height + 120, 5000))})
        page.wait_for_timeout(700)
    page.evaluate("document.querySelectorAll('#stMain, #stMain *').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })")
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / name), full_page=True)


def test_chat_in_english(page: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    _open(page, f"{app_url}/")
    msg = _ask(page, "How is post-dural puncture headache treated?")
    expect(msg).to_contain_text("[1]")
    expect(msg).to_contain_text("blood patch")
    first = msg.get_by_test_id("stExpander").first
    expect(first).to_contain_text("[1]")
    first.locator("summary").click()
    expect(first).to_contain_text("References")
    _shot(page, "chat-en.png")


def test_chat_in_chinese(page: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    _open(page, f"{app_url}/")
    page.get_by_test_id("stSidebar").get_by_text("中文", exact=True).click()
    _settle(page)
    expect(page.locator("#stMain").locator("h1")).to_contain_text("疼痛介入操作安全助手")
    msg = _ask(page, "局麻药全身毒性应该如何处理？")
    expect(msg).to_contain_text("[1]")
    expect(msg).to_contain_text("脂肪乳")
    first = msg.get_by_test_id("stExpander").first
    first.locator("summary").click()
    expect(first).to_contain_text("参考文献")
    _shot(page, "chat-zh.png")


def test_scenario_round(page: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    _open(page, f"{app_url}/scenarios")
    main = page.locator("#stMain")
    expect(main.locator("h1")).to_contain_text("Scenarios")
    options = main.get_by_test_id("stRadio").filter(has_text="Your answer").get_by_test_id("stRadioOption")
    expect(options).to_have_count(4)
    options.nth(1).click()
    _settle(page)
    main.get_by_role("button", name="Submit answer").click()
    expect(main.get_by_text("Explanation", exact=True)).to_be_visible()
    expect(main).to_contain_text("orrect")  # "Correct." or "Incorrect. The correct answer is: ..."
    main.get_by_test_id("stExpander").first.wait_for()
    _settle(page)
    main.get_by_role("tab", name="My progress").click()
    expect(main.get_by_test_id("stMetric")).to_contain_text("/ 1")
    main.get_by_role("tab", name="Practice").click()
    _settle(page)
    _shot(page, "scenarios.png")


def test_tiny_benchmark(page: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    _open(page, f"{app_url}/benchmarks")
    main = page.locator("#stMain")
    expect(main).to_contain_text("items ready")
    limit = main.get_by_label("Items to run (0 = all)")
    limit.fill("3")
    limit.press("Enter")
    _settle(page)
    main.get_by_role("button", name="Run benchmark").click()
    expect(main.get_by_text("Metrics by language x kind")).to_be_visible(timeout=SLOW)
    expect(main.get_by_test_id("stDataFrame").first).to_be_visible()
    expect(main.get_by_test_id("stImage").first).to_be_visible()
    expect(main.get_by_role("button", name="report.md")).to_be_visible()
    _settle(page)
    _shot(page, "benchmarks.png")
