"""Compares the parity outputs of every surface line by line; exit 1 on the first
disagreements (up to 10 shown). Objects compare as JSON values; the canonical order's
key order must match too."""
import json
import sys


def keys_in_order(v):
    if isinstance(v, dict):
        return [[k, keys_in_order(x)] for k, x in v.items()]
    if isinstance(v, list):
        return [keys_in_order(x) for x in v]
    return None


def main():
    names = sys.argv[1::2]
    files = [open(p, encoding="utf-8") for p in sys.argv[2::2]]
    bad = 0
    n = 0
    for n, lines in enumerate(zip(*files), 1):
        docs = [json.loads(l) for l in lines]
        for d in docs:
            # Python's Report.order is None both for "no order" and for an order that
            # is JSON null (prepare of a null input): the same fact, spelt two ways.
            if d["prepare"].get("order", None) is None:
                d["prepare"].pop("order", None)
        ref = docs[0]
        for name, d in zip(names[1:], docs[1:]):
            same = d == ref and keys_in_order(d["prepare"].get("order")) == keys_in_order(ref["prepare"].get("order"))
            if not same:
                bad += 1
                if bad <= 10:
                    print(f"order {n}: {names[0]} and {name} disagree\n  {names[0]}: {json.dumps(ref, ensure_ascii=False)[:600]}\n  {name}: {json.dumps(d, ensure_ascii=False)[:600]}")
    counts = {len(open(p, encoding="utf-8").read().splitlines()) for p in sys.argv[2::2]}
    if len(counts) != 1:
        print(f"surfaces produced different numbers of lines: {counts}")
        return 1
    print(f"parity: {n} orders x {len(names)} surfaces, {bad} disagreements")
    return 1 if bad or n == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
