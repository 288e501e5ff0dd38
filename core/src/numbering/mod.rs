//! Phone numbers read exactly as libphonenumber reads them: its `parse` (extraction of
//! the number from the text, extensions, RFC 3966, `+` and international prefixes, the
//! country code, the national prefix and its transform rule, possible lengths) and
//! `isValidNumber` (region by leading digits, a full match of the general description
//! and of a number type, with their possible lengths), over tables generated from its
//! metadata (`data::PHONE_*` and the phone packs, written by `tools/gen_phone.py`; a
//! region's pack is read when a number needs the region). Function names follow
//! libphonenumber's Python port `phonenumbers` (`phonenumberutil.py`), the reference
//! that `tests/reference/phone.py` compares this module with.
//!
//! One deliberate difference: a number written with an extension (`... ext 5`) is not
//! read at all. libphonenumber reads it, and its E.164 form drops the extension, which
//! would silently change the number.
//!
//! The number patterns are full-matched by `full_match`'s programs; the prefix patterns
//! (leading digits, national and international prefixes) are compiled with `regex-lite`
//! the first time a number needs them.
//! The parser's own grammar (libphonenumber's viability and extension patterns) has a
//! short answer for what people type (digits of any script, plus signs, punctuation
//! that cannot label an extension); other text is matched by a `regex-lite` port of
//! those patterns over a folded copy of the text (digits to ASCII, case folded as
//! libphonenumber's case-insensitive matching folds), since `regex-lite` knows neither
//! Unicode classes nor Unicode case. Unicode data: decimal digits from the tables
//! (`PHONE_DIGIT_ZEROS`, the reference's Unicode version), letters and numbers (the
//! text kept at the end of a number) from std's.

use std::borrow::Cow;
use std::sync::OnceLock;

use regex_lite::Captures;

use crate::data::{
    phone_region, Pattern, PhoneDesc, PhoneRegion, PHONE_CODES, PHONE_IDS, PHONE_REGIONS,
};

/// National significant numbers are 2..=17 digits (libphonenumber's bounds).
const MIN_NSN: usize = 2;
const MAX_NSN: usize = 17;
/// libphonenumber refuses longer input before looking at it.
const MAX_INPUT_CHARS: usize = 250;
/// Country calling codes have 1 to 3 digits.
const MAX_CC_DIGITS: usize = 3;

mod text;

use text::*;

const PHONE_CONTEXT: &str = ";phone-context=";

/// A valid number: its calling code and national significant number.
pub(crate) struct Number {
    pub code: u16,
    pub national: String,
}

impl Number {
    pub fn e164(&self) -> String {
        format!("+{}{}", self.code, self.national)
    }

    /// Whether libphonenumber reads this number's E.164 form back as the same number.
    /// Not every valid reading is a fixed point: the national prefix is stripped from
    /// the national number once more when the E.164 form is read.
    pub fn rereads_to_itself(&self) -> bool {
        main_region(self.code).is_some_and(|r| national_number(r, &self.national) == self.national)
    }
}

/// Why a text is not read as a number.
#[derive(Debug, PartialEq)]
pub(crate) enum Unread {
    /// libphonenumber reads a number with an extension here; we do not (see above).
    Extension,
    /// Not a valid number.
    Invalid,
}

/// Reads `input` as libphonenumber's `parse(input, default_region)` followed by
/// `is_valid_number`. `default_region` (ISO alpha-2, upper case) reads national forms
/// and the region's international prefix; an unknown region is no region (as is a
/// lower-case one, as in libphonenumber's Java, where the Python port upper-cases it
/// in one place).
pub(crate) fn read(input: &str, default_region: Option<&str>) -> Result<Number, Unread> {
    if input.len() > 4 * MAX_INPUT_CHARS || input.chars().count() > MAX_INPUT_CHARS {
        return Err(Unread::Invalid);
    }
    let number = national_number_for_parsing(input).ok_or(Unread::Invalid)?;
    if !is_viable_phone_number(&number) {
        return Err(Unread::Invalid);
    }
    let given = default_region.and_then(region);
    let plus_end = number.len() - number.trim_start_matches(is_plus).len();
    if given.is_none() && plus_end == 0 {
        return Err(Unread::Invalid);
    }
    if has_extension(&number) {
        return Err(Unread::Extension);
    }
    let (code, national, rules) = match maybe_extract_country_code(&number, given) {
        Ok(Some((code, national))) => (code, national, main_region(code)),
        Ok(None) => match given {
            Some(r) => (r.code, normalize(&number), Some(r)),
            None => return Err(Unread::Invalid),
        },
        // `+` and no calling code: libphonenumber reads the rest again without the `+`.
        Err(Refused::InvalidCountryCode) if plus_end > 0 => {
            let rest = number.get(plus_end..).unwrap_or_default();
            match maybe_extract_country_code(rest, given) {
                Ok(Some((code, national))) => (code, national, main_region(code)),
                _ => return Err(Unread::Invalid),
            }
        }
        Err(_) => return Err(Unread::Invalid),
    };
    let Some(rules) = rules.filter(|_| national.len() >= MIN_NSN) else {
        return Err(Unread::Invalid);
    };
    let national = national_number(rules, &national).into_owned();
    if !(MIN_NSN..=MAX_NSN).contains(&national.len()) {
        return Err(Unread::Invalid);
    }
    if is_valid_number(code, &national) {
        Ok(Number { code, national })
    } else {
        Err(Unread::Invalid)
    }
}

