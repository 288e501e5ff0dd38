//! Typed issue kinds: one variant per distinct situation, carrying what its message
//! and its fix need. The wire code and the suggestion derive from the variant (the
//! severity from the code and the options); the sentence is written in `messages.rs`.

use serde_json::Value;

use crate::fields::{Field, Level};
use crate::issue::IssueCode;
use crate::rules::esp::{Esp, Plan};

/// What a value is, as a message names it (`not a number`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl JsonKind {
    pub fn of(v: &Value) -> Self {
        match v {
            Value::Null => Self::Null,
            Value::Bool(_) => Self::Bool,
            Value::Number(_) => Self::Number,
            Value::String(_) => Self::String,
            Value::Array(_) => Self::Array,
            Value::Object(_) => Self::Object,
        }
    }
}

/// What a host name must be in its slot of the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostRole {
    /// A domain to buy: exactly one label under an ICANN public suffix.
    Purchase,
    /// A redirect target: any host under a known TLD, subdomains allowed.
    Redirect,
}

/// What a redirect carries besides a bare host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlPart {
    Scheme,
    Credentials,
    PathOrQuery,
    Port,
}

/// The safe fix `prepare` makes to a string field, as `check` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// Case, whitespace, Unicode form (`not_normalized`).
    Spelling,
    /// Line breaks or invisible characters removed (`bad_characters`).
    Characters,
    /// A country name or alias written as its code (`invalid_country`).
    CountryCode,
    /// A phone number written in E.164 (`phone_not_e164`).
    PhoneForm,
    /// An alias or case variant of an allowed value (`invalid_enum`).
    EnumValue,
    /// A Unicode domain written as its A-label (`domain_not_ascii`).
    AsciiForm,
    /// `https://` or a trailing `/` removed from a redirect (`redirect_not_bare_domain`).
    BareDomain,
}

/// Why a mailbox's username breaks its provider's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Username {
    Empty,
    /// A character outside letters, digits and `allowed`.
    Character {
        found: char,
        allowed: &'static [char],
    },
    /// Punctuation the provider refuses at either end.
    AtEnd(char),
    DoubleDot,
    /// A name the provider keeps for itself.
    Reserved(String),
}

/// A state a near miss clearly meant: its key and the name a person reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateName {
    pub key: &'static str,
    /// The Latin-script name when there is one, else the name.
    pub name: &'static str,
}

