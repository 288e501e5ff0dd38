//! The phone reading (`mailinfra::phone_e164`) on arbitrary text: it never panics, a
//! number it reads is `+` and digits (a calling code that does not start with 0, at most
//! 3 + 17 digits), reads back as itself from its E.164 form, and reads the same under
//! any default region once written with `+`. (libphonenumber itself is the reference
//! for what is read: `tests/reference/phone.py`; every E.164 form it gave there read
//! back as itself.)
#![no_main]

use libfuzzer_sys::fuzz_target;

const REGIONS: [&str; 16] = [
    "US", "CA", "GB", "DE", "FR", "IT", "BR", "AR", "MX", "RU", "KZ", "IN", "CN", "JP", "AU", "BB",
];
/// Half the inputs are drawn from this alphabet, half are raw text.
const ALPHABET: &[&str] = &[
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", " ", "-", "(", ")", "+", ".", "/", "x",
    "ext", "#", ";", ",", "tel:", ";phone-context=", "\u{ff11}", "\u{661}", "A", "\u{a0}",
];

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    let region = REGIONS.get(usize::from(head & 0x1f)).copied();
    let input: String = if head & 0x80 == 0 {
        rest.iter().map(|&b| ALPHABET[usize::from(b) % ALPHABET.len()]).collect()
    } else {
        String::from_utf8_lossy(rest).into_owned()
    };
    let Some(e) = mailinfra::phone_e164(&input, region) else {
        return;
    };
    let digits = e.strip_prefix('+').expect("E.164 starts with +");
    assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{input:?} -> {e:?}");
    assert!((3..=20).contains(&digits.len()) && !digits.starts_with('0'), "{input:?} -> {e:?}");
    assert_eq!(mailinfra::phone_e164(&e, None).as_deref(), Some(e.as_str()), "{input:?} -> {e:?}");
    for r in REGIONS {
        assert_eq!(mailinfra::phone_e164(&e, Some(r)).as_deref(), Some(e.as_str()), "{e:?} in {r}");
    }
});
