"""An order endpoint with FastAPI: messy input in, the canonical order out, or a 422
whose errors point at the fields to fix.

    pip install "./bindings-python[pydantic]" fastapi uvicorn
    uvicorn --app-dir examples fastapi_app:app
    curl -s localhost:8000/orders -H 'content-type: application/json' -d @examples/messy-order.json

`bindings-python/tests/test_fastapi.py` drives this app with FastAPI's TestClient.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from fastapi import FastAPI
from pydantic import BaseModel

from mailinfra.pydantic import PreparedOrder, StrictOrder

app = FastAPI(title="mailinfra example")


@app.post("/orders")
def create_order(order: PreparedOrder) -> Mapping[str, Any]:
    """The body is the order; the answer is its canonical form."""
    return order


@app.post("/orders/check")
def check_order(order: StrictOrder) -> Mapping[str, Any]:
    """The body must already be exactly what the upstream API accepts."""
    return order


class Checkout(BaseModel):
    order: PreparedOrder
    note: Optional[str] = None


@app.post("/checkout")
def checkout(body: Checkout) -> Checkout:
    """The order as one field of a larger body: error locs start with body.order."""
    return body
