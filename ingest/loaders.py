"""One loader per format. Each turns a file into `Article`s or raises `IngestError` naming the reason.

The article text is what a reader sees (Markdown markup and HTML tags removed); every character offset
in the index points into this text, and citations are verified against it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import IngestError
from assistant.text import MONTH_NAME
from assistant.tiers import UNRATED
from assistant.types import Article, Flag, IngestFailure
from ingest.markdown import first_heading, markdown_to_text
from ingest.planted import find_flags, hidden_html_texts, unseen_hidden

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

MARKDOWN = {".md", ".markdown"}
PLAIN = {".txt", ".text"}
HTML = {".html", ".htm"}
JSONL = {".jsonl"}
PDF = {".pdf"}
SUPPORTED = MARKDOWN | PLAIN | HTML | JSONL | PDF


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[IngestFailure]]:
    """Files to load: named files as they are, folders walked recursively for supported types."""
    files: list[Path] = []
    failures: list[IngestFailure] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            failures.append(IngestFailure(path=str(path), reason="no such file or folder"))
        elif path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in SUPPORTED
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.suffix.lower() not in SUPPORTED:
            failures.append(
                IngestFailure(
                    path=str(path),
                    reason=f"unsupported file type {path.suffix or '(none)'}; "
                    f"supported: {', '.join(sorted(SUPPORTED))}",
                )
            )
        else:
            files.append(path)
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, failures


def article_id(key: str) -> str:
    """An article's id in the index: a digest of what it is known by (see `load_file`)."""
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def load_file(path: Path, corpus_root: Path | None = None) -> LoadResult:
    """Load one file; a file-level problem becomes a failure, a bad JSONL line fails alone.

    An article is known by its path ("/corpus/a.md", "/corpus/feed.jsonl#17"); under `corpus_root`
    (resolved) by its path inside the corpus instead ("a.md", "feed.jsonl#17"), which is the same on
    every machine that mounts the corpus, wherever it is mounted."""
    path = path.resolve()
    loader = _LOADERS.get(path.suffix.lower())
    if loader is None:
        return LoadResult(failures=[IngestFailure(path=str(path), reason="unsupported file type")])
    try:
        result = loader(path)
        if corpus_root is not None and path.is_relative_to(corpus_root):
            corpus_path = path.relative_to(corpus_root).as_posix()
            result.articles = [_in_corpus(a, corpus_path) for a in result.articles]
        return result
    except IngestError as exc:
        return LoadResult(failures=[IngestFailure(path=exc.path, reason=exc.reason)])
    except OSError as exc:
        return LoadResult(failures=[IngestFailure(path=str(path), reason=f"cannot read: {exc.strerror or exc}")])
    except Exception as exc:  # a parser's surprise must not stop the batch
        return LoadResult(failures=[IngestFailure(path=str(path), reason=f"unreadable ({type(exc).__name__}: {exc})")])


def _in_corpus(article: Article, corpus_path: str) -> Article:
    key = corpus_path + article.path[len(article.file) :]  # a JSON line keeps its "#id"
    return article.model_copy(update={"id": article_id(key), "corpus_path": corpus_path})


# --- helpers -------------------------------------------------------------------------------------
def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise IngestError(str(path), "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(str(path), f"not valid UTF-8 text (byte {exc.start})") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _parse_date(value: Any, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for parse in (date.fromisoformat, lambda s: datetime.fromisoformat(s).date()):
        try:
            return parse(text)
        except ValueError:
            continue
    raise IngestError(where, f"invalid published date {text!r} (expected YYYY-MM-DD)")


def _topics(value: Any, where: str) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        value = [t for t in re.split(r"[,;]", value)]
    if not isinstance(value, list) or not all(isinstance(t, str | int) for t in value):
        raise IngestError(where, "topics must be a list of words")
    return tuple(str(t).strip().lower() for t in value if str(t).strip())


def _str_field(meta: dict[str, Any], key: str, where: str) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, list | dict):
        raise IngestError(where, f"front matter field {key!r} must be text")
    return str(value).strip()


def _first_reference(value: Any) -> str:
    """Front matter may list `references` instead of one `url`: the first one stands for the article."""
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0].strip()
    return value.strip() if isinstance(value, str) else ""


