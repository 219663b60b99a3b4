"""A read-only index folder and a full disk: one clear line, and nothing already stored is damaged.

As root (as CI runs), `briefing` runs in a mount namespace of its own with the index on a real
read-only bind mount, or on a tmpfs too small for the ingest (the OS answers ENOSPC). Root ignores file
modes and mounts need root, so without root a chmod makes the folder read-only and a file-size limit
(EFBIG) stands in for the full disk; the wording of the full-disk line is then not checked.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Assistant

BRIEFING = str(Path(sys.executable).with_name("briefing"))
ROOT = os.geteuid() == 0 and shutil.which("unshare") is not None


@pytest.fixture()
def folders(tmp_path: Path, corpus: Path) -> tuple[Path, Path]:
    """A first folder of three articles, and a second of eight more."""
    first, more = tmp_path / "first", tmp_path / "more"
    first.mkdir()
    more.mkdir()
    names = sorted(p.name for p in corpus.glob("*.md"))
    for name in ["seed.md", "doppelganger-domain-seizures.md", "rt-tenet-media-indictment.md"]:
        shutil.copy(corpus / name, first / name)
    for name in [n for n in names if not (first / n).exists()][:8]:
        shutil.copy(corpus / name, more / name)
    return first, more


def _build(index: Path, folder: Path) -> None:
    """Index `folder` in a process of its own: this one must not hold the index open while its files are
    moved to another disk and back."""
    subprocess.run([BRIEFING, "ingest", str(folder), "--index", str(index)], check=True, capture_output=True)


def _one_line(done: subprocess.CompletedProcess[str]) -> str:
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


def _used_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) // 1024


def _on_full_disk(index: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`briefing ARGS` with `index` on a disk that has about 400 KiB left; the index is copied back after."""
    if not ROOT:
        limit = (_used_kib(index) + 64) * 1024
        return subprocess.run(
            [BRIEFING, *args, "--index", str(index)],
            capture_output=True,
            text=True,
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)),
        )
    disk = index.with_name("disk")
    disk.mkdir()
    # The arguments after the script: $0 the small disk, $1 the index to copy in and back, $2 briefing.
    script = (
        f'disk="$0"; index="$1"; briefing="$2"; shift 2; '
        f'mount -t tmpfs -o size={_used_kib(index) + 400}k tmpfs "$disk" && cp -a "$index"/. "$disk"/ && '
        f'"$briefing" "$@" --index "$disk"; rc=$?; rm -rf "$index" && cp -a "$disk" "$index"; exit $rc'
    )
    return subprocess.run(
        ["unshare", "--mount", "sh", "-c", script, str(disk), str(index), BRIEFING, *args],
        capture_output=True,
        text=True,
    )


def _read_only(index: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if ROOT:
        script = 'briefing="$1"; shift; mount --bind -o ro "$0" "$0" && exec "$briefing" "$@"'
        command = ["unshare", "--mount", "sh", "-c", script, str(index), BRIEFING, *args]
        return subprocess.run(command, capture_output=True, text=True)
    modes = {p: p.stat().st_mode for p in [index, *index.rglob("*")]}
    for path in modes:
        path.chmod(modes[path] & ~0o222)
    try:
        return subprocess.run([BRIEFING, *args], capture_output=True, text=True)
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def test_a_full_disk_fails_the_ingest_in_one_line_and_loses_nothing(tmp_path: Path, folders: tuple[Path, Path]) -> None:
    first, more = folders
    index = tmp_path / "index"
    _build(index, first)

    done = _on_full_disk(index, "ingest", str(first), str(more))
    line = _one_line(done)
    if ROOT:
        assert "is full" in line and "free some space" in line and "move it aside" not in line

    # Room again (the same files on a roomy disk): what was there answers, and the ingest completes.
    answer = Assistant(index_dir=index).ask("Which Russian companies ran Doppelganger?")
    assert not answer.refused and all(c.verified for c in answer.citations)
    report = Assistant(index_dir=index).ingest([first, more])
    assert report.ok and len(report.added) + len(report.updated) + len(report.unchanged) == 11
    clean = Assistant(index_dir=tmp_path / "clean")
    clean.ingest([first, more])
    got, expected = Assistant(index_dir=index).stats(), clean.stats()
    assert (got.articles, got.chunks) == (expected.articles, expected.chunks) == (11, expected.chunks)


def test_a_read_only_index_is_one_line_and_stays_as_it_was(tmp_path: Path, folders: tuple[Path, Path]) -> None:
    first, more = folders
    index = tmp_path / "index"
    _build(index, first)
    before = Assistant(index_dir=index).stats()

    ingest = _one_line(_read_only(index, "ingest", str(more), "--index", str(index)))
    assert str(index) in ingest and ("read-only" in ingest.lower() or "readonly" in ingest.lower())
    assert "move it aside" not in ingest
    ask = _one_line(_read_only(index, "ask", "Which Russian companies ran Doppelganger?", "--index", str(index)))
    assert str(index) in ask and "move it aside" not in ask

    after = Assistant(index_dir=index).stats()
    assert (after.articles, after.chunks) == (before.articles, before.chunks)
    assert not Assistant(index_dir=index).ask("Which Russian companies ran Doppelganger?").refused
