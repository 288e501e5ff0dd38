//! The run-time phone matcher against the `phonenumber` crate, continuously: a
//! number the matcher calls valid must be valid with the same E.164 form in the
//! crate, and a number in the matcher's grammar (an optional leading `+`, digits,
//! separators) that the crate calls valid must be valid here with the same form.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../core/tests/phone/reference.rs"]
mod reference;
use reference::reference_e164 as oracle;

const REGIONS: [&str; 16] = [
    "US", "GB", "DE", "FR", "IT", "BR", "AR", "MX", "RU", "KZ", "IN", "CN", "JP", "AU", "NZ", "BB",
];
const ALPHABET: &[u8; 16] = b"0123456789 -()+.";
const SEPARATORS: &str = " -.()/[]\u{a0}\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}\u{2212}\u{3000}";

/// The matcher's documented input grammar.
fn in_grammar(s: &str) -> bool {
    let body = s.trim_start_matches(|c| SEPARATORS.contains(c));
    let body = body.strip_prefix('+').unwrap_or(body);
    body.chars().all(|c| c.is_ascii_digit() || SEPARATORS.contains(c))
}

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    let region = REGIONS.get(usize::from(head & 0x1f)).copied();
    // Half the inputs are drawn from the grammar's alphabet, half are raw text.
    let input: String = if head & 0x80 == 0 {
        rest.iter().map(|b| char::from(ALPHABET[usize::from(b & 0x0f)])).collect()
    } else {
        String::from_utf8_lossy(rest).into_owned()
    };
    if input.len() > 64 {
        return;
    }
    let ours = mailinfra::phone_e164(&input, region);
    if ours.is_some() || in_grammar(&input) {
        let theirs = oracle(&input, region);
        assert_eq!(ours, theirs, "{input:?} with region {region:?}");
    }
});
