"""Hostile and unusual Python input: issues or a clean exception, never a crash,
a RecursionError or a TypeError from deep inside."""

from __future__ import annotations

import datetime
import decimal
import enum
import fractions
import json
import types
import uuid
from collections import OrderedDict, UserDict, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, Iterator, List

import pytest

import mailinfra
from mailinfra import InputError


def codes(report: mailinfra.Report) -> List[Any]:
    return [(i.pointer, i.code) for i in report.issues]


def nested(depth: int) -> Any:
    v: Any = []
    for _ in range(depth - 1):
        v = [v]
    return v


@pytest.mark.parametrize("depth", [1, 2, 63, 64, 65, 66, 200])
def test_depth_limit_same_as_json(depth: int) -> None:
    for wrap in (lambda v: v, lambda v: {"domains": v}, lambda v: {"x": {"y": v}}):
        tree = wrap(nested(depth))
        text = json.dumps(tree)
        for fn in (mailinfra.check, mailinfra.prepare):
            assert fn(tree).to_dict() == fn(text).to_dict(), depth


def test_very_deep_is_too_deep_without_recursion_error() -> None:
    tree = nested(100_000)
    assert codes(mailinfra.check(tree)) == [("", "too_deep")]
    d: Any = {}
    for _ in range(100_000):
        d = {"a": d}
    assert codes(mailinfra.prepare(d)) == [("", "too_deep")]
    assert mailinfra.prepare(d).order is None


def test_recursive_structures_end_as_too_deep(order: Any) -> None:
    lst: List[Any] = []
    lst.append(lst)
    assert codes(mailinfra.check(lst)) == [("", "too_deep")]
    order["domains"].append(order)
    assert codes(mailinfra.check(order)) == [("", "too_deep")]
    assert codes(mailinfra.prepare(order)) == [("", "too_deep")]
    d: dict = {}  # type: ignore[type-arg]
    d["self"] = d
    assert codes(mailinfra.check(d)) == [("", "too_deep")]
    assert mailinfra.check_field(d, "/country") == []
    many = mailinfra.check_many([lst, d])
    assert [codes(r) for r in many] == [[("", "too_deep")]] * 2


def test_wide_recursive_structure_is_cheap() -> None:
    lst: List[Any] = []
    lst.extend([lst] * 1000)
    assert codes(mailinfra.check(lst)) == [("", "too_deep")]


class Evil:
    def __eq__(self, other: object) -> bool:
        raise RuntimeError("__eq__")

    def __hash__(self) -> int:
        raise RuntimeError("__hash__")

    def __str__(self) -> str:
        raise RuntimeError("__str__")

    def __repr__(self) -> str:
        raise RuntimeError("__repr__")

    def __bool__(self) -> bool:
        raise RuntimeError("__bool__")


class EvilStr(str):
    def __str__(self) -> str:
        raise RuntimeError("__str__")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("__eq__")

    def __hash__(self) -> int:
        return str.__hash__(self)

    def __len__(self) -> int:
        raise RuntimeError("__len__")

    def __iter__(self) -> Iterator[str]:
        raise RuntimeError("__iter__")


def test_objects_whose_dunders_raise(order: Any) -> None:
    order["city"] = Evil()
    assert codes(mailinfra.check(order)) == [("/city", "wrong_type")]
    order["city"] = EvilStr("San Francisco")
    order["companyName"] = EvilStr("  Acme  ")
    r = mailinfra.check(order)
    assert codes(r) == [("/companyName", "not_normalized")]
    assert mailinfra.prepare(order).order["companyName"] == "Acme"  # type: ignore[index]
    assert codes(mailinfra.check(Evil())) == [("", "not_an_object")]


class RaisingMapping(Mapping):  # type: ignore[type-arg]
    def __init__(self, where: str, exc: BaseException) -> None:
        self.where = where
        self.exc = exc

    def __getitem__(self, k: Any) -> Any:
        raise self.exc

    def __iter__(self) -> Iterator[Any]:
        raise self.exc

    def __len__(self) -> int:
        raise self.exc

    def items(self) -> Any:
        raise self.exc


def test_mapping_that_raises_is_input_error(order: Any) -> None:
    order["domains"][0]["mailboxes"][0] = RaisingMapping("x", LookupError("nope"))
    with pytest.raises(InputError) as e:
        mailinfra.check(order)
    assert e.value.pointer == "/domains/0/mailboxes/0"
    assert e.value.index is None
    assert isinstance(e.value, ValueError)
    assert isinstance(e.value.__cause__, LookupError)
    assert "/domains/0/mailboxes/0" in str(e.value)
    with pytest.raises(InputError):
        mailinfra.prepare(order)
    with pytest.raises(InputError):
        mailinfra.check_field(order, "/country")


def test_keyboard_interrupt_is_not_swallowed() -> None:
    with pytest.raises(KeyboardInterrupt):
        mailinfra.check({"domains": RaisingMapping("x", KeyboardInterrupt())})


