"""The staff app through Streamlit's AppTest, on real indexes: every flow a staff member goes through."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from assistant import Answer, Assistant
from tests.services import free_port
from ui.render import escape

APP = str(Path(__file__).resolve().parent.parent / "ui" / "app.py")
DOPPELGANGER = "Which Russian companies ran the Doppelganger campaign?"
ROBOCALLS = "Who was behind the New Hampshire Biden robocalls?"


def _start(monkeypatch: pytest.MonkeyPatch, index_dir: Path, data_dir: Path, **env: str) -> AppTest:
    monkeypatch.setenv("BRIEFING_INDEX_DIR", str(index_dir))
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(data_dir))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    st.cache_resource.clear()  # the app's Assistant is cached per process: another test's index may be in it
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    return at


@pytest.fixture()
def app(index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return _start(monkeypatch, index_dir, tmp_path)


@pytest.fixture()
def own_index(index_dir: Path, tmp_path: Path) -> Path:
    """A copy of the shared index that a test may change (upload, remove)."""
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    return copy


def _answers(at: AppTest) -> list[Answer]:
    return list(at.session_state.chat.answers)


def _shown(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def test_a_question_gets_a_cited_answer_with_one_chip_per_article(app: AppTest) -> None:
    app.chat_input[0].set_value(DOPPELGANGER).run()
    assert not app.exception
    answer = _answers(app)[-1]
    assert "Social Design Agency" in _shown(app)
    chips = app.pills[0]
    assert len(chips.options) == len({c.path for c in answer.citations})  # one chip an article
    assert chips.options[0].startswith("[1] ")
    assert app.status[0].label.endswith("source(s)") and "verified" in app.status[0].label


def test_opening_a_chip_shows_the_passage_with_the_quote_highlighted(app: AppTest) -> None:
    app.chat_input[0].set_value(DOPPELGANGER).run()
    answer = _answers(app)[-1]
    first = [c for c in answer.citations if c.path == answer.citations[0].path]
    app.pills[0].set_value(app.pills[0].options[0]).run()
    assert not app.exception
    shown = _shown(app)
    assert f":orange-background[{escape(first[0].quote)}]" in shown
    assert f"**{escape(first[0].title)}**" in shown
    captions = " ".join(c.value for c in app.caption)
    assert f"characters {first[0].start}–{first[0].end}" in captions and "Verified:" in captions
    assert f"{first[0].published:%B}" in captions


def test_a_passage_read_beyond_retrieval_is_shown_highlighted_too(app: AppTest) -> None:
    """The names of the charged men come from a list retrieval did not bring (Answer.read); its
    article's panel shows it highlighted like any quote."""
    app.chat_input[0].set_value("Who was charged over the Trump campaign hack?").run()
    answer = _answers(app)[-1]
    (named,) = [c for c in answer.citations if "Masoud Jalili" in c.quote]
    assert named.chunk_id in {p.chunk_id for p in answer.read}
    chip = next(o for o in app.pills[0].options if named.title[:50] in o)
    app.pills[0].set_value(chip).run()
    assert not app.exception
    assert f":orange-background[{escape(named.quote)}]".replace("\n", " ") in _shown(app)


def test_retrieved_passages_that_were_not_cited_are_one_click_away(app: AppTest) -> None:
    app.chat_input[0].set_value(DOPPELGANGER).run()
    answer = _answers(app)[-1]
    uncited = {p.path for p in answer.retrieved} - {c.path for c in answer.citations}
    assert uncited, "the question retrieves more articles than it cites"
    assert app.expander[0].label == f"Retrieved but not cited ({sum(p.path in uncited for p in answer.retrieved)})"


def test_a_refusal_looks_like_a_refusal_and_history_survives(app: AppTest) -> None:
    app.chat_input[0].set_value("What is the capital of France?").run()
    assert app.status[0].label.startswith("Declined")
    app.chat_input[0].set_value(ROBOCALLS).run()
    assert not app.exception and not app.error
    assert len(_answers(app)) == 2
    assert "do not answer" in app.info[0].value


def test_a_follow_up_shows_what_was_searched(app: AppTest) -> None:
    app.chat_input[0].set_value(ROBOCALLS).run()
    app.chat_input[0].set_value("What penalty did the FCC finally impose on him?").run()
    assert not app.exception
    captions = " ".join(c.value for c in app.caption)
    assert "Searched as: What penalty did the FCC finally impose on him? \\(following up: Who was behind" in captions


