from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


@pytest.fixture()
def order() -> Any:
    """The bundled valid example order (a fresh copy per test)."""
    return json.loads((EXAMPLES / "order.json").read_text(encoding="utf-8"))


@pytest.fixture()
def messy() -> Any:
    return json.loads((EXAMPLES / "messy-order.json").read_text(encoding="utf-8"))
