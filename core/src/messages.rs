//! Every English sentence the library writes: one `match` over [`Problem`], and the
//! errors a caller's mistake raises ([`PointerError`], [`OptionsError`]). Nothing
//! else formats a message; `core/tests/messages.rs` snapshots them all.

use std::fmt;

use crate::fields::Level;
use crate::options::{OptionsError, OptionsErrorKind};
use crate::pointer::PointerError;
use crate::problem::{Fix, HostRole, JsonKind, Problem, UrlPart, Username};
use crate::rules::esp::{Esp, ESP_NAMES, PLAN_NAMES};
use crate::text::is_bad_char;

/// Examples a message gives: a valid phone number and a bare domain.
const PHONE_EXAMPLE: &str = "+14155551234";
const DOMAIN_EXAMPLE: &str = "acmecorp.com";

impl Problem {
    /// One English sentence for a person; echoes at most ~60 characters of input.
    pub fn message(&self) -> String {
        use Problem as P;
        match self {
            P::NotAnObject { level, found } => match level {
                Level::Order => format!("The order must be a JSON object, not {}.", kind(*found)),
                Level::Domain => format!(
                    "Each domain must be an object with a name and mailboxes, not {}.",
                    kind(*found)
                ),
                Level::Mailbox => format!(
                    "Each mailbox must be an object with firstname, lastname and email, not {}.",
                    kind(*found)
                ),
            },
            P::Missing { field } => format!("{} is required.", field.label),
            P::NullOptional { field } => {
                format!("{} must be left out rather than null.", field.label)
            }
            P::Oversized { field, bytes } => {
                format!("{} is {bytes} bytes long, far over any limit.", field.label)
            }
            P::NotText { field, found } => {
                format!("{} must be text, not {}.", field.label, kind(*found))
            }
            P::NotBoolean { field, found, .. } => {
                format!("{} must be true or false, not {}.", field.label, kind(*found))
            }
            P::NotWholeNumber { field, found, .. } => format!(
                "{} must be a whole number of 0 or more, not {}.",
                field.label,
                kind(*found)
            ),
            P::NotAList { field, found } => {
                format!("{} must be a list, not {}.", field.label, kind(*found))
            }
            P::UnknownField { key, nearest } => match nearest {
                Some(h) => format!(
                    "{} is not a field of the order; did you mean {h:?}?",
                    quote(key)
                ),
                None => format!("{} is not a field of the order.", quote(key)),
            },
            P::Fixable {
                fix,
                field,
                raw,
                canonical,
            } => {
                let (label, raw, canon) = (field.label, quote(raw), quote(canonical));
                match fix {
                    Fix::Spelling => format!("{label} should be written {canon}."),
                    Fix::Characters => format!(
                        "{label} contains line breaks or invisible characters; use {canon}."
                    ),
                    Fix::CountryCode => {
                        format!("{raw} is not an ISO 3166-1 country code; use {canon}.")
                    }
                    Fix::PhoneForm => {
                        format!("Phone numbers must be in international E.164 form: {canon}.")
                    }
                    Fix::EnumValue => {
                        format!("{raw} is not one of the allowed values; use {canon}.")
                    }
                    Fix::AsciiForm => format!("{label} must be sent in its ASCII form {canon}."),
                    Fix::BareDomain => format!(
                        "The redirect must be a bare domain, without https:// or a path: {canon}."
                    ),
                }
            }
            P::Blank { field } => format!("{} cannot be empty.", field.label),
            P::TooLong { field, chars, max } => format!(
                "{} is {chars} characters long; the limit is {max}.",
                field.label
            ),
            P::BadCharacters { field } => format!(
                "{} contains control, invisible or direction-changing characters.",
                field.label
            ),
            P::NoDomains => "Add at least one domain.".into(),
            P::NoMailboxes => "Add at least one mailbox.".into(),
            P::TooManyDomains { count: n, max } => format!(
                "The order has {}; the limit is {max}.",
                count(*n, "domain")
            ),
            P::TooManyMailboxes {
                esp,
                count: n,
                max,
            } => format!(
                "{} provisions at most {} per domain; this one has {n}.",
                esp.map_or("The provider", Esp::as_str),
                count(*max, "mailbox")
            ),
            P::InvalidCountry { value } => format!(
                "{} is not an ISO 3166-1 alpha-2 country code (like US, GB or IN).",
                quote(value)
            ),
            P::InvalidState {
                value,
                kind,
                country,
                nearest,
                examples,
            } => match nearest {
                Some(s) if s.name == s.key => format!(
                    "{} is not a {kind} of {country}; did you mean {}?",
                    quote(value),
                    s.name
                ),
                Some(s) => format!(
                    "{} is not a {kind} of {country}; did you mean {} ({})?",
                    quote(value),
                    s.name,
                    s.key
                ),
                None => format!(
                    "{} is not a {kind} of {country}; use its code or name, e.g. {}.",
                    quote(value),
                    examples.join(", ")
                ),
            },
            P::PostalCodeNotUsed { country } => {
                format!("{country} does not use postal codes; leave it empty.")
            }
            P::InvalidPostalCode {
                value,
                kind,
                country,
                example,
            } => format!(
                "{} is not a valid {} for {country}; example: {example}.",
                quote(value),
                postal_code_name(kind)
            ),
            P::PostalCodeStateMismatch {
                value,
                kind,
                state,
                other,
            } => format!(
                "{} {} is in {other}, not {state}.",
                postal_code_name(kind),
                quote(value)
            ),
            P::PhoneExtension { value } => format!(
                "{} has an extension, which the phone number cannot carry: give the number alone, like {PHONE_EXAMPLE}.",
                quote(value)
            ),
            P::PhoneNotInternational { value } => format!(
                "{} is not an international number: use + and the country code, like {PHONE_EXAMPLE}.",
                quote(value)
            ),
            P::InvalidPhone { value } => format!(
                "{} is not a valid phone number in any numbering plan.",
                quote(value)
            ),
            P::UnknownEsp { value } => format!(
                "{} is not a provider; use {}.",
                quote(value),
                one_of(&ESP_NAMES)
            ),
            P::UnknownPlan { value } => format!(
                "{} is not a plan; use {}.",
                quote(value),
                one_of(&PLAN_NAMES)
            ),
            P::PlanNotOffered { esp, plan, offered } => format!(
                "{} only offers the {} plan, not {}.",
                esp.as_str(),
                offered.as_str(),
                plan.as_str()
            ),
            P::EmptyHost { role } => format!("Enter a {} name.", role_word(*role)),
            P::IpAddress { role, value } => match role {
                HostRole::Purchase => format!(
                    "{} is an IP address; enter a domain name to buy.",
                    quote(value)
                ),
                HostRole::Redirect => {
                    format!("{} is an IP address; redirect to a domain name.", quote(value))
                }
            },
            P::RedirectNotBare { part, value } => format!(
                "The redirect must be a bare domain like {DOMAIN_EXAMPLE}, without {}; got {}.",
                match part {
                    UrlPart::Scheme => "a scheme",
                    UrlPart::Credentials => "credentials",
                    UrlPart::PathOrQuery => "a path or query",
                    UrlPart::Port => "a port",
                },
                quote(value)
            ),
            P::HostNotAscii { value, .. } => {
                format!("{} must be sent in its ASCII (xn--) form.", quote(value))
            }
            P::InvalidIdn { value } => format!(
                "{} is not a valid internationalized domain name.",
                quote(value)
            ),
            P::HostTooLong { len, max } => {
                format!("The domain is {len} characters long; the limit is {max}.")
            }
            P::HostCharacter { value, found } => format!(
                "{} contains {found:?}; use only letters, digits, hyphens and dots.",
                quote(value)
            ),
            P::EmptyLabel { value } => format!(
                "{} has an empty label (two dots in a row, or a dot at an end).",
                quote(value)
            ),
            P::LabelTooLong { value, len, max } => format!(
                "A label of {} is {len} characters long; the limit is {max}.",
                quote(value)
            ),
            P::LabelHyphenAtEnd { label } => {
                format!("The label {} starts or ends with a hyphen.", quote(label))
            }
            P::LabelReservedHyphens { label } => format!(
                "The label {} has hyphens in the 3rd and 4th positions, reserved for xn-- labels.",
                quote(label)
            ),
            P::BadALabel { value } => {
                format!("{} has an xn-- label that is not valid IDNA.", quote(value))
            }
            P::MixedScript { label } => format!(
                "The label {} mixes scripts; registries refuse such names.",
                quote(label)
            ),
            P::NoTld { value } => {
                format!("{} needs a top-level domain, like .com.", quote(value))
            }
            P::UnknownTld { tld } => format!(".{tld} is not a known top-level domain."),
            P::PublicSuffix { value } => format!(
                "{} is a public suffix; add the name to buy in front of it.",
                quote(value)
            ),
            P::Subdomain { value, registrable } => format!(
                "{} is a subdomain; only {} can be bought.",
                quote(value),
                quote(registrable)
            ),
            P::IdnDomain { unicode } => format!(
                "{} is an internationalized domain; such domains deliver cold email poorly.",
                quote(unicode)
            ),
            P::SuffixNotOffered { suffix } => format!(".{suffix} domains are not offered here."),
            P::DuplicateDomain { name } => format!("{} is already in this order.", quote(name)),
            P::RedirectLoop { target } => format!(
                "The redirect {} points back at the domain being bought.",
                quote(target)
            ),
            P::ObfuscatedEmail { value } => format!(
                "{} is a placeholder copied from a web page; type the real address.",
                quote(value)
            ),
            P::NotAnAddress { value } => format!(
                "{} is not an address of the form name@domain.",
                quote(value)
            ),
            P::AddressTooLong {
                local_max,
                total_max,
            } => format!(
                "An address may have at most {local_max} characters before @ and {total_max} in all."
            ),
            P::Username { esp, rule } => {
                let who = esp.map_or("the provider", Esp::as_str);
                match rule {
                    Username::Empty => "The part before @ is empty.".into(),
                    Username::Character { found, allowed } => {
                        let allowed: String = allowed.iter().map(|p| format!(" {p}")).collect();
                        format!(
                            "{who} usernames may only use letters, digits and{allowed}; {found:?} is not allowed."
                        )
                    }
                    Username::AtEnd(c) => format!("{who} usernames cannot start or end with {c:?}."),
                    Username::DoubleDot => {
                        format!("{who} usernames cannot contain two dots in a row.")
                    }
                    Username::Reserved(local) => format!("{who} reserves the username {local:?}."),
                }
            }
            P::EmailDomainMismatch { domain, .. } => format!(
                "The address must be on {}, the domain it belongs to.",
                quote(domain)
            ),
            P::DuplicateEmail { address } => format!(
                "{} is already used by another mailbox in this order.",
                quote(address)
            ),
            P::RoleAddress { local } => format!(
                "{} is a role address; a person's name sends better.",
                quote(local)
            ),
            P::InputTooLarge { len, max } => match len {
                Some(n) => format!("The input is {n} bytes; the limit is {max}."),
                None => format!("The input is more than {max} bytes; the limit is {max}."),
            },
            P::InvalidUtf8 { at } => {
                format!("The input is not valid JSON: invalid UTF-8 at byte {at}.")
            }
            P::InvalidJson { detail } => format!("The input is not valid JSON: {detail}."),
            P::TooDeep { max } => format!("The input nests deeper than {max} levels."),
            P::Unconvertible { what } => {
                format!("The input cannot be converted to JSON: {what}.")
            }
            P::RegistrantNotObject => {
                "The registrant must be a JSON object of the order's fields.".into()
            }
            P::RegistrantHasDomains => {
                "The registrant record has domains; the domains come from the spreadsheet.".into()
            }
            P::UnknownColumn { header, columns } => {
                format!("Column {header:?} is not one of {}.", columns.join(", "))
            }
            P::MissingColumn { column } => format!("The sheet has no {column:?} column."),
            P::ExtraCells { count } => {
                format!("This row has {count} more cell(s) than the header has columns.")
            }
            P::RowWithoutDomain => "This row has no domain.".into(),
            P::ConflictingRedirect {
                first_row,
                first,
                this,
            } => format!(
                "Row {first_row} gives this domain the redirect {first:?}; this row says {this:?}."
            ),
            P::SuggestNoDomain => "Enter the domain the mailboxes are on.".into(),
            P::SuggestNoCount => "Ask for at least one suggestion.".into(),
            P::SuggestTooMany { max } => format!("Ask for at most {max} suggestions."),
            P::SuggestBlankName => "Enter a name.".into(),
            P::SuggestNameTooLong => "The name is far too long.".into(),
            P::SuggestNoLatin { value } => format!(
                "{} has no letters that can be written in ASCII; type it in Latin letters.",
                quote(value)
            ),
        }
    }
}

