//! Differential test: the run-time phone matcher (`mailinfra::phone_e164`, generated
//! tables + `regex-lite`) against the `phonenumber` crate it replaced, which stays the
//! reference. Every example number of every region, plus every one-digit mutation
//! (added, removed, changed), in international form and in national form with and
//! without the national prefix and with the region's international prefix, must give
//! the same answer: invalid in both, or valid in both with the same E.164 string.
//!
//! Known and deliberate: the crate reads `+4420-7946-0958` (no space, a separator
//! after the first four digits) as RFC 3966 with country code 4420 and rejects it;
//! the matcher, like libphonenumber, reads +44 20 7946 0958. The `phone_oracle` fuzz
//! target found it and leaves that shape out of its comparison.

use phonenumber::country;
use phonenumber::metadata::{Metadata, DATABASE};

#[path = "phone/reference.rs"]
mod reference;
#[path = "phone/types.rs"]
mod types;
use reference::reference_e164 as oracle;
use types::number_types;

/// Every region's metadata with its id (non-geographic entities as "001").
fn regions() -> Vec<(String, &'static Metadata)> {
    (1u16..1000)
        .filter_map(|code| Some((DATABASE.region(&code)?, DATABASE.by_code(&code)?)))
        .flat_map(|(ids, metas)| ids.into_iter().map(str::to_string).zip(metas))
        .collect()
}

fn examples(m: &Metadata) -> Vec<String> {
    let d = m.descriptors();
    let mut out: Vec<String> = std::iter::once(d.general())
        .chain(number_types(d))
        .filter_map(|d| d.example().map(str::to_string))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The number itself and each one-digit mutation of it.
fn mutations(n: &str) -> Vec<String> {
    let digits: Vec<char> = n.chars().collect();
    let mut out = vec![n.to_string()];
    for i in 0..=digits.len() {
        for d in '0'..='9' {
            let mut v = digits.clone();
            v.insert(i, d);
            out.push(v.into_iter().collect());
        }
        if i < digits.len() {
            let mut v = digits.clone();
            v.remove(i);
            out.push(v.into_iter().collect());
            for d in ('0'..='9').filter(|&d| d != digits[i]) {
                let mut v = digits.clone();
                v[i] = d;
                out.push(v.into_iter().collect());
            }
        }
    }
    out
}

/// The ways a person types `national` of region `id` (calling code `cc`), each with
/// the default region it is read with.
fn forms(id: &str, m: &Metadata, national: &str) -> Vec<(String, Option<String>)> {
    let cc = m.country_code();
    let geo = (id != "001").then(|| id.to_string());
    let mut out = vec![
        (format!("+{cc}{national}"), None),
        (format!("+{cc} {national}"), geo.clone()),
        (format!("+{cc}{national}"), Some("US".to_string())),
    ];
    if let Some(region) = geo {
        out.push((national.to_string(), Some(region.clone())));
        out.push((format!("({national}"), Some(region.clone())));
        out.push((format!("{cc}{national}"), Some(region.clone())));
        if let Some(np) = m.national_prefix() {
            out.push((format!("{np} {national}"), Some(region.clone())));
        }
        let digits_only = |p: &&str| p.chars().all(|c| c.is_ascii_digit());
        if let Some(idd) = m
            .preferred_international_prefix()
            .filter(digits_only)
            .or_else(|| Some(m.international_prefix()?.as_str()).filter(digits_only))
        {
            out.push((format!("{idd} {cc} {national}"), Some(region.clone())));
            if id != "GB" {
                out.push((format!("{idd}{cc}{national}"), Some("GB".to_string())));
            }
        }
    }
    out
}

#[test]
fn matcher_agrees_with_phonenumber_on_every_example_and_mutation() {
    let mut compared = 0usize;
    let mut valid = 0usize;
    let mut disagreements = Vec::new();
    for (id, m) in regions() {
        for example in examples(m) {
            for national in mutations(&example) {
                for (input, region) in forms(&id, m, &national) {
                    let region = region.as_deref();
                    let ours = mailinfra::phone_e164(&input, region);
                    let theirs = oracle(&input, region);
                    compared += 1;
                    valid += usize::from(theirs.is_some());
                    if ours != theirs {
                        disagreements.push(format!(
                            "{id}: {input:?} region {region:?}: ours {ours:?}, phonenumber {theirs:?}"
                        ));
                    }
                }
            }
        }
    }
    eprintln!(
        "{compared} inputs compared, {valid} valid, {} disagreements",
        disagreements.len()
    );
    assert!(
        compared > 500_000 && valid > 50_000,
        "{compared} compared, {valid} valid"
    );
    assert!(
        disagreements.is_empty(),
        "{} disagreements, first: {:#?}",
        disagreements.len(),
        &disagreements[..disagreements.len().min(30)]
    );
}

#[test]
fn every_region_a_country_can_name_is_in_the_tables_or_unknown_to_both() {
    // A country the crate cannot parse as a region reads no national numbers; one it
    // can parse must have metadata (else the crate would look up nothing).
    for c in mailinfra::countries() {
        let id: Result<country::Id, _> = c.code.parse();
        assert_eq!(
            id.is_ok(),
            DATABASE.by_id(c.code.as_str()).is_some(),
            "{}: parseable region without metadata (or the reverse)",
            c.code
        );
    }
}
