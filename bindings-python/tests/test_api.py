"""The Python-specific surface: Report/Issue objects, errors, options, helpers."""

from __future__ import annotations

import copy
import json
import pickle
from collections import OrderedDict
from typing import Any

import pytest

import mailinfra
from mailinfra import InputError, Issue, OrderInvalid, Report


def test_check_valid_example(order: Any) -> None:
    r = mailinfra.check(order)
    assert isinstance(r, Report)
    assert r.valid is True
    assert r.issues == []
    assert r.order is None


def test_prepare_returns_plain_dict(messy: Any) -> None:
    r = mailinfra.prepare(messy)
    assert type(r.order) is dict
    again = mailinfra.prepare(r.order)
    assert again.order == r.order  # idempotent
    if r.valid:
        assert mailinfra.check(r.order).valid


def test_prepare_fixes_spelling(order: Any) -> None:
    order["country"] = "us"
    order["emailServiceProvider"] = "google workspace"
    strict = mailinfra.check(order)
    assert not strict.valid
    by_pointer = {i.pointer: i for i in strict.issues}
    assert by_pointer["/country"].suggestion == "US"
    assert by_pointer["/emailServiceProvider"].code == "invalid_enum"
    r = mailinfra.prepare(order)
    assert r.valid
    assert r.order is not None
    assert r.order["country"] == "US"
    assert r.order["emailServiceProvider"] == "Google"


def test_issue_attributes_and_immutability(order: Any) -> None:
    order["zipcode"] = "not a zip"
    (issue,) = mailinfra.check(order).issues
    assert issue.pointer == "/zipcode"
    assert issue.path == ("zipcode",)
    assert issue.code == "invalid_postal_code"
    assert issue.severity == "error"
    assert isinstance(issue.message, str) and issue.message
    assert issue.suggestion is None
    with pytest.raises(AttributeError):
        issue.code = "blank"  # type: ignore[misc]
    d = issue.to_dict()
    assert d == {
        "pointer": "/zipcode",
        "path": ["zipcode"],
        "code": "invalid_postal_code",
        "severity": "error",
        "message": issue.message,
    }
    assert "suggestion" not in d
    r = repr(issue)
    assert r.startswith("Issue(pointer='/zipcode', code='invalid_postal_code', severity='error'")


def test_issue_path_with_indices(order: Any) -> None:
    order["domains"][0]["mailboxes"][0]["email"] = "john.smith@other.com"
    (issue,) = mailinfra.check(order).issues
    assert issue.path == ("domains", 0, "mailboxes", 0, "email")
    assert issue.pointer == "/domains/0/mailboxes/0/email"
    assert issue.code == "email_domain_mismatch"
    assert issue.suggestion == "john.smith@tryoutreachteam.com"
    assert "suggestion=" in repr(issue)


def test_issue_equality_and_hash(order: Any) -> None:
    order["country"] = "uk"
    a = mailinfra.check(order).issues
    b = mailinfra.check(copy.deepcopy(order)).issues
    assert a == b
    assert a[0] is not b[0]
    assert hash(a[0]) == hash(b[0])
    assert len({a[0], b[0]}) == 1
    assert a[0] != "not an issue"
    order["country"] = "DEU"
    assert mailinfra.check(order).issues != a


def test_report_errors_warnings_and_to_dict(order: Any) -> None:
    order["domains"][0]["mailboxes"][0]["email"] = "info@tryoutreachteam.com"
    order["country"] = "uk"
    r = mailinfra.check(order)
    assert [i.code for i in r.warnings] == ["role_address"]
    assert all(i.severity == "error" for i in r.errors)
    assert len(r.errors) + len(r.warnings) == len(r.issues)
    d = r.to_dict()
    assert d["valid"] is False and "order" not in d
    assert json.loads(json.dumps(d)) == d
    p = mailinfra.prepare(order).to_dict()
    assert "order" in p
    assert "Report(valid=False" in repr(r)


def test_raise_for_errors(order: Any) -> None:
    ok = mailinfra.prepare(order)
    assert ok.raise_for_errors() is ok
    order["country"] = "Narnia"
    order["zipcode"] = ""
    order["domains"][0]["mailboxes"][0]["email"] = "info@tryoutreachteam.com"
    r = mailinfra.check(order)
    with pytest.raises(OrderInvalid) as exc:
        r.raise_for_errors()
    e = exc.value
    assert isinstance(e, ValueError)
    assert e.issues == r.errors
    assert e.report is r
    assert all(i.severity == "error" for i in e.issues)
    text = str(e)
    for i in e.issues:
        assert f"{i.pointer}: {i.message}" in text
    assert "role_address" not in text
    # warnings alone do not raise
    w = dict(mailinfra.prepare(order).order or {})
    assert w


