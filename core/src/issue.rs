//! The issue vocabulary: what every surface (Rust, JS, Python, CLI) reports.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::problem::Problem;

/// Stable, versioned issue codes (`snake_case` on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IssueCode {
    NotAnObject,
    MissingField,
    UnknownField,
    WrongType,
    Blank,
    TooLong,
    TooShort,
    BadCharacters,
    NotNormalized,
    InvalidCountry,
    InvalidState,
    InvalidPostalCode,
    PostalCodeStateMismatch,
    PostalCodeNotUsed,
    PhoneNotE164,
    InvalidPhone,
    InvalidEnum,
    PlanNotSupportedByEsp,
    InvalidDomain,
    DomainNotRegistrable,
    DomainNotAscii,
    MixedScriptDomain,
    IdnDomain,
    DuplicateDomain,
    RedirectNotBareDomain,
    RedirectLoop,
    EmailDomainMismatch,
    InvalidEmail,
    ObfuscatedEmail,
    DuplicateEmail,
    RoleAddress,
    TooManyMailboxes,
    TooManyItems,
    InputTooLarge,
    /// The text is not JSON at all (text entry points only).
    InvalidJson,
    /// Nesting deeper than [`crate::limits::MAX_DEPTH`].
    TooDeep,
    /// Two spreadsheet rows give one domain different values (e.g. two redirects).
    ConflictingValue,
}

impl IssueCode {
    /// Every code, in the order of the contract's table (for generated type unions).
    pub const ALL: [IssueCode; 37] = [
        Self::NotAnObject,
        Self::MissingField,
        Self::UnknownField,
        Self::WrongType,
        Self::Blank,
        Self::TooLong,
        Self::TooShort,
        Self::BadCharacters,
        Self::NotNormalized,
        Self::InvalidCountry,
        Self::InvalidState,
        Self::InvalidPostalCode,
        Self::PostalCodeStateMismatch,
        Self::PostalCodeNotUsed,
        Self::PhoneNotE164,
        Self::InvalidPhone,
        Self::InvalidEnum,
        Self::PlanNotSupportedByEsp,
        Self::InvalidDomain,
        Self::DomainNotRegistrable,
        Self::DomainNotAscii,
        Self::MixedScriptDomain,
        Self::IdnDomain,
        Self::DuplicateDomain,
        Self::RedirectNotBareDomain,
        Self::RedirectLoop,
        Self::EmailDomainMismatch,
        Self::InvalidEmail,
        Self::ObfuscatedEmail,
        Self::DuplicateEmail,
        Self::RoleAddress,
        Self::TooManyMailboxes,
        Self::TooManyItems,
        Self::InputTooLarge,
        Self::InvalidJson,
        Self::TooDeep,
        Self::ConflictingValue,
    ];

    /// The wire name, e.g. `"missing_field"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotAnObject => "not_an_object",
            Self::MissingField => "missing_field",
            Self::UnknownField => "unknown_field",
            Self::WrongType => "wrong_type",
            Self::Blank => "blank",
            Self::TooLong => "too_long",
            Self::TooShort => "too_short",
            Self::BadCharacters => "bad_characters",
            Self::NotNormalized => "not_normalized",
            Self::InvalidCountry => "invalid_country",
            Self::InvalidState => "invalid_state",
            Self::InvalidPostalCode => "invalid_postal_code",
            Self::PostalCodeStateMismatch => "postal_code_state_mismatch",
            Self::PostalCodeNotUsed => "postal_code_not_used",
            Self::PhoneNotE164 => "phone_not_e164",
            Self::InvalidPhone => "invalid_phone",
            Self::InvalidEnum => "invalid_enum",
            Self::PlanNotSupportedByEsp => "plan_not_supported_by_esp",
            Self::InvalidDomain => "invalid_domain",
            Self::DomainNotRegistrable => "domain_not_registrable",
            Self::DomainNotAscii => "domain_not_ascii",
            Self::MixedScriptDomain => "mixed_script_domain",
            Self::IdnDomain => "idn_domain",
            Self::DuplicateDomain => "duplicate_domain",
            Self::RedirectNotBareDomain => "redirect_not_bare_domain",
            Self::RedirectLoop => "redirect_loop",
            Self::EmailDomainMismatch => "email_domain_mismatch",
            Self::InvalidEmail => "invalid_email",
            Self::ObfuscatedEmail => "obfuscated_email",
            Self::DuplicateEmail => "duplicate_email",
            Self::RoleAddress => "role_address",
            Self::TooManyMailboxes => "too_many_mailboxes",
            Self::TooManyItems => "too_many_items",
            Self::InputTooLarge => "input_too_large",
            Self::InvalidJson => "invalid_json",
            Self::TooDeep => "too_deep",
            Self::ConflictingValue => "conflicting_value",
        }
    }

    /// The severity before options (`allowIdn`, `warningsAsErrors`) are applied.
    pub fn default_severity(self) -> Severity {
        match self {
            Self::PostalCodeStateMismatch
            | Self::PostalCodeNotUsed
            | Self::IdnDomain
            | Self::RoleAddress => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// `error`: the server would reject it or the purchase would be wrong;
/// `warning`: accepted, but probably not what the user wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// One step of an issue's location: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum PathSeg {
    Index(usize),
    Key(String),
}

/// One problem with one value. Identical in every language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Issue {
    /// RFC 6901 JSON Pointer to the value to change (`""` for the whole order).
    pub pointer: String,
    /// The same location as an array of keys and indices.
    pub path: Vec<PathSeg>,
    pub code: IssueCode,
    pub severity: Severity,
    /// One English sentence for a person; echoes at most ~80 characters of input.
    pub message: String,
    /// The corrected value, present only when the fix is certain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Value>,
}

