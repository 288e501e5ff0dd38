#!/usr/bin/env python3
"""Write core/src/data/phone.rs and the phone packs core/data/packs/phone/<REGION>.txt
from libphonenumber's metadata as shipped in the pinned `phonenumbers` wheel
(libphonenumber's Python port; its `data/` modules are the metadata libphonenumber's
build makes from PhoneNumberMetadata.xml, and its parser is the reference of
tests/reference/phone.py).

phone.rs keeps what says which packs a number needs: the calling codes, their regions
and each region's leading digits. A pack holds one region's rules (the format is
described in core/src/data/pack.rs); a non-geographic entity's pack is named by its
calling code (`phone/800`).

Usage: python3 tools/gen_phone.py DIR   (DIR holds the unpacked wheel; tools/gen-data.sh)

Only what parsing and validity read is kept: per region the calling code, the
international prefix, the national prefix for parsing and its transform rule, the
leading digits (regions sharing a calling code), the general description (pattern,
possible lengths, local-only lengths) and the number types that make a number valid.
Mobile is left out where its pattern equals fixed line's (libphonenumber then never
tests it), as are types without numbers (no pattern or possible length -1). Patterns
are stored as written; the core anchors them for their use.
Also the zero of every run of Unicode decimal digits (category Nd), which the parser
reads as digits.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from packs import stamp, write_packs

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "core" / "src" / "data" / "phone.rs"
PACKS = ROOT / "core" / "data" / "packs" / "phone"
TYPES = ("fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost",
         "personal_number", "voip", "pager", "uan", "voicemail")


def fail(msg: str) -> None:
    sys.exit(f"gen_phone.py: error: {msg}")


def pattern(p: str | None) -> str:
    """A pattern as a pack writes it (`""`: none); the core anchors it for its use."""
    if p and any(c.isspace() for c in p):
        fail(f"unexpected pattern {p!r}")
    return p or ""


def lengths(values) -> int:
    mask = 0
    for n in values:
        if not 0 < n < 32:
            fail(f"possible length {n} does not fit the bit set")
        mask |= 1 << n
    return mask


def desc(d) -> tuple[str, str] | None:
    """(lengths, pattern), or None for a type without numbers."""
    if d is None or not d.national_number_pattern or tuple(d.possible_length) == (-1,):
        return None
    return f"{lengths(d.possible_length):x}", pattern(d.national_number_pattern)


def region(rid: str, md) -> str:
    """One region's pack after its header: `key<TAB>value` lines in a fixed order, then
    a `type` line per number type that makes a number valid."""
    g = md.general_desc
    if not g.possible_length or list(g.possible_length) != sorted(g.possible_length):
        fail(f"{rid}: general possible lengths {g.possible_length}")
    general = desc(g)
    if general is None:
        fail(f"{rid}: no general description")
    rule = md.national_prefix_transform_rule or None
    npp = md.national_prefix_for_parsing or None
    if rule is not None:
        if npp is None or re.compile(npp).groups == 0:
            fail(f"{rid}: transform rule without capturing groups")
        if not re.fullmatch(r"(?:\\[1-9]|\d)+", rule):
            fail(f"{rid}: transform rule {rule!r} beyond digits and \\N")
    types: list[tuple[str, str]] = []
    for t in TYPES:
        if t == "mobile" and md.same_mobile_and_fixed_line_pattern:
            continue  # libphonenumber's type check skips mobile then
        d = desc(getattr(md, t))
        if d is not None and d not in types:
            types.append(d)
    lines = [
        f"code\t{md.country_code}",
        f"idd\t{pattern(md.international_prefix)}",
        f"npp\t{pattern(npp)}",
        f"rule\t{rule or ''}",
        f"general\t{general[0]}\t{lengths(g.possible_length_local_only):x}\t{general[1]}",
        *(f"type\t{n}\t{p}" for n, p in types),
    ]
    return "\n".join(lines) + "\n"


def repr_rs(s: str) -> str:
    assert "\n" not in s, s
    out = '"'
    for c in s:
        if c in '"\\':
            out += "\\" + c
        elif 32 <= ord(c) < 127:
            out += c
        else:
            out += f"\\u{{{ord(c):x}}}"
    return out + '"'


def digit_zeros() -> list[int]:
    """The first code point of each run of ten non-ASCII decimal digits."""
    zeros = []
    for cp in range(0x80, sys.maxunicode + 1):
        c = chr(cp)
        if unicodedata.category(c) == "Nd":
            v = unicodedata.digit(c)
            if v == 0:
                if any(unicodedata.digit(chr(cp + i), -1) != i for i in range(10)):
                    fail(f"digits at U+{cp:04X} are not a run of ten")
                zeros.append(cp)
            elif cp - v not in zeros:
                fail(f"U+{cp:04X} is not in a run of ten digits")
    return zeros


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    wheel = Path(sys.argv[1]).resolve()
    sys.path.insert(0, str(wheel))
    import phonenumbers
    from phonenumbers import PhoneMetadata

    if not Path(phonenumbers.__file__).resolve().is_relative_to(wheel):
        fail(f"imported {phonenumbers.__file__}, not the wheel under {wheel}")
    version = phonenumbers.__version__

    regions: list[tuple[str, str]] = []
    packs: dict[str, str] = {}
    codes: list[str] = []
    ids: list[tuple[str, int]] = []
    for cc in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE):
        names = phonenumbers.COUNTRY_CODE_TO_REGION_CODE[cc]
        codes.append(f"    ({cc}, {len(regions)}, {len(names)}),")
        for rid in names:
            if rid == "001":
                md = PhoneMetadata.metadata_for_nongeo_region(cc)
                pack = str(cc)
            else:
                md = PhoneMetadata.metadata_for_region(rid)
                ids.append((rid, len(regions)))
                pack = rid
            if md is None or md.country_code != cc:
                fail(f"{rid}: no metadata for calling code {cc}")
            if pack in packs:
                fail(f"two regions named {pack}")
            packs[pack] = region(rid, md)
            regions.append((pack, pattern(md.leading_digits)))
    ids.sort()
    zeros = digit_zeros()
    header, packs = stamp(f"by tools/gen_phone.py from phonenumbers {version}", packs)

    lines = [
        f"// @generated by tools/gen_phone.py from the phonenumbers {version} wheel — do not edit.",
        "",
        "/// The metadata release these tables were generated from.",
        # phonenumbers takes its version number from the libphonenumber release it ports.
        f'pub const PHONE_SOURCE: &str = "libphonenumber {version} metadata (PyPI phonenumbers '
        f'{version} wheel; Unicode {unicodedata.unidata_version} digits)";',
        "",
        "/// Every territory, grouped by calling code, the code's main region first: its",
        "/// pack (`phone/<name>`) and its leading digits (a prefix pattern, `\"\"`: none), which",
        "/// say which of the regions sharing a code a number belongs to before any pack is read.",
        "pub static PHONE_REGIONS: &[(&str, &str)] = &[",
        *(f"    ({repr_rs(name)}, {repr_rs(lead)})," for name, lead in regions),
        "];",
        "",
        "/// The first line of every phone pack of this generation (`load_pack` checks it).",
        f"pub const PHONE_PACK_HEADER: &str = {repr_rs(header)};",
        "",
        "/// Each region's pack, in `PHONE_REGIONS` order.",
        '#[cfg(feature = "embedded-data")]',
        "pub static PHONE_PACKS: &[&str] = &[",
        *(f'    include_str!("../../data/packs/phone/{name}.txt"),' for name, _ in regions),
        "];",
        "",
        "/// (calling code, first index in `PHONE_REGIONS`, count), sorted by code.",
        "pub static PHONE_CODES: &[(u16, u16, u8)] = &[",
        *codes,
        "];",
        "",
        "/// (region id, index in `PHONE_REGIONS`), sorted by id; non-geographic entities excluded.",
        "pub static PHONE_IDS: &[(&str, u16)] = &[",
        *(f'    ("{rid}", {i}),' for rid, i in ids),
        "];",
        "",
        "/// The zero of every run of ten non-ASCII decimal digits (Unicode category Nd), sorted.",
        "pub static PHONE_DIGIT_ZEROS: &[u32] = &[",
        *(f"    {', '.join(f'{z:#x}' for z in zeros[i:i + 8])}," for i in range(0, len(zeros), 8)),
        "];",
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    PACKS.mkdir(parents=True, exist_ok=True)
    for old in PACKS.glob("*.txt"):
        old.unlink()
    for name, text in packs.items():
        (PACKS / f"{name}.txt").write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {OUT.relative_to(ROOT)}: phonenumbers {version}, {len(regions)} regions, "
          f"{len(codes)} calling codes, {len(zeros)} digit runs; {len(packs)} packs in "
          f"{PACKS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
