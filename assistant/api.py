"""The Python API: `Assistant` is what the CLI, the Streamlit app and other applications call."""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict, Unpack

from pydantic import ValidationError

from assistant.config import Settings
from assistant.errors import ConfigError, IndexUnavailableError, IngestError, QuestionError
from assistant.types import (
    Answer,
    AnswerChunk,
    ArticleRecord,
    Briefing,
    BriefRequest,
    Filters,
    IndexStats,
    IngestReport,
)

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings
    from langchain_core.runnables import Runnable

    from assistant.backends import BackendStatus
    from assistant.records import Feedback, Records
    from assistant.retrieval import HybridRetriever
    from assistant.store import Store

History = Sequence[tuple[str, str]]


class AskOptions(TypedDict, total=False):
    """What `ask` and `stream` take besides the question."""

    history: History | None  # earlier turns as (role, text), role "user" or "assistant"
    filters: Filters | dict[str, Any] | None  # date range, sources, topics
    k: int | None  # passages to answer from (default: setting k)
    conversation_id: str | None  # the saved conversation the answer belongs to, for the audit log


class Assistant:
    """Ask questions of the indexed articles; every answer sentence is cited and verified.

    Heavy parts (the embedding model, Chroma, the BM25 index) load on first use and are reused.
    """

    def __init__(self, index_dir: str | Path | None = None, **settings: Any) -> None:
        if index_dir is not None:
            settings["index_dir"] = Path(index_dir)
        try:
            self.settings = Settings(**settings)
        except ValidationError as exc:
            first = exc.errors()[0]
            name = ".".join(str(p) for p in first["loc"])
            raise ConfigError(
                f"setting {name} (BRIEFING_{name.upper()}): {first['msg']} (got {first.get('input')!r})"
            ) from None
        self._embeddings: Embeddings | None = None
        self._store: Store | None = None
        self._retriever: HybridRetriever | None = None
        self._chain: Runnable[dict[str, Any], AnswerChunk] | None = None
        self._records: Records | None = None

    # --- wiring -------------------------------------------------------------------------------
    @property
    def embeddings(self) -> Embeddings:
        if self._embeddings is None:
            if self.settings.embedding_runtime == "onnx":
                from assistant.onnx_minilm import OnnxMiniLMEmbeddings

                self._embeddings = OnnxMiniLMEmbeddings(self.settings.model_cache, self.settings.embedding_batch_size)
            else:
                from assistant.embeddings import MiniLMEmbeddings

                self._embeddings = MiniLMEmbeddings(batch_size=self.settings.embedding_batch_size)
        return self._embeddings

    def store(self, *, create: bool = False) -> Store:
        if self._store is None:
            from assistant.store import Store

            self._store = Store(self.settings, self.embeddings, create=create)
        return self._store

    @property
    def retriever(self) -> HybridRetriever:
        if self._retriever is None:
            from assistant.retrieval import HybridRetriever

            s = self.settings
            self._retriever = HybridRetriever(
                store=self.store(),
                k=s.k,
                fetch_k=s.fetch_k,
                rrf_k=s.rrf_k,
                mmr_lambda=s.mmr_lambda,
                sparse_weight=s.sparse_weight,
                window=s.window,
            )
        return self._retriever

    @property
    def records(self) -> Records:
        """Feedback, saved conversations and the audit log (assistant/records.py)."""
        if self._records is None:
            from assistant.records import Records

            self._records = Records(self.settings.records_path(), self.settings.history_days)
        return self._records

    @property
    def chain(self) -> Runnable[dict[str, Any], AnswerChunk]:
        """The LCEL chain behind `ask` and `stream`: retrieve -> backend -> verify."""
        if self._chain is None:
            from assistant.backends import BackendContext, build_backend, build_condenser
            from assistant.chain import build_chain

            context = BackendContext(retriever=self.retriever, settings=self.settings)
            generator = build_backend(self.settings.backend, context)
            condense = build_condenser(self.settings.backend, context)
            self._chain = build_chain(self.retriever, generator, self.settings.backend, condense)
        return self._chain

    def warm_up(self) -> None:
        """Load the embedding model, open the index and build the BM25 side now rather than on the
        first question (raises `IndexNotFoundError` and friends like `ask` would)."""
        self.embeddings.embed_query("warm-up")
        self.retriever.bm25()

    # --- API ----------------------------------------------------------------------------------
    def ingest(
        self,
        paths: Sequence[str | Path],
        *,
        prune: bool = False,
        progress: bool = False,
        on_wait: Callable[[str], object] | None = None,
    ) -> IngestReport:
        """Index files and folders incrementally; see `ingest.index.ingest_paths`.

        One ingest writes to an index at a time: a second one waits for the first to finish, and
        `on_wait` (default: a logged warning) is told once, with a line that says so."""
        from assistant.keyword import KeywordIndex
        from ingest.index import ingest_paths

        with self._write_lock(on_wait):
            store = self.store(create=True)
            report = ingest_paths(paths, store, self.settings, prune=prune, progress=progress)
            # The keyword index follows now, for only what changed, not in the next question's process.
            KeywordIndex(store).save()
        if self._retriever is not None:
            self._retriever = None  # a fresh one reads the keyword index as this ingest left it
            self._chain = None
        return report

    @contextlib.contextmanager
    def _write_lock(self, on_wait: Callable[[str], object] | None) -> Iterator[None]:
        """The index's write lock: a file beside the index (its records live there too)."""
        from filelock import FileLock, Timeout

        path = self.settings.index_dir / "ingest.lock"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(path)
            try:
                lock.acquire(timeout=0)
            except Timeout:
                message = (
                    f"another ingest is writing to the index at {self.settings.index_location()}; "
                    "waiting for it to finish (Ctrl-C stops waiting; nothing is lost)"
                )
                (on_wait or logging.getLogger("briefing").warning)(message)
                lock.acquire()
        except OSError as exc:
            raise IndexUnavailableError(str(path), f"cannot take the ingest lock: {exc}", server=False) from exc
        try:
            yield
        finally:
            lock.release()

    def ingest_upload(self, name: str, content: bytes, on_wait: Callable[[str], object] | None = None) -> IngestReport:
        """Index one uploaded file (a browser upload, a mail attachment) by its name and bytes.

        The file is kept in the data directory's `uploads/` folder, so its citations point at a real file
        and a new upload under the same name updates that article. A file of which nothing could be
        indexed is not kept: an earlier upload of that name, still indexed, is put back."""
        folder = self.settings.uploads_dir()
        path = folder / (re.sub(r"[^A-Za-z0-9._ -]", "_", Path(name).name).strip(" .") or "upload")
        try:
            previous = path.read_bytes() if path.exists() else None
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        except OSError as exc:
            raise IngestError(name, f"cannot be saved in {folder} ({exc.strerror or exc})") from exc
        report = self.ingest([path], on_wait=on_wait)
        if report.failed and not (report.added or report.updated):
            # Nothing of it went in: the folder keeps what the index holds (the earlier upload, or none).
            if previous is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(previous)
        return report

    def ask(self, question: str, **options: Unpack[AskOptions]) -> Answer:
        """Answer a question from the index; see `AskOptions` for the chat history, filters and k."""
        finished = self.chain.invoke(self._input(question, options)).answer
        assert finished is not None  # the chain's last chunk always carries the answer
        return self._logged(finished, options)

    def conversation(
        self, questions: Sequence[str], *, k: int | None = None, filters: Filters | dict[str, Any] | None = None
    ) -> list[tuple[str, str]]:
        """The chat history of asking `questions` in turn, each answered after the ones before it: what
        a follow-up written down with its earlier questions (a gold item's `history`, a `--questions`
        line's) is asked after, as if in the chat."""
        history: list[tuple[str, str]] = []
        for question in questions:
            history += [
                ("user", question),
                ("assistant", self.ask(question, history=history, k=k, filters=filters).text),
            ]
        return history

    def stream(self, question: str, **options: Unpack[AskOptions]) -> Iterator[str | Answer]:
        """Yield the answer text in pieces as the backend writes it, then the finished `Answer`.

        The pieces are the draft, before verification; the `Answer`'s text is what to show in the end
        (verification may have removed sentences). For the extractive backend they are the same.
        """
        for chunk in self.chain.stream(self._input(question, options)):
            if chunk.answer is not None:
                yield self._logged(chunk.answer, options)
            elif chunk.text:
                yield chunk.text

    def _logged(self, answer: Answer, options: AskOptions) -> Answer:
        """Write the answer to the audit log. A log that cannot be written does not cost the answer;
        the answer then says so, since staff answers are a record."""
        from assistant.records import RecordsError

        try:
            self.records.log_answer(answer, options.get("conversation_id"))
        except RecordsError as exc:
            answer.notes.append(f"This answer was not written to the audit log: {exc}")
        return answer

    def feedback(
        self, answer: Answer, rating: Literal["up", "down"], comment: str = "", conversation_id: str | None = None
    ) -> Feedback:
        """Store a thumbs up or down (and an optional comment) on an answer."""
        return self.records.add_feedback(answer, rating, comment, conversation_id)

    def _input(self, question: str, options: AskOptions) -> dict[str, Any]:
        unknown = set(options) - set(AskOptions.__annotations__)
        if unknown:  # a misspelt option (filter=) must not be dropped silently
            known = ", ".join(AskOptions.__annotations__)
            raise TypeError(f"unknown option(s) {', '.join(sorted(unknown))}; known: {known}")
        return {
            "question": self._check(question),
            "history": list(options.get("history") or []),
            "filters": _filters(options.get("filters")),
            "k": options.get("k"),
        }

    def brief(
        self,
        topic: str = "",
        query: str = "",
        *,
        since: date | None = None,
        until: date | None = None,
        sources: Sequence[str] = (),
        progress: Callable[[str, int, int], object] | None = None,
    ) -> Briefing:
        """A dated, cited digest of a topic (an article tag) or a query over a date window: bottom line,
        timeline, what changed, conflicts, open questions and sources by tier (see assistant/brief.py).
        With the llm backend the model writes the bottom line, each sentence checked (assistant/brief_llm.py).
        `progress(what, done, total)` is told how far it has got."""
        from assistant.brief import BriefBuilder

        if isinstance(sources, str):  # one source, not its letters
            sources = (sources,)
        # A datetime is a date too, and would not compare with one.
        since = since.date() if isinstance(since, datetime) else since
        until = until.date() if isinstance(until, datetime) else until
        if since and until and since > until:
            raise QuestionError(f"the window is empty: since {since} is after until {until}")
        request = BriefRequest(
            topic=topic.strip(), query=query.strip(), since=since, until=until, sources=tuple(sources)
        )
        builder = BriefBuilder(self.store(), self.retriever, self.embeddings)
        brief = builder.build(request, progress)
        if self.settings.backend != "llm":
            return brief
        from assistant.backends import model_location
        from assistant.brief_llm import written_bottom_line
        from assistant.chat_models import chat_model
        from assistant.llm import Verifier
        from assistant.support import SupportCheck

        if progress is not None:
            progress("Writing the bottom line", 0, 1)
        brief = written_bottom_line(
            brief,
            chat_model(self.settings),
            Verifier(SupportCheck(self.embeddings)),
            builder.article_ids,
            self.store().article_text,
            model_location(self.settings),
        )
        if progress is not None:
            progress("Writing the bottom line", 1, 1)
        return brief

    def stats(self) -> IndexStats:
        from assistant.embeddings import MODEL_NAME

        store = self.store()
        articles = store.all_articles()
        dates = sorted(a.published for a in articles if a.published)
        return IndexStats(
            articles=len(articles),
            chunks=store.count_chunks(),
            sources=sorted({a.source for a in articles if a.source}),
            topics=sorted({t for a in articles for t in a.topics}),
            earliest=dates[0] if dates else None,
            latest=dates[-1] if dates else None,
            embedding_model=MODEL_NAME,
            location=self.settings.index_location(),
        )

    def articles(self) -> list[ArticleRecord]:
        """Every indexed article's metadata, newest first (undated last)."""
        found = self.store().all_articles()
        return sorted(found, key=lambda a: (a.published is not None, a.published, a.title), reverse=True)

    def article_text(self, article_id: str) -> str | None:
        """An article's stored text (what citations are verified against), or None if it is not indexed."""
        return self.store().article_text(article_id)

    def remove(self, article_ids: Sequence[str]) -> int:
        """Remove articles (their chunks, records and catalog entries) from the index; returns the
        number of chunks deleted. A later ingest of their files adds them again."""
        from assistant.keyword import KeywordIndex
        from ingest.index import delete_article, record_manager

        store, manager = self.store(), record_manager(self.settings)
        with self._write_lock(None):
            deleted = sum(delete_article(store, manager, article_id) for article_id in article_ids)
            store.bump_generation()
            KeywordIndex(store).save()
        self._retriever = None  # a fresh one reads the keyword index without them
        self._chain = None
        return deleted

    def export(self, out: str | Path) -> int:
        """Write every indexed article with its metadata to a JSON Lines file; returns the count.

        `ingest` of that file rebuilds the same articles and chunks in an empty index (embedded or a
        Chroma server): a backup, and a way to move between the two. The file is written whole or not at
        all (a temporary file, then an atomic rename)."""
        import json
        import os
        import tempfile

        out = Path(out)
        count = 0
        tmp_name: str | None = None
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=out.parent, prefix=f".{out.name}.", delete=False
            ) as tmp:
                tmp_name = tmp.name
                for record, text, page_starts in self.store().articles_with_text():
                    line: dict[str, Any] = {
                        "id": record.path,
                        "title": record.title,
                        "source": record.source,
                        "url": record.url,
                        "published": record.published.isoformat() if record.published else None,
                        "topics": list(record.topics),
                        "text": text,
                    }
                    if record.source_type:
                        line["source_type"] = record.source_type
                    if page_starts:
                        line["page_starts"] = list(page_starts)
                    if record.flags:
                        line["flags"] = [f.model_dump() for f in record.flags]
                    tmp.write(json.dumps(line, ensure_ascii=False) + "\n")
                    count += 1
                tmp.flush()
                os.fsync(tmp.fileno())
            os.replace(tmp_name, out)
        except OSError as exc:
            if tmp_name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)
            raise IngestError(str(out), f"cannot write the export ({exc.strerror or exc})") from exc
        return count

    def backend_status(self) -> BackendStatus:
        """Whether the configured answer backend is set up and its model server answers."""
        from assistant.backends import backend_status

        return backend_status(self.settings.backend, self.settings)

    def _check(self, question: str) -> str:
        question = (question or "").strip()
        if not question:
            raise QuestionError("the question is empty; ask something about the indexed articles")
        limit = self.settings.max_question_chars
        if len(question) > limit:
            raise QuestionError(f"the question is {len(question)} characters long; the limit is {limit}")
        return question


def _filters(filters: Filters | dict[str, Any] | None) -> Filters | None:
    if filters is None or isinstance(filters, Filters):
        return filters
    return Filters(**filters)
