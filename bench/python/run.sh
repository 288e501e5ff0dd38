#!/usr/bin/env bash
# Benchmark of the Python package against the pure-Python stack (see bench.py and
# docs/benchmarks-python.md). Creates bench/python/.venv, installs the pinned
# pure-Python stack and mailinfra (pip install ./bindings-python, a release build),
# then runs bench.py. ROUNDS and SECONDS_PER_ROUND tune the measurement.
set -euo pipefail
cd "$(dirname "$0")"
[[ -x .venv/bin/python ]] || "${PYTHON:-python3}" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
.venv/bin/python -m pip install -q --disable-pip-version-check --force-reinstall --no-deps ../../bindings-python
exec .venv/bin/python bench.py "$@"