// ---------------------------------------------------------------------------------
// Metadata

/// A full-match pattern matches `s` (`false` for a pattern that does not compile,
/// which the tests rule out): by its program (`full_match`), else by `regex-lite`.
fn full_match(p: &Pattern, s: &str) -> bool {
    p.program()
        .and_then(|d| d.full_match(s))
        .unwrap_or_else(|| p.regex().is_some_and(|p| p.is_match(s)))
}

/// Whether a prefix pattern matches at the start of `s`: by its program, else by
/// `regex-lite` (the invalid `+1` number tried against each NANP region's prefix).
fn prefix_matches(p: &Pattern, s: &str) -> bool {
    p.program()
        .and_then(|d| d.prefix_match(s))
        .unwrap_or_else(|| prefix_end(p, s).is_some())
}

/// The end of a prefix pattern's match at the start of `s`.
fn prefix_end(p: &Pattern, s: &str) -> Option<usize> {
    p.regex()?.find(s).map(|m| m.end())
}

fn has_length(mask: u32, len: usize) -> bool {
    len < 32 && mask & (1 << len) != 0
}

/// `_is_number_matching_desc`: a possible length (when the type lists them) and a full
/// match of the pattern.
fn desc_matches(d: &PhoneDesc, s: &str) -> bool {
    (d.lengths == 0 || has_length(d.lengths, s.len())) && full_match(&d.pattern, s)
}

/// `_number_type_helper(...) != UNKNOWN`: the general description and some number type.
fn has_type(r: &PhoneRegion, s: &str) -> bool {
    desc_matches(&r.general, s) && r.types.iter().any(|d| desc_matches(d, s))
}

/// `_test_number_length` against the general description, reduced to its use in
/// parsing: may a national prefix be stripped and leave a number of this length.
fn strippable_length(r: &PhoneRegion, len: usize) -> bool {
    let possible = r.general.lengths;
    if has_length(r.general_local_lengths, len) || possible == 0 {
        return false; // IS_POSSIBLE_LOCAL_ONLY (or no lengths, which the generator rules out)
    }
    let min = possible.trailing_zeros() as usize;
    let max = 31 - possible.leading_zeros() as usize;
    // IS_POSSIBLE or TOO_LONG; not TOO_SHORT or INVALID_LENGTH.
    len > max || (len >= min && has_length(possible, len))
}

/// `_test_number_length(...) == TOO_LONG` against the general description.
fn too_long(r: &PhoneRegion, len: usize) -> bool {
    let possible = r.general.lengths;
    possible != 0
        && !has_length(r.general_local_lengths, len)
        && len > 31 - possible.leading_zeros() as usize
}

fn region(id: &str) -> Option<&'static PhoneRegion> {
    let key = crate::country::code_key(id)?;
    let i = PHONE_IDS
        .binary_search_by_key(&key, |(k, _)| {
            crate::country::code_key(k).unwrap_or_default()
        })
        .ok()?;
    phone_region(usize::from(PHONE_IDS.get(i)?.1))
}

/// The indices in `PHONE_REGIONS` of the regions sharing a calling code, main region
/// first; `None` for a code libphonenumber does not know.
fn regions_of(code: u16) -> Option<std::ops::Range<usize>> {
    let i = PHONE_CODES.binary_search_by(|c| c.0.cmp(&code)).ok()?;
    let &(_, first, n) = PHONE_CODES.get(i)?;
    let first = usize::from(first);
    Some(first..first + usize::from(n))
}

/// The metadata libphonenumber reads a number with once its calling code is known.
fn main_region(code: u16) -> Option<&'static PhoneRegion> {
    phone_region(regions_of(code)?.start)
}

