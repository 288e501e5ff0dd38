#!/usr/bin/env python3
"""Where the bytes of a wasm module go: function-body bytes grouped by crate (from
the name section, so run it on the cargo output before wasm-bindgen strips names)
plus the data segments, each also as a standalone gzip -9 size.

Usage: bench/wasm-breakdown.py target/wasm32-unknown-unknown/wasm-release/mailinfra_wasm.wasm
"""
import collections
import gzip
import re
import sys

from wasmfile import leb, sections


def crate_of(name):
    # Demangled-ish names: "<a::b as c::d>::f", "core::fmt::...", "_ZN4core3fmt...",
    # "_RNvNtCs..._4core3fmt..."
    m = re.match(r"_ZN(\d+)(\w+)", name)
    if m:
        return m.group(2)[: int(m.group(1))]
    m = re.match(r"_R\w*?Cs[0-9A-Za-z]*_(\d+)", name)  # v0 mangling: crate root
    if m:
        start = m.end()
        return name[start : start + int(m.group(1))]
    name = name.lstrip("<&*")
    name = re.sub(r"^(dyn |mut |impl )", "", name)
    return re.split(r"::|<| ", name)[0] or "?"


def main(path):
    b = open(path, "rb").read()
    imports = 0
    bodies, names, data = [], {}, []
    for sid, s in sections(b):
        if sid == 2:  # imports: count function imports (they take function indices)
            n, i = leb(s, 0)
            for _ in range(n):
                for _ in range(2):
                    l, i = leb(s, i)
                    i += l
                kind = s[i]
                i += 1
                if kind == 0:
                    _, i = leb(s, i)
                    imports += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(s, i)
                    _, i = leb(s, i)
                    if flags & 1:
                        _, i = leb(s, i)
                elif kind == 2:
                    flags, i = leb(s, i)
                    _, i = leb(s, i)
                    if flags & 1:
                        _, i = leb(s, i)
                else:
                    i += 2
        elif sid == 10:
            n, i = leb(s, 0)
            for _ in range(n):
                size, j = leb(s, i)
                bodies.append(s[j : j + size])
                i = j + size
        elif sid == 11:
            n, i = leb(s, 0)
            for _ in range(n):
                flag, i = leb(s, i)
                if flag == 0:
                    while s[i] != 0x0B:
                        i += 1
                    i += 1
                elif flag == 2:
                    _, i = leb(s, i)
                    while s[i] != 0x0B:
                        i += 1
                    i += 1
                size, i = leb(s, i)
                data.append(s[i : i + size])
                i += size
        elif sid == 0:
            l, i = leb(s, 0)
            if s[i : i + l] != b"name":
                continue
            i += l
            while i < len(s):
                sub = s[i]
                size, j = leb(s, i + 1)
                if sub == 1:
                    n, k = leb(s, j)
                    for _ in range(n):
                        idx, k = leb(s, k)
                        l, k = leb(s, k)
                        names[idx] = s[k : k + l].decode("utf-8", "replace")
                        k += l
                i = j + size
    by = collections.defaultdict(list)
    for k, body in enumerate(bodies):
        by[crate_of(names.get(k + imports, "?"))].append(body)
    total = len(b)
    print(f"file {total:,} bytes, gzip -9 {len(gzip.compress(b, 9)):,}")
    print(f"{'part':<28} {'raw':>10} {'gzip -9 alone':>14}")
    rows = [(c, sum(map(len, v)), len(gzip.compress(b''.join(v), 9))) for c, v in by.items()]
    for blob in data:
        rows.append((f"data segment", len(blob), len(gzip.compress(blob, 9))))
    for c, raw, gz in sorted(rows, key=lambda r: -r[1])[:30]:
        print(f"{c:<28} {raw:>10,} {gz:>14,}")


main(sys.argv[1])
