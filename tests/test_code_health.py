"""Guards the linters do not give: a module-level name bound twice silently replaces the first binding
for every function that reads it (a new `_NAME` pattern once took the place of the one that finds
people's names, and changed who-answers)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(p for package in ("assistant", "ingest", "ui", "eval") for p in (ROOT / package).rglob("*.py"))


def _bound_at_top(tree: ast.Module) -> list[str]:
    """Names the module's own top-level statements bind by assignment, function or class definition."""
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.append(node.target.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_level_name_is_bound_twice(path: Path) -> None:
    counts = Counter(_bound_at_top(ast.parse(path.read_text(), filename=str(path))))
    assert not [name for name, n in counts.items() if n > 1]


def test_the_guard_sees_a_second_binding() -> None:
    assert Counter(_bound_at_top(ast.parse("A = 1\ndef f(): pass\nA = 2\n")))["A"] == 2