/// Every situation an issue reports.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    // The order's shape.
    NotAnObject {
        level: Level,
        found: JsonKind,
    },
    Missing {
        field: &'static Field,
    },
    NullOptional {
        field: &'static Field,
    },
    Oversized {
        field: &'static Field,
        bytes: usize,
    },
    NotText {
        field: &'static Field,
        found: JsonKind,
    },
    NotBoolean {
        field: &'static Field,
        found: JsonKind,
        fixed: Option<bool>,
    },
    NotWholeNumber {
        field: &'static Field,
        found: JsonKind,
        fixed: Option<u64>,
    },
    NotAList {
        field: &'static Field,
        found: JsonKind,
    },
    UnknownField {
        key: String,
        nearest: Option<&'static str>,
    },
    /// A string `prepare` would rewrite, with the rewritten form.
    Fixable {
        fix: Fix,
        field: &'static Field,
        raw: String,
        canonical: String,
    },
    // Free text.
    Blank {
        field: &'static Field,
    },
    TooLong {
        field: &'static Field,
        chars: usize,
        max: usize,
    },
    BadCharacters {
        field: &'static Field,
    },
    // Lists.
    NoDomains,
    NoMailboxes,
    TooManyDomains {
        count: usize,
        max: usize,
    },
    TooManyMailboxes {
        esp: Option<Esp>,
        count: usize,
        max: usize,
    },
    // Address and phone.
    InvalidCountry {
        value: String,
    },
    InvalidState {
        value: String,
        /// Google's `state_name_type` ("state", "province", ...).
        kind: &'static str,
        country: &'static str,
        nearest: Option<StateName>,
        /// A few keys of the country's list, shown when no near miss is certain.
        examples: Vec<&'static str>,
    },
    PostalCodeNotUsed {
        country: &'static str,
    },
    InvalidPostalCode {
        value: String,
        /// Google's `zip_name_type` ("zip", "postal", ...).
        kind: &'static str,
        country: &'static str,
        example: &'static str,
    },
    PostalCodeStateMismatch {
        value: String,
        kind: &'static str,
        state: &'static str,
        other: &'static str,
    },
    PhoneExtension {
        value: String,
    },
    PhoneNotInternational {
        value: String,
    },
    InvalidPhone {
        value: String,
    },
    // Provider and plan.
    UnknownEsp {
        value: String,
    },
    UnknownPlan {
        value: String,
    },
    PlanNotOffered {
        esp: Esp,
        plan: Plan,
        offered: Plan,
    },
    // Host names.
    EmptyHost {
        role: HostRole,
    },
    IpAddress {
        role: HostRole,
        value: String,
    },
    RedirectNotBare {
        part: UrlPart,
        value: String,
    },
    HostNotAscii {
        value: String,
        ascii: String,
    },
    InvalidIdn {
        value: String,
    },
    HostTooLong {
        len: usize,
        max: usize,
    },
    HostCharacter {
        value: String,
        found: char,
    },
    EmptyLabel {
        value: String,
    },
    LabelTooLong {
        value: String,
        len: usize,
        max: usize,
    },
    LabelHyphenAtEnd {
        label: String,
    },
    LabelReservedHyphens {
        label: String,
    },
    BadALabel {
        value: String,
    },
    MixedScript {
        label: String,
    },
    NoTld {
        value: String,
    },
    UnknownTld {
        tld: String,
    },
    PublicSuffix {
        value: String,
    },
    Subdomain {
        value: String,
        registrable: String,
    },
    IdnDomain {
        unicode: String,
    },
    SuffixNotOffered {
        suffix: String,
    },
    DuplicateDomain {
        name: String,
    },
    RedirectLoop {
        target: String,
    },
    // Mailbox addresses.
    ObfuscatedEmail {
        value: String,
    },
    NotAnAddress {
        value: String,
    },
    AddressTooLong {
        local_max: usize,
        total_max: usize,
    },
    Username {
        esp: Option<Esp>,
        rule: Username,
    },
    EmailDomainMismatch {
        domain: String,
        fixed: Option<String>,
    },
    DuplicateEmail {
        address: String,
    },
    RoleAddress {
        local: String,
    },
    // Input refused before any field is read.
    InputTooLarge {
        len: Option<u64>,
        max: usize,
    },
    InvalidUtf8 {
        at: usize,
    },
    InvalidJson {
        detail: String,
    },
    TooDeep {
        max: usize,
    },
    /// A binding's value that JSON has no form for.
    Unconvertible {
        what: String,
    },
    // Orders built from a spreadsheet.
    RegistrantNotObject,
    RegistrantHasDomains,
    UnknownColumn {
        header: String,
        columns: &'static [&'static str],
    },
    MissingColumn {
        column: &'static str,
    },
    ExtraCells {
        count: usize,
    },
    RowWithoutDomain,
    ConflictingRedirect {
        first_row: u64,
        first: String,
        this: String,
    },
    // Mailbox-name suggestion requests.
    SuggestNoDomain,
    SuggestNoCount,
    SuggestTooMany {
        max: usize,
    },
    SuggestBlankName,
    SuggestNameTooLong,
    SuggestNoLatin {
        value: String,
    },
}

