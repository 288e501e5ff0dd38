"""A typed usage file: `mypy --strict` must accept it (bindings-python/test.sh and
test_typing.py run it); test_typing.py also executes it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional

from pydantic import BaseModel, TypeAdapter, ValidationError
from typing_extensions import Annotated

import mailinfra
from mailinfra import (
    AddressFormat,
    DataVersions,
    Issue,
    IssueCode,
    Mailbox,
    Order,
    OrderInvalid,
    Report,
    Severity,
)
from mailinfra.pydantic import Check, Prepare, PreparedOrder, StrictOrder

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "order.json"


class Checkout(BaseModel):
    order: PreparedOrder
    confirmed: StrictOrder
    com_only: Annotated[Order, Prepare(allowed_tlds=["com"], warnings_as_errors=True)]


def pydantic_usage(loaded: Any) -> str:
    m = Checkout(order=loaded, confirmed=loaded, com_only=loaded)
    name: str = m.order["domains"][0]["name"]
    phone: str = m.confirmed["phoneNumber"]
    adapter: TypeAdapter[Order] = TypeAdapter(PreparedOrder)
    canonical: Order = adapter.validate_python(loaded)
    try:
        TypeAdapter(Annotated[Order, Check(max_domains=0)]).validate_python(loaded)
    except ValidationError as e:
        assert e.errors()[0]["type"] == "too_many_items"
    return name + phone + canonical["country"]


def typed_order() -> Order:
    mailbox: Mailbox = {"firstname": "John", "lastname": "Smith", "email": "john@acme.com"}
    order: Order = {
        "domainOwnerFirstname": "John",
        "domainOwnerLastname": "Smith",
        "companyName": "Acme Corp",
        "address": "123 Market Street",
        "city": "San Francisco",
        "state": "CA",
        "country": "US",
        "zipcode": "94105",
        "phoneNumber": "+14155551234",
        "emailServiceProvider": "Google",
        "planType": "quarterly",
        "domains": [{"name": "acme.com", "mailboxes": [mailbox]}],
    }
    return order


def describe(issue: Issue) -> str:
    code: IssueCode = issue.code
    severity: Severity = issue.severity
    where: str = "/".join(str(p) for p in issue.path)
    return f"{severity} {code} at {where or '(order)'}: {issue.message}"


def main() -> int:
    loaded: Any = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    report: Report = mailinfra.check(loaded, max_domains=10, allowed_tlds=["com"])
    assert report.valid

    prepared = mailinfra.prepare(typed_order(), warnings_as_errors=False)
    canonical: Optional[Order] = prepared.order
    assert canonical is not None
    plan = canonical.get("planType", "quarterly")
    assert plan in ("quarterly", "annualFlexi", "annualFixed")
    first_domain: str = canonical["domains"][0]["name"]
    assert first_domain == "acme.com"

    messy: Dict[str, object] = {"country": "uk", "zipcode": "sw1a1aa"}
    lines: List[str] = [describe(i) for i in mailinfra.check(messy).issues]
    assert lines
    field_issues: List[Issue] = mailinfra.check_field(messy, "/zipcode")
    suggestion = field_issues[0].suggestion
    assert suggestion == "SW1A 1AA"

    try:
        mailinfra.check(b"{}").raise_for_errors()
    except OrderInvalid as e:
        assert all(i.severity == "error" for i in e.issues)

    many: List[Report] = mailinfra.prepare_many([loaded, json.dumps(loaded)])
    assert all(r.valid for r in many)

    fmt: Optional[AddressFormat] = mailinfra.address_format("US")
    if fmt is not None:
        assert fmt["state_required"] is True
        keys = [s["key"] for s in fmt["states"]]
        assert "CA" in keys
    versions: DataVersions = mailinfra.data_versions()
    assert versions["phone_metadata"]
    codes: List[IssueCode] = mailinfra.issue_codes()
    assert "missing_field" in codes
    ascii_name: Optional[str] = mailinfra.domain_to_ascii("bücher.com")
    assert ascii_name == "xn--bcher-kva.com"
    d = report.to_dict()
    assert d["valid"] is True
    assert pydantic_usage(loaded) == "tryoutreachteam.com+14155551234US"
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
