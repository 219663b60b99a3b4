"""Whether the retrieved sentences answer a question at all: the extractive answerer's decision to decline.

A logistic model over the evidence the answerer computes anyway (how well its best sentences match
the question, how much of the question they cover, how long the question is). A fixed score threshold
tuned on 40 short questions declined most long ones that the sources do answer; the model learns how
the scores scale with the question. It is trained on tuning splits only (eval/train_decline.py prints
what it was trained on and how it scores), and ships as a small JSON file whose checksum is pinned here.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import astuple, dataclass, fields
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from assistant.errors import ModelIntegrityError

MODEL_FILE = Path(__file__).with_name("decline.json")
MODEL_SHA256 = "f14b964532dadbb61b3b3299ee731fd94e574d16d9fb4e0b0bbc467996030594"


@dataclass(frozen=True)
class Evidence:
    """What the answerer knows about how well the retrieved sentences answer a question."""

    best: float  # score of the best sentence that holds the asked-for kind of fact (0: none does)
    best_any: float  # score of the best sentence, whatever it holds
    similarity: float  # cosine similarity of the best fitting sentence to the question
    coverage: float  # idf share of the question's terms the best fitting sentence (and its title) holds
    joint_coverage: float  # ... the three best fitting sentences and their titles hold together
    key_coverage: float  # share of the question's names and numbers the best fitting sentence, its title
    # or its source holds ("Michigan" in a question about Michigan; 1 when the question has none), or, for
    # a place the question names, its story's opening sentence (ExtractiveAnswerer._lede)
    joint_key_coverage: float  # ... the three best fitting sentences hold together
    fitting_share: float  # share of the candidate sentences that hold the asked-for kind of fact
    log_terms: float  # log(1 + the question's content words)

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def values(self) -> list[float]:
        return [float(v) for v in astuple(self)]


class DeclineModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    features: list[str]
    coefficients: list[float]
    intercept: float
    threshold: float = 0.5  # answer when P(answerable) is at least this
    trained_on: str

    def p_answerable(self, evidence: Evidence) -> float:
        if self.features != Evidence.names():
            raise ModelIntegrityError(f"{MODEL_FILE}: trained on features {self.features}, not {Evidence.names()}")
        z = self.intercept + sum(c * v for c, v in zip(self.coefficients, evidence.values(), strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def answerable(self, evidence: Evidence) -> bool:
        return self.p_answerable(evidence) >= self.threshold


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def decline_model(path: Path = MODEL_FILE, expected: str = MODEL_SHA256) -> DeclineModel:
    """The shipped model, after its checksum is verified."""
    actual = file_sha256(path)
    if actual != expected:
        raise ModelIntegrityError(f"{path}: SHA-256 {actual} does not match the pinned {expected}")
    return DeclineModel.model_validate_json(path.read_text())
