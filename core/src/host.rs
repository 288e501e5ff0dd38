//! Host names: the safe spelling fixes, strict syntax (RFC 1035 LDH, UTS #46 /
//! IDNA 2008 via `idna`), the ICANN section of the Public Suffix List, and scripts.
//! The machinery the domain-name, redirect and address rules (`rules/`) call.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::OnceLock;

use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

use crate::data::{psl_rules, PSL_EXCEPTIONS, PSL_WILDCARDS, TLDS};
use crate::problem::{HostRole as Role, Problem};

/// Strict UTS #46 ToASCII: STD3 rules, hyphen checks, bidi and joiner rules (always
/// on in `idna` 1.x), DNS lengths. `None` when the name is not a valid IDN.
pub fn to_ascii(domain: &str) -> Option<String> {
    Uts46::new()
        .to_ascii(
            domain.as_bytes(),
            AsciiDenyList::STD3,
            Hyphens::Check,
            DnsLength::Verify,
        )
        .ok()
        .map(|c| c.into_owned())
}

/// The Unicode form of a domain for display; `None` when it is not valid.
pub fn to_unicode(domain: &str) -> Option<String> {
    let (out, res) =
        Uts46::new().to_unicode(domain.as_bytes(), AsciiDenyList::STD3, Hyphens::Check);
    res.ok().map(|()| out.into_owned())
}

/// The safe spelling fixes of a host: trim, lower-case, a leading `http://`/`https://`
/// and one trailing `/` when nothing else follows, one trailing dot, Unicode -> A-label.
/// Anything else (a path, a port) is left for the checker to report. The strips
/// apply only when they leave a clean host (nothing more a second pass would strip),
/// which keeps the normalization idempotent (`a.com/ .` stays as typed).
pub fn normalize_host(raw: &str) -> Cow<'_, str> {
    if is_normal(raw) {
        return Cow::Borrowed(raw);
    }
    let lower = mailinfra_unicode::lower(raw.trim()).into_owned();
    let mut s = lower.as_str();
    if let Some(bare) = strip_scheme_and_slash(s) {
        s = bare;
    }
    if let Some(t) = s.strip_suffix('.') {
        s = t;
    }
    let s = s.trim();
    let clean = !s.ends_with(['.', '/']) && strip_scheme_and_slash(s).is_none();
    let s = if clean { s } else { lower.as_str() };
    if !s.is_ascii() {
        if let Some(a) = to_ascii(s) {
            return Cow::Owned(a);
        }
    }
    Cow::Owned(s.to_string())
}

