"""Validate and normalize managed email-infrastructure purchase orders.

``check(order)`` says whether a payload is exactly what ``POST /v1/domain`` accepts;
``prepare(order)`` applies only safe spelling fixes and checks the result. Both
return a ``Report`` with every issue at once. See the package README for the rules.
"""

from ._errors import InputError, OrderInvalid
from ._mailinfra import (
    MAX_DEPTH,
    Issue,
    Report,
    __version__,
    address_format,
    build_order,
    check,
    check_field,
    check_many,
    countries,
    data_versions,
    domain_to_ascii,
    domain_to_unicode,
    issue_codes,
    prepare,
    prepare_many,
    suggest_mailboxes,
)
from ._schema import order_json_schema

__all__ = [
    "MAX_DEPTH",
    "AddressFormat",
    "CountryOption",
    "DataVersions",
    "Domain",
    "Esp",
    "InputError",
    "Issue",
    "IssueCode",
    "IssueDict",
    "Mailbox",
    "Order",
    "OrderInput",
    "OrderInvalid",
    "PathSegment",
    "PlanType",
    "Report",
    "ReportDict",
    "Severity",
    "StateOption",
    "__version__",
    "address_format",
    "build_order",
    "check",
    "check_field",
    "check_many",
    "countries",
    "data_versions",
    "domain_to_ascii",
    "domain_to_unicode",
    "issue_codes",
    "order_json_schema",
    "prepare",
    "prepare_many",
    "suggest_mailboxes",
    "Suggestions",
]


def __getattr__(name: str) -> object:
    # The typing helpers (TypedDicts, Literals) load on first use, which keeps
    # `import mailinfra` from importing `typing`; their names are `_types.__all__`.
    # A private name is never one (and `from . import _types` asks for `_types` here
    # before importing it).
    if not name.startswith("_"):
        from . import _types

        if name in _types.__all__:
            return getattr(_types, name)
    raise AttributeError(f"module 'mailinfra' has no attribute {name!r}")
