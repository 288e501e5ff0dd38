//! States and postal codes per country, from Google's address metadata: which are
//! required, what a state may be called, and each postal code's canonical spelling.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::OnceLock;

use regex_lite::Regex;

use crate::data::{AddressFormat, Country, State, COUNTRIES};
use crate::full_match::Program;
use crate::recent::Recent;
use crate::{state_names, text};

/// A postal-code pattern of Google's: a program where it is one (all but a few, and a
/// regex run took most of a postal code's cost), else a regex.
struct Matcher {
    program: Option<Program>,
    regex: Regex,
}

impl Matcher {
    /// `re` matched in full, or (`full: false`) at the start of a text; `None` for an
    /// empty or unparsable pattern.
    fn new(re: &str, full: bool) -> Option<Self> {
        if re.is_empty() {
            return None;
        }
        let end = if full { "$" } else { "" };
        Some(Matcher {
            program: Program::compile(re),
            regex: Regex::new(&format!("^(?:{re}){end}")).ok()?,
        })
    }

    fn full_match(&self, s: &str) -> bool {
        let program = self.program.as_ref().and_then(|p| p.full_match(s));
        program.unwrap_or_else(|| self.regex.is_match(s))
    }

    fn prefix_match(&self, s: &str) -> bool {
        let program = self.program.as_ref().and_then(|p| p.prefix_match(s));
        program.unwrap_or_else(|| self.regex.is_match(s))
    }
}

/// The patterns of one country, built on first use (most orders touch one country).
struct Compiled {
    zip: Option<Matcher>,
    prefixes: Vec<Option<Matcher>>,
}