impl fmt::Display for PointerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let nearest = match self {
            PointerError::Malformed { pointer, nearest } => {
                write!(f, "{pointer:?} is not a JSON Pointer")?;
                nearest
            }
            PointerError::NoSuchField { pointer, nearest } => {
                write!(f, "{pointer:?} names no field of the order")?;
                nearest
            }
        };
        match nearest {
            Some(n) => write!(f, "; did you mean {n:?}?"),
            None => write!(
                f,
                "; use \"\" for the whole order or a path like \"/zipcode\" or \"/domains/0/mailboxes/0/email\""
            ),
        }
    }
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = &self.option;
        match &self.kind {
            OptionsErrorKind::NotAnObject => write!(f, "options must be an object"),
            OptionsErrorKind::Unknown { nearest } => {
                write!(f, "unknown option {name:?}")?;
                if let Some(n) = nearest {
                    write!(f, " (did you mean {n:?}?)")?;
                }
                write!(f, "; options are {}", self.names.join(", "))
            }
            OptionsErrorKind::NotACount | OptionsErrorKind::OutOfRange => write!(
                f,
                "option {name:?} must be a whole number of 0 or more that fits in 64 bits"
            ),
            OptionsErrorKind::NotABool => write!(f, "option {name:?} must be true or false"),
            OptionsErrorKind::NotTlds => write!(
                f,
                "option {name:?} must be a list of strings (e.g. [\"com\", \"net\"])"
            ),
        }
    }
}

