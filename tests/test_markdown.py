"""Markdown as a reader sees it: the one normaliser the loader, the eval and the benches share."""

from __future__ import annotations

from eval.gold import normalize
from ingest.markdown import first_heading, markdown_to_text


def test_markup_goes_words_stay() -> None:
    assert markdown_to_text("> **Bottom line:** a *b* `c` [d](e) __f__ ~~g~~ ![h](i.png)") == (
        "Bottom line: a b c d f g h"
    )
    assert markdown_to_text("AT&amp;T and 5 * 3 = 15, snake_case_name") == "AT&T and 5 * 3 = 15, snake_case_name"


def test_blocks_lists_and_tables_keep_their_lines() -> None:
    source = (
        "# Charges\n\nOne line\nand the next.\n\n- Masoud Jalili, 36\n- Yaser *Balaghi*, 37\n\n"
        "Then.\n\n3. third\n4. fourth\n\n| state | threats |\n|---|---|\n| Georgia | 60 |\n\n"
        "<div>An <b>HTML</b> block<!-- a comment --></div>\n\n```\ncode stays\n```\n\n- outer\n  - inner"
    )
    assert markdown_to_text(source) == (
        "Charges\n\nOne line\nand the next.\n\n- Masoud Jalili, 36\n- Yaser Balaghi, 37\n\nThen.\n\n"
        "3. third\n4. fourth\n\nstate | threats\nGeorgia | 60\n\nAn HTML block\n\ncode stays\n\n- outer\n  - inner"
    )


def test_first_heading_is_rendered_text() -> None:
    assert first_heading("Intro\n\n## The **GRU** indictment\n\n# Later") == "The GRU indictment"
    assert first_heading("no heading here") == ""


def test_gold_quotes_compare_as_the_reader_sees_them() -> None:
    assert normalize("The **FBI** said\n  [three](http://x) men") == normalize("the FBI said three men")
