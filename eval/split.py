"""Fixed, seeded splits of a question set into a tuning part and a reporting part.

Tune on `tune`; report figures on `report` only. Within each question type, items are ordered by a
hash of the seed and their id, and the first `report_share` of them go to `report`: the split is the
same on every machine and keeps each type's share, so six unanswerable items do not all fall on one
side by chance.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

Part = Literal["tune", "report"]
PARTS: tuple[Part, ...] = ("tune", "report")
SEED = "briefing-split-1"
REPORT_SHARE = 0.5


def _rank(seed: str, item_id: str) -> str:
    return hashlib.sha256(f"{seed}:{item_id}".encode()).hexdigest()


def assign(items: Iterable[tuple[str, str]], seed: str = SEED, report_share: float = REPORT_SHARE) -> dict[str, Part]:
    """The part of each (id, type) pair, by id."""
    by_type: dict[str, list[str]] = defaultdict(list)
    for item_id, kind in items:
        by_type[kind].append(item_id)
    parts: dict[str, Part] = {}
    for ids in by_type.values():
        ordered = sorted(ids, key=lambda i: _rank(seed, i))
        cut = round(len(ordered) * report_share)
        parts.update({i: ("report" if n < cut else "tune") for n, i in enumerate(ordered)})
    return parts


def split_lines(lines: Iterable[str], part: Part, seed: str = SEED, report_share: float = REPORT_SHARE) -> list[str]:
    """The JSON Lines of one part, as they are (any format with "id" and, optionally, "type")."""
    records = [(line, json.loads(line)) for line in lines if line.strip()]
    parts = assign(((str(r["id"]), str(r.get("type", ""))) for _, r in records), seed, report_share)
    return [line for line, r in records if parts[str(r["id"])] == part]


def read_items(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines question file."""
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def tuning_items(path: Path, sample: int | None = None, sample_seed: str = f"{SEED}-sample") -> list[dict[str, Any]]:
    """The tuning part of a question file, or a seeded, per-type sample of `sample` of its items."""
    items = read_items(path)
    parts = assign((str(i["id"]), str(i.get("type", ""))) for i in items)
    tune = [i for i in items if parts[str(i["id"])] == "tune"]
    if sample is not None and sample < len(tune):
        picked = assign(((str(i["id"]), str(i.get("type", ""))) for i in tune), sample_seed, sample / len(tune))
        tune = [i for i in tune if picked[str(i["id"])] == "report"]
    return tune