fn compiled(country: &'static Country) -> Option<&'static Compiled> {
    static CACHE: OnceLock<Vec<OnceLock<Compiled>>> = OnceLock::new();
    let cells = CACHE.get_or_init(|| COUNTRIES.iter().map(|_| OnceLock::new()).collect());
    let idx = crate::country::row_of(country)?;
    let fmt = country.format()?;
    Some(cells.get(idx)?.get_or_init(|| {
        Compiled {
            zip: Matcher::new(&fmt.zip, true),
            prefixes: fmt
                .states
                .iter()
                .map(|s| Matcher::new(s.zip_prefix(), false))
                .collect(),
        }
    }))
}

thread_local! {
    /// The last (country, postal code, matches) verdicts: `prepare` matches the code
    /// it normalized once more when checking it, and a regex run is most of a
    /// postal code's cost.
    static RECENT_ZIPS: RefCell<Recent<(&'static str, String, bool)>> =
        const { RefCell::new(Recent::new()) };
}

/// Whether `zip` fully matches the country's format (`true` when it has no format).
pub fn zip_matches(country: &'static Country, zip: &str) -> bool {
    let Some(c) = compiled(country) else {
        return true;
    };
    let Some(matcher) = c.zip.as_ref() else {
        return true;
    };
    let known = RECENT_ZIPS.with(|r| {
        r.borrow()
            .find(|(c, z, _)| *c == country.code && z == zip)
            .map(|e| e.2)
    });
    known.unwrap_or_else(|| {
        let m = matcher.full_match(zip);
        RECENT_ZIPS.with(|r| r.borrow_mut().remember((country.code, zip.to_string(), m)));
        m
    })
}

/// Whether the country uses postal codes at all.
pub fn uses_zip(country: &Country) -> bool {
    country.format().is_some_and(|f| !f.zip.is_empty())
}

/// Where the examples agree on one layout, the separator and its distance from the end.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    Compact,
    Sep(char, usize),
}

fn layout_of(example: &str) -> Option<Layout> {
    let mut seps = example
        .chars()
        .enumerate()
        .filter(|(_, c)| *c == ' ' || *c == '-');
    match (seps.next(), seps.next()) {
        (None, _) => Some(Layout::Compact),
        (Some((i, c)), None) => Some(Layout::Sep(c, example.chars().count() - i - 1)),
        _ => None,
    }
}

/// The layout most examples share (more than half of them), e.g. GB's space before
/// the last three characters despite `BFPO 61`.
fn common_layout(fmt: &AddressFormat) -> Option<Layout> {
    let examples = &fmt.zip_examples;
    let share = |l: Layout| examples.iter().filter(|e| layout_of(e) == Some(l)).count();
    examples
        .iter()
        .filter_map(|e| layout_of(e))
        .find(|l| 2 * share(*l) > examples.len())
}

fn apply(layout: Layout, compact: &[char]) -> Option<String> {
    match layout {
        Layout::Compact => Some(compact.iter().collect()),
        Layout::Sep(c, from_end) => {
            let at = compact.len().checked_sub(from_end).filter(|a| *a > 0)?;
            let mut s: String = compact[..at].iter().collect();
            s.push(c);
            s.extend(&compact[at..]);
            Some(s)
        }
    }
}

/// The canonical spelling of a postal code: trimmed, upper-case, and laid out like the
/// country's examples when they agree (`sw1a1aa` -> `SW1A 1AA`); else, when exactly one
/// placement of a separator the examples use makes it valid, that one. National ways
/// of writing are read where the reading is certain (the result must match the
/// format): see `written`, `without_country_prefix` and `with_fixed_letters`.
/// Idempotent.
pub fn normalize_zip(country: Option<&'static Country>, raw: &str) -> String {
    let t = written(raw);
    let Some(country) = country else { return t };
    let Some(fmt) = country.format().filter(|f| !f.zip.is_empty()) else {
        return t;
    };
    // `t` itself when it is already canonical, the common case: no copy.
    match laid_out(country, fmt, &t).map(|c| matches!(c, Cow::Owned(_)).then(|| c.into_owned())) {
        Some(Some(c)) => return c,
        Some(None) => return t,
        None => {}
    }
    without_country_prefix(fmt, &t)
        .and_then(|rest| laid_out(country, fmt, rest).map(Cow::into_owned))
        .or_else(|| laid_out(country, fmt, &with_fixed_letters(fmt, &t)?).map(Cow::into_owned))
        .unwrap_or(t)
}

/// The code as typed, in the form the format is written in: trimmed, upper-case,
/// compatibility forms folded (full-width `１００－０００１`), every dash (`–`, `−`, and
/// the `ー` a Japanese keyboard types) a `-`, a leading postal mark `〒` dropped, and
/// a dot that groups thousands (Brazil's `12.345-678`) dropped.
fn written(raw: &str) -> String {
    let t = text::normalize(raw);
    let t: String = if t.is_ascii() {
        t.to_ascii_uppercase()
    } else {
        let folded: String = mailinfra_unicode::nfkc(&t)
            .chars()
            .map(|c| match c {
                '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' => '-',
                _ => c,
            })
            .collect();
        // Upper case can leave a compatibility form (`ǆ` -> `Ǆ`): fold once more.
        let upper = mailinfra_unicode::upper(folded.trim_start_matches(['\u{3012}', ' ']));
        mailinfra_unicode::nfkc(&upper).into_owned()
    };
    if !t.contains('.') {
        return t;
    }
    let chars: Vec<char> = t.chars().collect();
    let thousands = |i: usize| {
        i > 0
            && chars.get(i - 1).is_some_and(char::is_ascii_digit)
            && (1..=3).all(|k| chars.get(i + k).is_some_and(char::is_ascii_digit))
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit)
    };
    chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| !(*c == '.' && thousands(i)))
        .map(|(_, c)| *c)
        .collect()
}