class RaisingSequence(Sequence):  # type: ignore[type-arg]
    def __getitem__(self, i: Any) -> Any:
        raise IndexError("broken") if i > 0 else ZeroDivisionError("broken")

    def __len__(self) -> int:
        return 3

    def __iter__(self) -> Iterator[Any]:
        yield {"name": "acme.com"}
        raise ZeroDivisionError("broken iterator")


def test_sequence_that_raises_is_input_error() -> None:
    with pytest.raises(InputError) as e:
        mailinfra.check({"domains": RaisingSequence()})
    assert e.value.pointer == "/domains/1"
    assert isinstance(e.value.__cause__, ZeroDivisionError)


def test_mapping_with_bad_items() -> None:
    class Odd(Mapping):  # type: ignore[type-arg]
        def __getitem__(self, k: Any) -> Any:
            return 1

        def __iter__(self) -> Iterator[Any]:
            return iter(["a"])

        def __len__(self) -> int:
            return 1

        def items(self) -> Any:
            return [("a", 1, 2)]

    with pytest.raises(InputError, match="pairs"):
        mailinfra.check(Odd())


def test_mutation_during_conversion_is_safe(order: Any) -> None:
    class Mutator(Mapping):  # type: ignore[type-arg]
        def __init__(self, victim: Any) -> None:
            self.victim = victim

        def __getitem__(self, k: Any) -> Any:
            return "x"

        def __iter__(self) -> Iterator[Any]:
            self.victim.clear()
            return iter(["firstname"])

        def __len__(self) -> int:
            return 1

        def items(self) -> Any:
            self.victim.clear()
            return [("firstname", "x")]

    mailboxes = order["domains"][0]["mailboxes"]
    mailboxes.append(Mutator(order))
    mailboxes.append(Mutator(mailboxes))
    r = mailinfra.check(order)  # no crash; the snapshot taken is what is checked
    assert isinstance(r, mailinfra.Report)


@pytest.mark.parametrize("big", [2**64, 10**30, 10**400, -(10**400), -(2**63) - 1])
def test_huge_ints(order: Any, big: int) -> None:
    order["domains"][0]["mailboxes"][0]["profilePicId"] = big
    assert codes(mailinfra.check(order)) == [("/domains/0/mailboxes/0/profilePicId", "wrong_type")]
    order["domains"][0]["mailboxes"][0]["profilePicId"] = 0
    order["city"] = big
    assert codes(mailinfra.check(order)) == [("/city", "wrong_type")]


def test_ints_in_range(order: Any) -> None:
    mb = order["domains"][0]["mailboxes"][0]
    mb["profilePicId"] = 2**63
    assert mailinfra.check(order).valid
    mb["profilePicId"] = 2**64 - 1
    assert mailinfra.check(order).valid
    mb["profilePicId"] = -1
    assert codes(mailinfra.check(order)) == [("/domains/0/mailboxes/0/profilePicId", "wrong_type")]


@pytest.mark.parametrize("x", [float("nan"), float("inf"), float("-inf")])
def test_nan_and_inf_are_null(order: Any, x: float) -> None:
    order["domains"][0]["mailboxes"][0]["profilePicId"] = x
    as_null = dict(order)
    as_null["domains"] = json.loads(json.dumps(order["domains"]).replace("NaN", "null").replace("-Infinity", "null").replace("Infinity", "null"))
    assert mailinfra.check(order).to_dict() == mailinfra.check(as_null).to_dict()
    order["city"] = x
    assert codes(mailinfra.check(order))[0] == ("/city", "missing_field")


def test_bool_before_int(order: Any) -> None:
    order["isReplacement"] = True
    order["domains"][0]["mailboxes"][0]["profilePicId"] = True
    assert codes(mailinfra.check(order)) == [("/domains/0/mailboxes/0/profilePicId", "wrong_type")]
    order["domains"][0]["mailboxes"][0]["profilePicId"] = 1
    order["isFreeOrder"] = 0
    assert codes(mailinfra.check(order)) == [("/isFreeOrder", "wrong_type")]


def test_ten_megabyte_strings(order: Any) -> None:
    huge = "x" * (10 * 1024 * 1024)
    order["city"] = huge
    assert codes(mailinfra.check(order)) == [("", "input_too_large")]
    assert codes(mailinfra.prepare(order)) == [("", "input_too_large")]
    assert mailinfra.prepare(order).order is None
    r = mailinfra.check(order, max_input_bytes=64 * 1024 * 1024)
    assert codes(r) == [("/city", "too_long")]
    assert codes(mailinfra.check(json.dumps(order))) == [("", "input_too_large")]
    assert codes(mailinfra.check(huge)) == [("", "input_too_large")]
    assert mailinfra.check_field(order, "/city") == []


def test_size_budget_counts_values_and_keys() -> None:
    assert codes(mailinfra.check({"domains": [None] * 2_000_000})) == [("", "input_too_large")]
    assert codes(mailinfra.check({"k" * 2_000_000: 1})) == [("", "input_too_large")]
    assert codes(mailinfra.check({"domains": range(10**12)})) == [("", "input_too_large")]
    small = {"country": "US"}
    assert codes(mailinfra.check(small, max_input_bytes=3)) == [("", "input_too_large")]
    assert ("", "input_too_large") not in codes(mailinfra.check(small, max_input_bytes=100))


