"""The chat as staff see it: `briefing serve` in a real headless Chromium driven by Playwright."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from assistant import Assistant
from tests.services import free_port, wait_until_listening
from ui.render import NOT_VERIFIED, VERIFIED

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def served(index_dir: Path) -> Iterator[str]:
    port = free_port()
    briefing = str(Path(sys.executable).with_name("briefing"))
    process = subprocess.Popen(
        [briefing, "serve", "--index", str(index_dir), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_listening(process, port, "briefing serve", 90)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


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
            source = page.get_by_test_id("stExpander").first
            expect(source).to_contain_text("[1]")
            expect(source).to_contain_text(first.title)
            quote = source.get_by_text(first.quote, exact=True)
            expect(quote).to_be_hidden()  # closed until clicked
            source.get_by_text(first.title).click()
            expect(quote).to_be_visible()
            expect(source.get_by_text(VERIFIED, exact=True).first).to_be_visible()
            expect(source.get_by_text(NOT_VERIFIED, exact=True)).to_have_count(0)
            expect(source).to_contain_text(f"[1] characters {first.start}–{first.end}")
            # For a person to look at: the answer with its first source open.
            page.screenshot(path=str(tmp_path / "chat.png"), full_page=True)
        finally:
            browser.close()
