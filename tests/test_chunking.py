import itertools
from pathlib import Path

import tiktoken

from ingest.chunking import ENCODING, chunk_article
from ingest.loaders import load_file


def test_chunks_round_trip_to_article_text_and_respect_the_token_budget(corpus: Path) -> None:
    encoding = tiktoken.get_encoding(ENCODING)
    for path in sorted(corpus.glob("*.md")):
        article = load_file(path).articles[0]
        chunks = chunk_article(article, chunk_tokens=120, overlap=24)
        assert chunks, path
        for chunk in chunks:
            assert article.text[chunk.start : chunk.end] == chunk.text
            assert len(encoding.encode(chunk.text)) <= 120
        # Together the chunks cover the article from its first to its last character.
        assert chunks[0].start == 0
        assert chunks[-1].end == len(article.text.rstrip())
        # Nothing but white space is ever left between two chunks.
        for a, b in itertools.pairwise(chunks):
            assert b.start <= a.end or article.text[a.end : b.start].strip() == ""
