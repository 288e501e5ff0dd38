//! # domains[].name
//! **What**: a domain to buy: a valid host (RFC 1035 letters, digits and hyphens;
//! UTS #46 for internationalized names, sent as A-labels) with exactly one label
//! under an ICANN public suffix, under a TLD in IANA's root zone, once per order, and
//! under `allowedTlds` when that option is set.
//! **Why**: a registrar sells exactly that; a subdomain or a public suffix cannot be
//! bought, and a mixed-script label is refused by registries.
//! **Example**: `"HTTPS://Acme.COM/"` -> `"acme.com"` (`not_normalized`, with the fix);
//! `"bücher.de"` -> `"xn--bcher-kva.de"` (`domain_not_ascii`); `"mail.acme.com"` ->
//! `domain_not_registrable` suggesting `acme.com`; an IDN -> `idn_domain` (a warning).
//! **Fix safety**: case, surrounding space, a bare `https://`/trailing `/` or dot, and
//! the A-label of a Unicode name spell the same domain; a subdomain is a suggestion,
//! never a fix (it would buy another name).
//! **Source**: the Public Suffix List (ICANN section) and IANA's TLD list
//! (`data/psl.rs`), differential-tested against a reference PSL implementation; UTS #46
//! through the `idna` crate.

use std::borrow::Cow;

use crate::context::Context;
use crate::host;
use crate::options::Options;
use crate::problem::{Fix, Problem};
use crate::rules::{canon, Cx, Facts, Kind, Scope, TextRule};

pub const RULE: Kind = Kind::Text(&DomainName);

pub struct DomainName;

impl TextRule for DomainName {
    fn normalize<'a>(&self, raw: &'a str, _: &Context) -> Cow<'a, str> {
        host::normalize_host(raw)
    }

    fn canonical<'a>(&self, _: &'a str, cx: &Cx<'a>) -> Cow<'a, str> {
        Cow::Borrowed(cx.facts.key.as_deref().unwrap_or_default())
    }

    fn fix(&self, raw: &str, _: &str) -> Fix {
        if raw.is_ascii() {
            Fix::Spelling
        } else {
            Fix::AsciiForm
        }
    }

    fn findings(&self, _: &str, canon: &str, cx: &Cx, out: &mut Vec<Problem>) {
        out.extend(cx.facts.host_problems.iter().cloned());
        if let Some(h) = &cx.facts.host {
            if !suffix_allowed(cx.opts, &h.suffix) {
                out.push(Problem::SuffixNotOffered {
                    suffix: h.suffix.clone(),
                });
            }
        }
        if cx.facts.duplicate {
            out.push(Problem::DuplicateDomain {
                name: canon.to_string(),
            });
        }
    }

    /// The canonical name (for duplicates and the entry's redirect and mailboxes),
    /// checked as a host when the entry is on the focus.
    fn enter<'a>(&self, raw: Option<&'a str>, scope: &mut Scope<'_, 'a>, facts: &mut Facts<'a>) {
        let name = raw.map(|n| canon(scope.canonical, n, host::normalize_host));
        facts.duplicate = name
            .as_ref()
            .is_some_and(|n| !n.is_empty() && !scope.seen.domains.insert(n.clone()));
        if let (Some(n), true) = (&name, scope.focused) {
            (facts.host, facts.host_problems) = host::check_purchase(n);
        }
        facts.key = name;
    }
}

/// Whether a domain under the public suffix `suffix` (A-label: `com`, `co.uk`)
/// may be bought: an `allowedTlds` entry names either that suffix or its last label
/// (`uk` allows `acme.co.uk`; `co.uk` allows it but not `acme.uk`). Entries are
/// compared without a leading dot, in any case and in Unicode or A-label form
/// (`.COM` = `com`, `рф` = `xn--p1ai`).
fn suffix_allowed(opts: &Options, suffix: &str) -> bool {
    let tld = suffix.rsplit('.').next().unwrap_or(suffix);
    match &opts.allowed_tlds {
        None => true,
        Some(list) => list.iter().any(|t| {
            let t = t.trim().trim_start_matches('.');
            let a = host::to_ascii(t);
            let t = a.as_deref().unwrap_or(t);
            t.eq_ignore_ascii_case(suffix) || t.eq_ignore_ascii_case(tld)
        }),
    }
}
