//! Phone numbers: E.164 shape and numbering-plan validity as libphonenumber reads them
//! (`numbering`), and the certain E.164 form of what people type.

use std::cell::RefCell;

use crate::numbering::{self, Unread};
use crate::recent::Recent;

/// `+` then 2..=15 digits, the first non-zero (the contract's regex).
pub fn is_e164_shape(s: &str) -> bool {
    let Some(d) = s.strip_prefix('+') else {
        return false;
    };
    (2..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0')
}

/// E.164-shaped and valid for a numbering plan, and already in its E.164 form.
pub fn is_valid_e164(s: &str) -> bool {
    is_e164_shape(s)
        && !known_invalid(s)
        && (known_valid(s) || e164_of(s, None).as_deref() == Some(s))
}

thread_local! {
    /// Valid E.164 forms that read back as themselves, from the last parses (a parse is
    /// a seventh of a typical `prepare`, which parses a number and then checks its result).
    static RECENT_VALID: RefCell<Recent<String>> = const { RefCell::new(Recent::new()) };
}

fn known_valid(s: &str) -> bool {
    RECENT_VALID.with(|r| r.borrow().find(|v| v == s).is_some())
}

thread_local! {
    /// E.164-shaped text read as no valid number, with or without a region, in the last
    /// parses: then it reads as none without one either (a region only adds readings of
    /// a `+` number: a calling code after its international prefix, when the `+` is
    /// followed by none). A field check of a number being typed normalizes each prefix
    /// with the country's region, then checks its E.164 form without one: one parse.
    static RECENT_INVALID: RefCell<Recent<String>> = const { RefCell::new(Recent::new()) };
}

fn known_invalid(s: &str) -> bool {
    RECENT_INVALID.with(|r| r.borrow().find(|v| v == s).is_some())
}

/// libphonenumber's reading of `s` (national forms read with `region`, ISO alpha-2):
/// the E.164 form of a valid number without an extension.
fn reading(s: &str, region: Option<&str>) -> Result<String, Unread> {
    let n = numbering::read(s, region).inspect_err(|e| {
        if *e == Unread::Invalid && is_e164_shape(s) {
            RECENT_INVALID.with(|r| r.borrow_mut().remember(s.to_string()));
        }
    })?;
    let e = n.e164();
    if n.rereads_to_itself() {
        RECENT_VALID.with(|r| r.borrow_mut().remember(e.clone()));
    }
    Ok(e)
}

/// The E.164 form of a valid number, with `region` (ISO alpha-2) as the default for
/// national input. `None` unless libphonenumber reads it as valid and it carries no
/// extension (its E.164 form would drop the extension, which changes the number).
pub fn e164_of(s: &str, region: Option<&str>) -> Option<String> {
    reading(s, region).ok()
}

/// Whether libphonenumber reads `s` as a number with an extension.
pub fn has_extension(s: &str, region: Option<&str>) -> bool {
    numbering::read(s, region).err() == Some(Unread::Extension)
}

/// The safe normalization: libphonenumber's reading (national forms read with
/// `region`) when it is a valid number. Where it is not, two extras: the text folded to
/// NFKC (full-width and other compatibility forms of digits and signs), and a leading
/// `00` read as the international prefix even where `region`'s is another (`00 44 20
/// 7946 0958` from the US). Failing those, an international form with its punctuation
/// removed; otherwise the trimmed input. A number with an extension is never
/// rewritten to a number.
pub fn normalize(raw: &str, region: Option<&str>) -> String {
    let trimmed = raw.trim();
    if is_e164_shape(trimmed) && known_valid(trimmed) {
        return trimmed.to_string();
    }
    match reading(raw, region) {
        Ok(e) => return e,
        Err(Unread::Extension) => return trimmed.to_string(),
        Err(Unread::Invalid) => {}
    }
    let folded = mailinfra_unicode::nfkc(raw);
    if folded != raw {
        match reading(&folded, region) {
            Ok(e) => return e,
            Err(Unread::Extension) => return folded.trim().to_string(),
            Err(Unread::Invalid) => {}
        }
    }
    let t = folded.trim();
    if let Some(rest) = t.strip_prefix("00") {
        if let Ok(e) = reading(&format!("+{rest}"), None) {
            return e;
        }
    }
    if t.starts_with('+') {
        let digits: String = t
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}'))
            .collect();
        if is_e164_shape(&digits) {
            return digits;
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `RECENT_INVALID` rests on: an E.164-shaped number that reads as no valid
    /// number with a region reads as none without one, over every prefix of every
    /// E.164-shaped number of the reference vectors and the regions of many plans (and
    /// of the `+1` and `+7` plans shared by several regions).
    #[test]
    fn a_region_never_invalidates_what_reads_valid_without_one() -> crate::test_support::TestResult
    {
        let regions = [
            "US", "CA", "AG", "JM", "GB", "DE", "FR", "IT", "ES", "AU", "NZ", "BR", "AR", "MX",
            "IN", "CN", "JP", "KR", "RU", "KZ", "ZA", "NG", "EG", "SG", "AE", "IL", "CH", "SE",
        ];
        let mut invalid = 0;
        let mut numbers = Vec::new();
        for (_, cases) in crate::test_support::vector_files()? {
            for c in cases {
                if let Some(n) = c["input"]["phoneNumber"]
                    .as_str()
                    .filter(|n| is_e164_shape(n))
                {
                    numbers.extend((3..=n.len()).map(|i| n[..i].to_string()));
                }
            }
        }
        numbers.sort();
        numbers.dedup();
        assert!(numbers.len() > 5_000, "{} numbers", numbers.len());
        for s in &numbers {
            let without = numbering::read(s, None).err();
            for r in regions {
                if numbering::read(s, Some(r)).err() == Some(Unread::Invalid) {
                    invalid += 1;
                    assert_eq!(without, Some(Unread::Invalid), "{s} invalid in {r}");
                }
            }
        }
        assert!(invalid > 100_000, "{invalid} invalid readings");
        Ok(())
    }

    #[test]
    fn shapes() {
        assert!(is_e164_shape("+14155551234"));
        assert!(!is_e164_shape("+04155551234"));
        assert!(!is_e164_shape("14155551234"));
        assert!(!is_e164_shape("+1"));
        assert!(!is_e164_shape(&format!("+{}", "1".repeat(16))));
    }

    #[test]
    fn normalizes_national_and_international_forms() {
        assert_eq!(normalize("(415) 555-1234", Some("US")), "+14155551234");
        assert_eq!(normalize("+1 415-555-1234", None), "+14155551234");
        assert_eq!(normalize("00 44 20 7946 0958", Some("US")), "+442079460958");
        assert_eq!(normalize("020 7946 0958", Some("GB")), "+442079460958");
        assert_eq!(normalize("+1 555 0000 000", None), "+15550000000");
        assert_eq!(normalize("hello", Some("US")), "hello");
        assert_eq!(normalize("7710009998", Some("KZ")), "+77710009998");
        assert_eq!(normalize("87710009998", Some("KZ")), "+77710009998");
        assert_eq!(normalize("＋１４１５５５５１２３４", None), "+14155551234");
        // Superscript digits are no digits to libphonenumber; NFKC folds them.
        assert_eq!(normalize("+1 415 555 123⁴", None), "+14155551234");
        assert!(is_valid_e164("+14155551234"));
        assert!(!is_valid_e164("+15550000000"));
    }

    #[test]
    fn issue_12_numbers_keep_their_digits() {
        for region in [None, Some("US"), Some("CA")] {
            assert_eq!(normalize("+49 151 23456789", region), "+4915123456789");
            assert_eq!(normalize("+61 1300 123 456", region), "+611300123456");
        }
        assert!(!is_valid_e164("+35322123451"));
    }

    #[test]
    fn an_extension_is_never_dropped() {
        // libphonenumber reads +1 415-555-1234 with extension 5; its E.164 form is
        // +14155551234, which would lose the extension.
        let raw = "+1 415-555-1234 ext. 5";
        assert!(has_extension(raw, Some("US")));
        assert_eq!(e164_of(raw, Some("US")), None);
        assert_eq!(normalize(raw, Some("US")), raw);
        assert_eq!(
            normalize("00 44 20 7946 0958 x 12", Some("US")),
            "00 44 20 7946 0958 x 12"
        );
    }
}
