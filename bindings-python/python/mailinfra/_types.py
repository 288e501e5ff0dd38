"""Typing helpers: the order shape as TypedDicts and the issue vocabulary as Literals.

Importable at run time (``from mailinfra import Order``); ``mailinfra`` loads this
module on first use only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List, Literal, Mapping, TypedDict, Union

if TYPE_CHECKING:
    from ._mailinfra import Issue

__all__ = [
    "AddressFormat",
    "CountryOption",
    "DataVersions",
    "Domain",
    "Esp",
    "IssueCode",
    "IssueDict",
    "Mailbox",
    "Order",
    "OrderInput",
    "PathSegment",
    "PlanType",
    "ReportDict",
    "Severity",
    "StateOption",
    "Suggestions",
]

#: Every code the core reports, in the contract's order (equal to ``issue_codes()``).
IssueCode = Literal[
    "not_an_object",
    "missing_field",
    "unknown_field",
    "wrong_type",
    "blank",
    "too_long",
    "too_short",
    "bad_characters",
    "not_normalized",
    "invalid_country",
    "invalid_state",
    "invalid_postal_code",
    "postal_code_state_mismatch",
    "postal_code_not_used",
    "phone_not_e164",
    "invalid_phone",
    "invalid_enum",
    "plan_not_supported_by_esp",
    "invalid_domain",
    "domain_not_registrable",
    "domain_not_ascii",
    "mixed_script_domain",
    "idn_domain",
    "duplicate_domain",
    "redirect_not_bare_domain",
    "redirect_loop",
    "email_domain_mismatch",
    "invalid_email",
    "obfuscated_email",
    "duplicate_email",
    "role_address",
    "too_many_mailboxes",
    "too_many_items",
    "input_too_large",
    "invalid_json",
    "too_deep",
    "conflicting_value",
]

Severity = Literal["error", "warning"]
Esp = Literal["Google", "Microsoft", "Azure"]
PlanType = Literal["quarterly", "annualFlexi", "annualFixed"]
PathSegment = Union[str, int]


class _MailboxRequired(TypedDict):
    firstname: str
    lastname: str
    email: str


class Mailbox(_MailboxRequired, total=False):
    """One mailbox; ``profilePicId`` defaults to 0."""

    profilePicId: int


class _DomainRequired(TypedDict):
    name: str
    mailboxes: List[Mailbox]


class Domain(_DomainRequired, total=False):
    """One domain to buy; ``redirectUrl`` is optional."""

    redirectUrl: str


class _OrderRequired(TypedDict):
    domainOwnerFirstname: str
    domainOwnerLastname: str
    companyName: str
    address: str
    city: str
    country: str
    phoneNumber: str
    emailServiceProvider: Esp
    domains: List[Domain]


class Order(_OrderRequired, total=False):
    """The ``POST /v1/domain`` payload. ``state`` and ``zipcode`` are required where
    the country's address format requires them (a run-time rule, not a type one)."""

    state: str
    zipcode: str
    planType: PlanType
    isReplacement: bool
    isFreeOrder: bool


#: What the functions accept as an order: a Mapping tree (dicts from json.load, csv,
#: pydantic's model_dump()) or JSON text as str/bytes (parsed by the core under
#: ``max_input_bytes``). Other objects are accepted too and reported (not_an_object).
OrderInput = Union[Order, Mapping[str, Any], str, bytes, bytearray]


class _IssueDictRequired(TypedDict):
    pointer: str
    path: List[PathSegment]
    code: IssueCode
    severity: Severity
    message: str


class IssueDict(_IssueDictRequired, total=False):
    """``Issue.to_dict()``: the contract's JSON shape (``suggestion`` when certain)."""

    suggestion: Union[str, int, bool]


class _ReportDictRequired(TypedDict):
    valid: bool
    issues: List[IssueDict]


class ReportDict(_ReportDictRequired, total=False):
    """``Report.to_dict()`` (``order`` from ``prepare`` only)."""

    order: Order


class StateOption(TypedDict):
    key: str
    name: str


class AddressFormat(TypedDict):
    """``address_format(country)``: what a form needs when the country changes."""

    country: str
    name: str
    state_required: bool
    state_label: str
    states: List[StateOption]
    postal_code_used: bool
    postal_code_required: bool
    postal_code_label: str
    postal_code_example: str


class CountryOption(TypedDict):
    code: str
    name: str


class Suggestions(TypedDict):
    """``suggest_mailboxes(...)``: the addresses, or the issues that prevented them."""

    addresses: List[str]
    issues: List[Issue]


class DataVersions(TypedDict):
    phone_metadata: str
    public_suffix_list: str
    address_data: str