/// Region `i`'s leading digits (a prefix pattern), from the module's table: which of
/// the regions sharing a code to read is known before any of their packs is.
fn leading_digits(i: usize) -> Option<&'static Pattern> {
    static COMPILED: OnceLock<Vec<Option<Pattern>>> = OnceLock::new();
    COMPILED
        .get_or_init(|| {
            PHONE_REGIONS
                .iter()
                .map(|&(_, p)| (!p.is_empty()).then(|| Pattern::new(p, false)))
                .collect()
        })
        .get(i)?
        .as_ref()
}

/// `is_valid_number`: the region is the only one of the calling code, else the first
/// whose leading digits match or (without leading digits) where the number has a
/// type; the number must have a type there. Only the packs of the regions tried are read.
fn is_valid_number(code: u16, national: &str) -> bool {
    let Some(regions) = regions_of(code) else {
        return false;
    };
    let has_type_in = |i| phone_region(i).is_some_and(|r| has_type(r, national));
    if regions.len() == 1 {
        return has_type_in(regions.start);
    }
    regions.into_iter().find_map(|i| match leading_digits(i) {
        Some(p) => prefix_matches(p, national).then(|| has_type_in(i)),
        None => has_type_in(i).then_some(true),
    }) == Some(true)
}

// ---------------------------------------------------------------------------------
// Prefixes

/// `_maybe_strip_national_prefix_carrier_code`: strip (or rewrite, with the transform
/// rule) what the national prefix for parsing matches at the start, unless that turns
/// a number matching the general pattern into one that does not.
fn strip_national_prefix<'a>(r: &PhoneRegion, number: &'a str) -> Cow<'a, str> {
    let Some(p) = r
        .national_prefix_for_parsing
        .as_ref()
        .and_then(Pattern::regex)
    else {
        return Cow::Borrowed(number);
    };
    let Some(caps) = p.captures(number).filter(|_| !number.is_empty()) else {
        return Cow::Borrowed(number);
    };
    let end = caps.get(0).map_or(0, |m| m.end());
    let last_group = caps
        .len()
        .checked_sub(1)
        .filter(|&n| n > 0)
        .and_then(|n| caps.get(n));
    let result = match (&r.national_prefix_transform_rule, last_group) {
        (Some(rule), Some(_)) => {
            Cow::Owned(expand(rule, &caps) + number.get(end..).unwrap_or_default())
        }
        _ => Cow::Borrowed(number.get(end..).unwrap_or_default()),
    };
    if full_match(&r.general.pattern, number) && !full_match(&r.general.pattern, &result) {
        Cow::Borrowed(number)
    } else {
        result
    }
}

/// A transform rule (`\2`, `9\1`) with its group references replaced.
fn expand(rule: &str, caps: &Captures) -> String {
    let mut out = String::new();
    let mut chars = rule.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let group = chars.next().and_then(|d| d.to_digit(10)).unwrap_or(0) as usize;
            out.push_str(caps.get(group).map_or("", |m| m.as_str()));
        } else {
            out.push(c);
        }
    }
    out
}

/// The national number kept after the national prefix: stripped only when what is left
/// has a possible length (or is too long), else the number could be a valid short one.
fn national_number<'a>(r: &PhoneRegion, number: &'a str) -> Cow<'a, str> {
    let stripped = strip_national_prefix(r, number);
    if strippable_length(r, stripped.len()) {
        stripped
    } else {
        Cow::Borrowed(number)
    }
}

/// Why a country code could not be extracted (libphonenumber's exception types).
enum Refused {
    InvalidCountryCode,
    TooShortAfterIdd,
}

/// `_maybe_extract_country_code`: the calling code and the rest of the normalized
/// number when the number says which (after `+`, after the default region's
/// international prefix, or starting with the default region's own code where that
/// reads better); `None` when it is a national number of the default region.
fn maybe_extract_country_code(
    number: &str,
    given: Option<&PhoneRegion>,
) -> Result<Option<(u16, String)>, Refused> {
    if number.is_empty() {
        return Ok(None);
    }
    let (international, full) = match number.strip_prefix(is_plus) {
        Some(_) => (true, normalize(number.trim_start_matches(is_plus))),
        None => {
            let n = normalize(number);
            let idd_end = given
                .and_then(|r| r.international_prefix.as_ref())
                .and_then(|p| prefix_end(p, &n))
                // Calling codes do not start with 0: then it was no international prefix.
                .filter(|&end| !n.get(end..).unwrap_or_default().starts_with('0'));
            match idd_end {
                Some(end) => (true, n.get(end..).unwrap_or_default().to_string()),
                None => (false, n),
            }
        }
    };
    if international {
        if full.len() <= MIN_NSN {
            return Err(Refused::TooShortAfterIdd);
        }
        return extract_country_code(&full)
            .map(|(code, rest)| Some((code, rest.to_string())))
            .ok_or(Refused::InvalidCountryCode);
    }
    let Some(r) = given else {
        return Ok(None);
    };
    let cc = r.code.to_string();
    if let Some(rest) = full.strip_prefix(cc.as_str()) {
        let potential = strip_national_prefix(r, rest);
        let g = &r.general.pattern;
        if (!full_match(g, &full) && full_match(g, &potential)) || too_long(r, full.len()) {
            return Ok(Some((r.code, potential.into_owned())));
        }
    }
    Ok(None)
}

