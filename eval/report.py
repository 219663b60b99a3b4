"""Reports of an eval run: report.json (the record), report.md (for reviews), report.html (plots, offline).

The HTML is one self-contained file: inline SVG charts, no scripts, no external assets.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from eval.run import METRIC_KEYS, EvalReport

_BAR = 260  # px of a full bar


def write_reports(report: EvalReport, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "report.json", out / "report.md", out / "report.html"]
    paths[0].write_text(json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n")
    paths[1].write_text(markdown(report))
    paths[2].write_text(html_report(report))
    return paths


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def markdown(report: EvalReport) -> str:
    lines = [
        f"# Eval report: {Path(report.gold).name}",
        "",
        f"Corpus `{report.corpus}` · backend `{report.backend}` · judge `{report.judge}` · k={report.k} · "
        f"{len(report.questions)} questions · "
        f"latency p50 {report.latency['p50']:.2f} s, p95 {report.latency['p95']:.2f} s",
        "",
        "| metric | value |",
        "| --- | --- |",
        *[f"| {key} | {_fmt(report.metrics.get(key))} |" for key in METRIC_KEYS],
        "",
        "## By question type",
        "",
        "| type | " + " | ".join(METRIC_KEYS) + " |",
        "| --- |" + " --- |" * len(METRIC_KEYS),
        *[
            f"| {kind} | " + " | ".join(_fmt(scores.get(key)) for key in METRIC_KEYS) + " |"
            for kind, scores in report.by_type.items()
        ],
        "",
        "## Declines by reason",
        "",
        "| reason | answerable (wrongly declined) | unanswerable (rightly declined) |",
        "| --- | --- | --- |",
        *[f"| {reason} | {n['answerable']} | {n['unanswerable']} |" for reason, n in report.declines.items()],
        "",
        "## Questions",
        "",
    ]
    for record in report.questions:
        weak = {k: v for k, v in record.scores.items() if v is not None and v < 1}
        flag = f"declined: {record.declined_because or 'unstated'}" if record.refused else "answered"
        lines += [
            f"### {record.id} ({record.type}, {flag}, {record.seconds:.2f} s)",
            "",
            f"**Q:** {record.question}",
            "",
            f"**A:** {record.answer}",
            "",
            f"**Reference:** {record.reference or '(unanswerable)'}",
            "",
            "Scores below 1: " + (", ".join(f"{k}={v:.2f}" for k, v in weak.items()) or "none"),
            "",
        ]
    return "\n".join(lines)


def _bars(title: str, rows: list[tuple[str, float | None]]) -> str:
    height = 22 * len(rows) + 30
    parts = [f'<svg role="img" aria-label="{html.escape(title)}" width="520" height="{height}">']
    parts.append(f'<text x="0" y="16" font-weight="bold">{html.escape(title)}</text>')
    for i, (label, value) in enumerate(rows):
        y = 30 + 22 * i
        width = 0 if value is None else int(_BAR * value)
        parts.append(f'<text x="0" y="{y + 13}" font-size="12">{html.escape(label)}</text>')
        parts.append(f'<rect x="190" y="{y}" width="{_BAR}" height="16" fill="#eee"/>')
        parts.append(f'<rect x="190" y="{y}" width="{width}" height="16" fill="#3a6ea5"/>')
        parts.append(f'<text x="{196 + _BAR}" y="{y + 13}" font-size="12">{_fmt(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _histogram(seconds: list[float], bins: int = 12) -> str:
    if not seconds:
        return ""
    top = max(seconds) or 1.0
    counts = [0] * bins
    for s in seconds:
        counts[min(int(s / top * bins), bins - 1)] += 1
    peak = max(counts) or 1
    parts = [
        '<svg role="img" aria-label="Latency histogram" width="520" height="190">',
        '<text x="0" y="16" font-weight="bold">Answer latency (s)</text>',
    ]
    for i, count in enumerate(counts):
        h = int(130 * count / peak)
        x = 10 + i * 40
        parts.append(f'<rect x="{x}" y="{160 - h}" width="34" height="{h}" fill="#3a6ea5"/>')
        parts.append(f'<text x="{x}" y="{155 - h}" font-size="11">{count or ""}</text>')
        parts.append(f'<text x="{x}" y="176" font-size="10">{top * i / bins:.2f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def html_report(report: EvalReport) -> str:
    esc = html.escape
    rows = "".join(
        f"<tr><td>{esc(r.id)}</td><td>{esc(r.type)}</td><td>{esc(r.question)}</td><td>{esc(r.answer)}</td>"
        + "".join(f"<td>{_fmt(r.scores.get(k))}</td>" for k in METRIC_KEYS)
        + "</tr>"
        for r in report.questions
    )
    per_type = "".join(
        _bars(
            f"{kind}: answer correctness, faithfulness, recall@5",
            [
                ("answer_correctness", s.get("answer_correctness")),
                ("faithfulness", s.get("faithfulness")),
                ("retrieval_recall@5", s.get("retrieval_recall@5")),
            ],
        )
        for kind, s in report.by_type.items()
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Eval report</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:1200px}}table{{border-collapse:collapse;font-size:12px}}
td,th{{border:1px solid #ccc;padding:4px;vertical-align:top}}svg{{display:block;margin:1em 0}}</style></head>
<body><h1>Eval report: {esc(Path(report.gold).name)}</h1>
<p>Corpus <code>{esc(report.corpus)}</code> · backend <code>{esc(report.backend)}</code> ·
judge <code>{esc(report.judge)}</code> · k={report.k} · {len(report.questions)} questions ·
latency p50 {report.latency["p50"]:.2f} s, p95 {report.latency["p95"]:.2f} s</p>
{_bars("Overall", [(k, report.metrics.get(k)) for k in METRIC_KEYS])}
<h2>By question type</h2>{per_type}
<h2>Latency</h2>{_histogram([r.seconds for r in report.questions])}
<h2>Questions</h2><table><tr><th>id</th><th>type</th><th>question</th><th>answer</th>
{"".join(f"<th>{esc(k)}</th>" for k in METRIC_KEYS)}</tr>{rows}</table>
</body></html>
"""


def compare(a: EvalReport, b: EvalReport) -> str:
    """What changed from run A to run B: metrics, then question by question."""
    lines = [f"{'metric':<22} {'A':>7} {'B':>7} {'change':>8}"]
    for key in METRIC_KEYS:
        va, vb = a.metrics.get(key), b.metrics.get(key)
        delta = "" if va is None or vb is None else f"{vb - va:+.3f}"
        lines.append(f"{key:<22} {_fmt(va):>7} {_fmt(vb):>7} {delta:>8}")
    before = {r.id: r for r in a.questions}
    changed = []
    for record in b.questions:
        old = before.get(record.id)
        if old is None:
            changed.append(f"{record.id}: only in B")
            continue
        diffs = [
            f"{k} {_fmt(old.scores.get(k))}→{_fmt(record.scores.get(k))}"
            for k in METRIC_KEYS
            if old.scores.get(k) != record.scores.get(k)
        ]
        if old.refused != record.refused:
            diffs.insert(0, "now declined" if record.refused else "now answered")
        if diffs:
            changed.append(f"{record.id}: " + "; ".join(diffs))
    changed += [f"{qid}: only in A" for qid in before if qid not in {r.id for r in b.questions}]
    lines += ["", f"{len(changed)} question(s) changed" + (":" if changed else "")] + [f"  {c}" for c in changed]
    return "\n".join(lines)
