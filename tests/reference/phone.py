#!/usr/bin/env python3
"""Phone numbers against libphonenumber, through its Python port `phonenumbers` (pinned
in phone.requirements.txt at the version core/src/data/phone.rs was generated from).

Usage: phone.py PATH/TO/ref_phone

Inputs: every example number of every type of every region and non-geographic entity
(plus a few regressions), each as written and with one digit added, dropped or
changed; each number written in E.164, international with spaces, national (the
reference's NATIONAL format), with the country code but no `+`, and after the
international prefixes 011, 00, 8 10, 0011 and 010; each form read under several
default regions (US, CA, GB, DE, RU, FR, IN, BR, JP, AU, the number's own, none).
Then decorated copies of them (letters, extensions, RFC 3966, Unicode digits and
punctuation, junk around the number) for the parser's grammar, and every valid
result's E.164 form read again.

Compared:
- `mailinfra::phone_e164` (the pure reading) must equal the reference: valid with the
  same E.164 form, or invalid. One deliberate deviation: a number the reference reads
  with an extension is never given an E.164 form here (libphonenumber's E.164 drops
  the extension, which changes the number).
- `prepare`'s `phoneNumber` must be the reference's E.164 form wherever the reference
  reads the input as valid (without extension). Where it does not, prepare may write a
  valid number only through its two documented extras, each checked against the
  reference itself: the reading of the NFKC-folded input, then `00` read as an
  international prefix (the reference's reading of `+<rest>`). Any other output must
  not be a valid E.164 number according to the reference.

Exit status 1 on any disagreement or when fewer than MIN_INPUTS inputs ran.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import time
import unicodedata

import phonenumbers
from phonenumbers import NumberParseException, PhoneMetadata
from phonenumbers import PhoneNumberFormat as Format
from phonenumbers import phonenumberutil as pnu

MIN_INPUTS = 200_000
E164_FORM = re.compile(r"\+[1-9]\d+")
SEED = 12
DEFAULTS = ["US", "CA", "GB", "DE", "RU", "FR", "IN", "BR", "JP", "AU"]
# International prefixes as people dial them, and the default regions they belong to.
IDDS = {"011": ["US", "CA"], "00": ["GB", "DE", "FR", "IN"], "8 10": ["RU"], "0011": ["AU"], "010": ["JP"]}
TYPES = ("fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost",
         "personal_number", "voip", "pager", "uan", "voicemail")
# Regressions: valid numbers that lost a digit under US/CA (the default region's national
# prefix stripped after `+`), and numbers one digit too long (a pattern matched a prefix).
REGRESSIONS = [("+49 151 23456789", "DE"), ("+358 18 1234567", "AX"), ("+880 1812-345678", "BD"),
         ("+82 1523-456789", "KR"), ("+61 1300 123 456", "AU"), ("+35322123451", "IE"),
         ("+880271112349", "BD")]
# Other ways people write numbers (national prefix after the country code, vanity letters,
# 00 from a region whose prefix is another, an extension, a country code typed nationally).
TYPED = [("+44 (0)20 7946 0958", "GB"), ("1-800-FLOWERS", "US"), ("00 44 20 7946 0958", "GB"),
         ("+1 415-555-1234 ext. 5", "US"), ("7710009998", "KZ"), ("8 (771) 000-99-98", "KZ")]
# Pieces for the grammar: labels, separators, Unicode digits and punctuation, junk.
TOKENS = [
    " ", "-", ".", "(", ")", "/", "[", "]", "~", "x", "X", "#", "*", ",", ";", ":", "_", "\t",
    "\n", "+", "\uff0b", "\u00a0", "\u2010", "\u2212", "\u3000", "\u30fc", "\uff08", "\uff0e",
    "\u00ad", "\u200b", "\u2060", "ext", "ext.", "ext ", " ext 5", " x 12", " ext. 123", "#12",
    " - 503#", ",,55", ";ext=7", " anexo 3", " \u0434\u043e\u0431 4", " ext\u00e9", " int 8",
    " extensi\u00f3n 9", " \uff45\uff58\uff54 1", " \uff58 5", "tel:", ";phone-context=+44",
    ";phone-context=example.com", ";phone-context=", ";isub=12", "Tel: ", "call ", " now",
    "FLOWERS", "abc", "a", "ab", "Z", "\u0130", "\u0131", "\u017f", "\u212a", "\u0301",
    "\u093e", "\u00b2", "\u2460", "\u24b6", "\uff21", "\u2121", "\U0001f4de", "\\", "/x",
    "\u0660\u0661\u0662", "\u0966\u0967", "\uff10\uff11\uff12", "\u06f4", "\u1040", "0", "1",
    "00", "011", "+1", "+44", "8", "9", "\u00e9", "\u00d3",
]


def reference(text: str, region: str | None) -> tuple[str | None, bool]:
    """The reference's E.164 form when it reads `text` as a valid number, and whether
    it reads an extension (also when what it reads is no valid number)."""
    try:
        n = phonenumbers.parse(text, region)
    except NumberParseException:
        return None, reads_extension(text, region)
    e = phonenumbers.format_number(n, Format.E164) if phonenumbers.is_valid_number(n) else None
    return e, bool(n.extension)


def reads_extension(text: str, region: str | None) -> bool:
    """`parse`'s steps up to its extension, for text it then refuses."""
    try:
        number = pnu._build_national_number_for_parsing(text)
    except NumberParseException:
        return False
    if (len(text) > pnu._MAX_INPUT_STRING_LENGTH or not pnu._is_viable_phone_number(number)
            or not pnu._check_region_for_parsing(number, region)):
        return False
    return bool(pnu._maybe_strip_extension(number)[0])