def test_order_invalid_root_pointer_and_pickle() -> None:
    r = mailinfra.check([])
    with pytest.raises(OrderInvalid) as exc:
        r.raise_for_errors()
    assert str(exc.value).splitlines()[1].startswith("  (order): ")
    e2 = pickle.loads(pickle.dumps(OrderInvalid([])))
    assert isinstance(e2, OrderInvalid) and e2.issues == []


def test_json_text_and_bytes(order: Any) -> None:
    text = json.dumps(order)
    assert mailinfra.check(text).valid
    assert mailinfra.check(text.encode()).valid
    assert mailinfra.check(bytearray(text.encode())).valid
    bad = mailinfra.check("{not json")
    assert [i.code for i in bad.issues] == ["invalid_json"]
    assert bad.issues[0].pointer == ""
    big = mailinfra.check(text, max_input_bytes=10)
    assert [i.code for i in big.issues] == ["input_too_large"]
    assert mailinfra.prepare(text).order == mailinfra.prepare(order).order


def test_check_field(order: Any) -> None:
    partial = {"country": "GB", "zipcode": "sw1a1aa"}
    (i,) = mailinfra.check_field(partial, "/zipcode")
    assert i.code == "not_normalized" and i.suggestion == "SW1A 1AA"
    assert mailinfra.check_field(order, "/zipcode") == []
    assert mailinfra.check_field(json.dumps(partial), "/zipcode") == [i]
    # A pointer to no field of the order is the caller's mistake, with the one meant.
    with pytest.raises(ValueError, match='did you mean "/zipcode"'):
        mailinfra.check_field(partial, "/zipCode")
    with pytest.raises(ValueError, match="not a JSON Pointer"):
        mailinfra.check_field(partial, "not a pointer")


def test_options(order: Any) -> None:
    order["domains"][0]["mailboxes"] += [
        {"firstname": "A", "lastname": "B", "email": f"a{n}@tryoutreachteam.com"} for n in range(5)
    ]
    codes = [i.code for i in mailinfra.check(order).issues]
    assert "too_many_mailboxes" in codes
    assert "too_many_mailboxes" not in [
        i.code for i in mailinfra.check(order, max_mailboxes_per_domain=10).issues
    ]
    order = json.loads(json.dumps(order))
    del order["domains"][0]["mailboxes"][1:]
    assert not mailinfra.check(order, allowed_tlds=["net"]).valid
    assert mailinfra.check(order, allowed_tlds=("com",)).valid
    assert mailinfra.check(order, allowed_tlds={"com"}).valid
    assert mailinfra.check(order, allowed_tlds=(t for t in ["com"])).valid
    assert mailinfra.check(order, allowed_tlds=None).valid
    assert mailinfra.check(order, max_domains=1, max_mailboxes_per_domain=None).valid
    order["domains"][0]["mailboxes"][0]["email"] = "info@tryoutreachteam.com"
    assert mailinfra.check(order).valid
    assert not mailinfra.check(order, warnings_as_errors=True).valid
    order["domains"][0]["mailboxes"][0]["email"] = "john@tryoutreachteam.com"
    order["domains"][0]["name"] = "xn--bcher-kva.com"
    order["domains"][0]["mailboxes"][0]["email"] = "john@xn--bcher-kva.com"
    assert mailinfra.check(order).valid
    assert not mailinfra.check(order, allow_idn=False).valid


