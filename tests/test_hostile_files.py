"""Hostile and broken input files: every one gets a clear per-file error or is indexed correctly.

Property tests (hypothesis) drive each loader with arbitrary bytes and with near-valid files (bad YAML,
odd dates, NUL bytes, invalid UTF-8, deep HTML, long lines); a folder of the worst of them plus one good
article goes through a real ingest, which must index the good one and name each bad one.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import Assistant
from assistant.config import Settings
from ingest.index import chunk_documents
from ingest.loaders import SUPPORTED, load_file

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = sorted(SUPPORTED)


def _check(path: Path, content: bytes) -> None:
    """The loader's contract for any file: no exception; failures name the file in one line; every
    article has text whose chunks stand at their offsets."""
    path.write_bytes(content)
    result = load_file(path)
    for failure in result.failures:
        assert failure.path.startswith(str(path.resolve())), failure
        assert failure.reason and "\n" not in failure.reason, failure
    for article in result.articles:
        assert article.text.strip()
        for doc in chunk_documents(article, Settings()):
            assert article.text[doc.metadata["start"] : doc.metadata["end"]] == doc.page_content
        if article.published is not None:
            assert 1 <= article.published.year <= 9999


@FUZZ
@given(suffix=st.sampled_from(SUFFIXES), content=st.binary(max_size=4096))
def test_arbitrary_bytes_never_crash_a_loader(suffix: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _check(Path(folder) / f"fuzz{suffix}", content)


_text = st.text(st.characters(codec="utf-8"), max_size=300)
_dates = st.one_of(
    st.dates().map(str),
    st.sampled_from(["0001-01-01", "9999-12-31", "10000-01-01", "2024-02-30", "yesterday", "", "2024-13-01"]),
    st.integers(-(10**12), 10**12).map(str),
)


@FUZZ
@given(title=_text, date=_dates, body=_text, extra=st.sampled_from(["", "topics: [a, [b]]\n", "x: : :\n", "\t- bad\n"]))
def test_markdown_with_any_front_matter_is_indexed_or_named(title: str, date: str, body: str, extra: str) -> None:
    front = f"---\ntitle: {json.dumps(title)}\npublished: {date}\n{extra}---\n\n{body}\n"
    with tempfile.TemporaryDirectory() as folder:
        _check(Path(folder) / "fm.md", front.encode("utf-8", "surrogatepass"))


@FUZZ
@given(
    lines=st.lists(
        st.one_of(
            st.fixed_dictionaries(
                {
                    "id": st.one_of(st.text(max_size=5), st.integers(0, 3)),
                    "text": _text,
                    "published": _dates,
                    "topics": st.one_of(st.lists(_text, max_size=3), _text),
                }
            ),
            st.text(max_size=50),
        ),
        max_size=6,
    )
)
def test_jsonl_lines_fail_alone(lines: list[object]) -> None:
    content = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines)
    with tempfile.TemporaryDirectory() as folder:
        _check(Path(folder) / "feed.jsonl", content.encode("utf-8", "surrogatepass"))


def test_a_folder_of_hostile_files_indexes_the_good_one_and_names_each_bad_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = "---\ntitle: Good county notice\npublished: 2024-10-02\n---\n\nThe county audit starts on October 9.\n"
    (folder / "good.md").write_text(good, encoding="utf-8")
    hostile = {
        "binary.md": bytes(range(256)) * 20,
        "invalid.txt": b"Election night \xff\xfe results",
        "nul.html": b"<html><body>\x00\x00</body></html>",
        "truncated.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog",
        "badyaml.md": b"---\ntitle: [unclosed\npublished: 2024-01-01\n---\n\nBody text here.\n",
        "deep.html": b"<html><body>" + b"<div>" * 20000 + b"Deep text about a county canvass." + b"</div>" * 20000,
        "dupes.jsonl": b'{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n',
        "future.md": b"---\ntitle: Far future\npublished: 9999-12-31\n---\n\nA note from the far future.\n",
        "ancient.md": b"---\ntitle: Ancient\npublished: 0001-01-01\n---\n\nA note from long ago.\n",
        "longline.txt": b"A very long line about ballots. " * 4000,  # 128 KB, no line break
        "empty.txt": b"",
    }
    for name, content in hostile.items():
        (folder / name).write_bytes(content)
    report = Assistant(index_dir=tmp_path / "index").ingest([folder])
    indexed = set(report.added)
    assert any(p.endswith("good.md") for p in indexed)
    failed = {Path(f.path.split(":")[0]).name: f.reason for f in report.failed}
    for name in hostile:
        assert name in failed or any(p.split("#")[0].endswith(name) for p in indexed), name
    assert all("\n" not in reason for reason in failed.values())
    assert "line" in failed["badyaml.md"]  # malformed YAML names where it broke
    assert failed["dupes.jsonl"].startswith("duplicate id")
