"""examples/fastapi_app.py through FastAPI's TestClient: a messy order in, the
canonical order out; a bad one, a 422 whose errors carry our locs, codes and messages."""

from __future__ import annotations

import copy
import importlib.util
import sys
from typing import Any, List

import pytest
from fastapi.testclient import TestClient

import mailinfra
from conftest import EXAMPLES


def load_app() -> Any:
    spec = importlib.util.spec_from_file_location("fastapi_app", EXAMPLES / "fastapi_app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # pydantic resolves the module's annotations there
    spec.loader.exec_module(module)
    return module.app


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(load_app())


def detail(report: mailinfra.Report, prefix: List[Any]) -> List[dict]:
    """The 422 `detail` entries a report's errors must become (without `input`)."""
    out = []
    for i in report.errors:
        ctx = {"message": i.message}
        if i.suggestion is not None:
            ctx = {"suggestion": i.suggestion, "message": i.message}
        out.append({"type": i.code, "loc": prefix + list(i.path), "msg": i.message, "ctx": ctx})
    return out


def without_input(body: Any) -> List[dict]:
    return [{k: v for k, v in d.items() if k != "input"} for d in body["detail"]]


def test_messy_order_is_answered_with_the_canonical_order(
    client: TestClient, messy: Any, order: Any
) -> None:
    r = client.post("/orders", json=messy)
    assert r.status_code == 200, r.text
    assert r.json() == order


def test_bad_order_is_a_422_with_our_locs_and_codes(client: TestClient, order: Any) -> None:
    order["phoneNumber"] = "12345"
    order["domains"][0]["name"] = "bücher.de"  # Unicode: prepare writes the A-label ...
    order["domains"][0]["mailboxes"][0]["email"] = "john@acmecorp.com"  # ... so this is off
    report = mailinfra.prepare(copy.deepcopy(order))
    r = client.post("/orders", json=order)
    assert r.status_code == 422, r.text
    assert without_input(r.json()) == detail(report, ["body"])
    locs = [d["loc"] for d in r.json()["detail"]]
    assert locs == [["body", "phoneNumber"], ["body", "domains", 0, "mailboxes", 0, "email"]]
    email = r.json()["detail"][1]
    assert email["type"] == "email_domain_mismatch"
    assert email["ctx"]["suggestion"] == "john@xn--bcher-kva.de"
    assert email["input"] == "john@acmecorp.com"


def test_order_nested_in_a_model_gets_body_order_locs(client: TestClient, order: Any) -> None:
    order["zipcode"] = "not a zip"
    r = client.post("/checkout", json={"order": order, "note": "rush"})
    assert r.status_code == 422, r.text
    assert [(d["loc"], d["type"]) for d in r.json()["detail"]] == [
        (["body", "order", "zipcode"], "invalid_postal_code")
    ]
    order["zipcode"] = "94105"
    ok = client.post("/checkout", json={"order": order})
    assert ok.status_code == 200, ok.text
    assert ok.json() == {"order": order, "note": None}


def test_strict_endpoint_refuses_what_prepare_would_fix(
    client: TestClient, messy: Any, order: Any
) -> None:
    assert client.post("/orders/check", json=order).json() == order
    r = client.post("/orders/check", json=messy)
    assert r.status_code == 422
    assert without_input(r.json()) == detail(mailinfra.check(messy), ["body"])


def test_not_json_object_bodies(client: TestClient) -> None:
    r = client.post("/orders", json=["not", "an", "order"])
    assert r.status_code == 422
    assert [(d["loc"], d["type"]) for d in r.json()["detail"]] == [(["body"], "not_an_object")]


def test_openapi_shows_the_order_shape(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/orders"]["post"]["requestBody"]
    assert body["required"] is True
    # PreparedOrder's request body: prepare's input, the order's members and nesting.
    accepted = body["content"]["application/json"]["schema"]
    assert accepted["type"] == "object" and accepted["additionalProperties"] is False
    assert list(accepted["properties"]) == list(mailinfra.order_json_schema()["properties"])
    mailbox = accepted["properties"]["domains"]["items"]["properties"]["mailboxes"]["items"]
    assert sorted(mailbox["required"]) == ["email", "firstname", "lastname"]
    assert "enum" not in accepted["properties"]["emailServiceProvider"]  # prepare fixes "google"
    # StrictOrder's body is a canonical order: the simple limits too.
    strict = spec["paths"]["/orders/check"]["post"]["requestBody"]["content"]["application/json"]
    props = strict["schema"]["properties"]
    assert props["emailServiceProvider"]["enum"] == ["Google", "Microsoft", "Azure"]
    assert props["phoneNumber"]["pattern"] == r"^\+[1-9][0-9]{1,14}$"
    assert props["domainOwnerFirstname"]["maxLength"] == 50
    # The order as a field of a model: prepare's input in the request, the canonical
    # order in the response; no $ref left dangling.
    schemas = spec["components"]["schemas"]
    request = schemas["Checkout-Input"]["properties"]["order"]
    assert request["title"] == "OrderInput" and request["properties"]["domains"]["minItems"] == 1
    response = schemas["Checkout-Output"]["properties"]["order"]
    assert response["title"] == "Order" and response["properties"]["planType"]["default"] == "quarterly"
    assert "$defs" not in str(spec)