def test_a_date_filter_applies_to_the_next_question(app: AppTest) -> None:
    since = date(2024, 9, 1)
    app.sidebar.date_input(key="filter_since").set_value(since).run()
    app.chat_input[0].set_value("What did intelligence officials say about Russia?").run()
    assert not app.exception
    answer = _answers(app)[-1]
    assert answer.retrieved
    assert all(p.published and p.published >= since for p in answer.retrieved)


def test_feedback_is_stored_with_the_answer(app: AppTest, tmp_path: Path) -> None:
    app.chat_input[0].set_value(ROBOCALLS).run()
    key = app.session_state.chat.key(0)
    app.feedback[0].set_value(0)  # thumbs down
    app.text_input(key=f"comment-{key}").set_value("names the consultant but not the fine")
    app.button(key=f"FormSubmitter:feedback-{key}-Send feedback").click().run()
    assert not app.exception
    stored = Assistant(index_dir=tmp_path, data_dir=tmp_path).records.feedback()
    assert [(f.rating, f.comment, f.answer.question) for f in stored] == [
        ("down", "names the consultant but not the fine", ROBOCALLS)
    ]
    assert stored[0].answer.citations == _answers(app)[-1].citations
    assert "feedback is stored" in " ".join(c.value for c in app.caption)
    # A new conversation's first answer asks for feedback afresh.
    app.sidebar.button[0].click().run()
    app.chat_input[0].set_value("Which Russian companies ran the Doppelganger campaign?").run()
    assert "feedback is stored" not in " ".join(c.value for c in app.caption)
    fresh = app.session_state.chat.key(0)
    assert fresh != key
    assert app.button(key=f"FormSubmitter:feedback-{fresh}-Send feedback").label == "Send feedback"  # asked again


def test_a_saved_conversation_reopens(app: AppTest) -> None:
    app.chat_input[0].set_value(ROBOCALLS).run()
    app.chat_input[0].set_value("What penalty did the FCC finally impose on him?").run()
    saved_id = app.session_state.chat.conversation_id
    assert saved_id
    app.sidebar.button[0].click().run()  # New conversation
    assert _answers(app) == []
    app.sidebar.button(key=f"open-{saved_id}").click().run()
    assert not app.exception
    assert [a.question for a in _answers(app)] == [ROBOCALLS, "What penalty did the FCC finally impose on him?"]
    assert "Searched as:" in " ".join(c.value for c in app.caption)


def test_answers_and_the_conversation_export(app: AppTest) -> None:
    app.chat_input[0].set_value(ROBOCALLS).run()
    labels = [b.label for b in app.get("download_button")]
    assert {
        "This answer as Markdown",
        "This answer as HTML",
        "Conversation as Markdown",
        "Conversation as HTML",
    } <= set(labels)