/// The valid canonical form of `t` by layout alone (see `normalize_zip`), if any.
/// `t` itself (borrowed) when it is.
fn laid_out<'t>(
    country: &'static Country,
    fmt: &AddressFormat,
    t: &'t str,
) -> Option<Cow<'t, str>> {
    let is_sep = |c: char| c == ' ' || c == '-';
    let len = t.chars().filter(|c| !is_sep(*c)).count();
    if len == 0 || len > 16 {
        return None;
    }
    let common = common_layout(fmt);
    // `t` in the common layout already (a separator, if any, not first) is what laying
    // it out again gives: no copy to compare.
    let is_laid_out = common.is_some() && layout_of(t) == common && !t.starts_with(is_sep);
    if is_laid_out && zip_matches(country, t) {
        return Some(Cow::Borrowed(t));
    }
    let compact = || -> Vec<char> { t.chars().filter(|c| !is_sep(*c)).collect() };
    if let Some(c) = common.and_then(|l| apply(l, &compact())) {
        if zip_matches(country, &c) {
            return Some(Cow::Owned(c));
        }
    }
    if zip_matches(country, t) {
        return Some(Cow::Borrowed(t));
    }
    let compact = compact();
    // The separators the examples use.
    let seps = [' ', '-'].map(|sep| {
        fmt.zip_examples
            .iter()
            .any(|e| e.contains(sep))
            .then_some(sep)
    });
    let mut found: Vec<String> = Vec::new();
    let bare: String = compact.iter().collect();
    if zip_matches(country, &bare) {
        found.push(bare);
    }
    for at in 1..compact.len() {
        for sep in seps.into_iter().flatten() {
            if let Some(c) = apply(Layout::Sep(sep, compact.len() - at), &compact) {
                if zip_matches(country, &c) && !found.contains(&c) {
                    found.push(c);
                }
            }
        }
    }
    match found.as_slice() {
        [one] => Some(Cow::Owned(one.clone())),
        _ => None,
    }
}

/// `t` without a country sign before its digits (`CH-8001`, `FL-9490`, `AZ 1000`,
/// `FO100`, `D-10115`; see `AddressFormat::country_signs`), then an optional `-` or
/// space, then a digit.
fn without_country_prefix<'t>(fmt: &AddressFormat, t: &'t str) -> Option<&'t str> {
    fmt.country_signs.iter().find_map(|sign| {
        let rest = t.strip_prefix(sign)?;
        let rest = rest
            .strip_prefix(['-', ' '])
            .unwrap_or(rest)
            .trim_start_matches(' ');
        rest.starts_with(|c: char| c.is_ascii_digit())
            .then_some(rest)
    })
}

/// `t` (digits and separators only) with the letters every code of the country starts
/// with put back: `1073` -> `LV1073` (laid out `LV-1073`), `1101` -> `CP1101` (El
/// Salvador). Only where the format itself starts with fixed letters, has no
/// alternatives, and the letters are not optional.
fn with_fixed_letters(fmt: &AddressFormat, t: &str) -> Option<String> {
    if fmt.zip.contains('|')
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
    {
        return None;
    }
    let letters = fmt.zip.len()
        - fmt
            .zip
            .trim_start_matches(|c: char| c.is_ascii_uppercase())
            .len();
    let (fixed, after) = fmt.zip.split_at_checked(letters)?;
    if fixed.is_empty() || after.starts_with(['?', '*', '+', '{']) {
        return None;
    }
    Some(format!("{fixed}{t}"))
}

/// A country's state list (empty when it has none).
pub fn states(country: &Country) -> &'static [State] {
    country.format().map_or(&[], |f| &f.states)
}

/// The state a person meant: its key as typed, or any name `state_names` has for it
/// (case, accents, spacing and designator words aside), or its ISO 3166-2 code with
/// the country prefix (`US-NY`).
pub fn resolve_state(country: &Country, raw: &str) -> Option<&'static State> {
    let fmt = country.format()?;
    // Already a key (what a form's select sends): keys are normalized text.
    if let Some(s) = fmt.states.iter().find(|s| s.key() == raw) {
        return Some(s);
    }
    let t = text::normalize(raw);
    if t.chars().any(text::is_bad_char) {
        return None;
    }
    if let Some(s) = fmt.states.iter().find(|s| s.key() == t) {
        return Some(s);
    }
    if let Some(s) = state_names::lookup(fmt, &state_names::fold(&t)) {
        return Some(s);
    }
    let (prefix, code) = t.split_at_checked(3)?;
    let (cc, dash) = prefix.split_at_checked(2)?;
    if dash != "-" || !cc.eq_ignore_ascii_case(country.code) {
        return None;
    }
    state_names::lookup(fmt, &state_names::fold(code))
}

