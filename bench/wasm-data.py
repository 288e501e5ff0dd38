#!/usr/bin/env python3
"""What the data segment of a wasm module holds: its largest symbols from a wasm-ld
linker map, each with its gzip -9 size alone and its first bytes (after LTO most
tables are anonymous, so the bytes say what they are), and the share of 8-byte
(pointer, length) pairs, the cost of `&str` tables.

Usage (a build with a map; its own target dir keeps the normal build's cache):
  RUSTFLAGS="-C link-arg=--Map=/tmp/mailinfra.map" CARGO_TARGET_DIR=target/map \\
    cargo build --locked -p mailinfra-wasm --target wasm32-unknown-unknown --profile wasm-release
  bench/wasm-data.py /tmp/mailinfra.map target/map/wasm32-unknown-unknown/wasm-release/mailinfra_wasm.wasm [N]
"""
import gzip
import re
import struct
import sys

from wasmfile import leb, sections


def data_segments(wasm):
    for sid, body in sections(wasm):
        if sid != 11:
            continue
        n, k = leb(body, 0)
        for _ in range(n):
            _flag, k = leb(body, k)
            assert body[k] == 0x41, "active segment with an i32.const offset"
            off, k = leb(body, k + 1)
            k += 1  # end
            ln, k = leb(body, k)
            yield off, body[k : k + ln]
            k += ln


def main():
    map_path, wasm_path = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    segs = list(data_segments(open(wasm_path, "rb").read()))
    base = min(off for off, _ in segs)
    end = max(off + len(d) for off, d in segs)
    mem = bytearray(end)
    for off, d in segs:
        mem[off : off + len(d)] = d
    syms = []
    for line in open(map_path):
        m = re.match(r"\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s{17}(\S.*)$", line)
        if m:
            addr, size = int(m.group(1), 16), int(m.group(2), 16)
            if base <= addr and addr + size <= end and size:
                syms.append((addr, size, m.group(3).strip()))
    whole = bytes(mem[base:end])
    print(f"data {len(whole):,} bytes, gzip -9 {len(gzip.compress(whole, 9)):,}")
    pairs, kept, i = 0, bytearray(), 0
    while i + 8 <= len(whole):
        p, n = struct.unpack_from("<II", whole, i)
        if i % 4 == 0 and base <= p and p + n <= end and 0 < n < 4096:
            pairs += 1
            i += 8
            continue
        kept.append(whole[i])
        i += 1
    kept += whole[i:]
    print(
        f"(pointer, length) pairs: {pairs:,} ({pairs * 8:,} bytes); the data without them: "
        f"gzip -9 {len(gzip.compress(bytes(kept), 9)):,}"
    )
    print(f"{'bytes':>8} {'gzip':>7}  symbol / first bytes")
    for addr, size, name in sorted(syms, key=lambda s: -s[1])[:top]:
        d = bytes(mem[addr : addr + size])
        label = name if not name.startswith(".L") else repr(d[:48])[2:-1]
        print(f"{size:8,} {len(gzip.compress(d, 9)):7,}  {label[:100]}")


main()