def test_uploads_index_good_files_and_name_the_bad_one(
    own_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _start(monkeypatch, own_index, tmp_path / "data")
    at.switch_page("views/upload.py").run()
    good = (
        b"---\ntitle: Moldova county clerks report spoofed ballot portal\npublished: 2024-10-30\n"
        b"source: Test Wire\n---\n\n"
        b"Election officials in the county of Zlatograd said the spoofed ballot portal was taken down on October 29 "
        b"after 412 voters reported it.\n"
    )
    at.file_uploader[0].set_value(
        [("zlatograd.md", good, "text/markdown"), ("broken.pdf", b"%PDF-1.4 garbage", "application/pdf")]
    ).run()
    at.button[0].click().run()
    assert not at.exception
    assert any(s.value.startswith(escape("zlatograd.md") + ": 1 article(s) indexed") for s in at.success)
    assert [e.value for e in at.error] == [escape("broken.pdf: not a readable PDF (Stream has ended unexpectedly)")]
    at.switch_page("views/chat.py").run()
    at.chat_input[0].set_value("How many voters reported the spoofed ballot portal in Zlatograd?").run()
    answer = _answers(at)[-1]
    assert not answer.refused and "412" in answer.text
    assert answer.citations[0].path.endswith("zlatograd.md")


def test_sources_can_be_searched_opened_and_removed(
    own_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _start(monkeypatch, own_index, tmp_path / "data")
    at.switch_page("views/sources.py").run()
    assert not at.exception
    at.text_input(key="source_search").set_value("robocall").run()
    options = at.selectbox(key="open_article").options
    assert options and all("robocall" in o.lower() or "biden" in o.lower() for o in options)
    at.selectbox(key="open_article").set_value(options[0]).run()
    assert not at.exception
    title = options[0].rsplit(" (", 1)[0]
    assert any(title in m.value.replace("\\", "") for m in at.subheader)
    before = len(Assistant(index_dir=own_index).articles())
    at.button(key=next(b.key for b in at.button if b.key and b.key.startswith("remove-"))).click().run()
    assert not at.exception
    assert any("Removed" in s.value for s in at.success)
    assert len(Assistant(index_dir=own_index).articles()) == before - 1


def test_a_missing_index_shows_the_fix_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _start(monkeypatch, tmp_path / "no-index", tmp_path / "data")
    at.chat_input[0].set_value(ROBOCALLS).run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "no index at" in errors and "briefing ingest" in errors


def test_an_unreachable_llm_backend_gives_the_offline_answer_and_says_so(
    index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed = free_port()  # nothing listens here
    at = _start(
        monkeypatch,
        index_dir,
        tmp_path,
        BRIEFING_BACKEND="llm",
        BRIEFING_LLM_PROVIDER="openai",
        BRIEFING_LLM_MODEL="gemma-3-270m",
        BRIEFING_LLM_BASE_URL=f"http://127.0.0.1:{closed}/v1",
        BRIEFING_LLM_API_KEY="none",
        BRIEFING_LLM_TIMEOUT="5",
    )
    at.chat_input[0].set_value(ROBOCALLS).run()
    assert not at.exception and not at.error
    answer = _answers(at)[-1]
    assert answer.citations and all(c.verified for c in answer.citations)
    captions = " ".join(c.value for c in at.caption)
    assert "failed" in captions and "offline answer is shown" in captions
    sidebar = " ".join(w.value for w in at.sidebar.warning)
    assert "llm answer backend is unreachable" in sidebar and f"127\\.0\\.0\\.1:{closed}" in sidebar


def test_source_text_is_escaped_not_rendered() -> None:
    assert escape("$6 million *fine* <b>x</b> [1]") == r"\$6 million \*fine\* \<b\>x\</b\> \[1\]"


def test_an_answer_that_lost_citations_in_verification_says_so(
    index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bot: Assistant
) -> None:
    answer = bot.ask(ROBOCALLS)
    # As the LLM backend returns an answer whose unverifiable sentences were removed.
    cut = answer.model_copy(update={"citations_dropped": 2})
    saved = Assistant(index_dir=index_dir, data_dir=tmp_path).records.save_conversation([cut])
    at = _start(monkeypatch, index_dir, tmp_path)
    at.sidebar.button(key=f"open-{saved}").click().run()
    assert not at.exception
    assert any("2 citation(s) failed verification" in w.value for w in at.warning)


def test_an_unreachable_chroma_server_is_one_message_with_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed = free_port()  # nothing listens here
    at = _start(
        monkeypatch,
        tmp_path / "index",
        tmp_path / "data",
        BRIEFING_CHROMA_HOST="127.0.0.1",
        BRIEFING_CHROMA_PORT=str(closed),
    )
    sidebar = " ".join(e.value for e in at.sidebar.error)
    assert "cannot reach the chroma server" in sidebar and "chroma run" in sidebar
    at.chat_input[0].set_value(ROBOCALLS).run()
    assert not at.exception
    assert any("cannot reach the chroma server" in e.value for e in at.error)
    at.switch_page("views/sources.py").run()
    assert not at.exception and any("cannot reach the chroma server" in e.value for e in at.error)


def test_a_briefing_renders_its_sections_tiers_and_downloads(app: AppTest) -> None:
    app.switch_page("views/briefing.py").run()
    assert not app.exception
    app.selectbox(key="brief_topic").set_value("iran")
    app.date_input(key="brief_since").set_value(date(2024, 6, 1))
    next(b for b in app.button if b.label == "Build the briefing").click().run()
    assert not app.exception
    brief = app.session_state.briefing
    assert brief.timeline and brief.request.topic == "iran" and brief.request.since == date(2024, 6, 1)
    assert any("Briefing: iran" in s.value for s in app.subheader)
    shown = _shown(app)
    for section in ("Bottom line", "Key developments", "What changed", "Conflicts", "Open questions", "Sources"):
        assert f"#### {section}" in shown
    assert "Later, **September 18, 2024**" in shown
    assert escape(brief.timeline[0].text) in shown
    assert "-badge[Official]" in shown and "-badge[Threat intelligence]" in shown  # st.badge is Markdown
    assert len(app.get("download_button")) == 3
