"""The Streamlit chat through Streamlit's AppTest, on the real index."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ui.render import escape

APP = str(Path(__file__).resolve().parent.parent / "ui" / "app.py")


@pytest.fixture()
def app(index_dir: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("BRIEFING_INDEX_DIR", str(index_dir))
    st.cache_resource.clear()  # the app's Assistant is cached per process: another test's index may be in it
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def test_question_gets_a_cited_answer_with_openable_sources(app: AppTest) -> None:
    app.chat_input[0].set_value("Which Russian companies ran the Doppelganger campaign?").run()
    assert not app.exception
    shown = " ".join(m.value for m in app.markdown)
    assert "Social Design Agency" in shown
    assert app.expander, "each cited article is an expander holding its passages"
    assert app.expander[0].label.startswith("[1] ")
    answer = app.session_state.messages[-1]["content"]
    assert len(app.expander) == len({c.path for c in answer.citations})  # one source an article
    inside = " ".join(m.value for m in app.expander[0].markdown)
    assert "Doppelganger" in inside or "Social Design Agency" in inside
    assert len(app.session_state.messages) == 2


def test_refusal_and_history_survive_a_rerun(app: AppTest) -> None:
    app.chat_input[0].set_value("What is the capital of France?").run()
    app.chat_input[0].set_value("Who was behind the New Hampshire Biden robocalls?").run()
    assert not app.exception
    assert len(app.session_state.messages) == 4
    shown = " ".join(m.value for m in app.markdown)
    assert "do not answer" in shown


def test_a_follow_up_shows_what_was_searched(app: AppTest) -> None:
    app.chat_input[0].set_value("Who was behind the New Hampshire Biden robocalls?").run()
    app.chat_input[0].set_value("What penalty did the FCC finally impose on him?").run()
    assert not app.exception
    captions = " ".join(c.value for c in app.caption)
    assert "Searched as: What penalty did the FCC finally impose on him? \\(following up: Who was behind" in captions


def test_source_text_is_escaped_not_rendered() -> None:
    assert escape("$6 million *fine* <b>x</b> [1]") == r"\$6 million \*fine\* \<b\>x\</b\> \[1\]"
