#!/usr/bin/env bash
# The Python package's suite: installs what is missing (python3-venv on Debian, a
# venv with pinned maturin/pytest/mypy), builds and installs the package the way our
# tooling does (`pip install ./bindings-python`), then runs pytest over every test
# (the conformance vectors included) and mypy --strict over the typed usage file.
# Any step that cannot run fails the script; nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")"

MATURIN=maturin==1.16.0
PYTEST=pytest==9.2.0
MYPY=mypy==2.4.1
# The pydantic extra and the FastAPI test app (Starlette's TestClient runs on httpx2).
PYDANTIC=pydantic==2.14.3
FASTAPI=fastapi==0.163.2
HTTPX=httpx2==2.16.2
# A JSON Schema validator for the order schema the package ships (test_schema.py).
JSONSCHEMA=jsonschema==4.26.0
PY="${PYTHON:-python3}"
VENV=.venv

step() { printf '\n==> python: %s\n' "$*"; }
die() { echo "bindings-python/test.sh: $*" >&2; exit 1; }

step "toolchain"
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup"
if ! command -v "$PY" >/dev/null; then
  command -v apt-get >/dev/null || die "$PY not found and no apt-get to install it"
  apt-get update -qq && apt-get install -y -qq python3 python3-venv python3-pip >/dev/null
fi
"$PY" -c 'import sys; assert sys.version_info >= (3, 9), sys.version' ||
  die "Python 3.9 or newer is required"
"$PY" --version

step "virtual environment ($VENV)"
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
  rm -rf "$VENV"
  if ! "$PY" -m venv "$VENV" 2>/dev/null; then
    # Debian's python3 ships venv/ensurepip separately.
    command -v apt-get >/dev/null || die "'$PY -m venv' failed and there is no apt-get"
    rm -rf "$VENV"
    apt-get update -qq
    minor="$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    apt-get install -y -qq "python$minor-venv" >/dev/null 2>&1 ||
      apt-get install -y -qq python3-venv >/dev/null
    "$PY" -m venv "$VENV"
  fi
fi
VPY="$PWD/$VENV/bin/python"
"$VPY" -m pip install -q --disable-pip-version-check "$MATURIN" "$PYTEST" "$MYPY" "$PYDANTIC" "$FASTAPI" "$HTTPX" "$JSONSCHEMA"

step "build and install (pip install ./bindings-python, release wheel via maturin)"
"$VPY" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps .
# The installed package, not the source tree, must be what the tests import.
(cd / && "$VPY" -c 'import mailinfra, sys; f = mailinfra._mailinfra.__file__; print("installed:", f); assert "site-packages" in f, f')

step "pytest (conformance vectors, API, hostile input, typing, pydantic, FastAPI)"
set +e
"$VPY" -m pytest -q -p no:cacheprovider tests
rc=$?
set -e
[[ $rc -eq 5 ]] && die "pytest collected no tests"
[[ $rc -eq 0 ]] || die "pytest failed (exit $rc)"

step "mypy --strict over the typed usage file and the FastAPI example"
"$VPY" -m mypy --strict --cache-dir "$VENV/mypy-cache" tests/typing_usage.py ../examples/fastapi_app.py
