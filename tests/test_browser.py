"""The chat as staff see it: `briefing serve` in a real headless Chromium driven by Playwright."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from assistant import Assistant
from tests.services import free_port, serving
from ui.render import NOT_VERIFIED, VERIFIED

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def _serving(index: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """`briefing serve` on a free port, listening; stopped (if still running) on the way out."""
    port = free_port()
    briefing = str(Path(sys.executable).with_name("briefing"))
    command = [briefing, "serve", "--index", str(index), "--port", str(port)]
    with serving(command, port, "briefing serve", 90) as process:
        yield process, port


def _serve(index: Path) -> Iterator[str]:
    with _serving(index) as (_, port):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def served(index_dir: Path) -> Iterator[str]:
    yield from _serve(index_dir)


def test_chat_page_answers_with_openable_sources(served: str, bot: Assistant, tmp_path: Path) -> None:
    question = "Which Russian companies ran the Doppelganger campaign?"
    first = bot.ask(question).citations[0]  # what the page must show when source [1] is opened
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package (needs root)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            page.goto(served, wait_until="domcontentloaded")
            box = page.get_by_test_id("stChatInputTextArea")
            expect(box).to_be_visible(timeout=60_000)
            box.fill(question)
            box.press("Enter")
            expect(page.get_by_text("Social Design Agency").first).to_be_visible(timeout=90_000)
            expect(page.get_by_test_id("stStatusWidget").or_(page.get_by_text("verified in")).first).to_be_visible()
            quote = page.get_by_text(first.quote, exact=True)
            expect(quote).to_have_count(0)  # the passage opens when its chip is clicked
            chip = page.get_by_text(re.compile(r"^\[1\] "))
            expect(chip).to_have_count(1)
            chip.click()
            expect(quote).to_be_visible()
            expect(page.get_by_text(first.title, exact=True).first).to_be_visible()
            expect(page.get_by_text(re.compile(re.escape(VERIFIED))).first).to_be_visible()
            expect(page.get_by_text(re.compile(NOT_VERIFIED))).to_have_count(0)
            expect(page.get_by_text(re.compile(f"characters {first.start}–{first.end}"))).to_be_visible()
            # No "Deploy" button or developer menu in a staff tool.
            expect(page.get_by_text("Deploy", exact=True)).to_have_count(0)
            # For a person to look at: the answer with its first source open.
            page.screenshot(path=str(tmp_path / "chat.png"), full_page=True)
        finally:
            browser.close()


def test_serve_stops_with_sigterm_and_frees_its_port(index_dir: Path) -> None:
    """systemd, container runtimes and test fixtures stop a server with SIGTERM: nothing may keep serving."""
    with _serving(index_dir) as (process, port):
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        with socket.socket() as probe:
            probe.settimeout(1)
            assert probe.connect_ex(("127.0.0.1", port)) != 0, "the server kept serving after SIGTERM"


HOSTILE = (
    "Varnsdorf clerk reports phishing\n\n"
    "The county clerk in Varnsdorf said 57 phishing emails targeted poll workers on Monday "
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> '
    "and each carried a link [open the ballot file](javascript:window.__pwned=3) to a fake portal.\n"
)


@pytest.fixture(scope="module")
def hostile_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on an index whose one article carries a script, an image with an onerror handler and a
    javascript: link in the very sentence that answers the question."""
    root = tmp_path_factory.mktemp("hostile")
    (root / "articles").mkdir()
    (root / "articles" / "varnsdorf.txt").write_text(HOSTILE, encoding="utf-8")
    assert Assistant(index_dir=root / "index").ingest([root / "articles"]).ok
    yield from _serve(root / "index")


def test_script_and_markup_in_sources_never_run_in_the_page(hostile_served: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(hostile_served, wait_until="domcontentloaded")
            box = page.get_by_test_id("stChatInputTextArea")
            expect(box).to_be_visible(timeout=60_000)
            box.fill("How many phishing emails targeted poll workers in Varnsdorf?")
            box.press("Enter")
            expect(page.get_by_text("57 phishing emails").first).to_be_visible(timeout=90_000)
            page.get_by_text(re.compile(r"^\[1\] ")).click()
            # The hostile markup is on the page as text, highlighted in the opened passage ...
            expect(page.get_by_text(re.compile(r"<script>window.__pwned = 1</script>")).first).to_be_visible()
            expect(page.get_by_text(re.compile(r'onerror="window.__pwned = 2"')).first).to_be_visible()
            # ... and none of it ran or became an element or a link.
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert page.locator("img[src='x']").count() == 0
            assert page.locator("a[href^='javascript']").count() == 0
            assert dialogs == []
        finally:
            browser.close()
