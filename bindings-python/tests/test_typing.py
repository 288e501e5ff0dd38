"""The typing surface: mypy --strict accepts the usage file and rejects misuse; the
IssueCode Literal matches the core's vocabulary."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import typing
from pathlib import Path

import pytest

import mailinfra

HERE = Path(__file__).resolve().parent
CACHE = HERE.parent / ".venv" / "mypy-cache"


def mypy(*args: str) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(CACHE), *args],
        capture_output=True,
        text=True,
        cwd=HERE,
    )


def test_issue_code_literal_equals_core_vocabulary() -> None:
    from mailinfra import IssueCode, Severity

    assert list(typing.get_args(IssueCode)) == mailinfra.issue_codes()
    assert set(typing.get_args(Severity)) == {"error", "warning"}


def test_usage_file_runs() -> None:
    sys.path.insert(0, str(HERE))
    try:
        import typing_usage

        assert typing_usage.main() == 0
    finally:
        sys.path.remove(str(HERE))


def test_mypy_strict_accepts_usage_file() -> None:
    r = mypy("typing_usage.py")
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize(
    "snippet, expected",
    [
        ("mailinfra.check({}, max_domain=3)", 'Unexpected keyword argument "max_domain"'),
        ("mailinfra.check({}, allow_idn='no')", "incompatible type"),
        ("x: int = mailinfra.check({}).valid_", 'has no attribute "valid_"'),
        ("c: mailinfra.IssueCode = 'not_a_code'", "Incompatible types"),
        ("o: mailinfra.Order = {'country': 'US'}", "Missing keys"),
        ("mailinfra.check({}).issues[0].code = 'blank'", "read-only"),
        ("mailinfra.check(3.5)", "incompatible type"),
    ],
)
def test_mypy_strict_rejects_misuse(tmp_path: Path, snippet: str, expected: str) -> None:
    f = tmp_path / "misuse.py"
    f.write_text(textwrap.dedent(f"import mailinfra\n{snippet}\n"))
    r = mypy(str(f))
    assert r.returncode == 1, r.stdout + r.stderr
    assert expected in r.stdout, r.stdout
