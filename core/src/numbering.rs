//! Numbering-plan parsing and validity over the generated libphonenumber tables
//! (`data::PHONE_*`), replacing the `phonenumber` crate at run time.
//!
//! It follows the `phonenumber` crate's algorithm step by step (IDD, country code,
//! national prefix, region by leading digits, number type), because that crate stays
//! the reference: `core/tests/phone_oracle.rs` and the `phone_oracle` fuzz target
//! compare the two. What changes is the cost: the crate decodes its whole database
//! and compiles full-Unicode regexes on first use (~100 ms, ~0.5 MB gzip of wasm);
//! here a pattern is compiled with `regex-lite` the first time a number needs it.
//!
//! Input is the part of the crate's grammar a form field holds: an optional leading
//! `+`, digits and visual separators. Letters (vanity numbers), extensions,
//! `tel:` URIs and non-ASCII digits are not read; such input stays invalid.

use std::sync::OnceLock;

use regex_lite::Regex;

use crate::data::{
    PhoneDesc, PhoneRegion, PHONE_CODES, PHONE_IDS, PHONE_PATTERNS, PHONE_PATTERN_COUNT,
    PHONE_REGIONS,
};

/// National significant numbers are 2..=17 digits (libphonenumber's bounds).
const MIN_NSN: usize = 2;
const MAX_NSN: usize = 17;

static COMPILED: [OnceLock<Option<Regex>>; PHONE_PATTERN_COUNT] =
    [const { OnceLock::new() }; PHONE_PATTERN_COUNT];

/// Pattern `i`, anchored at the start (the crate accepts a match only at 0).
/// `None` only if a pattern failed to compile, which a unit test rules out.
fn pattern(i: u16) -> Option<&'static Regex> {
    let i = usize::from(i);
    COMPILED
        .get(i)?
        .get_or_init(|| {
            let p = PHONE_PATTERNS.get(i)?;
            Regex::new(&format!("^(?:{p})")).ok()
        })
        .as_ref()
}

/// End of the match at the start of `s`, if there is one.
fn match_at_start(i: u16, s: &str) -> Option<usize> {
    pattern(i)?.find(s).map(|m| m.end())
}

fn has_length(mask: u32, len: usize) -> bool {
    len < 32 && mask & (1 << len) != 0
}

fn desc_matches(d: PhoneDesc, s: &str) -> bool {
    (d.lengths == 0 || has_length(d.lengths, s.len())) && match_at_start(d.pattern, s).is_some()
}

/// Valid in `r` = matches the general description and at least one number type.
fn has_type(r: &PhoneRegion, s: &str) -> bool {
    desc_matches(r.general, s) && r.types.iter().any(|&d| desc_matches(d, s))
}

/// The crate's `validator::length` for the general description, reduced to the
/// two answers parsing asks: is the length possible, is it too short.
#[derive(PartialEq)]
enum Length {
    Possible,
    TooShort,
    Other,
}

fn length(r: &PhoneRegion, len: usize) -> Length {
    let possible = r.general.lengths;
    if possible == 0 {
        return Length::Other;
    }
    let min = possible.trailing_zeros() as usize;
    let max = 31 - possible.leading_zeros() as usize;
    if has_length(r.general_local_lengths, len) || len == min {
        Length::Possible
    } else if len < min {
        Length::TooShort
    } else if len > max {
        Length::Other
    } else if has_length(possible, len) {
        Length::Possible
    } else {
        Length::Other
    }
}

fn region(id: &str) -> Option<&'static PhoneRegion> {
    let i = PHONE_IDS.binary_search_by(|(k, _)| k.cmp(&id)).ok()?;
    PHONE_REGIONS.get(usize::from(PHONE_IDS.get(i)?.1))
}

/// The regions sharing a calling code, main region first.
fn regions_of(code: u16) -> Option<&'static [PhoneRegion]> {
    let i = PHONE_CODES.binary_search_by(|c| c.0.cmp(&code)).ok()?;
    let &(_, first, n) = PHONE_CODES.get(i)?;
    let first = usize::from(first);
    PHONE_REGIONS.get(first..first + usize::from(n))
}

/// Which region's rules apply to `national` under `code`: the only one, else the
/// first whose leading digits match or (without leading digits) that has a type
/// for the number. The flag says the number is already known to have a type there,
/// so the caller need not match the patterns again.
fn region_for(code: u16, national: &str) -> Option<(&'static PhoneRegion, bool)> {
    let regions = regions_of(code)?;
    if let [only] = regions {
        return Some((only, false));
    }
    regions.iter().find_map(|r| match r.leading_digits {
        Some(p) => match_at_start(p, national).map(|_| (r, false)),
        None => has_type(r, national).then_some((r, true)),
    })
}

/// Strip (or rewrite, with the transform rule) the national prefix.
fn strip_national_prefix(r: &PhoneRegion, national: &str) -> String {
    let Some(p) = r.national_prefix_for_parsing.and_then(pattern) else {
        let np = r.national_prefix;
        return match national.strip_prefix(np) {
            Some(rest) if !np.is_empty() => rest.to_string(),
            _ => national.to_string(),
        };
    };
    let Some(caps) = p.captures(national) else {
        return national.to_string();
    };
    let end = caps.get(0).map_or(0, |m| m.end());
    let last_group = caps.get(caps.len().saturating_sub(1));
    match (r.national_prefix_transform_rule, last_group) {
        (Some(rule), Some(_)) => {
            let rewritten = p.replacen(national, 1, rule).into_owned();
            if desc_matches(r.general, national) && !desc_matches(r.general, &rewritten) {
                national.to_string()
            } else {
                rewritten
            }
        }
        _ => national.get(end..).unwrap_or_default().to_string(),
    }
}