def _title_from_name(path: Path) -> str:
    return re.sub(r"[-_]+", " ", path.stem).strip().capitalize() or path.name


def _make_article(
    *,
    path: str,
    file: Path,
    text: str,
    title: str,
    source: str = "",
    source_type: str = "",
    url: str = "",
    published: date | None = None,
    topics: tuple[str, ...] = (),
    page_starts: tuple[int, ...] = (),
    hidden: tuple[str, ...] = (),
    given_flags: tuple[Flag, ...] = (),
) -> Article:
    """An article, its planted sentences flagged (`hidden`: text of the source that readers never see;
    `given_flags`: flags an export carried over)."""
    if not text.strip():
        raise IngestError(path, "empty: no text to index")
    unseen = unseen_hidden(text, hidden)
    if unseen:
        # Hidden text the extraction left out follows the text, where it is flagged like the rest.
        text = "\n\n".join([text.rstrip(), *unseen])
    found = find_flags(text, hidden)
    # A carried-over flag was decided with more to go on (the HTML it was hidden in): it wins.
    extra = tuple(f for f in found if not any(g.overlaps(f.start, f.end) for g in given_flags))
    flags = tuple(sorted(given_flags + extra, key=lambda f: f.start))
    identity = json.dumps(
        [
            text,
            title,
            source,
            url,
            published.isoformat() if published else None,
            list(topics),
            [f.model_dump() for f in flags],
            # Only when given, so an article without one keeps the hash (and the index) it had.
            *([source_type] if source_type else []),
        ],
        ensure_ascii=False,
    )
    return Article(
        id=article_id(path),
        path=path,
        file=str(file),
        text=text,
        title=title,
        source=source,
        source_type=source_type,
        url=url,
        published=published,
        topics=topics,
        content_hash=hashlib.sha256(identity.encode()).hexdigest(),
        page_starts=page_starts,
        flags=flags,
    )


def _file_article(path: Path, **fields: Any) -> Article:
    """The one article of a whole file, known by the file's path."""
    return _make_article(path=str(path), file=path, **fields)


