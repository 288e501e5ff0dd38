//! The run-time phone matcher against the `phonenumber` crate, continuously: a
//! number the matcher calls valid must be valid with the same E.164 form in the
//! crate, and a number in the matcher's grammar (an optional leading `+`, digits,
//! separators) that the crate calls valid must be valid here with the same form.
#![no_main]

use libfuzzer_sys::fuzz_target;
use phonenumber::metadata::DATABASE;

#[path = "../../core/tests/phone/reference.rs"]
mod reference;
use reference::reference_e164 as oracle;

const REGIONS: [&str; 16] = [
    "US", "GB", "DE", "FR", "IT", "BR", "AR", "MX", "RU", "KZ", "IN", "CN", "JP", "AU", "NZ", "BB",
];
const ALPHABET: &[u8; 16] = b"0123456789 -()+.";
const SEPARATORS: &str = " -.()/[]\u{a0}\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}\u{2212}\u{3000}";

/// The one place the crate is known to be wrong: without a space, it reads
/// `+<x><sep><digits and - . ( )>` as an RFC 3966 number whose country code is all of
/// `<x>` (up to the first `-`, `.`, `(` or `)`), and rejects the number when that is
/// not a calling code, e.g. `+4420-7946-0958`, which libphonenumber (and the matcher)
/// read as +44 20 7946 0958. Found by this target; such inputs are not compared.
fn crate_misreads(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('+') else {
        return false;
    };
    let sep = |c: char| matches!(c, '-' | '.' | '(' | ')');
    let Some(i) = rest.find(sep) else {
        return false;
    };
    let rfc3966 = !s.contains(' ') && i > 0 && rest[i..].chars().all(|c| c.is_ascii_hexdigit() || sep(c));
    rfc3966 && rest[..i].parse::<u16>().map_or(true, |c| DATABASE.region(&c).is_none())
}

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
    if (ours.is_some() || in_grammar(&input)) && !crate_misreads(&input) {
        let theirs = oracle(&input, region);
        assert_eq!(ours, theirs, "{input:?} with region {region:?}");
    }
});
