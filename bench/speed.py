"""Embedding runtime, ingest, re-ingest, cold ask and `--help`, measured side by side in one run. Prints a table.

    .venv/bin/python bench/speed.py [--multihop-articles 200] [--repeat 3]

The corpus is the shared election articles, the bundled samples and the first N articles of the
multi-hop benchmark (as JSON Lines). Every time is taken in this run, and the targets are ratios to
the raw torch encode of the same chunks (these machines are shared and noisy). Models are loaded
before the timed part of an in-process row; the cold rows are whole `briefing` processes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from assistant import Assistant
from assistant.config import Settings
from assistant.embeddings import MiniLMEmbeddings
from assistant.onnx_minilm import OnnxMiniLMEmbeddings
from ingest.chunking import chunk_article
from ingest.loaders import discover, load_file

ROOT = Path(__file__).resolve().parent.parent
BRIEFING = str(Path(sys.executable).with_name("briefing"))
QUESTION = "Which Russian companies ran Doppelganger?"


def _corpus(folder: Path, multihop: int) -> list[Path]:
    paths = [ROOT.parent / "shared/corpus/articles", ROOT / "samples/articles"]
    if multihop:
        lines = (ROOT.parent / "shared/corpus/multihop/articles.jsonl").read_text(encoding="utf-8").splitlines()
        feed = folder / "multihop.jsonl"
        feed.write_text("\n".join(lines[:multihop]) + "\n", encoding="utf-8")
        paths.append(feed)
    return paths


def _chunk_texts(paths: list[Path], settings: Settings) -> list[str]:
    files, _ = discover(paths)
    return [
        c.text
        for f in files
        for a in load_file(f).articles
        for c in chunk_article(a, settings.chunk_tokens, settings.chunk_overlap)
    ]


def _timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def _cold(args: list[str], env: dict[str, str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([BRIEFING, *args], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--multihop-articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        paths = _corpus(work, args.multihop_articles)
        settings = Settings()
        texts = _chunk_texts(paths, settings)
        torch_model = MiniLMEmbeddings(batch_size=settings.embedding_batch_size)
        onnx_model = OnnxMiniLMEmbeddings(settings.model_cache, settings.embedding_batch_size)
        torch_model.embed_query("warm up")
        onnx_model.embed_query("warm up")
        raw_torch = _timed(lambda: torch_model.embed_documents(texts))
        raw_onnx = _timed(lambda: onnx_model.embed_documents(texts))
        agree = np.min(
            (
                np.asarray(torch_model.embed_documents(texts[:200]))
                * np.asarray(onnx_model.embed_documents(texts[:200]))
            ).sum(axis=1)
        )
        rows.append((f"raw torch encode of {len(texts)} chunks", f"{raw_torch:.1f} s", "reference (1.00x)"))
        rows.append(
            (
                "raw ONNX encode, same chunks",
                f"{raw_onnx:.1f} s",
                f"{raw_torch / raw_onnx:.2f}x; min cosine {agree:.6f}",
            )
        )

        ingest: dict[str, float] = {}
        for runtime in ("torch", "onnx"):
            bot = Assistant(index_dir=work / f"index-{runtime}", embedding_runtime=runtime)
            bot.embeddings.embed_query("warm up")
            started = time.perf_counter()
            report = bot.ingest(paths)
            ingest[runtime] = time.perf_counter() - started
            assert report.ok, report.failed
            target = "target >= 1.0x, stretch 1.5x" if runtime == "onnx" else "before"
            rows.append(
                (
                    f"ingest, {runtime} runtime ({len(report.added)} articles)",
                    f"{ingest[runtime]:.1f} s",
                    f"{raw_torch / ingest[runtime]:.2f}x raw torch ({target})",
                )
            )

        env = {**os.environ, "BRIEFING_INDEX_DIR": str(work / "index-onnx")}
        reingest = _cold(["ingest", *map(str, paths)], env, 1)
        # Cold asks on the index of the bundled samples, as a new user has it after `make run`.
        samples = {**os.environ, "BRIEFING_INDEX_DIR": str(work / "samples")}
        _cold(["ingest", str(ROOT / "samples/articles")], samples, 1)
        rows.append(
            (
                "re-ingest unchanged (whole process)",
                f"{reingest:.2f} s",
                f"1/{raw_torch / reingest:.0f} of raw torch (target <= 1/20)",
            )
        )
        for runtime in ("torch", "onnx"):
            for name, where in (("samples", samples), (f"{len(report.added)} articles", env)):
                cold = _cold(["ask", QUESTION], {**where, "BRIEFING_EMBEDDING_RUNTIME": runtime}, args.repeat)
                target = "target <= 2.5 s" if runtime == "onnx" and name == "samples" else ""
                rows.append((f"cold `briefing ask`, {runtime}, {name} index", f"{cold:.2f} s", target))
        rows.append(("`briefing --help`", f"{_cold(['--help'], env, args.repeat):.2f} s", "target <= 0.5 s"))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'time':>8}  against")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>8}  {note}")


if __name__ == "__main__":
    main()