def test_lone_surrogates(order: Any) -> None:
    order["city"] = "San \ud800 Francisco"
    with pytest.raises(InputError, match="surrogate|encode") as e:
        mailinfra.check(order)
    assert e.value.pointer == "/city"
    text = '{"city": "\ud800"}'
    assert codes(mailinfra.check(text)) == [("", "invalid_json")]
    with pytest.raises(InputError):
        mailinfra.check({"\udc00": 1})


def test_non_str_keys() -> None:
    r = mailinfra.check({1: "a", None: "b", False: "c", 2.5: "d", -(10**30): "e"})
    unknown = [i.pointer for i in r.issues if i.code == "unknown_field"]
    assert unknown == ["/1", "/null", "/false", "/2.5", "/-1000000000000000000000000000000"]
    r = mailinfra.check({True: 1, float("inf"): 2, Pic.ZERO: 3})
    unknown = [i.pointer for i in r.issues if i.code == "unknown_field"]
    assert unknown == ["/true", "/Infinity", "/0"]
    with pytest.raises(InputError, match="keys must be str"):
        mailinfra.check({(1, 2): "x"})
    with pytest.raises(InputError, match="keys must be str"):
        mailinfra.check({"domains": [{frozenset(): 1}]})


class Colour(enum.Enum):
    RED = 1


class Country(str, enum.Enum):
    US = "US"


class Pic(enum.IntEnum):
    ZERO = 0


@pytest.mark.parametrize(
    "value",
    [
        b"San Francisco",
        bytearray(b"x"),
        memoryview(b"x"),
        {"San Francisco"},
        frozenset(),
        datetime.date(2024, 1, 1),
        uuid.UUID(int=0),
        Colour.RED,
        object(),
        (c for c in "gen"),
        types.SimpleNamespace(),
        Evil(),
    ],
    ids=lambda v: type(v).__name__,
)
def test_unsupported_objects_are_wrong_type(order: Any, value: Any) -> None:
    order["city"] = value
    assert codes(mailinfra.check(order)) == [("/city", "wrong_type")]
    order["city"] = "San Francisco"
    order["domains"][0]["mailboxes"][0] = value
    assert codes(mailinfra.check(order)) == [("/domains/0/mailboxes/0", "not_an_object")]


def test_other_mappings_and_sequences(order: Any) -> None:
    d = OrderedDict(order)
    d["domains"] = tuple(
        UserDict({**dom, "mailboxes": [types.MappingProxyType(m) for m in dom["mailboxes"]]})
        for dom in order["domains"]
    )
    assert mailinfra.check(d).valid
    dd: Any = defaultdict(str, order)
    assert mailinfra.check(dd).valid
    assert mailinfra.prepare(types.MappingProxyType(order)).order == mailinfra.prepare(order).order


def test_numbers_and_enums(order: Any) -> None:
    order["country"] = Country.US
    order["domains"][0]["mailboxes"][0]["profilePicId"] = Pic.ZERO
    assert mailinfra.check(order).valid
    mb = order["domains"][0]["mailboxes"][0]
    mb["profilePicId"] = decimal.Decimal("1.5")
    assert codes(mailinfra.check(order)) == [("/domains/0/mailboxes/0/profilePicId", "wrong_type")]
    mb["profilePicId"] = fractions.Fraction(1, 2)
    assert codes(mailinfra.check(order)) == [("/domains/0/mailboxes/0/profilePicId", "wrong_type")]
    mb["profilePicId"] = decimal.Decimal("NaN")
    r = mailinfra.check(order)
    assert codes(r) == [("/domains/0/mailboxes/0/profilePicId", "wrong_type")]
    mb["profilePicId"] = decimal.Decimal("sNaN")
    with pytest.raises(InputError):
        mailinfra.check(order)


def test_integral_with_raising_index() -> None:
    import numbers

    class BadInt(numbers.Integral):  # type: ignore[misc]
        def __index__(self) -> int:
            raise RuntimeError("no")

    # abstract methods are irrelevant: only __index__ is called
    BadInt.__abstractmethods__ = frozenset()  # type: ignore[misc]
    with pytest.raises(InputError) as e:
        mailinfra.check({"x": BadInt()})
    assert e.value.pointer == "/x"


def test_top_level_types() -> None:
    for x in (None, 42, 4.2, True, [], (), Evil(), {1, 2}):
        assert codes(mailinfra.check(x)) == [("", "not_an_object")]
        assert mailinfra.prepare(x).valid is False
    assert codes(mailinfra.check("")) == [("", "invalid_json")]
    assert codes(mailinfra.check(b"\xff")) == [("", "invalid_json")]
    assert codes(mailinfra.check("[]")) == [("", "not_an_object")]