/// Whether [`normalize_host`] leaves `raw` as it is: lower-case letters, digits,
/// hyphens and dots, not ending in a dot (most names as typed; no copy for those).
fn is_normal(raw: &str) -> bool {
    !raw.ends_with('.')
        && raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

/// `https://host/` -> `host` when what remains is a bare host; also `host/`.
fn strip_scheme_and_slash(s: &str) -> Option<&str> {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.len() == s.len() || rest.is_empty() || rest.contains(['/', '?', '#', '@', ':']) {
        None
    } else {
        Some(rest)
    }
}

/// Facts about a syntactically valid host.
#[derive(Debug, Clone, PartialEq)]
pub struct Host {
    /// The ICANN public suffix it is under (`com`, `co.uk`): what a seller offers.
    pub suffix: String,
}

/// Validates an already-normalized host (the strict check). Returns the facts when it
/// is a well-formed host under a known TLD, and every problem (errors and the
/// `idn_domain` warning) in a stable order.
pub fn check_host(s: &str, role: Role) -> (Option<Host>, Vec<Problem>) {
    match not_a_name(s, role) {
        Some(p) => (None, vec![p]),
        None => check_name(s, role),
    }
}

thread_local! {
    /// The last name [`check_purchase`] found buyable without a finding, and its
    /// facts: a form checks an address on every keystroke, and each such check reads
    /// its entry's name as a host (the PSL and IANA's TLDs: about a seventh of the
    /// call), the same name every time.
    static LAST_PURCHASE: RefCell<Option<(String, Host)>> = const { RefCell::new(None) };
}

/// [`check_host`] of a domain to buy (`HostRole::Purchase`), the last name without a
/// finding remembered (not one checked while a data pack was missing: `recent.rs`).
pub fn check_purchase(name: &str) -> (Option<Host>, Vec<Problem>) {
    let known = LAST_PURCHASE.with(|last| {
        let last = last.try_borrow().ok()?;
        last.as_ref()
            .filter(|(n, _)| n == name)
            .map(|(_, host)| host.clone())
    });
    if known.is_some() {
        return (known, Vec::new());
    }
    let answer = check_host(name, Role::Purchase);
    if let (Some(host), []) = (&answer.0, answer.1.as_slice()) {
        if !crate::data::any_missing() {
            LAST_PURCHASE.with(|last| {
                if let Ok(mut last) = last.try_borrow_mut() {
                    *last = Some((name.to_string(), host.clone()));
                }
            });
        }
    }
    answer
}

/// The longest host name (RFC 1035), and the longest label.
const MAX_HOST: usize = 253;
const MAX_LABEL: usize = 63;

/// Why `s` is no host name at all: empty, or an IP address.
pub fn not_a_name(s: &str, role: Role) -> Option<Problem> {
    if s.trim().is_empty() {
        return Some(Problem::EmptyHost { role });
    }
    looks_like_ip(s).then(|| Problem::IpAddress {
        role,
        value: s.to_string(),
    })
}

/// [`check_host`] after [`not_a_name`].
pub fn check_name(s: &str, role: Role) -> (Option<Host>, Vec<Problem>) {
    let mut out = Vec::new();
    let value = || s.to_string();
    if !s.is_ascii() {
        out.push(match to_ascii(s).filter(|a| a != s) {
            Some(ascii) => Problem::HostNotAscii {
                value: value(),
                ascii,
            },
            None => Problem::InvalidIdn { value: value() },
        });
        return (None, out);
    }
    if let Err(p) = ldh_syntax(s) {
        out.push(p);
        return (None, out);
    }
    let idn = s.split('.').any(|l| l.starts_with("xn--"));
    if idn {
        if to_ascii(s).as_deref() != Some(s) {
            out.push(Problem::BadALabel { value: value() });
            return (None, out);
        }
        if let Some(label) = mixed_script_label(s) {
            out.push(Problem::MixedScript { label });
        }
    }
    let labels: Vec<&str> = s.split('.').collect();
    let tld = labels.last().copied().unwrap_or_default();
    if labels.len() < 2 && !(role == Role::Purchase && tld_known(tld)) {
        out.push(Problem::NoTld { value: value() });
        return (None, out);
    }
    if !tld_known(tld) {
        out.push(Problem::UnknownTld {
            tld: tld.to_string(),
        });
        return (None, out);
    }
    let suffix = icann_suffix_labels(s);
    let tail = |n: usize| {
        labels
            .get(labels.len().saturating_sub(n)..)
            .unwrap_or_default()
            .join(".")
    };
    if role == Role::Purchase {
        if labels.len() <= suffix {
            out.push(Problem::PublicSuffix { value: value() });
        } else if labels.len() > suffix + 1 {
            out.push(Problem::Subdomain {
                value: value(),
                registrable: tail(suffix + 1),
            });
        }
    }
    if idn && role == Role::Purchase {
        out.push(Problem::IdnDomain {
            unicode: to_unicode(s).unwrap_or_else(value),
        });
    }
    (
        Some(Host {
            suffix: tail(suffix),
        }),
        out,
    )
}

/// An IPv4 address in dotted-quad form or an IPv6 address (bracketed or not).
fn looks_like_ip(s: &str) -> bool {
    let h = s
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(s);
    h.parse::<std::net::IpAddr>().is_ok()
}

/// RFC 1035 letter-digit-hyphen syntax with lengths, on a lower-case ASCII name.
fn ldh_syntax(s: &str) -> Result<(), Problem> {
    if s.len() > MAX_HOST {
        return Err(Problem::HostTooLong {
            len: s.len(),
            max: MAX_HOST,
        });
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '.'))
    {
        return Err(Problem::HostCharacter {
            value: s.to_string(),
            found: c,
        });
    }
    for label in s.split('.') {
        if label.is_empty() {
            return Err(Problem::EmptyLabel {
                value: s.to_string(),
            });
        }
        if label.len() > MAX_LABEL {
            return Err(Problem::LabelTooLong {
                value: s.to_string(),
                len: label.len(),
                max: MAX_LABEL,
            });
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(Problem::LabelHyphenAtEnd {
                label: label.to_string(),
            });
        }
        if label.get(2..4) == Some("--") && !label.starts_with("xn--") {
            return Err(Problem::LabelReservedHyphens {
                label: label.to_string(),
            });
        }
    }
    Ok(())
}

/// The first label whose Unicode form mixes scripts (UTS #39 augmented script sets,
/// so Japanese Han+Kana is one script).
fn mixed_script_label(ascii: &str) -> Option<String> {
    ascii
        .split('.')
        .filter(|l| l.starts_with("xn--"))
        .filter_map(to_unicode)
        .find(|u| !mailinfra_unicode::uts46::is_single_script(u))
}

