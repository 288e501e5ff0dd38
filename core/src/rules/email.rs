//! # domains[].mailboxes[].email
//! **What**: `username@domain`, on the domain of its entry, once per order, at most 64
//! characters before `@` and 254 in all, with a username the provider accepts (its
//! characters, ends and reserved names: `esp.rs`). A role name (`info@`) is a warning.
//! **Why**: the provider creates exactly this mailbox on exactly this domain; a role
//! address sends cold email poorly.
//! **Example**: `" John@ACME.com "` -> `"john@acme.com"` (`not_normalized`, with the
//! fix); `"john@other.com"` on `acme.com` -> `email_domain_mismatch` suggesting
//! `john@acme.com`; `"[email protected]"` -> `obfuscated_email`.
//! **Fix safety**: case, surrounding space and the A-label of a Unicode domain part
//! spell the same address; another domain is a suggestion, never a fix.
//! **Source**: RFC 5321 lengths, RFC 2142 role names, the providers' username rules.

use std::borrow::Cow;

use crate::context::Context;
use crate::fields;
use crate::host;
use crate::problem::Problem;
use crate::rules::esp::{username_problem, Esp};
use crate::rules::{canon, Cx, Facts, Kind, Scope, TextRule};

pub const RULE: Kind = Kind::Text(&Email);

/// RFC 5321: at most 64 characters before `@`, 254 in all.
pub const MAX_LOCAL: usize = 64;
pub const MAX_ADDRESS: usize = 254;

/// RFC 2142 mailbox names and common shared-inbox names: poor senders for outreach.
const ROLE_NAMES: &[&str] = &[
    "abuse",
    "admin",
    "administrator",
    "billing",
    "careers",
    "contact",
    "do-not-reply",
    "donotreply",
    "ftp",
    "help",
    "hostmaster",
    "hr",
    "info",
    "jobs",
    "mailer-daemon",
    "marketing",
    "news",
    "no-reply",
    "noc",
    "noreply",
    "office",
    "postmaster",
    "press",
    "root",
    "sales",
    "security",
    "support",
    "usenet",
    "uucp",
    "webmaster",
    "www",
];

pub struct Email;

impl TextRule for Email {
    fn normalize<'a>(&self, raw: &'a str, _: &Context) -> Cow<'a, str> {
        normalize(raw)
    }

    fn canonical<'a>(&self, _: &'a str, cx: &Cx<'a>) -> Cow<'a, str> {
        Cow::Borrowed(cx.facts.key.as_deref().unwrap_or_default())
    }

    fn findings(&self, _: &str, canon: &str, cx: &Cx, out: &mut Vec<Problem>) {
        findings(canon, cx.order.esp, cx.domain, out);
        if cx.facts.duplicate {
            out.push(Problem::DuplicateEmail {
                address: canon.to_string(),
            });
        }
    }

    /// The canonical address, for duplicates across the order's mailboxes.
    fn enter<'a>(&self, raw: Option<&'a str>, scope: &mut Scope<'_, 'a>, facts: &mut Facts<'a>) {
        // Most addresses are typed in their canonical form: no copy for those.
        let email = raw.map(|e| canon(scope.canonical, e, normalize));
        facts.duplicate = email
            .as_ref()
            .is_some_and(|e| e.contains('@') && !scope.seen.emails.insert(e.clone()));
        facts.key = email;
    }
}

/// Findings on a canonical address given its ESP and its domain entry.
fn findings(canon: &str, esp: Option<Esp>, domain: Option<&str>, out: &mut Vec<Problem>) {
    if canon.is_empty() {
        out.push(Problem::Blank {
            field: &fields::EMAIL,
        });
        return;
    }
    if is_obfuscated(canon) {
        out.push(Problem::ObfuscatedEmail {
            value: canon.to_string(),
        });
        return;
    }
    let Some((local, host)) = canon
        .rsplit_once('@')
        .filter(|(l, h)| !l.is_empty() && !h.is_empty() && !l.contains('@'))
    else {
        out.push(Problem::NotAnAddress {
            value: canon.to_string(),
        });
        return;
    };
    if canon.chars().count() > MAX_ADDRESS || local.chars().count() > MAX_LOCAL {
        out.push(Problem::AddressTooLong {
            local_max: MAX_LOCAL,
            total_max: MAX_ADDRESS,
        });
    }
    let username = username_problem(local, esp);
    let local_ok = username.is_none();
    if let Some(rule) = username {
        out.push(Problem::Username { esp, rule });
    }
    if let Some(d) = domain {
        if host != d {
            out.push(Problem::EmailDomainMismatch {
                domain: d.to_string(),
                fixed: local_ok.then(|| format!("{local}@{d}")),
            });
        }
    }
    if local_ok && is_role(local) {
        out.push(Problem::RoleAddress {
            local: local.to_string(),
        });
    }
}

/// Whether the username is a role name (case-insensitive).
pub fn is_role(local: &str) -> bool {
    // The names are lower-case ASCII (a test holds them to it): no lower-cased copy.
    ROLE_NAMES.iter().any(|r| r.eq_ignore_ascii_case(local))
}

/// A placeholder pasted from a page that hides addresses (Cloudflare and others).
fn is_obfuscated(s: &str) -> bool {
    // Each placeholder has a bracket or a hyphen: one pass over the bytes rules out
    // most addresses before the four substring searches (each builds a searcher).
    if !s.bytes().any(|b| matches!(b, b'[' | b'(' | b'-')) {
        return false;
    }
    let l = s.to_ascii_lowercase();
    l.contains("[email") && l.contains("protected]")
        || l.contains("email-protection")
        || l.contains("[at]")
        || l.contains("(at)")
}

/// Whether [`normalize`] leaves `raw` as it is: ASCII without capitals or surrounding
/// space (`trim`'s ASCII white space: tab to carriage return, and space), a cheaper
/// test than the normalization's copy.
fn is_normal(raw: &str) -> bool {
    let space = |b: Option<&u8>| matches!(b, Some(b'\t'..=b'\r' | b' '));
    let bytes = raw.as_bytes();
    !space(bytes.first())
        && !space(bytes.last())
        && bytes
            .iter()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// The safe normalization: trim, lower-case, Unicode domain part -> A-label.
pub fn normalize(raw: &str) -> Cow<'_, str> {
    if is_normal(raw) {
        return Cow::Borrowed(raw);
    }
    let t = mailinfra_unicode::lower(raw.trim()).into_owned();
    Cow::Owned(match t.rsplit_once('@') {
        Some((local, domain)) if !domain.is_ascii() => match host::to_ascii(domain) {
            Some(a) => format!("{local}@{a}"),
            None => t,
        },
        _ => t,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_roles() {
        assert!(is_obfuscated("[email\u{a0}protected]"));
        assert!(is_obfuscated("[email protected]"));
        assert!(!is_obfuscated("john@acme.com"));
        assert!(is_role("Info"));
        assert!(is_role("NO-REPLY"));
        assert!(!is_role("john"));
        assert!(!is_role("İnfo"));
        assert!(ROLE_NAMES
            .iter()
            .all(|r| r.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')));
        assert_eq!(normalize(" John@BÜCHER.de "), "john@xn--bcher-kva.de");
        for raw in [
            "john@acme.com",
            "John@acme.com",
            " john@acme.com",
            "j@bücher.de",
            "a\u{b}",
            "\u{b}a",
            "a\u{1f}",
            "j@x.de\u{a0}",
        ] {
            assert_eq!(is_normal(raw), normalize(raw) == raw, "{raw:?}");
        }
    }
}
