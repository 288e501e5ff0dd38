"""Exceptions of the mailinfra package (kept apart so the native module can raise them)."""

from __future__ import annotations

# Not `from typing import TYPE_CHECKING`: importing `typing` would double the import
# time of the package; type checkers treat this name the same way.
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any, Optional, Sequence

    from ._mailinfra import Issue, Report


def _line(issue: Any) -> str:
    pointer = issue.pointer if issue.pointer else "(order)"
    return f"{pointer}: {issue.message}"


class OrderInvalid(ValueError):
    """Raised by ``Report.raise_for_errors()`` when the order has errors.

    ``issues`` holds the issues of severity ``"error"`` (warnings are in
    ``report.issues``); ``str()`` lists each as ``pointer: message``, one per line,
    with ``(order)`` standing for the empty pointer (the whole order).
    """

    issues: list[Issue]
    report: Optional[Report]

    def __init__(self, issues: Sequence[Issue], report: Optional[Report] = None) -> None:
        self.issues = list(issues)
        self.report = report
        n = len(self.issues)
        head = f"the order has {n} error{'s' if n != 1 else ''}"
        super().__init__("\n".join([head + ":"] + ["  " + _line(i) for i in self.issues]))

    def __reduce__(self) -> Any:
        return (type(self), (self.issues, self.report))


class InputError(ValueError):
    """The input could not be read: its own code raised while being walked (a
    ``Mapping`` whose ``items()`` fails, a ``Sequence`` whose ``__iter__`` raises, ...),
    a mapping key is not a str/int/float/bool/None, or a str holds an unpaired
    surrogate. ``pointer`` locates the value (RFC 6901, ``""`` for the order itself);
    ``index`` is the position in ``check_many``/``prepare_many`` (else None). The
    original exception is chained as ``__cause__``.
    """

    pointer: str
    index: Optional[int]

    def __init__(self, message: str, pointer: str = "", index: Optional[int] = None) -> None:
        super().__init__(message)
        self.pointer = pointer
        self.index = index

    def __reduce__(self) -> Any:
        return (type(self), (str(self), self.pointer, self.index))