/// `+` and the digits of a form-field phone number, or `None` outside that grammar.
fn scan(input: &str) -> Option<(bool, String)> {
    let is_sep = |c: char| {
        matches!(
            c,
            ' ' | '-' | '.' | '(' | ')' | '/' | '[' | ']' | '\u{a0}' | '\u{2010}'
                ..='\u{2015}' | '\u{2212}' | '\u{3000}'
        )
    };
    let body = input.trim_start_matches(is_sep);
    let (plus, body) = match body.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let mut digits = String::with_capacity(body.len());
    for c in body.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !is_sep(c) {
            return None;
        }
    }
    (digits.len() >= 3).then_some((plus, digits))
}

/// The E.164 form of `input` if it is a valid number; national input is read with
/// `default_region` (ISO alpha-2).
pub(crate) fn e164(input: &str, default_region: Option<&str>) -> Option<String> {
    let (plus, digits) = scan(input)?;
    let given = default_region.and_then(region);
    let mut d = digits.as_str();

    // An international (IDD) prefix of the default region, unless a 0 follows it.
    let mut international = plus;
    if let Some(end) = given
        .and_then(|r| r.international_prefix)
        .and_then(|p| match_at_start(p, d))
    {
        let rest = d.get(end..).unwrap_or_default();
        if !rest.starts_with('0') {
            international = true;
            d = rest;
        }
    }

    let code = if international {
        if d.len() <= MIN_NSN || d.starts_with('0') {
            return None;
        }
        let (code, rest) = (1..=3).find_map(|n| {
            let code: u16 = d.get(..n)?.parse().ok()?;
            regions_of(code).map(|_| (code, d.get(n..).unwrap_or_default()))
        })?;
        d = rest;
        code
    } else {
        // National input; it may still start with the country code.
        let r = given?;
        let cc = r.code.to_string();
        if let Some(rest) = d.strip_prefix(cc.as_str()) {
            if !desc_matches(r.general, d) || length(r, d.len()) != Length::Possible {
                d = rest;
            }
        }
        r.code
    };

    let probe = d.trim_start_matches('0');
    let found = given.is_none().then(|| region_for(code, probe));
    let rules = given.or_else(|| found.flatten().map(|(r, _)| r));
    let mut national = d.to_string();
    if let Some(r) = rules {
        let mut potential = strip_national_prefix(r, d);
        if !r.national_prefix.is_empty() && potential.starts_with(r.national_prefix) {
            potential.drain(..r.national_prefix.len());
        }
        if length(r, potential.len()) != Length::TooShort {
            national = potential;
        }
    }

    if !(MIN_NSN..=MAX_NSN).contains(&national.len()) {
        return None;
    }
    // The crate stores the number as leading zeros plus a value below 2^56.
    let value: u64 = national.trim_start_matches('0').parse().ok()?;
    if value >= 1 << 56 {
        return None;
    }
    // Validity is decided on the final national number; the region search above
    // already matched the patterns when it saw the same digits.
    let (r, typed) = match found {
        Some(f) if national == probe => f,
        _ => region_for(code, &national),
    }?;
    (typed || has_type(r, &national)).then(|| format!("+{code}{national}"))
}

/// The calling code of a region (ISO alpha-2), e.g. 44 for `GB`.
pub(crate) fn calling_code(id: &str) -> Option<u16> {
    region(id).map(|r| r.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        for (i, p) in PHONE_PATTERNS.iter().enumerate() {
            // An index past u16 would read as u16::MAX, which has no pattern: a failure.
            let i = u16::try_from(i).unwrap_or(u16::MAX);
            assert!(pattern(i).is_some(), "{p}");
        }
    }

    #[test]
    fn reads_common_forms() {
        assert_eq!(
            e164("+1 415-555-1234", None).as_deref(),
            Some("+14155551234")
        );
        assert_eq!(
            e164("(415) 555-1234", Some("US")).as_deref(),
            Some("+14155551234")
        );
        assert_eq!(
            e164("020 7946 0958", Some("GB")).as_deref(),
            Some("+442079460958")
        );
        assert_eq!(
            e164("011 44 20 7946 0958", Some("US")).as_deref(),
            Some("+442079460958")
        );
        assert_eq!(e164("+1 555 0000 000", None), None);
        // The crate reads this (no space, a separator after "4420") as RFC 3966 with
        // country code 4420 and rejects it; libphonenumber reads +44 20 7946 0958.
        // Found by the phone_oracle fuzz target; the only known disagreement.
        assert_eq!(
            e164("+4420-7946-0958", None).as_deref(),
            Some("+442079460958")
        );
        assert_eq!(e164("415-555-1234 ext 5", Some("US")), None);
        assert_eq!(calling_code("KZ"), Some(7));
    }
}
