"""pydantic (v2) types of the order: ``PreparedOrder`` and ``StrictOrder``.

Install with the extra: ``pip install "mailinfra[pydantic]"``. Use them as model
fields, with ``TypeAdapter`` or as FastAPI bodies::

    from mailinfra.pydantic import PreparedOrder

    class Checkout(BaseModel):
        order: PreparedOrder      # the canonical order, or a ValidationError

Every error of the order becomes one line of the ``pydantic.ValidationError``: ``loc``
is the field's own loc followed by the issue's path, ``type`` the issue code, ``msg``
the message, ``ctx`` holds ``message`` and, when the fix is certain, ``suggestion``.
Warnings never fail validation. ``Annotated[Order, Prepare(max_domains=10)]`` (or
``Check(...)``) takes the package's options.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar, Dict, Mapping, Tuple

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaMode, JsonSchemaValue
from pydantic_core import (
    CoreSchema,
    InitErrorDetails,
    PydanticCustomError,
    ValidationError,
    core_schema,
)
from typing_extensions import Annotated, Unpack

from ._mailinfra import Issue, check, prepare
from ._schema import order_json_schema as _order_json_schema
from ._types import Options, Order

__all__ = [
    "Check",
    "OrderOptions",
    "Prepare",
    "PreparedOrder",
    "StrictOrder",
    "order_json_schema",
]


#: The package's options (see the README), as keyword arguments.
OrderOptions = Options


def order_json_schema(mode: JsonSchemaMode, strict: bool) -> JsonSchemaValue:
    """The JSON Schema these types show in OpenAPI and ``model_json_schema()``.

    The order's schema generated from the core (``mailinfra.order_json_schema``): the
    shape and the simple limits; the rules run in mailinfra. ``mode`` is pydantic's:
    ``"serialization"`` describes the order the type holds; ``"validation"`` what it
    accepts, which for ``PreparedOrder`` (``strict`` false) is prepare's input, the
    same shape with no constraint on values prepare may still fix. Its ``$defs`` are
    inlined, since the schema is embedded in a model's or an OpenAPI document.
    """
    schema = _order_json_schema(prepare_input=mode == "validation" and not strict)
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$comment"):
        schema.pop(key, None)
    inlined: JsonSchemaValue = _inline(schema, defs)
    return inlined


def _inline(node: Any, defs: Dict[str, Any]) -> Any:
    """`node` with each ``{"$ref": "#/$defs/X"}`` replaced by X (the schema has no cycles)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return {**_inline(defs[ref[len("#/$defs/") :]], defs), **rest}
        return {k: _inline(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


class _OrderRules:
    """Validates a value with the core; the base of ``Prepare`` and ``Check``."""

    __slots__ = ("_options",)
    _strict: ClassVar[bool]  # check's semantics, else prepare's

    def __init__(self, **options: Unpack[OrderOptions]) -> None:
        if options:
            check({}, **options)  # a wrong option fails here, not on every request
        self._options = options

    def validate(self, value: Any) -> Any:
        """The validated order; raises ``pydantic_core.ValidationError`` on errors."""
        # Text is a value here, not JSON to parse: the core reports it as not an object.
        source = value
        if isinstance(value, (bytes, bytearray)):
            source = json.dumps(value.decode("utf-8", "replace"))
        elif isinstance(value, str):
            source = json.dumps(value)
        report = (check if self._strict else prepare)(source, **self._options)
        if report.valid:
            return value if self._strict else report.order
        raise ValidationError.from_exception_data(
            "Order", [_line_error(i, value) for i in report.errors]
        )

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        # The annotated type (Order) only informs type checkers: the core validates.
        return core_schema.no_info_plain_validator_function(self.validate)

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return order_json_schema(handler.mode, self._strict)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self._options.items())
        return f"{type(self).__name__}({args})"


class Prepare(_OrderRules):
    """``prepare``'s semantics: the value becomes the canonical order."""

    __slots__ = ()
    _strict = False


class Check(_OrderRules):
    """``check``'s semantics: the value is the input itself, unchanged."""

    __slots__ = ()
    _strict = True


def _line_error(issue: Issue, value: Any) -> InitErrorDetails:
    # The template is "{message}" and `message` is the context's last key: pydantic
    # replaces each `{key}` of the context in turn, so braces inside our messages are
    # never read as placeholders.
    ctx: Dict[str, Any] = {}
    if issue.suggestion is not None:
        ctx["suggestion"] = issue.suggestion
    ctx["message"] = issue.message
    return {
        "type": PydanticCustomError(issue.code, "{message}", ctx),
        "loc": issue.path,
        "input": _at(value, issue.path),
    }


def _at(value: Any, path: Tuple[Any, ...]) -> Any:
    """The input at `path`, or the deepest container on it (where a member is missing)."""
    for key in path:
        try:
            if isinstance(value, Mapping) or (
                isinstance(value, (list, tuple)) and isinstance(key, int)
            ):
                value = value[key]
                continue
        except (KeyError, IndexError):
            pass
        break
    return value


#: An order validated by ``prepare``: the field holds the canonical order.
PreparedOrder = Annotated[Order, Prepare()]
#: An order validated by ``check``: the field holds the input, which the server accepts as is.
StrictOrder = Annotated[Order, Check()]

