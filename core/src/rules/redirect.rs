//! # domains[].redirectUrl
//! **What**: optional; a bare host (no scheme, path, query, port or credentials)
//! under a known TLD, subdomains allowed, that is not the domain being bought or
//! under it.
//! **Why**: the provider points the bought domain's web traffic at this host; a URL
//! is not a host, and a redirect to itself loops.
//! **Example**: `"https://AcmeCorp.com/"` -> `"acmecorp.com"` (`redirect_not_bare_domain`,
//! with the fix); `"acme.com:8080"` -> `redirect_not_bare_domain`; `"www.acme.com"` on
//! `acme.com` -> `redirect_loop`. An empty redirect means none: `prepare` drops it.
//! **Fix safety**: a leading `http(s)://` and one trailing `/` are removed only when
//! nothing else follows the host; a path or port is reported, never cut.
//! **Source**: the order contract's field table; the host rules of `host.rs`.

use std::borrow::Cow;

use crate::context::Context;
use crate::host;
use crate::problem::{Fix, HostRole, Problem, UrlPart};
use crate::rules::{Cx, Kind, TextRule};

pub const RULE: Kind = Kind::Text(&Redirect);

pub struct Redirect;

impl TextRule for Redirect {
    fn normalize<'a>(&self, raw: &'a str, _: &Context) -> Cow<'a, str> {
        host::normalize_host(raw)
    }

    fn fix(&self, raw: &str, _: &str) -> Fix {
        let lowered = mailinfra_unicode::lower(raw.trim());
        if lowered.starts_with("http://")
            || lowered.starts_with("https://")
            || lowered.ends_with('/')
        {
            Fix::BareDomain
        } else if !raw.is_ascii() {
            Fix::AsciiForm
        } else {
            Fix::Spelling
        }
    }

    fn findings(&self, _: &str, canon: &str, cx: &Cx, out: &mut Vec<Problem>) {
        let not_a_host = host::not_a_name(canon, HostRole::Redirect).or_else(|| shape(canon));
        let (valid, problems) = match not_a_host {
            Some(p) => (None, vec![p]),
            None => host::check_name(canon, HostRole::Redirect),
        };
        out.extend(problems);
        if let (Some(_), Some(n)) = (valid, cx.domain) {
            if canon == n || canon.ends_with(&format!(".{n}")) {
                out.push(Problem::RedirectLoop {
                    target: canon.to_string(),
                });
            }
        }
    }

    fn drops_empty(&self) -> bool {
        true
    }
}

/// What besides a bare host the redirect carries, if anything.
fn shape(s: &str) -> Option<Problem> {
    let part = if s.contains("://") || s.starts_with("//") {
        UrlPart::Scheme
    } else if s.contains('@') {
        UrlPart::Credentials
    } else if s.contains(['/', '?', '#']) {
        UrlPart::PathOrQuery
    } else if s.contains(':') {
        UrlPart::Port
    } else {
        return None;
    };
    Some(Problem::RedirectNotBare {
        part,
        value: s.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_bare_host() {
        assert_eq!(shape("www.acme.com"), None);
        for (s, part) in [
            ("https://acme.com/x", UrlPart::Scheme),
            ("user@acme.com", UrlPart::Credentials),
            ("acme.com/x", UrlPart::PathOrQuery),
            ("acme.com:8080", UrlPart::Port),
        ] {
            assert_eq!(
                shape(s),
                Some(Problem::RedirectNotBare {
                    part,
                    value: s.into()
                })
            );
        }
    }
}
