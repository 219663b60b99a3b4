"""Markdown as the text a reader sees, parsed by markdown-it-py (CommonMark, plus tables).

The one normaliser of Markdown in the project: the loader stores this text (every offset points into
it), and the eval and the benches compare quotes against it.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from markdown_it.token import Token


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _inline(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            # Kept as written: articles put one paragraph a line with no blank line between, which
            # CommonMark reads as one paragraph of soft breaks. (Joining lines wrapped mid-sentence
            # needs a measured rule of its own.)
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline(child))  # its alt text
    return "".join(parts)


def markdown_to_text(markdown: str) -> str:
    """Readable text of Markdown: markup dropped; paragraphs and headings apart, line breaks kept; list
    items a line each with their bullet ("- ", "1. "), nested ones indented, as a reader sees them;
    table rows a line each (cells apart by " | "); the text of raw HTML blocks without their tags."""
    blocks: list[tuple[str, bool]] = []  # (text, tight: joins the block before it with one line break)
    depth = 0  # list items we are inside
    bullet = ""  # the marker still to put before the current list item's first line
    tight = False  # the next block continues a list or a table
    row: list[str] | None = None  # cells of the table row being read
    for token in _parser().parse(markdown):
        if token.type in {"bullet_list_open", "ordered_list_open", "table_open"}:
            tight = tight and depth > 0  # a list stands apart from the paragraph before it, unless nested
        elif token.type == "list_item_open":
            depth += 1
            # "- ", "* ", or "1. " with its number; a nested item is indented under its parent.
            bullet = "  " * (depth - 1) + f"{token.info}{token.markup} "
        elif token.type == "list_item_close":
            depth -= 1
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append((" | ".join(row), tight))
            row, tight = None, True
        elif token.type == "inline" and row is not None:
            row.append(_inline(token).strip())
        elif token.type == "inline":
            blocks.append((bullet + _inline(token), tight and depth > 0))
            bullet, tight = "", depth > 0
        elif token.type in {"fence", "code_block"}:
            blocks.append((token.content.rstrip("\n"), False))
        elif token.type == "html_block":  # its text, tags and comments dropped
            blocks.append((BeautifulSoup(token.content, "html.parser").get_text().strip(), False))
    out: list[str] = []
    for text, joined in blocks:
        if not text.strip():
            continue
        if out:
            out.append("\n" if joined else "\n\n")
        out.append(text.rstrip() if joined else text.strip())  # keep a nested item's indent
    return "".join(out)


def first_heading(markdown: str) -> str:
    """The text of the document's first heading, or ""."""
    for opening, inline in itertools.pairwise(_parser().parse(markdown)):
        if opening.type == "heading_open":
            return _inline(inline).strip()
    return ""
