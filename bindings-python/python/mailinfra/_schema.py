"""The order's JSON Schema (draft 2020-12), shipped as package data.

The files are generated from the core's field table (scripts/codegen.sh) and equal
what ``mailinfra schema`` prints: the shape and the simple limits; the rules run in
mailinfra.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # `import mailinfra` stays free of `typing`, `json` and resources
    from typing import Any, Dict


def order_json_schema(*, prepare_input: bool = False) -> Dict[str, Any]:
    """The order's JSON Schema, a new dict on each call.

    By default a canonical order: what ``prepare`` writes and ``check`` accepts, as
    far as a schema can say it (types, required fields, enumerations, lengths, the
    E.164 shape, defaults, no other keys). With ``prepare_input=True``, what
    ``prepare`` takes: the same shape with no constraint on the values, which
    ``prepare`` may still fix.
    """
    import json
    from importlib.resources import files

    name = "order-input.schema.json" if prepare_input else "order.schema.json"
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    schema: Dict[str, Any] = json.loads(text)
    return schema