impl Problem {
    /// The stable wire code.
    pub fn code(&self) -> IssueCode {
        use IssueCode as C;
        match self {
            Self::NotAnObject { .. } | Self::RegistrantNotObject => C::NotAnObject,
            Self::Missing { .. } | Self::MissingColumn { .. } | Self::RowWithoutDomain => {
                C::MissingField
            }
            Self::NullOptional { .. }
            | Self::NotText { .. }
            | Self::NotBoolean { .. }
            | Self::NotWholeNumber { .. }
            | Self::NotAList { .. } => C::WrongType,
            Self::UnknownField { .. } | Self::UnknownColumn { .. } | Self::ExtraCells { .. } => {
                C::UnknownField
            }
            Self::Fixable { fix, .. } => match fix {
                Fix::Spelling => C::NotNormalized,
                Fix::Characters => C::BadCharacters,
                Fix::CountryCode => C::InvalidCountry,
                Fix::PhoneForm => C::PhoneNotE164,
                Fix::EnumValue => C::InvalidEnum,
                Fix::AsciiForm => C::DomainNotAscii,
                Fix::BareDomain => C::RedirectNotBareDomain,
            },
            Self::Blank { .. } | Self::EmptyHost { .. } | Self::SuggestBlankName => C::Blank,
            Self::Oversized { .. }
            | Self::TooLong { .. }
            | Self::AddressTooLong { .. }
            | Self::SuggestNameTooLong => C::TooLong,
            Self::BadCharacters { .. } | Self::SuggestNoLatin { .. } => C::BadCharacters,
            Self::NoDomains | Self::NoMailboxes | Self::SuggestNoCount => C::TooShort,
            Self::TooManyDomains { .. } | Self::SuggestTooMany { .. } => C::TooManyItems,
            Self::TooManyMailboxes { .. } => C::TooManyMailboxes,
            Self::InvalidCountry { .. } => C::InvalidCountry,
            Self::InvalidState { .. } => C::InvalidState,
            Self::PostalCodeNotUsed { .. } => C::PostalCodeNotUsed,
            Self::InvalidPostalCode { .. } => C::InvalidPostalCode,
            Self::PostalCodeStateMismatch { .. } => C::PostalCodeStateMismatch,
            Self::PhoneExtension { .. } | Self::PhoneNotInternational { .. } => C::PhoneNotE164,
            Self::InvalidPhone { .. } => C::InvalidPhone,
            Self::UnknownEsp { .. } | Self::UnknownPlan { .. } => C::InvalidEnum,
            Self::PlanNotOffered { .. } => C::PlanNotSupportedByEsp,
            Self::IpAddress { role, .. } => match role {
                HostRole::Purchase => C::DomainNotRegistrable,
                HostRole::Redirect => C::RedirectNotBareDomain,
            },
            Self::RedirectNotBare { .. } => C::RedirectNotBareDomain,
            Self::HostNotAscii { .. } => C::DomainNotAscii,
            Self::InvalidIdn { .. }
            | Self::HostTooLong { .. }
            | Self::HostCharacter { .. }
            | Self::EmptyLabel { .. }
            | Self::LabelTooLong { .. }
            | Self::LabelHyphenAtEnd { .. }
            | Self::LabelReservedHyphens { .. }
            | Self::BadALabel { .. }
            | Self::NoTld { .. }
            | Self::UnknownTld { .. }
            | Self::SuffixNotOffered { .. }
            | Self::SuggestNoDomain => C::InvalidDomain,
            Self::MixedScript { .. } => C::MixedScriptDomain,
            Self::PublicSuffix { .. } | Self::Subdomain { .. } => C::DomainNotRegistrable,
            Self::IdnDomain { .. } => C::IdnDomain,
            Self::DuplicateDomain { .. } => C::DuplicateDomain,
            Self::RedirectLoop { .. } => C::RedirectLoop,
            Self::ObfuscatedEmail { .. } => C::ObfuscatedEmail,
            Self::NotAnAddress { .. } | Self::Username { .. } => C::InvalidEmail,
            Self::EmailDomainMismatch { .. } => C::EmailDomainMismatch,
            Self::DuplicateEmail { .. } => C::DuplicateEmail,
            Self::RoleAddress { .. } => C::RoleAddress,
            Self::InputTooLarge { .. } => C::InputTooLarge,
            Self::InvalidUtf8 { .. } | Self::InvalidJson { .. } | Self::Unconvertible { .. } => {
                C::InvalidJson
            }
            Self::TooDeep { .. } => C::TooDeep,
            Self::RegistrantHasDomains | Self::ConflictingRedirect { .. } => C::ConflictingValue,
        }
    }

    /// The corrected value, when the fix is certain.
    pub fn suggestion(&self) -> Option<Value> {
        match self {
            Self::Fixable { canonical, .. } => Some(Value::from(canonical.as_str())),
            Self::NotBoolean { fixed, .. } => fixed.map(Value::Bool),
            Self::NotWholeNumber { fixed, .. } => fixed.map(Value::from),
            Self::UnknownField { nearest, .. } => nearest.map(Value::from),
            Self::InvalidState { nearest, .. } => nearest.map(|s| Value::from(s.key)),
            Self::PlanNotOffered { offered, .. } => Some(Value::from(offered.as_str())),
            Self::HostNotAscii { ascii, .. } => Some(Value::from(ascii.as_str())),
            Self::Subdomain { registrable, .. } => Some(Value::from(registrable.as_str())),
            Self::EmailDomainMismatch { fixed, .. } => fixed.as_deref().map(Value::from),
            _ => None,
        }
    }

    /// Whether this problem is an error before options apply: a fix is withheld
    /// when the canonical form still has one.
    pub fn is_error(&self) -> bool {
        self.code().default_severity() == crate::issue::Severity::Error
    }
}