fn in_list<T: AsRef<str>>(list: &[T], s: &str) -> bool {
    list.binary_search_by(|entry| entry.as_ref().cmp(s)).is_ok()
}

/// A generated one-string table (an entry per line, sorted) as a list. The string
/// is what the module ships (an array costs 8 bytes of pointer and length per entry),
/// the list is what a lookup searches with a plain binary search.
fn lines(table: &'static str) -> Vec<&'static str> {
    table.split('\n').filter(|r| !r.is_empty()).collect()
}

/// IANA's root-zone TLDs, split on first use.
fn tlds() -> &'static [&'static str] {
    static TLD_LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    TLD_LIST.get_or_init(|| lines(TLDS))
}

/// A TLD in IANA's root zone. The PSL's ICANN section implies every one of them
/// (some, like `za`, only through rules below them) and also names a few that are
/// not delegated (`onion`, retired TLDs), which cannot be bought or resolved.
pub fn tld_known(tld: &str) -> bool {
    in_list(tlds(), tld)
}

/// How many trailing labels of `host` form the ICANN public suffix (PSL algorithm:
/// longest match, wildcards, exceptions prevail; a TLD without a longer match is the
/// suffix, the implicit `*` rule). A wildcard `*.x` makes `x` itself a public suffix,
/// as the reference implementation, libpsl and browsers read it (`kobe.jp`, `sch.uk`
/// are namespaces, not names to buy). Each candidate suffix is a slice of `host`,
/// from the last label leftwards. The plain rules are in the TLD's `psl` pack, a
/// large TLD's deeper ones in its second-level name's, or a keyed TLD's (`no`) in
/// the pack of its second-level label's first letter (`psl_rules`): while a pack
/// is not loaded the answer ignores its rules, and `with_packs` discards the call.
pub fn icann_suffix_labels(host: &str) -> usize {
    let mut best = 1;
    let mut labels = 0;
    let mut shorter: Option<&str> = None;
    let mut end = host.len();
    loop {
        let start = host[..end].rfind('.').map_or(0, |p| p + 1);
        labels += 1;
        let cand = &host[start..];
        if in_list(PSL_EXCEPTIONS, cand) {
            return labels - 1;
        }
        if (labels > 1 && in_list(psl_rules(cand), cand))
            || in_list(PSL_WILDCARDS, cand)
            || shorter.is_some_and(|w| in_list(PSL_WILDCARDS, w))
        {
            best = labels;
        }
        if start == 0 {
            return best;
        }
        shorter = Some(cand);
        end = start - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::IssueCode;

    #[test]
    fn tables_are_every_line_sorted() {
        let tlds = tlds();
        assert!(tlds.len() > 1000 && tlds.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(tlds.join("\n"), TLDS.trim_end_matches('\n'));
        assert!(in_list(psl_rules("co.uk"), "co.uk"));
        assert!(in_list(psl_rules("zushi.kanagawa.jp"), "zushi.kanagawa.jp"));
        assert!(!in_list(psl_rules("kanagawa.jp"), "zushi.kanagawa.jp"));
        assert!(psl_rules("x.jq").is_empty() && !in_list(psl_rules("x.uk"), "uk"));
        assert!(tld_known("com") && !tld_known("") && !tld_known("comx"));
        // Only rules below it (co.za) or a wildcard (*.ck); `onion` is in the PSL only.
        assert!(tld_known("za") && tld_known("ck") && !tld_known("onion"));
    }

    /// The registrable domain (one label under the ICANN suffix) of a valid host.
    fn registrable(host: &str) -> Option<String> {
        let labels: Vec<&str> = host.split('.').collect();
        let suffix = icann_suffix_labels(host);
        (labels.len() > suffix).then(|| labels[labels.len() - suffix - 1..].join("."))
    }

    fn codes(s: &str, role: Role) -> Vec<IssueCode> {
        check_host(s, role).1.iter().map(Problem::code).collect()
    }

    #[test]
    fn a_normal_name_is_its_normalization() {
        for raw in [
            "acme.com",
            "Acme.com",
            "acme.com.",
            "acme.com/",
            " acme.com",
            "bücher.de",
            "",
        ] {
            assert_eq!(is_normal(raw), normalize_host(raw) == raw, "{raw:?}");
        }
    }

    #[test]
    fn normalizes_spelling_only() {
        assert_eq!(normalize_host(" HTTPS://Acme.COM/ "), "acme.com");
        assert_eq!(normalize_host("acme.com."), "acme.com");
        assert_eq!(normalize_host("bücher.de"), "xn--bcher-kva.de");
        assert_eq!(
            normalize_host("https://acme.com/about"),
            "https://acme.com/about"
        );
        assert_eq!(normalize_host("acme.com.."), "acme.com..");
        for raw in [
            "gn\u{c}\n.\n/",
            "a.com/ .",
            "a.com. .",
            "https://a.com/.",
            "a.com\n/",
            ".",
        ] {
            let once = normalize_host(raw);
            assert_eq!(normalize_host(&once), once, "{raw:?}");
        }
    }

    #[test]
    fn purchase_rules() {
        assert!(codes("acme.com", Role::Purchase).is_empty());
        assert!(codes("acme.co.uk", Role::Purchase).is_empty());
        assert_eq!(
            codes("co.uk", Role::Purchase),
            [IssueCode::DomainNotRegistrable]
        );
        let (_, f) = check_host("mail.acme.com", Role::Purchase);
        assert_eq!(f[0].suggestion(), Some("acme.com".into()));
        assert_eq!(
            codes("acme.notatld", Role::Purchase),
            [IssueCode::InvalidDomain]
        );
        assert_eq!(
            codes("a..b.com", Role::Purchase),
            [IssueCode::InvalidDomain]
        );
        assert_eq!(
            codes("-acme.com", Role::Purchase),
            [IssueCode::InvalidDomain]
        );
        assert_eq!(
            codes("ab--c.com", Role::Purchase),
            [IssueCode::InvalidDomain]
        );
        assert_eq!(
            codes("192.168.0.1", Role::Purchase),
            [IssueCode::DomainNotRegistrable]
        );
        assert_eq!(
            codes("xn--bcher-kva.de", Role::Purchase),
            [IssueCode::IdnDomain]
        );
        assert_eq!(
            codes("xn--zz.com", Role::Purchase),
            [IssueCode::InvalidDomain]
        );
        assert_eq!(
            codes(&format!("{}.com", "a".repeat(64)), Role::Purchase),
            [IssueCode::InvalidDomain]
        );
    }

    #[test]
    fn mixed_script_is_refused() -> Result<(), &'static str> {
        // "аpple" with a Cyrillic а.
        let a = to_ascii("\u{0430}pple.com").ok_or("cyrillic a")?;
        assert!(codes(&a, Role::Purchase).contains(&IssueCode::MixedScriptDomain));
        let jp = to_ascii("日本語ひらがな.jp").ok_or("jp")?;
        assert!(!codes(&jp, Role::Purchase).contains(&IssueCode::MixedScriptDomain));
        Ok(())
    }

    #[test]
    fn a_remembered_purchase_check_is_the_check() {
        let long = format!("{}.com", "a".repeat(260));
        for _ in 0..2 {
            for name in [
                "acme.com",
                "co.uk",
                "mail.acme.com",
                "xn--bcher-kva.de",
                "",
                &long,
            ] {
                assert_eq!(
                    check_purchase(name),
                    check_host(name, Role::Purchase),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn redirect_rules() {
        assert!(codes("www.acme.com", Role::Redirect).is_empty());
        assert_eq!(
            codes("10.0.0.1", Role::Redirect),
            [IssueCode::RedirectNotBareDomain]
        );
    }

    #[test]
    fn psl_wildcards_and_exceptions() {
        assert_eq!(registrable("a.b.c.ck").as_deref(), Some("b.c.ck"));
        assert_eq!(registrable("www.ck").as_deref(), Some("www.ck"));
        assert_eq!(registrable("x.www.ck").as_deref(), Some("www.ck"));
        assert_eq!(registrable("c.ck"), None);
        // The base of `*.kobe.jp` is a public suffix; `!city.kobe.jp` is registrable.
        assert_eq!(registrable("kobe.jp"), None);
        assert_eq!(
            registrable("a.city.kobe.jp").as_deref(),
            Some("city.kobe.jp")
        );
    }

    #[test]
    fn a_tld_with_rules_only_below_it() {
        assert!(codes("acme-sales.co.za", Role::Purchase).is_empty());
        assert!(codes("acme-sales.za", Role::Purchase).is_empty());
        assert_eq!(
            codes("za", Role::Purchase),
            [IssueCode::DomainNotRegistrable]
        );
        assert_eq!(
            codes("co.za", Role::Purchase),
            [IssueCode::DomainNotRegistrable]
        );
        assert!(codes("www.acme.co.za", Role::Redirect).is_empty());
        assert_eq!(
            codes("acme.onion", Role::Purchase),
            [IssueCode::InvalidDomain]
        );
    }
}