@pytest.mark.parametrize(
    "kwargs, exc, words",
    [
        ({"max_domain": 3}, TypeError, ["max_domain", 'did you mean "max_domains"']),
        ({"maxDomains": 3}, TypeError, ["maxDomains", 'did you mean "max_domains"']),
        ({"allowIdn": True}, TypeError, ['did you mean "allow_idn"']),
        ({"colour": 1}, TypeError, ["colour", "max_domains, max_mailboxes_per_domain"]),
        ({"max_domains": "3"}, TypeError, ["max_domains", "whole number"]),
        ({"max_domains": True}, TypeError, ["max_domains"]),
        ({"max_domains": -1}, ValueError, ["max_domains", "0 or more"]),
        ({"max_domains": 1.5}, ValueError, ["max_domains", "whole number"]),
        ({"max_input_bytes": 2**70}, ValueError, ["max_input_bytes"]),
        ({"allow_idn": 1}, TypeError, ["allow_idn", "true or false"]),
        ({"warnings_as_errors": None}, TypeError, ["warnings_as_errors"]),
        ({"allowed_tlds": "com"}, TypeError, ["allowed_tlds", "list of strings"]),
        ({"allowed_tlds": ["com", 1]}, TypeError, ["allowed_tlds"]),
        ({"allowed_tlds": [b"com"]}, TypeError, ["allowed_tlds"]),
        ({"allowed_tlds": {"com": 1}}, TypeError, ["allowed_tlds"]),
        ({"allowed_tlds": ["com"] * 20000}, ValueError, ["options larger than"]),
    ],
)
def test_bad_options(kwargs: Any, exc: Any, words: Any) -> None:
    for fn in (mailinfra.check, mailinfra.prepare):
        with pytest.raises(exc) as e:
            fn({}, **kwargs)
        for w in words:
            assert w in str(e.value)
    with pytest.raises(exc):
        mailinfra.check_field({}, "/country", **kwargs)
    with pytest.raises(exc):
        mailinfra.check_many([{}], **kwargs)


def test_many(order: Any, messy: Any) -> None:
    orders = [order, messy, json.dumps(order), "nope", [], None]
    many = mailinfra.check_many(orders)
    assert [r.to_dict() for r in many] == [mailinfra.check(o).to_dict() for o in orders]
    many = mailinfra.prepare_many(iter(orders), max_domains=3)
    assert [r.to_dict() for r in many] == [
        mailinfra.prepare(o, max_domains=3).to_dict() for o in orders
    ]
    assert mailinfra.check_many([]) == []
    for single in (order, json.dumps(order), b"{}", OrderedDict(order)):
        with pytest.raises(TypeError, match="iterable of orders"):
            mailinfra.check_many(single)


def test_many_input_error_names_index() -> None:
    class Bad(dict):  # type: ignore[type-arg]
        pass

    class Boom:
        def __iter__(self) -> Any:
            raise RuntimeError("boom")

        def __len__(self) -> int:
            return 1

        def __getitem__(self, i: int) -> Any:
            raise RuntimeError("boom")

    from collections.abc import Sequence

    Sequence.register(Boom)
    with pytest.raises(InputError) as e:
        mailinfra.check_many([{}, {"domains": Boom()}])
    assert e.value.index == 1
    assert e.value.pointer == "/domains"
    assert "orders[1]" in str(e.value)
    assert isinstance(e.value.__cause__, RuntimeError)


def test_address_format_and_countries() -> None:
    us = mailinfra.address_format("US")
    assert us is not None
    assert us["state_required"] and us["postal_code_required"]
    assert us["postal_code_label"] == "ZIP code"
    assert {"key": "CA", "name": "California"} in us["states"]
    gb = mailinfra.address_format("uk")
    assert gb is not None and gb["country"] == "GB" and gb["states"] == []
    assert mailinfra.address_format("ZZ") is None
    cs = mailinfra.countries()
    assert len(cs) == 249
    assert cs[0].keys() == {"code", "name"}
    assert [c["code"] for c in cs] == sorted(c["code"] for c in cs)


def test_domains_and_versions() -> None:
    assert mailinfra.domain_to_ascii("bücher.com") == "xn--bcher-kva.com"
    assert mailinfra.domain_to_unicode("xn--bcher-kva.com") == "bücher.com"
    assert mailinfra.domain_to_ascii("-bad-.com") is None
    v = mailinfra.data_versions()
    assert set(v) == {"phone_metadata", "public_suffix_list", "address_data"}
    assert all(isinstance(x, str) and x for x in v.values())
    assert mailinfra.MAX_DEPTH == 64
    assert isinstance(mailinfra.__version__, str)


def test_typing_names_at_runtime() -> None:
    from mailinfra import IssueCode, Order

    assert Order.__required_keys__ >= {"domains", "country"}
    assert "planType" in Order.__optional_keys__
    assert IssueCode is not None
    with pytest.raises(AttributeError):
        mailinfra.no_such_name  # noqa: B018
    assert len(set(mailinfra.issue_codes())) == len(mailinfra.issue_codes())


