"""Our sentence splitter against library segmenters, on the gold quotes of the dev set. Prints tables.

    .venv/bin/python bench/sentences.py [--gold ../shared/corpus/gold/dev.jsonl] [--corpus ../shared/corpus/articles]

Each unique supporting quote is located in its article's text (white space collapsed, offsets mapped back).
Both sides are normalised the same way before comparing: white space, opening quotes/brackets and a line-start
bullet ("- ", "1. ") are skipped at a start; white space and closing punctuation are dropped at an end.
  start / end  the splitter has a sentence start (end) at the quote's start (end), counted over the quotes
               whose start (end) is a sentence boundary in the text: text start, a line break or [.!?] before
               it; a line break, [.!?] or the text's end after it (or the quote itself ends in [.!?])
  whole        both, over the quotes that are whole sentences (start and end eligible)
  cut          quotes with a sentence boundary strictly inside; every gold quote here is one sentence or part
               of one (no quote holds a line break), so each cut is an error
Library splitters are shown raw and "+lines" (cut additionally at every line break, as ours always does).
Network access is refused (sockets blocked) while the libraries load and run, so every row works offline.
"""

from __future__ import annotations

import argparse
import json
import re
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.text import sentence_spans
from ingest.loaders import discover, load_file

ROOT = Path(__file__).resolve().parent.parent
Spans = list[tuple[int, int]]
Splitter = Callable[[str], Spans]
Quote = tuple[int, int, bool, bool]
BULLET = re.compile(r"(?:[-*•]|\d{1,2}[.)])\s+")
LEAD = re.compile(r"(?:^|(?<=\n))(?:[-*•]|\d{1,2}[.)])$")  # a bullet just before a quote
TERMINAL = re.compile(r"[.!?][\"'”’)]*$")
EXAMPLES = 8
OPEN, CLOSE = " \t\n\"'“‘([*", " \t\n.!?;:,\"'”’)]*"
HARD = [
    "The U.S. Department of Justice said on Sept. 27 that Mr. Smith and Dr. Jones met.",
    "H.R. 3359 passed. It created CISA.",
    "The FBI's Oct. 2 statement named three men: A, B and C.",
    "About 33 DNC computers were accessed by June 2016. Then the GRU leaked them.",
    'He said "no." Then he left.',
    "Early in the day, C.H. Gullatt Elementary School closed. They filed in Washington, D.C. Counts followed.",
    "Checklist\n\n1. Turn on MFA everywhere. Then go.\n- Use official accounts. Report quickly.",
]


def _refuse(*_: Any, **__: Any) -> None:
    raise OSError("network access refused by bench/sentences.py")


def norm_start(text: str, i: int, end: int) -> int:
    while i < end:
        bullet = BULLET.match(text, i) if i == 0 or text[i - 1] == "\n" else None
        if bullet and bullet.end() <= end:
            i = bullet.end()
        elif text[i] in OPEN:
            i += 1
        else:
            break
    return i


def norm_end(text: str, start: int, j: int) -> int:
    while j > start and text[j - 1] in CLOSE:
        j -= 1
    return j


def at_lines(split: Splitter) -> Splitter:
    """Cut every span further at line breaks, trimming white space."""

    def run(text: str) -> Spans:
        out: Spans = []
        for start, end in split(text):
            for piece in re.finditer(r"[^\n]+", text[start:end]):
                chunk = piece.group()
                if chunk.strip():
                    s = start + piece.start() + len(chunk) - len(chunk.lstrip())
                    out.append((s, start + piece.start() + len(chunk.rstrip())))
        return out

    return run


def splitters() -> dict[str, Splitter]:
    import punkt
    import pysbd
    import sentencex

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    tok = punkt.tokenizer_for("english")
    tok_pre = punkt.tokenizer_for("english", prefixes=True)
    libs: dict[str, Splitter] = {
        "pysbd": lambda t: [(s.start, s.end) for s in seg.segment(t)],
        "punkt": lambda t: list(tok.span_tokenize(t)),
        "punkt prefixes": lambda t: list(tok_pre.span_tokenize(t)),
        "sentencex": lambda t: [(b["start_index"], b["end_index"]) for b in sentencex.get_sentence_boundaries("en", t)],
    }
    rows: dict[str, Splitter] = {"ours": sentence_spans}
    for name, split in libs.items():
        rows[name] = split
        rows[name + " +lines"] = at_lines(split)
    return rows


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Offsets of `quote` in `text`, matched with white space runs collapsed."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace() or (i and not text[i - 1].isspace())]
    flat = "".join(" " if text[i].isspace() else text[i] for i in keep)
    at = flat.find(" ".join(quote.split()))
    if at < 0:
        return None
    return keep[at], keep[at + len(" ".join(quote.split())) - 1] + 1


def boundaries(text: str, spans: Spans) -> tuple[set[int], set[int]]:
    starts, ends = set(), set()
    for s, e in spans:
        s2 = norm_start(text, s, e)
        e2 = norm_end(text, s2, e)
        if s2 < e2:
            starts.add(s2)
            ends.add(e2)
    return starts, ends