# --- Markdown ------------------------------------------------------------------------------------
def _yaml_place(exc: Exception, raw: str) -> str:
    """Where in the file a YAML error is. The YAML handed to the parser starts with the newline that ends
    the opening '---' line, so its 0-based line numbers count from that line."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return ""
    opening = raw[: len(raw) - len(raw.lstrip())].count("\n") + 1  # the '---' line, after any blank ones
    return f" at line {opening + mark.line}, column {mark.column + 1}"


def _yaml_problem(exc: Exception) -> str:
    parts = [getattr(exc, "problem", None), getattr(exc, "context", None)]
    found = "; ".join(str(p) for p in parts if p)
    return found or str(exc).splitlines()[0]


def load_markdown(path: Path) -> LoadResult:
    import frontmatter
    import yaml

    raw = _read_text(path)
    where = str(path)
    try:
        post = frontmatter.loads(raw)
    except yaml.YAMLError as exc:
        raise IngestError(where, f"malformed front matter{_yaml_place(exc, raw)}: {_yaml_problem(exc)}") from exc
    except ValueError as exc:  # YAML reads 2024-13-45 as a date and fails on it
        raise IngestError(where, f"invalid date in front matter ({exc}); expected YYYY-MM-DD") from exc
    meta = dict(post.metadata)
    if raw.lstrip().startswith("---") and not meta and post.content.strip() == raw.strip():
        raise IngestError(where, "malformed front matter: opening '---' without a closing '---'")
    text = markdown_to_text(post.content)
    title = _str_field(meta, "title", where) or first_heading(post.content) or _title_from_name(path)
    article = _file_article(
        path,
        text=text,
        title=title,
        source=_str_field(meta, "source", where),
        source_type=_str_field(meta, "source_type", where),
        url=_str_field(meta, "url", where) or _first_reference(meta.get("references")),
        published=_parse_date(meta.get("published") or meta.get("date"), where),
        topics=_topics(meta.get("topics"), where),
        hidden=tuple(hidden_html_texts(post.content)) if "<" in post.content else (),
    )
    return LoadResult(articles=[article])


# --- plain text ----------------------------------------------------------------------------------
# A plain-text article says when it was published and by whom in its opening lines, the way a memo, a
# press release or a wire story does: header lines under the title ("Date: 2026-10-12", "Source: Western
# Courier"), a publication note ("Published 3 July 2026 by the Election Cyber Coordination Centre (ECCC),
# Latvia.", "Compiled by the Harbour Street Desk. Last updated 20 November 2026.") or a dateline ("ABUJA,
# 10 November 2026 — The hotline…"). Without its date, a plain-text article could neither be filtered by
# date nor be told apart from an earlier report on the same matter.
_MONTH = rf"(?i:{MONTH_NAME})\.?"  # "July", "Sept.", as prose dates name months everywhere
_STATED_DATE = rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
_HEADER = re.compile(r"^(?P<key>date|published|updated|posted|source|publisher|url|link)\s*:\s*(?P<value>\S.*)$", re.I)
# The note opens the line or one of its sentences ("Ballots were posted on 3 July 2026 to overseas voters"
# is a story's first sentence, not a publication note); "dated" may stand anywhere in it ("It is updated
# as the case develops; the last entry is dated 20 August 2026.").
_PUBLICATION_NOTE = re.compile(
    rf"(?:(?:^|[.;]\s+)(?:published|posted|issued|released|(?:last\s+)?updated)|\bdated)(?:\s+on)?\s+"
    rf"(?P<date>{_STATED_DATE})\b",
    re.I,
)
_DATELINE = re.compile(rf"^[A-Z][A-Z .'’-]+,\s+(?P<date>{_STATED_DATE})\s*[—–-]")
# A line that opens with the note ("Published 3 July 2026 by the Election Cyber Coordination Centre (ECCC),
# Latvia.", "Compiled by the Harbour Street Desk."), not a story's first sentence ("Emails posted by
# Guccifer 2.0…"): the capitalised name, its small joining words and its acronym in brackets included.
_PUBLISHED_BY = re.compile(
    r"^(?i:published|posted|issued|released|compiled|prepared)\b[^.]*?\b(?i:by)\s+(?:the\s+)?"
    r"(?P<source>[A-Z][\w&'’-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*(?:[A-Z][\w&'’-]*|\([A-Z]{2,}\)))*)"
)
# A press release's or a transcript's masthead, between the title and the text: who issues it ("Electoral
# Operations Service — Press Office", "National Election Security Office (NESO) — Press Briefing Room"),
# where and when ("Vilnius, 30 June 2026"), and lines that say nothing of either ("For immediate release",
# "Speakers: …").
_ISSUED_BY = re.compile(r"^(?P<source>[A-Z][^—–:]*?)\s+[—–]\s+(?i:press|media|news)\b[\w ]*$")
_PLACE_AND_DATE = re.compile(rf"^(?:[A-Z][\w .'’-]*,\s+)?(?P<date>{_STATED_DATE})$")
_MASTHEAD_NOTE = re.compile(
    r"^(?:for immediate release|(?:press|news|media) release|embargoed\b.*|[A-Z][\w ]{0,24}:\s+\S.{0,100})$", re.I
)
_OPENING_LINES = 6  # masthead and header lines, and the first line of the text proper
# A title given as a header line, the way the date and the source are ("Title: Court convicts IT
# contractor…"): the title is what follows the label.
_TITLE_HEADER = re.compile(r"^(?:title|headline|subject)\s*:\s*(?P<title>\S.*)$", re.I)


def _stated_date(value: str) -> date | None:
    """The date a header or a publication note states, None when it states none that can be read."""
    from dateutil import parser

    found = re.search(_STATED_DATE, value)
    try:
        return parser.parse(found.group()).date() if found else None
    except (ValueError, OverflowError):
        return None


def _plain_metadata(lines: list[str]) -> dict[str, Any]:
    """What the lines under a plain-text title say of the article: `published`, `source`, `url`."""
    meta: dict[str, Any] = {}
    for line in [line.strip() for line in lines if line.strip()][:_OPENING_LINES]:
        header = _HEADER.match(line)
        if header is not None:
            key, value = header["key"].lower(), header["value"].strip()
            if key in ("date", "published", "updated", "posted"):
                meta["published"] = meta.get("published") or _stated_date(value)
            elif key in ("source", "publisher"):
                meta.setdefault("source", value)
            else:
                meta.setdefault("url", value)
            continue
        if (issued := _ISSUED_BY.match(line)) is not None:
            meta.setdefault("source", issued["source"])
            continue
        if (placed := _PLACE_AND_DATE.match(line)) is not None:
            meta["published"] = meta.get("published") or _stated_date(placed["date"])
            continue
        if _MASTHEAD_NOTE.match(line):
            continue
        # The first line that is no header opens the text proper: it may carry a note or a dateline.
        note = _PUBLICATION_NOTE.search(line) or _DATELINE.match(line)
        if note is not None:
            meta["published"] = meta.get("published") or _stated_date(note["date"])
        by = _PUBLISHED_BY.match(line)
        if by is not None:
            meta.setdefault("source", by["source"])
        break
    return {k: v for k, v in meta.items() if v}


def load_plain(path: Path) -> LoadResult:
    text = _read_text(path).strip()
    first_line, *rest = text.split("\n") if text else [""]
    first_line = first_line.strip()
    if (labelled := _TITLE_HEADER.match(first_line)) is not None:
        first_line = labelled["title"].strip()
    title = first_line if 0 < len(first_line) <= 120 else _title_from_name(path)
    return LoadResult(articles=[_file_article(path, text=text, title=title, **_plain_metadata(rest))])


# --- HTML ----------------------------------------------------------------------------------------
def load_html(path: Path) -> LoadResult:
    import trafilatura
    from bs4 import BeautifulSoup

    html = _read_text(path)
    where = str(path)
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        # The page's own date markup only: a year in the body text is not a publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    # One parse for what trafilatura does not give: the hidden text, and any text, title or publisher it
    # found none of.
    soup = BeautifulSoup(html, "html.parser")
    hidden = tuple(hidden_html_texts(soup))
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        # Short pages fall below trafilatura's main-content heuristics: take all visible text instead.
        for tag in soup(["script", "style", "noscript", "template"]):
            tag.decompose()
        body = soup.body or soup
        text = "\n".join(line.strip() for line in body.get_text("\n").splitlines() if line.strip())
    title = (getattr(doc, "title", None) or "") if doc is not None else ""
    if not title:
        title = soup.title.get_text().strip() if soup.title else _title_from_name(path)
    published = None
    raw_date = getattr(doc, "date", None) if doc is not None else None
    if raw_date:
        try:
            published = _parse_date(raw_date, where)
        except IngestError:
            published = None  # a page's guessed date is a hint, not a promise
    url = (getattr(doc, "url", None) or "") if doc is not None else ""
    article = _file_article(
        path,
        text=text,
        title=title,
        source=((getattr(doc, "sitename", None) or "") if doc is not None else "") or _meta_publisher(soup),
        # A saved page's address is what the page says of itself (its canonical link): shown and
        # linked, never trusted for a tier (any page can claim to be cisa.gov's).
        source_type=UNRATED if url else "",
        url=url,
        published=published,
        hidden=hidden,
    )
    return LoadResult(articles=[article])


# Who published a page, when it names no site (og:site_name and the like, which trafilatura reads): the
# publisher its head names, in Dublin Core or plainly.
_PUBLISHER_META = ("dc.publisher", "dcterms.publisher", "citation_publisher", "publisher", "source")


def _meta_publisher(soup: BeautifulSoup) -> str:
    if soup.head is None:
        return ""
    named = {
        str(m.get("name", "")).lower(): str(m.get("content", "")).strip()
        for m in soup.head.find_all("meta", content=True)
    }
    return next((named[key] for key in _PUBLISHER_META if named.get(key)), "")


# --- JSON Lines ----------------------------------------------------------------------------------
def _page_starts(value: Any, length: int, where: str) -> tuple[int, ...]:
    """Where each PDF page starts, as `briefing export` writes it: ascending offsets into the text."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, int) and 0 <= v <= length for v in value):
        raise IngestError(where, "page_starts must be a list of character offsets into the text")
    if value != sorted(value):
        raise IngestError(where, "page_starts must ascend")
    return tuple(value)


