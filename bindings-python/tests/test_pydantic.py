"""mailinfra.pydantic: PreparedOrder / StrictOrder as model fields and with TypeAdapter.

Each expected error is compared with what `mailinfra.check`/`prepare` report for the
same input, so the pydantic surface is held to the core's issues, one line each."""

from __future__ import annotations

import copy
import json
from typing import Any, List, Optional

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError
from typing_extensions import Annotated

import mailinfra
from mailinfra import Order
from mailinfra.pydantic import Check, Prepare, PreparedOrder, StrictOrder


class Checkout(BaseModel):
    order: PreparedOrder
    note: Optional[str] = None


class StrictCheckout(BaseModel):
    order: StrictOrder


def expected_lines(report: mailinfra.Report, prefix: tuple = ()) -> List[dict]:
    """The pydantic error lines a report's errors must become."""
    lines = []
    for i in report.errors:
        ctx = {"message": i.message}
        if i.suggestion is not None:
            ctx = {"suggestion": i.suggestion, "message": i.message}
        lines.append({"type": i.code, "loc": prefix + i.path, "msg": i.message, "ctx": ctx})
    return lines


def lines(e: ValidationError) -> List[dict]:
    return [
        {k: d[k] for k in ("type", "loc", "msg", "ctx")} for d in e.errors(include_url=False)
    ]


def bad_order(order: Any) -> Any:
    order["phoneNumber"] = "12345"
    order["country"] = "Narnia"
    order["domains"][0]["mailboxes"][0]["email"] = "john@acmecorp.com"
    del order["city"]
    return order


def test_prepared_order_field_holds_the_canonical_order(messy: Any, order: Any) -> None:
    m = Checkout(order=messy)
    # examples/order.json is the messy example written out by hand in canonical form.
    assert m.order == order
    assert type(m.order) is dict
    assert m.model_dump() == {"order": order, "note": None}
    assert Checkout.model_validate_json(m.model_dump_json()).order == order


def test_every_error_is_one_line_with_our_loc_code_message_and_suggestion(order: Any) -> None:
    bad = bad_order(order)
    with pytest.raises(ValidationError) as info:
        Checkout(order=copy.deepcopy(bad))
    expected = expected_lines(mailinfra.prepare(bad), ("order",))
    assert len(expected) >= 4
    assert lines(info.value) == expected
    got = {d["loc"]: d for d in info.value.errors(include_url=False)}
    assert got[("order", "city")]["type"] == "missing_field"
    assert got[("order", "city")]["input"] == bad  # a missing member: its container
    assert got[("order", "phoneNumber")]["input"] == "12345"
    email = ("order", "domains", 0, "mailboxes", 0, "email")
    assert got[email]["type"] == "email_domain_mismatch"
    assert got[email]["input"] == "john@acmecorp.com"
    assert got[email]["ctx"] == {
        "suggestion": "john@tryoutreachteam.com",
        "message": 'The address must be on "tryoutreachteam.com", the domain it belongs to.',
    }


def test_strict_order_keeps_the_input_and_reports_what_prepare_would_fix(
    order: Any, messy: Any
) -> None:
    m = StrictCheckout(order=order)
    assert m.order is order
    with pytest.raises(ValidationError) as info:
        StrictCheckout(order=messy)
    expected = expected_lines(mailinfra.check(messy), ("order",))
    assert lines(info.value) == expected
    codes = {d["type"] for d in info.value.errors()}
    assert "not_normalized" in codes and "phone_not_e164" in codes


def test_warnings_never_fail_unless_options_make_them_errors(order: Any) -> None:
    order["domains"][0]["name"] = "bücher.de"
    order["domains"][0]["mailboxes"][0]["email"] = "info@bücher.de"
    report = mailinfra.prepare(order)
    assert report.valid and {i.code for i in report.warnings} == {"idn_domain", "role_address"}
    value = TypeAdapter(PreparedOrder).validate_python(order)
    assert value["domains"][0]["name"] == "xn--bcher-kva.de"

    strict_warnings = TypeAdapter(Annotated[Order, Prepare(warnings_as_errors=True)])
    with pytest.raises(ValidationError) as info:
        strict_warnings.validate_python(order)
    assert [(d["loc"], d["type"]) for d in info.value.errors()] == [
        (("domains", 0, "name"), "idn_domain"),
        (("domains", 0, "mailboxes", 0, "email"), "role_address"),
    ]


