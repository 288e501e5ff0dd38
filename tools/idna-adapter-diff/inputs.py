"""Inputs for run.sh: every source, ToUnicode and ToASCII column of Unicode's
IdnaTestV2.txt (as shipped in the idna crate), plus each upper-cased, with `.com`
appended, under `a.`, with ideographic full stops, in NFD and in NFKC."""
import glob
import re
import sys
import unicodedata

path = glob.glob(sys.argv[1] + "/idna-1.1.0/tests/IdnaTestV2.txt")[0]


def unescape(x):
    x = re.sub(r"\\x\{([0-9A-Fa-f]+)\}", lambda m: chr(int(m.group(1), 16)), x)
    return re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), x)


def ok(s):
    return s and "\n" not in s and not any(0xD800 <= ord(c) <= 0xDFFF for c in s)


inputs = set()
for line in open(path, encoding="utf-8"):
    line = line.split("#")[0].strip()
    if line:
        cols = [unescape(c.strip()) for c in line.split(";")]
        inputs.update(c for c in cols[:5:2] if ok(c))
for s in list(inputs):
    for m in (s.upper(), s + ".com", "a." + s, s.replace(".", "\u3002"),
              unicodedata.normalize("NFD", s), unicodedata.normalize("NFKC", s)):
        if ok(m):
            inputs.add(m)
sys.stdout.write("\n".join(sorted(inputs)) + "\n")
