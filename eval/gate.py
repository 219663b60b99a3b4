"""The regression gate: metrics of a run against the thresholds kept in eval/thresholds.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

THRESHOLDS = Path(__file__).resolve().parent / "thresholds.toml"


def failures(metrics: dict[str, float | None], thresholds: Path = THRESHOLDS) -> list[str]:
    """One line per metric that falls short (or is missing); empty when the run passes."""
    limits = tomllib.loads(thresholds.read_text())
    out: list[str] = []
    for key, bar in limits.get("minimum", {}).items():
        value = metrics.get(key)
        if value is None or value < bar:
            out.append(f"{key} = {value} is below {bar}")
    for key, bar in limits.get("maximum", {}).items():
        value = metrics.get(key)
        if value is None or value > bar:
            out.append(f"{key} = {value} is above {bar}")
    return out
