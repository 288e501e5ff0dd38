//! Mailbox-name suggestions, offline: what `POST /v1/domain/generate-mailbox-names`
//! does upstream. Names of any script are transliterated to ASCII (`deunicode`), then
//! laid out in the patterns people use, most natural first; every suggestion passes
//! the ESP's username rules and the order's email checks, and none is a role name.

use std::collections::HashSet;

use serde::Serialize;

use crate::host;
use crate::issue::{Issue, PathSeg};
use crate::limits::MAX_STRING_BYTES;
use crate::problem::{HostRole, Problem};
use crate::rules::email::{self, MAX_ADDRESS, MAX_LOCAL};
use crate::rules::esp::{username_problem, Esp};

/// The most suggestions one request may ask for (the upstream endpoint's limit).
const MAX_SUGGESTIONS: usize = 100;

/// What a suggestion request asks for.
#[derive(Debug, Clone, Default)]
pub struct SuggestRequest<'a> {
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub domain: &'a str,
    pub count: i64,
    pub esp: Option<Esp>,
    /// Addresses already taken (other mailboxes of the order): never suggested.
    pub exclude: &'a [String],
}

/// Suggested addresses, or the issues that prevented them (pointers name the
/// request's fields: `/firstName`, `/lastName`, `/domain`, `/count`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Suggestions {
    pub addresses: Vec<String>,
    pub issues: Vec<Issue>,
}

