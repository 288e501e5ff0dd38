# Type stubs of the native module (PyO3). The public API is re-exported by
# `mailinfra/__init__.pyi`; import from `mailinfra`.
from typing import Any, Iterable, List, Mapping, Optional, Tuple, Union, final

from ._types import (
    AddressFormat,
    CountryOption,
    DataVersions,
    IssueCode,
    IssueDict,
    Order,
    OrderInput,
    PathSegment,
    ReportDict,
    Severity,
    Suggestions,
)

__version__: str
MAX_DEPTH: int

@final
class Issue:
    """One problem with one value. Immutable; equal when every field is equal."""

    @property
    def pointer(self) -> str: ...
    @property
    def path(self) -> Tuple[PathSegment, ...]: ...
    @property
    def code(self) -> IssueCode: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def message(self) -> str: ...
    @property
    def suggestion(self) -> Union[str, int, bool, None]: ...
    @property
    def row(self) -> Optional[int]:
        """`build_order` only: the spreadsheet row (the header is row 1)."""
    @property
    def column(self) -> Optional[str]:
        """`build_order` only: the spreadsheet column."""
    def to_dict(self) -> IssueDict: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Report:
    """The outcome of `check` / `prepare`."""

    @property
    def valid(self) -> bool: ...
    @property
    def issues(self) -> List[Issue]: ...
    @property
    def errors(self) -> List[Issue]: ...
    @property
    def warnings(self) -> List[Issue]: ...
    @property
    def order(self) -> Optional[Order]: ...
    def raise_for_errors(self) -> "Report": ...
    def to_dict(self) -> ReportDict: ...

def check(
    order: OrderInput,
    *,
    max_domains: int = ...,
    max_mailboxes_per_domain: Optional[int] = ...,
    max_input_bytes: int = ...,
    allowed_tlds: Optional[Iterable[str]] = ...,
    allow_idn: bool = ...,
    warnings_as_errors: bool = ...,
) -> Report: ...
def prepare(
    order: OrderInput,
    *,
    max_domains: int = ...,
    max_mailboxes_per_domain: Optional[int] = ...,
    max_input_bytes: int = ...,
    allowed_tlds: Optional[Iterable[str]] = ...,
    allow_idn: bool = ...,
    warnings_as_errors: bool = ...,
) -> Report: ...
def check_many(
    orders: Iterable[OrderInput],
    *,
    max_domains: int = ...,
    max_mailboxes_per_domain: Optional[int] = ...,
    max_input_bytes: int = ...,
    allowed_tlds: Optional[Iterable[str]] = ...,
    allow_idn: bool = ...,
    warnings_as_errors: bool = ...,
) -> List[Report]: ...
def prepare_many(
    orders: Iterable[OrderInput],
    *,
    max_domains: int = ...,
    max_mailboxes_per_domain: Optional[int] = ...,
    max_input_bytes: int = ...,
    allowed_tlds: Optional[Iterable[str]] = ...,
    allow_idn: bool = ...,
    warnings_as_errors: bool = ...,
) -> List[Report]: ...
def check_field(
    order: OrderInput,
    pointer: str,
    *,
    max_domains: int = ...,
    max_mailboxes_per_domain: Optional[int] = ...,
    max_input_bytes: int = ...,
    allowed_tlds: Optional[Iterable[str]] = ...,
    allow_idn: bool = ...,
    warnings_as_errors: bool = ...,
) -> List[Issue]: ...
def suggest_mailboxes(
    first_name: str,
    last_name: str,
    domain: str,
    count: int,
    *,
    esp: Optional[str] = None,
    exclude: Iterable[str] = (),
) -> Suggestions: ...
def build_order(
    registrant: Mapping[str, Any],
    rows: Iterable[Mapping[str, Any]],
    *,
    esp: Optional[str] = None,
    plan: Optional[str] = None,
    max_domains: int = ...,
    max_mailboxes_per_domain: Optional[int] = ...,
    max_input_bytes: int = ...,
    allowed_tlds: Optional[Iterable[str]] = ...,
    allow_idn: bool = ...,
    warnings_as_errors: bool = ...,
) -> Report: ...
def address_format(country: str) -> Optional[AddressFormat]: ...
def countries() -> List[CountryOption]: ...
def domain_to_ascii(domain: str) -> Optional[str]: ...
def domain_to_unicode(domain: str) -> Optional[str]: ...
def data_versions() -> DataVersions: ...
def issue_codes() -> List[IssueCode]: ...