/// `_extract_country_code`: the shortest known calling code at the start of `digits`.
fn extract_country_code(digits: &str) -> Option<(u16, &str)> {
    if digits.starts_with('0') {
        return None;
    }
    (1..=MAX_CC_DIGITS.min(digits.len())).find_map(|n| {
        let code: u16 = digits.get(..n)?.parse().ok()?;
        regions_of(code)?;
        Some((code, digits.get(n..)?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e164(input: &str, region: Option<&str>) -> Option<String> {
        read(input, region).ok().map(|n| n.e164())
    }

    #[test]
    fn every_leading_digits_pattern_and_the_grammar_compile() {
        // The packs' patterns: data::store's `every_generated_pack_parses`.
        for (i, (name, p)) in PHONE_REGIONS.iter().enumerate() {
            let compiled = leading_digits(i).and_then(Pattern::regex);
            assert_eq!(compiled.is_some(), !p.is_empty(), "{name}: {p}");
        }
        // Each program agrees with regex-lite on every prefix of every 4-digit text.
        let texts: Vec<String> = (0..10_000).map(|n| format!("{n:04}")).collect();
        for (i, (name, p)) in PHONE_REGIONS.iter().enumerate() {
            let Some(pattern) = leading_digits(i) else {
                continue;
            };
            assert!(pattern.program().is_some(), "{name}: {p} has no program");
            for t in &texts {
                for s in [&t[..1], &t[..2], &t[..3], t] {
                    assert_eq!(
                        prefix_matches(pattern, s),
                        prefix_end(pattern, s).is_some(),
                        "{name}: {p} on {s}"
                    );
                }
            }
        }
        assert!(grammar().is_some());
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
        assert_eq!(
            e164("+4420-7946-0958", None).as_deref(),
            Some("+442079460958")
        );
        assert_eq!(e164("+1 555 0000 000", None), None);
        // After `+44` the national prefix of the number's own region (GB's 0) goes.
        assert_eq!(
            e164("+44 (0)20 7946 0958", Some("US")).as_deref(),
            Some("+442079460958")
        );
    }

    #[test]
    fn a_plus_number_keeps_its_digits_whatever_the_default_region() {
        // The default region's national prefix (1 for US/CA) is not stripped
        // after `+49`.
        for region in [None, Some("US"), Some("CA"), Some("DE")] {
            assert_eq!(
                e164("+49 151 23456789", region).as_deref(),
                Some("+4915123456789")
            );
            assert_eq!(
                e164("+358 18 1234567", region).as_deref(),
                Some("+358181234567")
            );
        }
    }

    #[test]
    fn patterns_match_the_whole_number() {
        // A pattern must match the whole number: one digit too many is invalid.
        assert_eq!(e164("+35322123451", None), None);
        assert_eq!(e164("+880271112349", None), None);
    }

    #[test]
    fn grammar_like_libphonenumber() {
        assert_eq!(
            e164("Tel: +1 415 555 1234.", None).as_deref(),
            Some("+14155551234")
        );
        assert_eq!(
            e164("1-800-FLOWERS", Some("US")).as_deref(),
            Some("+18003569377")
        );
        assert_eq!(
            e164("＋１ ４１５ ５５５ １２３４", None).as_deref(),
            Some("+14155551234")
        );
        assert_eq!(
            e164("+١ ٤١٥ ٥٥٥ ١٢٣٤", None).as_deref(),
            Some("+14155551234")
        );
        assert_eq!(
            e164("tel:415-555-1234;phone-context=+1", None).as_deref(),
            Some("+14155551234")
        );
        assert_eq!(
            e164("415-555-1234 / x12", Some("US")).as_deref(),
            Some("+14155551234")
        );
        // An extension: never read (see the module documentation).
        assert_eq!(
            read("415-555-1234 ext 5", Some("US")).err(),
            Some(Unread::Extension)
        );
        assert_eq!(e164("415-555-1234 x5", Some("US")), None);
        for extension in [
            ";ext=5",
            " ext. 5",
            " x5",
            " #5",
            " - 503#",
            ",,55",
            " \u{434}\u{43E}\u{431} 5",
        ] {
            let input = format!("+1 415 555 1234{extension}");
            assert_eq!(read(&input, None).err(), Some(Unread::Extension), "{input}");
        }
    }
}
