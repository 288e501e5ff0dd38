"""The Python package's side of tests/parity/run: one order per stdin line, parsed
with json.loads (a dict, as an operator's script has), one {"check", "prepare"} line
per order, each report as the plain data the core's JSON would be."""
import json
import sys

import mailinfra


def plain(report, with_order):
    out = {"valid": report.valid, "issues": [i.to_dict() for i in report.issues]}
    if with_order and report.order is not None:
        out["order"] = report.order
    return out


for line in sys.stdin:
    order = json.loads(line)
    # A str argument is JSON text in the package's API, so a top-level string order
    # goes in as its own JSON text (the line), which parses back to the string.
    if isinstance(order, str):
        order = line
    c = mailinfra.check(order)
    p = mailinfra.prepare(order)
    sys.stdout.write(json.dumps({"check": plain(c, False), "prepare": plain(p, True)}, ensure_ascii=False) + "\n")
