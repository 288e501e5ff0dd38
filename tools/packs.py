"""What every pack generator shares (tools/gen_data.py, tools/gen_phone.py): the
header that names a pack's generation, and writing a kind's packs.

The header ends in a hash of all the packs of the kind, so two generations differ in
it whenever any pack differs; the core refuses a pack whose header is not the one
its module was generated with (core/src/data/store.rs), so a module never answers
from another generation's data.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def stamp(source: str, bodies: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The header line for packs `bodies` (name -> text after the header) generated
    `source` ("by tools/x.py from pkg 1.0"), and the packs with it prepended."""
    digest = hashlib.sha256()
    for name in sorted(bodies):
        digest.update(f"{name}\n{bodies[name]}\0".encode())
    header = f"# @generated {source} (data {digest.hexdigest()[:12]}) — do not edit"
    return header, {name: f"{header}\n{body}" for name, body in bodies.items()}


def write_packs(directory: Path, packs: dict[str, str]) -> None:
    """Replace every pack in `directory` (a unit that lost its data loses its pack)."""
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.txt"):
        old.unlink()
    for name, text in packs.items():
        (directory / f"{name}.txt").write_text(text, encoding="utf-8", newline="\n")
