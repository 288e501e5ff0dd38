# Type stubs of the native module (PyO3). The public API is re-exported by
# `mailinfra/__init__.pyi`; import from `mailinfra`. The data types and the options
# (`Options`, keyword arguments) are generated from the core into `_types.py`.
from typing import Any, Iterable, List, Mapping, Optional, Tuple, Union, final

from typing_extensions import Unpack

from ._types import (
    AddressFormat,
    CountryOption,
    DataVersions,
    IssueCode,
    IssueDict,
    Order,
    Options,
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
    **options: Unpack[Options],
) -> Report: ...
def prepare(
    order: OrderInput,
    **options: Unpack[Options],
) -> Report: ...
def check_many(
    orders: Iterable[OrderInput],
    **options: Unpack[Options],
) -> List[Report]: ...
def prepare_many(
    orders: Iterable[OrderInput],
    **options: Unpack[Options],
) -> List[Report]: ...
def check_field(
    order: OrderInput,
    pointer: str,
    **options: Unpack[Options],
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
    **options: Unpack[Options],
) -> Report: ...
def address_format(country: str) -> Optional[AddressFormat]: ...
def countries() -> List[CountryOption]: ...
def domain_to_ascii(domain: str) -> Optional[str]: ...
def domain_to_unicode(domain: str) -> Optional[str]: ...
def data_versions() -> DataVersions: ...
def issue_codes() -> List[IssueCode]: ...