/// Name parts as ASCII tokens: `Anne-Marie` -> `["anne-marie"]`, `O'Brien` -> `["obrien"]`,
/// `Nguyễn Văn` -> `["nguyen", "van"]`. Empty when nothing of the name transliterates.
fn name_tokens(name: &str) -> Vec<String> {
    deunicode::deunicode(name)
        .split(|c: char| c.is_whitespace() || c == '.' || c == '_')
        .map(|w| {
            let t: String = w
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .map(|c| c.to_ascii_lowercase())
                .collect();
            t.split('-')
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("-")
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn issue(field: &str, problem: &Problem) -> Issue {
    Issue::new(vec![PathSeg::Key(field.into())], problem)
}

/// [`suggest`] for a request given as JSON, the shape of the upstream endpoint's body
/// and of the JS API: `{firstName, lastName, domain, count, esp?, exclude?}`. A member
/// of the wrong type reads as absent (so a non-integer count is `too_short`).
pub fn suggest_json(req: &serde_json::Value) -> Suggestions {
    let text = |k: &str| req[k].as_str().unwrap_or_default();
    let exclude: Vec<String> = req["exclude"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    suggest(&SuggestRequest {
        first_name: text("firstName"),
        last_name: text("lastName"),
        domain: text("domain"),
        count: req["count"].as_i64().unwrap_or(0),
        esp: req["esp"].as_str().and_then(Esp::from_loose),
        exclude: &exclude,
    })
}

/// Suggests `count` addresses for a person on a domain. Deterministic: the same
/// request gives the same list.
pub fn suggest(req: &SuggestRequest) -> Suggestions {
    let taken: HashSet<String> = req
        .exclude
        .iter()
        .map(|e| email::normalize(e).into_owned())
        .collect();
    suggest_excluding(req, &taken)
}

/// [`suggest`] with the taken addresses (normalized) as a set, so a bulk caller
/// adding one address at a time pays nothing per address already taken.
pub(crate) fn suggest_excluding(req: &SuggestRequest, taken: &HashSet<String>) -> Suggestions {
    let mut issues = Vec::new();
    let first = name_part(req.first_name, "firstName", &mut issues);
    let last = name_part(req.last_name, "lastName", &mut issues);
    let host = host::normalize_host(req.domain);
    let (valid_host, problems) = if req.domain.len() > MAX_STRING_BYTES {
        (None, Vec::new())
    } else {
        host::check_host(&host, HostRole::Purchase)
    };
    for p in problems.iter().filter(|p| p.is_error()) {
        issues.push(issue("domain", p));
    }
    if valid_host.is_none() && issues.iter().all(|i| i.pointer != "/domain") {
        issues.push(issue("domain", &Problem::SuggestNoDomain));
    }
    if req.count < 1 {
        issues.push(issue("count", &Problem::SuggestNoCount));
    } else if req.count > MAX_SUGGESTIONS as i64 {
        issues.push(issue(
            "count",
            &Problem::SuggestTooMany {
                max: MAX_SUGGESTIONS,
            },
        ));
    }
    let (Some(first), Some(last), true) = (first, last, issues.is_empty()) else {
        return Suggestions {
            addresses: Vec::new(),
            issues,
        };
    };
    let count = usize::try_from(req.count).unwrap_or(0);
    let mut seen = HashSet::new();
    let mut addresses = Vec::new();
    for local in candidates(&first, &last) {
        if addresses.len() == count {
            break;
        }
        let address = format!("{local}@{host}");
        if local.len() > MAX_LOCAL
            || address.len() > MAX_ADDRESS
            || email::is_role(&local)
            || username_problem(&local, req.esp).is_some()
            || taken.contains(&address)
            || !seen.insert(local)
        {
            continue;
        }
        addresses.push(address);
    }
    Suggestions { addresses, issues }
}

/// The ASCII tokens of one name, or an issue when there are none.
fn name_part(raw: &str, field: &str, issues: &mut Vec<Issue>) -> Option<Vec<String>> {
    if raw.trim().is_empty() {
        issues.push(issue(field, &Problem::SuggestBlankName));
        return None;
    }
    if raw.len() > MAX_STRING_BYTES {
        issues.push(issue(field, &Problem::SuggestNameTooLong));
        return None;
    }
    let tokens = name_tokens(raw);
    if tokens.is_empty() {
        issues.push(issue(
            field,
            &Problem::SuggestNoLatin {
                value: raw.to_string(),
            },
        ));
        return None;
    }
    Some(tokens)
}

/// Local parts in order of naturalness, then numbered variants without end (the
/// caller stops at `count`; the numbered run bounds the search at 1000 each).
fn candidates(first: &[String], last: &[String]) -> impl Iterator<Item = String> {
    let f = first.join("");
    let l = last.join("");
    let fi = f.chars().next().map(String::from).unwrap_or_default();
    let li = l.chars().next().map(String::from).unwrap_or_default();
    let f_full = first.join(".");
    let plain = [
        f.clone(),
        format!("{f}.{l}"),
        format!("{f}{l}"),
        format!("{fi}{l}"),
        format!("{fi}.{l}"),
        format!("{l}.{f}"),
        format!("{l}{fi}"),
        format!("{f}{li}"),
        format!("{f}.{li}"),
        format!("{f}_{l}"),
        format!("{l}{f}"),
        format!("{f}-{l}"),
        format!("{fi}{li}"),
        format!("{l}.{fi}"),
        format!("{f_full}.{l}"),
        l.clone(),
    ];
    let numbered = (1..=1000).flat_map(move |n| {
        [
            format!("{f}.{l}{n}"),
            format!("{f}{l}{n}"),
            format!("{fi}{l}{n}"),
            format!("{f}{n}"),
        ]
    });
    plain.into_iter().chain(numbered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::IssueCode;

    fn req<'a>(first: &'a str, last: &'a str, count: i64) -> SuggestRequest<'a> {
        SuggestRequest {
            first_name: first,
            last_name: last,
            domain: "acme.com",
            count,
            esp: Some(Esp::Google),
            exclude: &[],
        }
    }

    #[test]
    fn natural_patterns_first() {
        let s = suggest(&req("John", "Smith", 5));
        assert!(s.issues.is_empty());
        assert_eq!(
            s.addresses,
            [
                "john@acme.com",
                "john.smith@acme.com",
                "johnsmith@acme.com",
                "jsmith@acme.com",
                "j.smith@acme.com"
            ]
        );
    }

    #[test]
    fn transliterates_any_script() {
        assert_eq!(name_tokens("José Müller"), ["jose", "muller"]);
        assert_eq!(name_tokens("O'Brien"), ["obrien"]);
        assert_eq!(name_tokens("Anne-Marie"), ["anne-marie"]);
        assert_eq!(name_tokens("Иван"), ["ivan"]);
        assert_eq!(name_tokens("Γιώργος"), ["giorgos"]);
        assert!(name_tokens("\u{13000}").is_empty());
    }

    #[test]
    fn hundred_unique_and_valid() {
        let s = suggest(&req("Zoë", "O'Brien", 100));
        assert_eq!(s.addresses.len(), 100);
        let unique: HashSet<_> = s.addresses.iter().collect();
        assert_eq!(unique.len(), 100);
    }

    #[test]
    fn bad_requests_are_issues() {
        let s = suggest(&SuggestRequest {
            domain: "mail.acme.com",
            ..req(" ", "Smith", 0)
        });
        let codes: Vec<_> = s.issues.iter().map(|i| i.code).collect();
        assert_eq!(
            codes,
            [
                IssueCode::Blank,
                IssueCode::DomainNotRegistrable,
                IssueCode::TooShort
            ]
        );
        assert!(s.addresses.is_empty());
    }
}