def _given_flags(value: Any, length: int, where: str) -> tuple[Flag, ...]:
    """Planted sentences flagged where the article was first ingested (`briefing export` keeps them:
    hidden HTML, once turned into plain text, can no longer be seen to be hidden)."""
    if value is None:
        return ()
    try:
        flags = tuple(Flag.model_validate(f) for f in value)
    except (TypeError, ValueError) as exc:
        raise IngestError(where, f"flags must be a list of {{start, end, reason}} ({exc})") from None
    if any(not 0 <= f.start < f.end <= length for f in flags):
        raise IngestError(where, "a flag lies outside the text")
    return flags


def load_jsonl(path: Path) -> LoadResult:
    """One article per line. Without an `id`, a line is known by its text, so inserting a line
    elsewhere in the file does not turn every later article into a new one."""
    result = LoadResult()
    lines = _read_text(path).split("\n")
    if not any(line.strip() for line in lines):
        raise IngestError(str(path), "empty: no JSON lines")
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise IngestError(where, "each line must be a JSON object")
            text = obj.get("text")
            if not isinstance(text, str) or not text.strip():
                raise IngestError(where, "missing required field 'text'")
            given = obj.get("id")
            key = str(given) if given not in (None, "") else "sha256:" + hashlib.sha256(text.encode()).hexdigest()[:16]
            if key in seen:
                raise IngestError(where, f"duplicate id {key!r} (first on line {seen[key]})")
            seen[key] = number
            text = text.strip()
            result.articles.append(
                _make_article(
                    path=f"{path}#{key}",
                    file=path,
                    text=text,
                    title=_str_field(obj, "title", where) or f"{path.stem} #{key if given else number}",
                    source=_str_field(obj, "source", where),
                    source_type=_str_field(obj, "source_type", where),
                    url=_str_field(obj, "url", where),
                    published=_parse_date(obj.get("published"), where),
                    topics=_topics(obj.get("topics"), where),
                    page_starts=_page_starts(obj.get("page_starts"), len(text), where),
                    given_flags=_given_flags(obj.get("flags"), len(text), where),
                )
            )
        except json.JSONDecodeError as exc:
            result.failures.append(IngestFailure(path=where, reason=f"invalid JSON: {exc.msg}"))
        except IngestError as exc:
            result.failures.append(IngestFailure(path=exc.path, reason=exc.reason))
    return result


