from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quiz.errors import DataError
from quiz.load import load_quiz, load_weights
from quiz.model import Party, Position, Quiz, Source, Statement, Text, Topic, Weights

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
WEIGHTS = FIXTURES / "mini" / "weights.yaml"  # a frozen copy of the five-point weights


@pytest.fixture(autouse=True)
def _run_in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see file names as a user in the project folder does."""
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium, one per browser test module (they call `require_chromium()`)."""
    from tests.browser_support import chromium

    with chromium() as launched:
        yield launched


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be there) by `new` in a copied quiz file."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems(path: Path) -> list[str]:
    """The checker's problems for a quiz file that must not load, as the user reads them."""
    with pytest.raises(DataError) as caught:
        load_quiz(path)
    return [str(p) for p in caught.value.problems]


@pytest.fixture(scope="session")
def five_point() -> Weights:
    """Today's five-point weights, frozen as a fixture: editors may change weights.yaml freely."""
    return load_weights(WEIGHTS)


@pytest.fixture(scope="session")
def shipped() -> Quiz:
    return load_quiz(ROOT / "statements.yaml")


def make_quiz(weights: Weights, stances: dict[str, dict[str, int | None]],
              important: frozenset[tuple[str, str]] = frozenset()) -> Quiz:
    """A quiz built in memory: statement id → party id → stance (None: no stated position)."""
    party_ids = sorted({p for row in stances.values() for p in row})
    statements = tuple(
        Statement(sid, "t", Text(sid, sid), {
            party: Position(party, stance, "src", "q", (sid, party) in important)
            for party, stance in row.items() if stance is not None
        })
        for sid, row in stances.items()
    )
    return Quiz(
        id="mem", title=Text("t", "t"), region="r", election=Text("e", "e"), description=Text("d", "d"),
        sources={"src": Source("src", party_ids[0] if party_ids else "x", "t", Text("k", "k"), 2024, "f", "q")},
        parties={p: Party(p, Text(p, p), "#000000") for p in party_ids},
        topics={"t": Topic("t", Text("t", "t"))},
        statements=statements, weights=weights,
    )