def examples() -> list[tuple[str, int, str]]:
    """(region or "001", calling code, national example number), one per distinct
    example of every number type."""
    out = []
    metas = [(r, PhoneMetadata.metadata_for_region(r)) for r in sorted(phonenumbers.SUPPORTED_REGIONS)]
    metas += [("001", PhoneMetadata.metadata_for_nongeo_region(cc))
              for cc in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS)]
    for region, md in metas:
        seen = set()
        for t in TYPES:
            desc = getattr(md, t)
            ex = desc.example_number if desc is not None else None
            if ex and ex not in seen:
                seen.add(ex)
                out.append((region, md.country_code, ex))
    return out


def mutations(rng: random.Random, n: str) -> list[str]:
    """The number, one digit added (at a random place and at the end), dropped (at a
    random place and the last) and changed (twice at random places)."""
    d = "0123456789"
    out = [n, n + rng.choice(d)]
    i = rng.randrange(len(n) + 1)
    out.append(n[:i] + rng.choice(d) + n[i:])
    if len(n) > 1:
        i = rng.randrange(len(n))
        out += [n[:i] + n[i + 1:], n[:-1]]
        for _ in range(2):
            i = rng.randrange(len(n))
            out.append(n[:i] + rng.choice(d.replace(n[i], "")) + n[i + 1:])
    return list(dict.fromkeys(out))


def forms(rng: random.Random, region: str, cc: int, n: str) -> list[tuple[str, str | None, str]]:
    """(input, default region, form name) for national number `n` of `region`."""
    own = None if region == "001" else region
    e164 = f"+{cc}{n}"
    try:
        parsed = phonenumbers.parse(e164, None)
        intl = phonenumbers.format_number(parsed, Format.INTERNATIONAL)
        national = phonenumbers.format_number(parsed, Format.NATIONAL)
    except NumberParseException:
        intl, national = f"+{cc} {n}", n
    others = [r for r in DEFAULTS if r != own]
    out = [(e164, r, "e164") for r in (None, "US", "CA", own, rng.choice(others))]
    out += [(intl, r, "international") for r in ("US", "CA", own, rng.choice(others))]
    if own is not None:
        out += [(national, r, "national") for r in (own, "US", rng.choice(others))]
        out.append((f"{cc}{n}", own, "country-code-no-plus"))
    for idd, homes in IDDS.items():
        out.append((f"{idd} {cc} {n}", rng.choice(homes), "idd"))
        out.append((f"{idd}{cc}{n}", rng.choice([r for r in DEFAULTS if r not in homes]), "idd"))
    return [(i, r, f) for i, r, f in out if r != "001"]


def decorate(rng: random.Random, text: str) -> str:
    """`text` with one to three tokens inserted, prepended or appended."""
    for _ in range(rng.randint(1, 3)):
        tok = rng.choice(TOKENS)
        where = rng.random()
        if where < 0.3:
            text = tok + text
        elif where < 0.6:
            text = text + tok
        else:
            i = rng.randrange(len(text) + 1)
            text = text[:i] + tok + text[i:]
    return text