def load_quotes(gold: Path, texts: dict[str, str]) -> tuple[dict[tuple[str, str], Quote], int]:
    """Unique located quotes as (start, end, starts a sentence, ends one), and how many were not found."""
    quotes: dict[tuple[str, str], Quote] = {}
    missing = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        for sup in json.loads(line)["supporting"] if line.strip() else []:
            text = texts.get(sup["doc"], "")
            found = locate(text, sup["quote"])
            if found is None:
                missing += 1
                continue
            qs, qe = found
            before = LEAD.sub("", text[:qs].rstrip(" \t"))
            start_ok = before == "" or before[-1] == "\n" or TERMINAL.search(before) is not None
            end_ok = (
                text[qe:].lstrip(" \t")[:1] in ("", "\n", ".", "!", "?") or TERMINAL.search(text[qs:qe]) is not None
            )
            quotes[(sup["doc"], sup["quote"])] = (norm_start(text, qs, qe), norm_end(text, qs, qe), start_ok, end_ok)
    return quotes, missing


def score(
    name: str,
    spans: dict[str, Spans],
    texts: dict[str, str],
    quotes: dict[tuple[str, str], Quote],
    ours: dict[str, set[int]],
    out: dict[str, list[str]],
) -> tuple[int, ...]:
    """Quote hits (start, end, whole), quotes cut, sentences, junk spans, ends of ours missed and added."""
    bounds = {doc: boundaries(texts[doc], sp) for doc, sp in spans.items()}
    hit_s = hit_e = whole = cut = 0
    for (doc, quote), (s, e, start_ok, end_ok) in quotes.items():
        starts, ends = bounds[doc]
        hit_s += start_ok and s in starts
        hit_e += end_ok and e in ends
        whole += start_ok and end_ok and s in starts and e in ends
        if any(s < p < e for p in starts | ends):
            cut += 1
            out.setdefault(f"cut by {name}", []).append(f"{doc}: {quote[:60]}")
    ours.update({doc: b[1] for doc, b in bounds.items() if doc not in ours})
    for doc, (_, ends) in bounds.items():
        for p in sorted(ends ^ ours[doc]):
            side = "ours only" if p in ours[doc] else "lib only "
            out.setdefault(name, []).append(f"{side} {texts[doc][max(0, p - 35) : p]!r}|{texts[doc][p : p + 15]!r}")
    missed = sum(len(ours[doc] - b[1]) for doc, b in bounds.items())
    added = sum(len(b[1] - ours[doc]) for doc, b in bounds.items())
    junk = sum(
        not re.search(r"[^\W\d_]", texts[d][s:e]) and bool(texts[d][s:e].strip())
        for d, sp in spans.items()
        for s, e in sp
    )
    return hit_s, hit_e, whole, cut, sum(len(b[1]) for b in bounds.values()), junk, missed, added


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared/corpus/gold/dev.jsonl")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/articles")
    args = parser.parse_args()
    socket.socket.connect = _refuse  # type: ignore[method-assign]
    socket.create_connection = _refuse  # type: ignore[assignment]
    rows = splitters()
    files, _ = discover([args.corpus])
    articles = [a for f in files for a in load_file(f).articles]
    texts = {Path(a.path).stem: a.text for a in articles}
    quotes, missing = load_quotes(args.gold, texts)
    n_s, n_e = sum(q[2] for q in quotes.values()), sum(q[3] for q in quotes.values())
    n_w = sum(q[2] and q[3] for q in quotes.values())
    print(
        f"{len(quotes)} unique quotes located ({missing} not found): {n_s} start a sentence, {n_e} end one, "
        f"{n_w} are whole sentences. Corpus: {len(articles)} articles, {sum(map(len, texts.values()))} chars.\n"
    )
    print(
        f"{'splitter':<22}{'start':>7}{'end':>7}{'whole':>7}{'cut':>5}{'sents':>7}{'junk':>6}{'-ours':>7}{'+ours':>7}"
        f"{'ms':>8}{'x ours':>8}"
    )
    base, ours, out = 0.0, dict[str, set[int]](), dict[str, list[str]]()
    for name, split in rows.items():
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            spans = {doc: split(text) for doc, text in texts.items()}
            best = min(best, time.perf_counter() - t0)
        base = base or best
        hs, he, hw, cut, sents, junk, missed, added = score(name, spans, texts, quotes, ours, out)
        print(
            f"{name:<22}{hs:>4}/{n_s:<2}{he:>4}/{n_e:<2}{hw:>4}/{n_w:<2}{cut:>5}{sents:>7}{junk:>6}{missed:>7}{added:>7}"
            f"{best * 1000:>8.1f}{best / base:>8.1f}"
        )
    cut_any = any(name.startswith("cut by") for name in out)
    print(
        f"\nEnd boundaries of +lines rows that differ from ours (first {EXAMPLES} each); quotes cut inside: "
        + ("listed below" if cut_any else "none, by any splitter")
    )
    for name, lines in out.items():
        if name.endswith("+lines") or name.startswith("cut by"):
            print(f"  {name}: {len(lines)}\n" + "".join(f"    {line}\n" for line in lines[:EXAMPLES]), end="")
    print("\nHard cases")
    for case in HARD:
        print(f"  {case!r}")
        for name, split in rows.items():
            if not name.endswith("+lines"):
                print(f"    {name:<16}{[case[s:e] for s, e in split(case)]}")


if __name__ == "__main__":
    main()