def test_unicode_domain_in_strict_mode_carries_its_a_label(order: Any) -> None:
    order["domains"][0]["name"] = "bücher.de"
    with pytest.raises(ValidationError) as info:
        TypeAdapter(StrictOrder).validate_python(order)
    by_loc = {d["loc"]: d for d in info.value.errors()}
    assert by_loc[("domains", 0, "name")]["type"] == "domain_not_ascii"
    assert by_loc[("domains", 0, "name")]["ctx"]["suggestion"] == "xn--bcher-kva.de"


@pytest.mark.parametrize("text", ["{message}", "{suggestion}", "{}{0}{code}", "}{"])
def test_braces_in_messages_are_not_templates(order: Any, text: str) -> None:
    order["phoneNumber"] = text  # both messages quote the value as typed
    order["planType"] = text
    report = mailinfra.prepare(order)
    with pytest.raises(ValidationError) as info:
        TypeAdapter(PreparedOrder).validate_python(order)
    assert lines(info.value) == expected_lines(report)
    assert [text in d["msg"] for d in info.value.errors()] == [True, True]
    assert text in str(info.value)


def test_type_adapter_python_and_json(messy: Any, order: Any) -> None:
    adapter = TypeAdapter(PreparedOrder)
    assert adapter.validate_python(messy) == order
    assert adapter.validate_json(json.dumps(messy)) == order
    assert TypeAdapter(StrictOrder).validate_json(json.dumps(order)) == order


def test_options_apply_and_wrong_options_fail_at_definition(order: Any) -> None:
    com_only = TypeAdapter(Annotated[Order, Prepare(allowed_tlds=["net"])])
    with pytest.raises(ValidationError) as info:
        com_only.validate_python(order)
    assert [d["loc"] for d in info.value.errors()] == [("domains", 0, "name")]
    assert TypeAdapter(Annotated[Order, Check(max_domains=1)]).validate_python(order) is order
    with pytest.raises(TypeError, match="max_domain"):
        Prepare(max_domain=3)  # type: ignore[call-arg]
    assert repr(Prepare(allow_idn=False)) == "Prepare(allow_idn=False)"


@pytest.mark.parametrize("value", ["{}", b"{}", bytearray(b"{}"), [], 3, None])
def test_not_an_order_is_one_error_at_the_fields_own_loc(value: Any) -> None:
    with pytest.raises(ValidationError) as info:
        Checkout(order=value)
    errors = info.value.errors()
    assert [(d["loc"], d["type"]) for d in errors] == [(("order",), "not_an_object")]


def test_json_schema_is_the_generated_order_shape() -> None:
    import mailinfra

    canonical = TypeAdapter(StrictOrder).json_schema()
    assert canonical["title"] == "Order"
    assert list(canonical["properties"]) == list(mailinfra.order_json_schema()["properties"])
    assert canonical["properties"]["planType"]["default"] == "quarterly"
    assert "$defs" not in canonical and "$schema" not in canonical
    domain = canonical["properties"]["domains"]["items"]
    assert domain["additionalProperties"] is False
    assert domain["properties"]["mailboxes"]["items"]["properties"]["profilePicId"]["minimum"] == 0
    # PreparedOrder takes prepare's input: the shape without the value limits.
    loose = TypeAdapter(PreparedOrder).json_schema()
    assert loose["title"] == "OrderInput"
    assert "maxLength" not in loose["properties"]["companyName"]
    assert TypeAdapter(PreparedOrder).json_schema(mode="serialization") == canonical
    schema = Checkout.model_json_schema()
    assert schema["properties"]["order"]["title"] == "OrderInput"
    assert schema["required"] == ["order"]


def test_pydantic_is_an_optional_extra() -> None:
    from importlib.metadata import requires

    from packaging.requirements import Requirement  # pytest's own dependency

    (req,) = [Requirement(r) for r in requires("mailinfra") or []]
    assert req.name == "pydantic"
    assert sorted(str(s) for s in req.specifier) == ["<3", ">=2.7"]
    assert req.marker is not None
    assert req.marker.evaluate({"extra": "pydantic"}) and not req.marker.evaluate({"extra": ""})


def test_the_json_schema_hook_is_told_the_mode_and_the_semantics(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import mailinfra.pydantic as mp

    calls: List[tuple] = []

    def generated(mode: str, strict: bool) -> dict:
        calls.append((mode, strict))
        return {"type": "object", "title": f"{mode} {strict}"}

    monkeypatch.setattr(mp, "order_json_schema", generated)
    assert TypeAdapter(PreparedOrder).json_schema()["title"] == "validation False"
    assert TypeAdapter(StrictOrder).json_schema(mode="serialization")["title"] == "serialization True"
    assert calls == [("validation", False), ("serialization", True)]
