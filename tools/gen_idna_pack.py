"""core/data/packs/unicode/idna-<first>.txt, the UTS #46 mapping and the properties its
checks read, split into packs by code-point range, and unicode/src/uts46_packs.rs, the
ranges and the packs' header (tools/gen-idna-pack.sh runs this). The mapping is the
IdnaMappingTable.txt that idna_mapping 1.1.0 ships, read as that crate's
make_uts46_mapping_table.py reads it for idna's non-transitional processing without
STD3 rules: deviation and disallowed_STD3_valid are valid, disallowed_STD3_mapped is
mapped.

A pack covers the code points `first..=last` of its range (`RANGES` below) and holds,
after the header, the lines `unicode<TAB>version`, `source<TAB>...` and
`range<TAB>first` (hex, as in its name), then a line per run of code points with one status,
in order from `first`, each starting where the last ended:
`<length, hex><status>[<mapping>]`, status `v` valid, `i` ignored, `x` disallowed, `m`
mapped to the code points that follow, each `+`/`-` the difference from the run's
first code point (so A..Z -> a..z are 26 equal lines, which gzip stores once) or, for
more than one, hex code points joined by `,`. A mapping may lead into another range:
the module then asks for that range's pack too (`uts46.rs`).

Then the line `bidi` and Bidi_Class as unicode-bidi 0.3.18 has it (its
`bidi_class_table`; L where it lists nothing), and the line `joining` and Joining_Type
as unicode-joining-type 1.0.0 has it (its `JOINING_TYPE`; U where it lists nothing,
short names D C L R T U): a line per run within the range, `<length, hex><TAB><value>`.

Then the line `scripts` and Script_Extensions as unicode-script 0.5.9 answers
`script_extension` (its `SCRIPT_EXTENSIONS`, else the Script of its `SCRIPTS`, else
Unknown), in runs the same way, a value being the scripts' short names joined by a
space, or Zyyy (Common), Zinh (Inherited) or Zzzz (Unknown: no script).

Usage: gen_idna_pack.py TABLE BIDI JOINING SCRIPTS SOURCE PACK_DIR RUST_FILE
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from packs import stamp, write_packs  # noqa: E402

# The first code point of each pack's range, each range ending where the next begins.
# Chosen by measurement (`node bindings-wasm/bench/packs.mjs` prints what each script's
# first domain downloads): a domain fetches the ranges of its code points and of what
# they map to, so the scripts of one language share a range, and the big uniform
# stretches (CJK ideographs, Hangul syllables, the supplementary planes) that cost
# little on their own are kept apart from the dense tables of the BMP's symbols and
# compatibility characters, which few domains touch.
RANGES = [
    0x0000,  # ASCII, Latin-1, Latin Extended, IPA, spacing modifiers
    0x0300,  # combining marks, Greek, Cyrillic, Armenian
    0x0590,  # Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic
    0x0900,  # the Indic scripts, Sinhala, Thai, Lao, Tibetan, Myanmar
    0x10A0,  # Georgian, Hangul Jamo, Ethiopic, Cherokee, Canadian, Ogham .. Mongolian
    0x1C80,  # Latin Extended Additional, Greek Extended, punctuation, symbols
    0x2E80,  # CJK and Kangxi radicals
    0x3000,  # CJK punctuation, kana, Bopomofo, Hangul compatibility Jamo
    0x3200,  # enclosed CJK letters, CJK compatibility
    0x3400,  # CJK Unified Ideographs and Extension A
    0xA000,  # Yi, Lisu, Vai, Cyrillic/Latin extensions, Hangul syllables
    0xF900,  # CJK compatibility ideographs, presentation forms
    0xFE00,  # variation selectors, small forms, halfwidth and fullwidth forms
    0x10000,  # the historic scripts, mathematical alphanumerics
    0x1F000,  # emoji and other symbols
    0x20000,  # CJK Extensions B.., compatibility ideographs supplement, the rest
]

path, bidi_path, joining_path, script_path, source, pack_dir, rust_file = sys.argv[1:8]
text = open(path, encoding="utf-8").read()
version = re.search(r"# Version: (\d+\.\d+\.\d+)", text).group(1)

runs = []  # [first, last, status, mapping]
for line in text.splitlines():
    line = line.split("#")[0].strip()
    if not line:
        continue
    fields = [f.strip() for f in line.split(";")]
    first, _, last = fields[0].partition("..")
    first, last = int(first, 16), int(last or first, 16)
    status = fields[1]
    mapping = None
    if status in ("mapped", "disallowed_STD3_mapped"):
        status = "m"
        mapping = tuple(int(c, 16) for c in fields[2].split())
    elif status in ("valid", "deviation", "disallowed_STD3_valid"):
        status = "v"
    elif status == "ignored":
        status = "i"
    elif status == "disallowed":
        status = "x"
    else:
        sys.exit(f"unknown status {status!r}")
    runs.append([first, last, status, mapping])

merged = []
for first, last, status, mapping in runs:
    prev = merged[-1] if merged else None
    assert first == (prev[1] + 1 if prev else 0), hex(first)
    if prev and prev[2] == status and status != "m":
        prev[1] = last
    else:
        merged.append([first, last, status, mapping])
assert merged[-1][1] == 0x10FFFF


def mapping_lines(lo, hi):
    """The mapping's runs clipped to lo..=hi."""
    out = []
    for first, last, status, mapping in merged:
        first, last = max(first, lo), min(last, hi)
        if first > last:
            continue
        line = f"{last - first + 1:x}{status}"
        if status == "m":
            if len(mapping) == 1:
                d = mapping[0] - first
                line += f"+{d:x}" if d >= 0 else f"-{-d:x}"
            else:
                line += ",".join(f"{c:x}" for c in mapping)
        out.append(line)
    return out