/// Whether the postal code belongs to another state than `state`: only when `state`
/// has known prefixes, the code does not start with one, and another state's does.
pub fn zip_in_other_state(
    country: &'static Country,
    state: &State,
    zip: &str,
) -> Option<&'static State> {
    let c = compiled(country)?;
    let list = states(country);
    let own = list.iter().position(|s| std::ptr::eq(s, state))?;
    if c.prefixes.get(own)?.as_ref()?.prefix_match(zip) {
        return None;
    }
    c.prefixes
        .iter()
        .zip(list)
        .find(|(p, _)| p.as_ref().is_some_and(|p| p.prefix_match(zip)))
        .map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::by_code;

    fn c(code: &str) -> &'static Country {
        by_code(code).unwrap_or(&COUNTRIES[0])
    }

    /// `resolve_state` answers an exact key before normalizing: right only because
    /// every key is already normalized text without bad characters.
    #[test]
    fn every_state_key_is_normalized_and_resolves_to_itself() {
        for country in COUNTRIES {
            for s in states(country) {
                assert_eq!(
                    text::normalize(s.key()),
                    s.key(),
                    "{}/{}",
                    country.code,
                    s.key()
                );
                assert!(!s.key().chars().any(text::is_bad_char));
                let found = resolve_state(country, &format!(" {} ", s.key()));
                assert!(
                    found.is_some_and(|f| f.key() == s.key()),
                    "{}/{}",
                    country.code,
                    s.key()
                );
            }
        }
    }

    /// Every pattern compiles, and where it has a program, the program answers as the
    /// regex does on each of the country's examples, their prefixes and their digits
    /// shifted (in full for the postal code, at the start for the states' prefixes).
    #[test]
    fn every_google_regex_compiles_and_programs_agree() {
        let mut compared = 0;
        for country in COUNTRIES {
            let Some(fmt) = country.format() else {
                continue;
            };
            let mut texts: Vec<String> = Vec::new();
            for ex in fmt.zip_examples.iter() {
                let shifted = ex.chars().map(|c| match c.to_digit(10) {
                    Some(d) => char::from(b'0' + ((d as u8 + 7) % 10)),
                    None => c,
                });
                texts.extend((0..=ex.len()).filter_map(|n| ex.get(..n)).map(String::from));
                texts.push(shifted.collect());
                texts.push(format!("{ex}0"));
            }
            let patterns = std::iter::once((fmt.zip.as_str(), true))
                .chain(fmt.states.iter().map(|s| (s.zip_prefix(), false)));
            for (re, full) in patterns {
                let m = Matcher::new(re, full);
                assert_eq!(m.is_some(), !re.is_empty(), "{}: {re}", country.code);
                let Some(m) = m.filter(|m| m.program.is_some()) else {
                    continue;
                };
                for t in &texts {
                    let by_program = if full {
                        m.full_match(t)
                    } else {
                        m.prefix_match(t)
                    };
                    assert_eq!(
                        by_program,
                        m.regex.is_match(t),
                        "{}: {re} on {t:?}",
                        country.code
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared > 20_000, "{compared}");
    }

    #[test]
    fn every_example_is_valid_and_canonical_is_idempotent() {
        for country in COUNTRIES {
            let Some(fmt) = country.format() else {
                continue;
            };
            for ex in fmt.zip_examples.iter() {
                assert!(zip_matches(country, ex), "{} {ex}", country.code);
                let n = normalize_zip(Some(country), ex);
                assert!(zip_matches(country, &n), "{} {ex} -> {n}", country.code);
                assert_eq!(normalize_zip(Some(country), &n), n, "{} {ex}", country.code);
            }
        }
    }

    #[test]
    fn national_ways_of_writing() {
        let z = |code: &str, raw: &str| normalize_zip(Some(c(code)), raw);
        assert_eq!(z("BR", "12.345-678"), "12345-678");
        assert_eq!(z("DE", "D-10115"), "10115");
        assert_eq!(z("DE", "DE-10115"), "10115");
        assert_eq!(z("FR", "F-75008"), "75008");
        assert_eq!(z("CH", "CH-8001"), "8001");
        assert_eq!(z("LI", "FL-9490"), "9490");
        assert_eq!(z("AZ", "az 1000"), "1000");
        assert_eq!(z("FO", "FO100"), "100");
        assert_eq!(z("JP", "〒100-0001"), "100-0001");
        assert_eq!(z("JP", "〒 １００－０００１"), "100-0001");
        assert_eq!(z("JP", "100ー0001"), "100-0001");
        assert_eq!(z("US", "94105 – 1234"), "94105-1234");
        assert_eq!(z("LV", "1073"), "LV-1073");
        assert_eq!(z("SV", "1101"), "CP 1101");
        // Not certain, so left as typed: a dot that groups no thousands, letters that
        // are not the country's sign, digits for a format whose letters vary.
        assert_eq!(z("BR", "1.2345-678"), "1.2345-678");
        assert_eq!(z("DE", "X-10115"), "X-10115");
        assert_eq!(z("SZ", "100"), "100");
        assert_eq!(z("GB", "1AA"), "1AA");
    }

    #[test]
    fn canonical_spacing() {
        assert_eq!(normalize_zip(Some(c("GB")), "sw1a1aa"), "SW1A 1AA");
        assert_eq!(normalize_zip(Some(c("CA")), " k1a0b1 "), "K1A 0B1");
        assert_eq!(normalize_zip(Some(c("US")), "941051234"), "94105-1234");
        assert_eq!(normalize_zip(Some(c("US")), "94105"), "94105");
    }

    #[test]
    fn states_resolve_and_zip_prefixes() -> Result<(), &'static str> {
        let us = c("US");
        assert_eq!(resolve_state(us, "california").map(|s| s.key()), Some("CA"));
        assert_eq!(resolve_state(us, "US-NY").map(|s| s.key()), Some("NY"));
        assert!(resolve_state(us, "Narnia").is_none());
        assert_eq!(
            resolve_state(c("IE"), "Dublin").map(|s| s.key()),
            Some("Co. Dublin")
        );
        assert_eq!(
            resolve_state(c("IE"), "county dublin").map(|s| s.key()),
            Some("Co. Dublin")
        );
        assert_eq!(
            resolve_state(c("CN"), "Beijing").map(|s| s.key()),
            Some("北京市")
        );
        assert_eq!(
            resolve_state(c("MX"), "Ciudad de Mexico").map(|s| s.key()),
            Some("CDMX")
        );
        assert_eq!(
            resolve_state(c("JP"), "tokyo").map(|s| s.key()),
            Some("東京都")
        );
        assert_eq!(
            resolve_state(c("CN"), "CN-BJ").map(|s| s.key()),
            Some("北京市")
        );
        assert_eq!(resolve_state(c("CA"), "ca-qc").map(|s| s.key()), Some("QC"));
        assert!(resolve_state(c("CA"), "US-QC").is_none());
        // A key is taken as typed even where its folded form names two states.
        let mz = c("MZ");
        assert_eq!(resolve_state(mz, "Maputo").map(|s| s.key()), Some("Maputo"));
        assert!(resolve_state(mz, "MAPUTO").is_none());
        let ny = resolve_state(us, "NY").ok_or("NY")?;
        assert_eq!(
            zip_in_other_state(us, ny, "94105").map(|s| s.key()),
            Some("CA")
        );
        let ca = resolve_state(us, "CA").ok_or("CA")?;
        assert!(zip_in_other_state(us, ca, "94105").is_none());
        Ok(())
    }
}