impl Issue {
    /// The issue of `problem` at `path`, with its code's default severity; the
    /// pointer is derived from `path`.
    pub fn new(path: Vec<PathSeg>, problem: &Problem) -> Self {
        let code = problem.code();
        Issue {
            pointer: pointer_of(&path),
            path,
            code,
            severity: code.default_severity(),
            message: problem.message(),
            suggestion: problem.suggestion(),
        }
    }

    /// The single issue of an input refused for its size, before anything is parsed;
    /// `len` is `None` when a stream was cut off without knowing its full length.
    pub fn input_too_large(len: Option<u64>, max: usize) -> Self {
        Issue::new(Vec::new(), &Problem::InputTooLarge { len, max })
    }

    /// The single issue of an input nested deeper than [`crate::limits::MAX_DEPTH`]
    /// (a binding that stops converting a recursive structure reports this).
    pub fn too_deep() -> Self {
        Issue::new(
            Vec::new(),
            &Problem::TooDeep {
                max: crate::limits::MAX_DEPTH,
            },
        )
    }
}

/// The outcome of `check` or `prepare`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// True when no issue has severity `error`.
    pub valid: bool,
    /// In document order (the canonical field order of the contract).
    pub issues: Vec<Issue>,
    /// The canonical order; only from `prepare`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::json_schema::order_ref")
    )]
    pub order: Option<Value>,
}

impl Report {
    /// The report of an input refused outright (its one issue is an error).
    pub fn refused(issue: Issue) -> Self {
        Self::from_issues(vec![issue], None)
    }

    pub(crate) fn from_issues(issues: Vec<Issue>, order: Option<Value>) -> Self {
        let valid = !issues.iter().any(|i| i.severity == Severity::Error);
        Report {
            valid,
            issues,
            order,
        }
    }

    /// Issues of severity `error`.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }
}

/// RFC 6901 pointer for a path (`~` -> `~0`, `/` -> `~1`).
/// `i` in decimal, without `to_string`'s formatter and allocation (every issue's pointer).
fn push_digits(out: &mut String, i: usize) {
    if i >= 10 {
        push_digits(out, i / 10);
    }
    out.push(char::from(b'0' + (i % 10) as u8));
}

pub fn pointer_of(path: &[PathSeg]) -> String {
    // Room for most pointers (`/domains/0/mailboxes/2/firstname`): one allocation.
    let mut out = String::with_capacity(40);
    for seg in path {
        out.push('/');
        match seg {
            PathSeg::Index(i) => push_digits(&mut out, *i),
            PathSeg::Key(k) if !k.bytes().any(|b| b == b'~' || b == b'/') => out.push_str(k),
            PathSeg::Key(k) => {
                for c in k.chars() {
                    match c {
                        '~' => out.push_str("~0"),
                        '/' => out.push_str("~1"),
                        c => out.push(c),
                    }
                }
            }
        }
    }
    out
}