def per_code_point(ranges, default):
    """A value for every code point from (first, last, value) ranges, else `default`."""
    values = [default] * 0x110000
    for first, last, value in ranges:
        values[first:last + 1] = [value] * (last - first + 1)
    return values


def property_lines(values, lo, hi):
    """Runs of one value covering lo..=hi: `<length, hex><TAB><value>`."""
    out = []
    start = lo
    for cp in range(lo + 1, hi + 2):
        if cp > hi or values[cp] != values[start]:
            out.append(f"{cp - start:x}\t{values[start]}")
            start = cp
    return out


bidi_text = open(bidi_path, encoding="utf-8").read()
bidi_table = bidi_text.split("bidi_class_table")[1].split("];")[0]
bidi = [
    (int(a, 16), int(b, 16), v)
    for a, b, v in re.findall(r"\('\\u\{([0-9a-f]+)\}',\s*'\\u\{([0-9a-f]+)\}',\s*(\w+)\)", bidi_table)
]
assert len(bidi) > 1000
bidi = per_code_point(bidi, "L")

SHORT = {"DualJoining": "D", "JoinCausing": "C", "LeftJoining": "L", "NonJoining": "U",
         "RightJoining": "R", "Transparent": "T"}
joining_text = open(joining_path, encoding="utf-8").read()
joining_table = joining_text.split("pub const JOINING_TYPE")[1].split("];")[0]
joining = [
    (int(a), int(b), SHORT[v])
    for a, b, v in re.findall(r"\((\d+),\s*(\d+),\s*JoiningType::(\w+)\)", joining_table)
]
assert len(joining) > 100
joining = per_code_point(joining, "U")

script_text = open(script_path, encoding="utf-8").read()
SHORT_NAMES = dict(re.findall(r"Script::(\w+) => \"(\w{4})\"", script_text.split("fn inner_short_name")[1]))
RANGE = r"\('\\u\{([0-9a-f]+)\}',\s*'\\u\{([0-9a-f]+)\}',\s*"
scripts = ["Zzzz"] * 0x110000
table = script_text.split("const SCRIPTS:")[1].split("];")[0]
for a, b, name in re.findall(RANGE + r"Script::(\w+)\)", table):
    scripts[int(a, 16):int(b, 16) + 1] = [SHORT_NAMES[name]] * (int(b, 16) - int(a, 16) + 1)
table = script_text.split("const SCRIPT_EXTENSIONS:")[1].split("];")[0]
extensions = re.findall(RANGE + r"script_extensions::(\w+)\)", table)
assert len(extensions) > 100
known = set(SHORT_NAMES.values()) - {"Zyyy", "Zinh", "Zzzz"}
for a, b, name in extensions:
    # The constants of sets are named by their scripts' short names: AGHB_LATN_TODR.
    names = [n.capitalize() for n in name.split("_")]
    assert set(names) <= known, name
    scripts[int(a, 16):int(b, 16) + 1] = [" ".join(names)] * (int(b, 16) - int(a, 16) + 1)

assert RANGES[0] == 0 and RANGES == sorted(set(RANGES)) and len(RANGES) <= 64
bodies = {}
for i, lo in enumerate(RANGES):
    hi = RANGES[i + 1] - 1 if i + 1 < len(RANGES) else 0x10FFFF
    lines = [f"unicode\t{version}", f"source\t{source}", f"range\t{lo:04X}"]
    lines += mapping_lines(lo, hi)
    lines += ["bidi"] + property_lines(bidi, lo, hi)
    lines += ["joining"] + property_lines(joining, lo, hi)
    lines += ["scripts"] + property_lines(scripts, lo, hi)
    bodies[f"idna-{lo:04X}"] = "\n".join(lines) + "\n"

# One header for every pack, naming this generation (a hash of them all): the module
# refuses a pack whose first line is not its own (`PACK_HEADER`).
header, packs = stamp("by tools/gen-idna-pack.sh (mailinfra-unicode, `uts46.rs`)", bodies)
write_packs(Path(pack_dir), packs)
rust = [
    "// @generated by tools/gen-idna-pack.sh — do not edit",
    "/// The first line of every `unicode/idna-*` pack of this build: a pack whose first",
    "/// line differs is from another generation, and `load` refuses it.",
    f"pub const PACK_HEADER: &str = {json.dumps(header, ensure_ascii=False)};",
    "",
    "/// Each pack's name and the first code point of its range; a range ends where the",
    "/// next begins, the last at U+10FFFF.",
    f"pub const PACKS: [(u32, &str); {len(RANGES)}] = [",
    *(f'    (0x{lo:X}, "unicode/idna-{lo:04X}"),' for lo in RANGES),
    "];",
    "",
    "/// The packs' texts, in the order of `PACKS`.",
    '#[cfg(feature = "embedded-data")]',
    f"pub const EMBEDDED: [&str; {len(RANGES)}] = [",
    *(f'    include_str!("../../core/data/packs/unicode/idna-{lo:04X}.txt"),' for lo in RANGES),
    "];",
]
Path(rust_file).write_text("\n".join(rust) + "\n", encoding="utf-8")