def ours_all(binary: str, inputs: list[tuple[str, str | None]]) -> list[dict]:
    payload = "".join(json.dumps({"input": i, "region": r}) + "\n" for i, r in inputs)
    done = subprocess.run([binary], input=payload.encode(), capture_output=True, check=True)
    # One answer per "\n" (splitlines would also split at U+2028 inside a string).
    answers = [json.loads(line) for line in done.stdout.decode().split("\n") if line]
    if len(answers) != len(inputs):
        sys.exit(f"phone.py: {len(inputs)} inputs, {len(answers)} answers")
    return answers


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    started = time.monotonic()
    ours_version = subprocess.run([binary, "--version"], capture_output=True, text=True,
                                  check=True).stdout.strip()
    if f"phonenumbers {phonenumbers.__version__}" not in ours_version:
        sys.exit(f"phone.py: reference phonenumbers {phonenumbers.__version__}, "
                 f"our tables: {ours_version}")

    rng = random.Random(SEED)
    exs = examples()
    cases: dict[tuple[str, str | None], str] = {}
    for region, cc, ex in exs:
        for n in mutations(rng, ex):
            for text, r, form in forms(rng, region, cc, n):
                cases.setdefault((text, r), form)
    for form, typed in (("regression", REGRESSIONS), ("typed", TYPED)):
        for text, own in typed:
            for r in ("US", "CA", own, None):
                cases[(text, r)] = form
    base = list(cases)
    for _ in range(60_000):
        text, _r = rng.choice(base)
        r = rng.choice(DEFAULTS + [None])
        cases.setdefault((decorate(rng, text), r), "decorated")

    refs = {k: reference(*k) for k in cases}
    rereads = {(e, None) for e, _ in refs.values() if e is not None} - set(cases)
    for k in rereads:
        cases[k] = "re-read"
        refs[k] = reference(*k)
    unstable = sum(1 for (text, r), (e, _) in refs.items()
                   if cases[(text, r)] == "re-read" and e != text)

    inputs = list(cases)
    answers = ours_all(binary, inputs)

    memo: dict[tuple[str, str | None], tuple[str | None, bool]] = dict(refs)

    def ref(text: str, region: str | None) -> tuple[str | None, bool]:
        if (text, region) not in memo:
            memo[(text, region)] = reference(text, region)
        return memo[(text, region)]

    def valid_e164(s: object) -> bool:
        """The reference reads `s` as the valid number it spells in E.164 form."""
        if not isinstance(s, str) or not E164_FORM.fullmatch(s):
            return False  # no reading gives anything but `+` and digits
        e, ext = ref(s, None)
        return e == s and not ext

    counts: dict[str, int] = {}
    valid = extensions = extras = 0
    bad: list[str] = []
    bad_forms: dict[str, int] = {}
    pure_bad = 0
    for (text, region), ans in zip(inputs, answers):
        form = cases[(text, region)]
        counts[form] = counts.get(form, 0) + 1
        e, ext = refs[(text, region)]
        expected = None if ext else e
        valid += expected is not None
        extensions += ext
        if ans["e164"] != expected:
            pure_bad += 1
            bad_forms[form] = bad_forms.get(form, 0) + 1
            bad.append(f"phone_e164({text!r}, {region}): ours {ans['e164']!r}, reference "
                       f"{e!r}{' with an extension' if ext else ''} [{form}]")
        pr = ans["prepareRegion"]
        prepared = ans["prepared"]
        e, ext = ref(text, pr)
        if e is not None and not ext:
            if prepared != e:
                bad.append(f"prepare({text!r}, {pr}): ours {prepared!r}, reference {e!r} [{form}]")
            continue
        # The reference reads no number (or one with an extension): only the extras may.
        extra = None
        folded = unicodedata.normalize("NFKC", text)
        if not ext and folded != text:
            fe, ext = ref(folded, pr)
            extra = None if ext else fe
        t = folded.strip()
        if extra is None and not ext and t.startswith("00"):
            ze, zext = ref("+" + t[2:], None)
            extra = None if zext else ze
        if extra is not None:
            extras += 1
            if prepared != extra:
                bad.append(f"prepare({text!r}, {pr}): ours {prepared!r}, extra reading {extra!r}")
        elif valid_e164(prepared):
            bad.append(f"prepare({text!r}, {pr}): ours {prepared!r} is a valid number, the "
                       f"reference reads none{' (it reads an extension)' if ext else ''} [{form}]")

    print(f"phonenumbers {phonenumbers.__version__}; ours: {ours_version}")
    print(f"{len(exs)} example numbers, {len(inputs)} inputs: "
          + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    print(f"reference: {valid} valid without extension, {extensions} read with an "
          f"extension (deliberately not read); {unstable} re-reads whose E.164 form changed; "
          f"prepare's extras (NFKC, 00) gave {extras} numbers")
    print(f"{len(bad)} disagreements: {pure_bad} in the pure reading ("
          + ", ".join(f"{v} {k}" for k, v in sorted(bad_forms.items())) + f"), "
          f"{len(bad) - pure_bad} in prepare ({time.monotonic() - started:.1f} s)")
    for line in bad[:40]:
        print("  " + line)
    if bad:
        sys.exit(1)
    if len(inputs) < MIN_INPUTS:
        sys.exit(f"phone.py: only {len(inputs)} inputs, at least {MIN_INPUTS} required")


if __name__ == "__main__":
    main()