# --- PDF -----------------------------------------------------------------------------------------
def load_pdf(path: Path) -> LoadResult:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    where = str(path)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(where, "encrypted PDF: a password is needed to read it")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        info = reader.metadata
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError) as exc:
        raise IngestError(where, f"not a readable PDF ({exc})") from exc
    except Exception as exc:  # pypdf raises assorted errors for encrypted or damaged files
        if "encrypt" in str(exc).lower() or "crypt" in type(exc).__name__.lower():
            raise IngestError(where, "encrypted PDF: cannot be decrypted without a password") from exc
        raise IngestError(where, f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    if not any(pages):
        raise IngestError(where, "PDF has no text layer (scanned images only?)")
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for text in pages:
        starts.append(offset)
        parts.append(text)
        offset += len(text) + 2
    title = str(info.title).strip() if info is not None and info.title else ""
    published = None
    try:
        if info is not None and info.creation_date is not None:
            published = info.creation_date.date()
    except (ValueError, TypeError):
        published = None  # a malformed CreationDate costs the date, not the document
    article = _file_article(
        path,
        text="\n\n".join(parts),
        title=title or _title_from_name(path),
        source=str(info.author).strip() if info is not None and info.author else "",
        published=published,
        page_starts=tuple(starts),
    )
    return LoadResult(articles=[article])


_LOADERS: dict[str, Callable[[Path], LoadResult]] = {
    **{s: load_markdown for s in MARKDOWN},
    **{s: load_plain for s in PLAIN},
    **{s: load_html for s in HTML},
    **{s: load_jsonl for s in JSONL},
    **{s: load_pdf for s in PDF},
}