def test_gil_released_for_bulk(order: Any) -> None:
    # Threads make progress side by side; a smoke test that detach does not deadlock.
    import threading

    results: list = []  # type: ignore[type-arg]

    def work() -> None:
        results.append(all(r.valid for r in mailinfra.prepare_many([order] * 50)))

    ts = [threading.Thread(target=work) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert results == [True] * 4


def test_issue_not_constructible_directly() -> None:
    with pytest.raises(TypeError):
        Issue()  # type: ignore[call-arg]


def test_suggest_mailboxes() -> None:
    s = mailinfra.suggest_mailboxes("John", "Smith", "acme.com", 3, esp="Google")
    assert s["addresses"] == ["john@acme.com", "john.smith@acme.com", "johnsmith@acme.com"]
    assert s["issues"] == []
    s = mailinfra.suggest_mailboxes("John", "Smith", "acme.com", 2, exclude=["JOHN@acme.com"])
    assert "john@acme.com" not in s["addresses"]
    bad = mailinfra.suggest_mailboxes("  ", "Smith", "acme.com", 10**30)
    assert {i.pointer for i in bad["issues"]} >= {"/firstName", "/count"}
    with pytest.raises(TypeError):
        mailinfra.suggest_mailboxes("John", "Smith", "acme.com", "3")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        mailinfra.suggest_mailboxes("John", "Smith", "acme.com", 3, exclude="john@acme.com")


def test_build_order_from_csv_rows(order: Any) -> None:
    import csv
    import io

    registrant = {k: v for k, v in order.items() if k != "domains"}
    sheet = io.StringIO(
        "domain,firstname,lastname,email\n"
        "tryoutreachteam.com,John,Smith,john.smith@tryoutreachteam.com\n"
        "tryoutreachteam.com,Jane,Doe,jane.doe@other.com\n"
    )
    r = mailinfra.build_order(registrant, csv.DictReader(sheet))
    assert r.order is not None
    assert [d["name"] for d in r.order["domains"]] == ["tryoutreachteam.com"]
    (issue,) = r.errors
    assert (issue.code, issue.row, issue.column) == ("email_domain_mismatch", 3, "email")
    assert issue.to_dict()["row"] == 3
    assert "row=3" in repr(issue)
    plain = mailinfra.check(order).issues
    assert all(i.row is None and i.column is None for i in plain)
    with pytest.raises(TypeError):
        mailinfra.build_order(registrant, [["not", "a", "mapping"]])
    deep: Any = {}
    deep["x"] = deep
    assert [i.code for i in mailinfra.build_order(deep, []).issues] == ["too_deep"]
    big = mailinfra.build_order(registrant, [{"domain": "x" * 100}], max_input_bytes=50)
    assert [i.code for i in big.issues] == ["input_too_large"]


def test_pickle_round_trip(order: Any) -> None:
    order["country"] = "uk"
    for r in (mailinfra.check(order), mailinfra.prepare(order), mailinfra.check("{")):
        r2 = pickle.loads(pickle.dumps(r))
        assert isinstance(r2, Report)
        assert r2.to_dict() == r.to_dict()
        assert r2.issues == r.issues
    for i in mailinfra.check(order).issues:
        assert pickle.loads(pickle.dumps(i)) == i
    built = mailinfra.build_order({}, [{"domain": "acme.com"}])
    assert [pickle.loads(pickle.dumps(x)) for x in built.issues] == built.issues
    e = OrderInvalid(mailinfra.check(order).errors, mailinfra.check(order))
    e2 = pickle.loads(pickle.dumps(e))
    assert e2.issues == e.issues and str(e2) == str(e)
    err = InputError("m", "/x", 3)
    err2 = pickle.loads(pickle.dumps(err))
    assert (str(err2), err2.pointer, err2.index) == ("m", "/x", 3)


def test_typing_names_load_lazily_and_are_exported() -> None:
    # `import mailinfra` does not import `typing`; every typing helper is reachable as
    # `mailinfra.<name>` and listed in `mailinfra.__all__`, and nothing else is invented.
    import subprocess
    import sys

    from mailinfra import _types

    probe = "import sys, mailinfra; print('typing' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert set(_types.__all__) <= set(mailinfra.__all__)
    with pytest.raises(AttributeError):
        getattr(mailinfra, "NoSuchType")
    for name in _types.__all__:
        assert getattr(mailinfra, name) is getattr(_types, name)
