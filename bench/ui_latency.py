"""How long staff wait in the chat: page ready after `briefing serve`, the first answer, a warm answer.

    .venv/bin/python bench/ui_latency.py [--index DIR] [--runs 3]

Drives the real app in Debian's headless Chromium (Playwright), as a staff member would: the time from
pressing Enter to the verified answer's status line, for the first question after the server starts
(the index and the embedding model are loaded once per server, under a spinner at page load) and for
later ones. Beside them, the same questions through the Python API in this process, so the cost the UI
adds reads as a ratio from one run on a noisy shared machine. An index that does not exist is built
from ../shared/corpus/articles.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant  # noqa: E402
from tests.services import free_port, wait_until_listening  # noqa: E402
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

QUESTIONS = [
    "Which Russian companies ran the Doppelganger campaign?",
    "Who was behind the New Hampshire Biden robocalls?",
    "How many domains did DOJ seize from Doppelganger?",
    "What did ODNI say about Iran?",
]


def _answer_in_page(page, question: str) -> float:  # type: ignore[no-untyped-def]
    box = page.get_by_test_id("stChatInputTextArea")
    done_before = page.get_by_text("Send feedback").count() + page.get_by_text("Thank you").count()
    box.fill(question)
    started = time.perf_counter()
    box.press("Enter")
    expect(page.get_by_role("button", name="Send feedback")).to_have_count(done_before + 1, timeout=120_000)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=ROOT / ".briefing" / "bench" / "dev")
    parser.add_argument("--runs", type=int, default=3, help="server starts to measure")
    args = parser.parse_args()
    if not (args.index / "chroma.sqlite3").exists():
        Assistant(index_dir=args.index).ingest([ROOT.parent / "shared" / "corpus" / "articles"])

    ready, first, warm = [], [], []
    for run in range(args.runs):
        port = free_port()
        data = args.index.parent / f"ui-bench-data-{run}"
        started = time.perf_counter()
        server = subprocess.Popen(
            [str(Path(sys.executable).with_name("briefing")), "serve", "--index", str(args.index), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**__import__("os").environ, "BRIEFING_DATA_DIR": str(data)},
        )
        try:
            wait_until_listening(server, port, "briefing serve", 120)  # type: ignore[arg-type]
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                page = browser.new_page(viewport={"width": 1200, "height": 1400})
                page.goto(f"http://127.0.0.1:{port}", wait_until="domcontentloaded")
                expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=120_000)
                ready.append(time.perf_counter() - started)
                first.append(_answer_in_page(page, QUESTIONS[0]))
                warm += [_answer_in_page(page, q) for q in QUESTIONS[1:]]
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)

    started = time.perf_counter()
    bot = Assistant(index_dir=args.index, history_days=0)
    bot.ask(QUESTIONS[0])
    api_first = time.perf_counter() - started
    api_warm = []
    for q in QUESTIONS[1:]:
        t = time.perf_counter()
        bot.ask(q)
        api_warm.append(time.perf_counter() - t)

    def row(name: str, values: list[float], api: float | None) -> str:
        median = statistics.median(values)
        ratio = f"{median / api:5.1f}x" if api else "     "
        return f"| {name:<40} | {median:7.2f} s | {min(values):7.2f} s | {max(values):7.2f} s | {ratio} |"

    print(f"Chat latency on {args.index} ({args.runs} server start(s), {len(warm)} warm questions)")
    print("| measure                                  |  median  |   min    |   max    | vs API |")
    print("|------------------------------------------|----------|----------|----------|--------|")
    print(row("server start to chat box visible", ready, None))
    print(row("first answer after start (Enter to done)", first, api_first))
    print(row("warm answer (Enter to done)", warm, statistics.median(api_warm)))
    api_median = statistics.median(api_warm)
    print(f"API in-process: first answer (incl. model load) {api_first:.2f} s, warm {api_median:.2f} s")


if __name__ == "__main__":
    main()
