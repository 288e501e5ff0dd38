"""core/data/packs/unicode/idna.txt, the UTS #46 mapping as a data pack, from the
IdnaMappingTable.txt that idna_mapping 1.1.0 ships (tools/gen-idna-pack.sh), read as
that crate's make_uts46_mapping_table.py reads it for idna's non-transitional
processing without STD3 rules: deviation and disallowed_STD3_valid are valid,
disallowed_STD3_mapped is mapped.

A line per run of code points with one status, in order from U+0000, each starting
where the last ended: `<length, hex><status>[<mapping>]`, status `v` valid, `i`
ignored, `x` disallowed, `m` mapped to the code points that follow, each `+`/`-` the
difference from the run's first code point (so A..Z -> a..z are 26 equal lines, which
gzip stores once) or, for more than one, hex code points joined by `,`.

Then the line `bidi` and Bidi_Class as unicode-bidi 0.3.18 has it (its
`bidi_class_table`; L where it lists nothing), and the line `joining` and Joining_Type
as unicode-joining-type 1.0.0 has it (its `JOINING_TYPE`; U where it lists nothing,
short names D C L R T U): a line per run, `<length, hex><TAB><value>`.

Then the line `scripts` and Script_Extensions as unicode-script 0.5.9 answers
`script_extension` (its `SCRIPT_EXTENSIONS`, else the Script of its `SCRIPTS`, else
Unknown), in runs the same way, a value being the scripts' short names joined by a
space, or Zyyy (Common), Zinh (Inherited) or Zzzz (Unknown: no script).
"""
import hashlib
import re
import sys

path, bidi_path, joining_path, script_path, source = sys.argv[1:6]
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

out = [
    f"unicode\t{version}",
    f"source\t{source}",
]
for first, last, status, mapping in merged:
    line = f"{last - first + 1:x}{status}"
    if status == "m":
        if len(mapping) == 1:
            d = mapping[0] - first
            line += f"+{d:x}" if d >= 0 else f"-{-d:x}"
        else:
            line += ",".join(f"{c:x}" for c in mapping)
    out.append(line)


def property_runs(ranges, default):
    """Runs of one value covering U+0000..U+10FFFF from sorted (first, last, value)."""
    runs = []
    at = 0
    for first, last, value in sorted(ranges) + [(0x110000, 0x110000, None)]:
        assert first >= at, hex(first)
        if first > at:
            runs.append([at, first - 1, default])
        if value is not None:
            runs.append([first, last, value])
        at = last + 1
    merged = []
    for run in runs:
        if merged and merged[-1][2] == run[2]:
            merged[-1][1] = run[1]
        else:
            merged.append(run)
    return [f"{last - first + 1:x}\t{value}" for first, last, value in merged]


bidi_text = open(bidi_path, encoding="utf-8").read()
bidi_table = bidi_text.split("bidi_class_table")[1].split("];")[0]
bidi = [
    (int(a, 16), int(b, 16), v)
    for a, b, v in re.findall(r"\('\\u\{([0-9a-f]+)\}',\s*'\\u\{([0-9a-f]+)\}',\s*(\w+)\)", bidi_table)
]
assert len(bidi) > 1000
out.append("bidi")
out += property_runs(bidi, "L")

SHORT = {"DualJoining": "D", "JoinCausing": "C", "LeftJoining": "L", "NonJoining": "U",
         "RightJoining": "R", "Transparent": "T"}
joining_text = open(joining_path, encoding="utf-8").read()
joining_table = joining_text.split("pub const JOINING_TYPE")[1].split("];")[0]
joining = [
    (int(a), int(b), SHORT[v])
    for a, b, v in re.findall(r"\((\d+),\s*(\d+),\s*JoiningType::(\w+)\)", joining_table)
]
assert len(joining) > 100
out.append("joining")
out += property_runs(joining, "U")
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
out.append("scripts")
out += property_runs([(cp, cp, v) for cp, v in enumerate(scripts)], "Zzzz")
# The first line names this generation (a hash of the rest): the module refuses a pack
# whose first line is not its own (`PACK_HEADER`, written beside it by gen-idna-pack.sh).
body = "\n".join(out) + "\n"
data = hashlib.sha256(body.encode()).hexdigest()[:12]
sys.stdout.write(
    "# The UTS #46 mapping (mailinfra-unicode, `uts46.rs`), generated by "
    f"tools/gen-idna-pack.sh (data {data}); do not edit.\n" + body
)
