"""The regression gates: metrics of a run against the bars kept in eval/thresholds.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict

ROOT = Path(__file__).resolve().parent.parent
THRESHOLDS = Path(__file__).resolve().parent / "thresholds.toml"


class Gate(BaseModel):
    """One gold set over its corpus and the bars its metrics must clear."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    gold: Path
    corpus: Path
    minimum: dict[str, float] = {}
    maximum: dict[str, float] = {}
    # Bars that hold by construction for the extractive backend; checked like minimums.
    invariant: dict[str, float] = {}

    def failures(self, metrics: dict[str, float | None]) -> list[str]:
        """One line per metric that falls short (or is missing); empty when the run passes."""
        out: list[str] = []
        for key, bar in {**self.minimum, **self.invariant}.items():
            value = metrics.get(key)
            if value is None or value < bar:
                out.append(f"{key} = {value} is below {bar}")
        for key, bar in self.maximum.items():
            value = metrics.get(key)
            if value is None or value > bar:
                out.append(f"{key} = {value} is above {bar}")
        return out


def load_gates(thresholds: Path = THRESHOLDS) -> dict[str, Gate]:
    """Every gate of the file, by name; paths resolved against the project folder."""
    gates: dict[str, Gate] = {}
    for name, table in tomllib.loads(thresholds.read_text()).items():
        if not isinstance(table, dict) or "name" in table:
            raise ValueError(f"{thresholds}: [{name}] must be a table of gold, corpus and bars (and no 'name')")
        gate = Gate(name=name, **table)
        twice = set(gate.minimum) & set(gate.invariant)
        if twice:
            raise ValueError(f"{thresholds}: [{name}] bars {', '.join(sorted(twice))} both in minimum and invariant")
        gates[name] = gate.model_copy(update={"gold": ROOT / gate.gold, "corpus": ROOT / gate.corpus})
    return gates