/// The JSON type of a value, for messages.
fn kind(k: JsonKind) -> &'static str {
    match k {
        JsonKind::Null => "null",
        JsonKind::Bool => "a boolean",
        JsonKind::Number => "a number",
        JsonKind::String => "text",
        JsonKind::Array => "a list",
        JsonKind::Object => "an object",
    }
}

fn role_word(role: HostRole) -> &'static str {
    match role {
        HostRole::Purchase => "domain",
        HostRole::Redirect => "redirect",
    }
}

/// How a country's postal code is called in a sentence, from Google's `zip_name_type`.
pub(crate) fn postal_code_name(kind: &str) -> &'static str {
    match kind {
        "zip" => "ZIP code",
        "pin" => "PIN code",
        "eircode" => "Eircode",
        _ => "postal code",
    }
}

/// `A, B or C`.
fn one_of(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// `1 domain`, `2 domains`, `0 mailboxes`.
fn count(n: usize, word: &str) -> String {
    match (n, word.ends_with('x')) {
        (1, _) => format!("1 {word}"),
        (_, true) => format!("{n} {word}es"),
        _ => format!("{n} {word}s"),
    }
}

/// At most ~60 characters of `s`, quoted, for messages: no message echoes long input.
pub(crate) fn quote(s: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::with_capacity(s.len().min(4 * MAX) + 5);
    out.push('"');
    // Printable ASCII (what most inputs are) has no bad character: copied at once.
    if s.len() <= MAX && s.bytes().all(|b| (b' '..b'\x7f').contains(&b)) {
        out.push_str(s);
        out.push('"');
        return out;
    }
    for (n, c) in s.chars().enumerate() {
        if n == MAX {
            out.push('…');
            break;
        }
        if is_bad_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_truncates_long_input() {
        let q = quote(&"x".repeat(500));
        assert!(q.chars().count() <= 64, "{q}");
        assert_eq!(quote("a\u{0}b"), "\"a\\u{0}b\"");
    }

    #[test]
    fn lists_and_counts() {
        assert_eq!(one_of(&["a", "b", "c"]), "a, b or c");
        assert_eq!(count(1, "mailbox"), "1 mailbox");
        assert_eq!(count(5, "mailbox"), "5 mailboxes");
        assert_eq!(count(0, "domain"), "0 domains");
    }
}
