"""The LLM judge through LangChain's real OpenAI client, over HTTP on 127.0.0.1.

No LLM can run here (a paid API, or a model download), so a small OpenAI-compatible stub server stands
in for the endpoint: it says NOT_SUPPORTED when the claim names Walter Monk and SUPPORTED otherwise.
Real here: ChatOpenAI, its HTTP requests, our prompt, our verdict parsing and the eval wiring.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from assistant.chat_models import chat_model
from assistant.config import Settings
from assistant.errors import ConfigError
from eval.judges import LLMJudge

EVIDENCE = ["The FCC imposed a $6 million fine on Steve Kramer on September 26, 2024."]


@pytest.fixture(scope="module")
def endpoint() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    seen: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen.append(body)
            claim = body["messages"][-1]["content"]
            verdict = (
                "NOT_SUPPORTED\nThe evidence names Steve Kramer." if "Walter Monk" in claim else "SUPPORTED\nStated."
            )
            payload = json.dumps(
                {
                    "id": "stub-1",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body["model"],
                    "choices": [
                        {"index": 0, "message": {"role": "assistant", "content": verdict}, "finish_reason": "stop"}
                    ],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", seen
    server.shutdown()


def test_llm_judge_over_an_openai_compatible_endpoint(endpoint: tuple[str, list[dict[str, Any]]]) -> None:
    url, seen = endpoint
    model = chat_model(Settings(llm_provider="openai", llm_model="stub-model", llm_base_url=url))
    judge = LLMJudge(model)
    assert judge.judge("The FCC fined Steve Kramer $6 million.", EVIDENCE).supported
    wrong = judge.judge("The FCC fined Walter Monk $6 million.", EVIDENCE)
    assert not wrong.supported and wrong.reason == "The evidence names Steve Kramer."
    request = seen[-1]
    assert request["model"] == "stub-model" and request["temperature"] == 0
    assert "Walter Monk" in request["messages"][-1]["content"] and EVIDENCE[0] in request["messages"][-1]["content"]


def test_eval_with_the_llm_judge(
    endpoint: tuple[str, list[dict[str, Any]]],
    index_dir: Path,
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eval.cli import run_eval
    from tests.test_eval_cli import _small_gold

    url, _ = endpoint
    for key, value in {"PROVIDER": "openai", "MODEL": "stub-model", "BASE_URL": url}.items():
        monkeypatch.setenv(f"BRIEFING_LLM_{key}", value)
    assert run_eval(_small_gold(tmp_path), corpus, index_dir, None, "llm", tmp_path / "out", None) == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["judge"] == "llm:openai:stub-model"
    assert report["metrics"]["faithfulness"] == 1.0
    reasons = report["questions"][0]["reasons"]["judge"]
    assert reasons and all(r["reason"] == "Stated." for r in reasons)


def test_llm_judge_needs_a_configured_model() -> None:
    with pytest.raises(ConfigError, match="BRIEFING_LLM_PROVIDER"):
        chat_model(Settings())
