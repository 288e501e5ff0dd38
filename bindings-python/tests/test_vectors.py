"""Every conformance vector in tests/vectors/*.json through the Python API, with the
same expectations as the Rust runner (core/tests/vectors.rs)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

import mailinfra

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"

OPTION_NAMES = {
    "maxDomains": "max_domains",
    "maxMailboxesPerDomain": "max_mailboxes_per_domain",
    "maxInputBytes": "max_input_bytes",
    "allowedTlds": "allowed_tlds",
    "allowIdn": "allow_idn",
    "warningsAsErrors": "warnings_as_errors",
}

def load() -> List[Any]:
    params = []
    files = sorted(VECTORS.glob("*.json"))
    assert files, f"no vector files in {VECTORS}"
    for f in files:
        doc = json.loads(f.read_text(encoding="utf-8"))
        vectors = doc["vectors"]
        assert vectors, f"{f.name} has no vectors"
        for v in vectors:
            params.append(pytest.param(v, id=f"{f.name}::{v['name']}"))
    return params


PARAMS = load()


def test_vector_count() -> None:
    assert len(PARAMS) >= 300
    ids = [p.id for p in PARAMS]
    assert len(ids) == len(set(ids)), "duplicate vector names within a file"


def project(actual: mailinfra.Issue, expected: Any) -> Dict[str, Any]:
    out: Dict[str, Any] = {
        "pointer": actual.pointer,
        "code": actual.code,
        "severity": actual.severity,
    }
    if isinstance(expected, dict) and "suggestion" in expected:
        out["suggestion"] = actual.suggestion
    return out


def compare_issues(actual: List[mailinfra.Issue], expected: List[Any]) -> None:
    got = [project(a, expected[i] if i < len(expected) else None) for i, a in enumerate(actual)]
    assert got == expected, (
        "issues differ\n  expected "
        + json.dumps(expected, ensure_ascii=False)
        + "\n  actual   "
        + json.dumps([i.to_dict() for i in actual], ensure_ascii=False)
    )


def as_value(x: Any) -> Any:
    # A JSON *string* value cannot be passed as such: a str is JSON text to the
    # Python API. Its JSON text (a quoted string) parses back to the same value.
    return json.dumps(x) if isinstance(x, str) else x


@pytest.mark.parametrize("v", PARAMS)
def test_vector(v: Dict[str, Any]) -> None:
    opts = {OPTION_NAMES[k]: val for k, val in v.get("options", {}).items()}
    mode = v["mode"]
    data = v["input"]
    expect = v["expect"]
    if mode in ("check", "prepare", "check_json", "prepare_json"):
        if mode == "check":
            report = mailinfra.check(as_value(data), **opts)
        elif mode == "prepare":
            report = mailinfra.prepare(as_value(data), **opts)
        else:
            assert isinstance(data, str), "text modes take a string input"
            fn = mailinfra.check if mode == "check_json" else mailinfra.prepare
            report = fn(data, **opts)
            # bytes take the same path as str
            again = fn(data.encode("utf-8", "surrogatepass"), **opts)
            assert again.to_dict() == report.to_dict()
        assert report.valid == expect["valid"]
        compare_issues(report.issues, expect["issues"])
        if "order" in expect:
            # Key order counts too.
            assert json.dumps(report.order, ensure_ascii=False) == json.dumps(
                expect["order"], ensure_ascii=False
            )
        if mode.startswith("check"):
            assert report.order is None
    elif mode == "check_field" and "error" in expect:
        with pytest.raises(ValueError) as raised:
            mailinfra.check_field(as_value(data), v["pointer"], **opts)
        if expect.get("nearest") is not None:
            assert json.dumps(expect["nearest"]) in str(raised.value)
    elif mode == "check_field":
        issues = mailinfra.check_field(as_value(data), v["pointer"], **opts)
        compare_issues(issues, expect["issues"])
    elif mode == "suggest":
        s = mailinfra.suggest_mailboxes(
            data.get("firstName", ""),
            data.get("lastName", ""),
            data.get("domain", ""),
            data.get("count", 0),
            esp=data.get("esp"),
            exclude=data.get("exclude", []),
        )
        assert s["addresses"] == expect["addresses"]
        compare_issues(s["issues"], expect["issues"])
    elif mode == "build":
        report = mailinfra.build_order(
            data["registrant"], data["rows"], esp=data.get("esp"), plan=data.get("plan"), **opts
        )
        assert report.valid == expect["valid"]
        got = [
            {
                "pointer": i.pointer,
                "code": i.code,
                "severity": i.severity,
                "row": i.row,
                "column": i.column,
            }
            for i in report.issues
        ]
        assert got == expect["issues"]
        if "order" in expect:
            assert json.dumps(report.order, ensure_ascii=False) == json.dumps(
                expect["order"], ensure_ascii=False
            )
    elif mode in ("to_ascii", "to_unicode"):
        fn2 = mailinfra.domain_to_ascii if mode == "to_ascii" else mailinfra.domain_to_unicode
        assert {"output": fn2(data)} == expect
    else:
        pytest.fail(f"unknown vector mode {mode!r}: the Python surface does not support it")
