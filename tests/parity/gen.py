#!/usr/bin/env python3
"""Deterministic cross-surface parity orders: valid, messy and broken, one JSON per line.

Usage: gen.py N [SEED] > orders.jsonl

Values stay inside what every surface can represent identically: integers within
+-2^53 (JavaScript numbers), well-formed Unicode strings (no lone surrogates, which
JSON text, JavaScript and Python treat differently)."""
import copy
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASE = json.loads((ROOT / "examples" / "order.json").read_text())

POOLS = {
    "domainOwnerFirstname": ["John", "  Zoë ", "Anne-Marie", "", "O'Brien", "a\u200bb", "x\ny", "\u202eevil", "Nguyễn Văn An", "J" * 51],
    "domainOwnerLastname": ["Smith", "Van\u00a0Berg", " ", "Müller", "\tDoe"],
    "companyName": ["Acme Corp", " Acme  Corp ", "", "A" * 256, "Acme\u0000Corp"],
    "address": ["123 Market Street", "123 Market St\r\nSuite 5", "  "],
    "city": ["San Francisco", "  München ", "", "Zoe\u0308"],
    "state": ["CA", "california", "NY", "Narnia", "", " ON ", "US-TX", "Tokyo", "Co. Dublin", "Dublin", "\u202eCA", None],
    "country": ["US", "us", "UK", "GB", "usa", "Germany", "XX", "", "ca", "JP", "IE", "IN", "DE", "US\u200b", None],
    "zipcode": ["94105", " 94105", "sw1a1aa", "K1A0B1", "10001", "abc", "", "941051234", "110001", "D02 X285", "10115", None],
    "phoneNumber": ["+14155551234", "(415) 555-1234", "+1 415-555-1234", "00 44 20 7946 0958", "020 7946 0958",
                    "+15550000000", "hello", "+0123", "", "＋１４１５５５５１２３４", "7710009998", "+14155551234 ext. 5"],
    "emailServiceProvider": ["Google", "google", "gsuite", "Microsoft", "office 365", "Azure", "Yahoo", ""],
    "planType": ["quarterly", "Quarterly", "annualFlexi", "annual_fixed", "weekly", None],
    "isReplacement": [True, False, "false", "yes", "1", 2, None],
    "isFreeOrder": [True, False, "no", "0", 0, None],
}
DOMAIN_POOLS = {
    "name": ["acme.com", "Acme.COM.", "https://acme.com/", "bücher.de", "mail.acme.com", "co.uk", "com",
             "acme.notatld", "a..b.com", "192.168.0.1", "xn--bcher-kva.de", "acme.co.uk", "", "xn--pple-43d.com",
             "tryoutreachteam.com", "acme.123"],
    "redirectUrl": ["acmecorp.com", "https://acmecorp.com/", "acmecorp.com/about", "", "www.acme.com",
                    "acme.com:8080", "acme.com", None, "http://[::1]/"],
}
MAILBOX_POOLS = {
    "firstname": ["John", " Jane ", "", "Zoë"],
    "lastname": ["Smith", "Doe", "\u200b"],
    "email": ["john@acme.com", " John@ACME.com", "info@acme.com", "john@other.com", "[email protected]",
              "jo..hn@acme.com", "postmaster@acme.com", "admin@acme.com", "nope", "j@bücher.de", "o'brien@acme.com",
              "-x@acme.com"],
    "profilePicId": [0, "3", -1, 1.5, 2.0, None, "x", 9007199254740991],
}
ODD = [None, True, 0, -7, 3.25, "", "text", [], {}, [1, "a"], {"k": "v"}]


def mangle(rng, obj, pools):
    for key, pool in pools.items():
        r = rng.random()
        if r < 0.25:
            v = rng.choice(pool)
            if v is None:
                obj.pop(key, None)
            else:
                obj[key] = v
        elif r < 0.29:
            obj[key] = rng.choice(ODD)
        elif r < 0.31:
            obj.pop(key, None)


def order(rng, i):
    o = copy.deepcopy(BASE)
    kind = i % 3  # 0 valid-ish, 1 messy, 2 broken
    if kind == 0:
        return o if rng.random() < 0.5 else {**o, "domains": [domain(rng, 0.0) for _ in range(rng.randint(1, 3))]}
    mangle(rng, o, POOLS if kind == 1 else {**POOLS})
    o["domains"] = [domain(rng, 0.3 if kind == 1 else 0.6) for _ in range(rng.randint(0, 4))]
    if kind == 2 and rng.random() < 0.3:
        o[rng.choice(["redirectURL", "domainOwnerFirstName", "zipCode", "extra"])] = rng.choice(ODD)
    if kind == 2 and rng.random() < 0.05:
        return rng.choice(ODD)
    if rng.random() < 0.1 and o["domains"]:
        o["domains"].append(copy.deepcopy(o["domains"][0]))
    return o


def domain(rng, messiness):
    name = rng.choice(["acme.com", "tryoutreachteam.com", "acme-outreach.io", "beta.co.uk"])
    d = {"name": name, "redirectUrl": "acmecorp.com", "mailboxes": []}
    for j in range(rng.randint(1, 6)):
        d["mailboxes"].append({"firstname": "John", "lastname": "Smith",
                               "email": f"person{j}@{name}", "profilePicId": j})
    if rng.random() < messiness:
        mangle(rng, d, DOMAIN_POOLS)
        for m in d["mailboxes"]:
            if rng.random() < messiness:
                mangle(rng, m, MAILBOX_POOLS)
    if rng.random() < messiness / 10:
        return rng.choice(ODD)
    return d


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261129
    rng = random.Random(seed)
    out = sys.stdout
    for i in range(n):
        out.write(json.dumps(order(rng, i), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
