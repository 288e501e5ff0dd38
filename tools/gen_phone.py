#!/usr/bin/env python3
"""Write core/src/data/phone.rs from libphonenumber's metadata as shipped in the pinned
`phonenumbers` wheel (libphonenumber's Python port; its `data/` modules are the metadata
libphonenumber's build makes from PhoneNumberMetadata.xml, and its parser is the
reference of tests/reference/phone.py).

Usage: python3 tools/gen_phone.py DIR   (DIR holds the unpacked wheel; tools/gen-data.sh)

Only what parsing and validity read is kept: per region the calling code, the
international prefix, the national prefix for parsing and its transform rule, the
leading digits (regions sharing a calling code), the general description (pattern,
possible lengths, local-only lengths) and the number types that make a number valid.
Mobile is left out where its pattern equals fixed line's (libphonenumber then never
tests it), as are types without numbers (no pattern or possible length -1). Patterns
are stored anchored for their use: `^(?:p)$` for a full match, `^(?:p)` for a prefix.
Also the zero of every run of Unicode decimal digits (category Nd), which the parser
reads as digits.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "core" / "src" / "data" / "phone.rs"
TYPES = ("fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost",
         "personal_number", "voip", "pager", "uan", "voicemail")


def fail(msg: str) -> None:
    sys.exit(f"gen_phone.py: error: {msg}")


class Patterns:
    def __init__(self) -> None:
        self.items: list[str] = []
        self.index: dict[str, int] = {}

    def add(self, pattern: str, full: bool) -> int:
        if not pattern or any(c.isspace() for c in pattern):
            fail(f"unexpected pattern {pattern!r}")
        anchored = f"^(?:{pattern})$" if full else f"^(?:{pattern})"
        if anchored not in self.index:
            self.index[anchored] = len(self.items)
            self.items.append(anchored)
        return self.index[anchored]


def lengths(values) -> int:
    mask = 0
    for n in values:
        if not 0 < n < 32:
            fail(f"possible length {n} does not fit the bit set")
        mask |= 1 << n
    return mask


def desc(p: Patterns, d) -> str | None:
    """`D::new(pattern, lengths)`, or None for a type without numbers."""
    if d is None or not d.national_number_pattern or tuple(d.possible_length) == (-1,):
        return None
    return f"D::new({p.add(d.national_number_pattern, True)}, {lengths(d.possible_length):#x})"


def region(p: Patterns, rid: str, md) -> str:
    def opt(pattern: str | None) -> str:
        return "None" if not pattern else f"Some({p.add(pattern, False)})"

    g = md.general_desc
    if not g.possible_length or list(g.possible_length) != sorted(g.possible_length):
        fail(f"{rid}: general possible lengths {g.possible_length}")
    general = desc(p, g)
    if general is None:
        fail(f"{rid}: no general description")
    rule = md.national_prefix_transform_rule or None
    npp = md.national_prefix_for_parsing or None
    if rule is not None:
        if npp is None or re.compile(npp).groups == 0:
            fail(f"{rid}: transform rule without capturing groups")
        if not re.fullmatch(r"(?:\\[1-9]|\d)+", rule):
            fail(f"{rid}: transform rule {rule!r} beyond digits and \\N")
    types: list[str] = []
    for t in TYPES:
        if t == "mobile" and md.same_mobile_and_fixed_line_pattern:
            continue  # libphonenumber's type check skips mobile then
        d = desc(p, getattr(md, t))
        if d is not None and d not in types:
            types.append(d)
    return (
        f"    R {{ code: {md.country_code}, leading_digits: {opt(md.leading_digits)}, "
        f"international_prefix: {opt(md.international_prefix)}, "
        f"national_prefix_for_parsing: {opt(npp)}, "
        f"national_prefix_transform_rule: {'None' if rule is None else f'Some({repr_rs(rule)})'}, "
        f"general: {general}, general_local_lengths: {lengths(g.possible_length_local_only):#x}, "
        f"types: &[{', '.join(types)}] }}, // {rid}"
    )


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

    p = Patterns()
    regions: list[str] = []
    codes: list[str] = []
    ids: list[tuple[str, int]] = []
    for cc in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE):
        names = phonenumbers.COUNTRY_CODE_TO_REGION_CODE[cc]
        codes.append(f"    ({cc}, {len(regions)}, {len(names)}),")
        for rid in names:
            if rid == "001":
                md = PhoneMetadata.metadata_for_nongeo_region(cc)
            else:
                md = PhoneMetadata.metadata_for_region(rid)
                ids.append((rid, len(regions)))
            if md is None or md.country_code != cc:
                fail(f"{rid}: no metadata for calling code {cc}")
            regions.append(region(p, rid, md))
    ids.sort()
    zeros = digit_zeros()

    lines = [
        f"// @generated by tools/gen_phone.py from the phonenumbers {version} wheel — do not edit.",
        "",
        "use super::{PhoneDesc as D, PhoneRegion as R};",
        "",
        "/// The metadata release these tables were generated from.",
        # phonenumbers takes its version number from the libphonenumber release it ports.
        f'pub const PHONE_SOURCE: &str = "libphonenumber {version} metadata (PyPI phonenumbers '
        f'{version} wheel; Unicode {unicodedata.unidata_version} digits)";',
        "",
        "/// Number of distinct patterns (the size of the lazy compile cache).",
        f"pub const PHONE_PATTERN_COUNT: usize = {len(p.items)};",
        "",
        "/// Every distinct pattern, anchored: `^(?:p)$` full match, `^(?:p)` prefix match;",
        "/// one a line, in index order (one string: an array of `&str` would carry 8 bytes",
        "/// of pointer and length per pattern in wasm).",
        "pub static PHONE_PATTERNS: &str = \"\\",
        *(repr_rs(s)[1:-1] for s in p.items[:-1]),
        repr_rs(p.items[-1])[1:-1] + '";',
        "",
        "/// Every territory, grouped by calling code, the code's main region first.",
        "pub static PHONE_REGIONS: &[R] = &[",
        *regions,
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
    print(f"wrote {OUT.relative_to(ROOT)}: phonenumbers {version}, {len(regions)} regions, "
          f"{len(codes)} calling codes, {len(p.items)} patterns, {len(zeros)} digit runs")


if __name__ == "__main__":
    main()
