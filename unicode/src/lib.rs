//! The Unicode normalization, case mapping and character properties the mailinfra
//! core uses, behind one interface with two back ends: `native`,
//! `unicode-normalization`'s and std's tables, and `host` (wasm32 with the `host`
//! feature), the JS engine's (`String.prototype.normalize`, `toLowerCase`,
//! `toUpperCase`, `/\p{M}/u`) through `bindings-wasm/js/unicode-host.js`, so the form
//! module need not carry ~85 KB gzip of tables the browser already has.
//!
//! Both answer as Unicode [`VERSION`], whatever newer version the crate or the host
//! carries: a code point unassigned in that version is left alone by normalization
//! and case mapping and is not a mark. Within a run of assigned code points any later normalizer gives
//! the same result (Unicode's normalization stability policy), so every surface
//! answers alike (`docs/unicode-host.md`).
#![forbid(unsafe_code)]

use std::borrow::Cow;

mod case;
mod tables;
mod uts39;
pub mod uts46;

#[cfg(all(feature = "host", target_arch = "wasm32"))]
mod host;
#[cfg(all(feature = "host", target_arch = "wasm32"))]
use host as backend;

#[cfg(not(all(feature = "host", target_arch = "wasm32")))]
mod native;
#[cfg(not(all(feature = "host", target_arch = "wasm32")))]
use native as backend;

pub use case::{lower, lower_each, upper};
pub use tables::VERSION;

/// Which back end this build uses: `"native"` or `"host"`.
pub const BACKEND: &str = backend::NAME;

/// Whether `c` is assigned (a character, noncharacter or surrogate) in Unicode [`VERSION`].
pub fn is_assigned(c: char) -> bool {
    let cp = u32::from(c);
    let i = tables::ASSIGNED.partition_point(|&(_, last)| last < cp);
    tables::ASSIGNED
        .get(i)
        .is_some_and(|&(first, _)| first <= cp)
}

/// A Unicode normalization form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Nfc,
    Nfkc,
    Nfkd,
}

/// Below U+0300 every code point is its own NFC and none composes with what follows
/// (the first combining mark is U+0300), so such text is NFC as it is.
const NFC_STABLE_BELOW: char = '\u{300}';

/// `s` in normalization form `form` as Unicode [`VERSION`] defines it. A code point
/// unassigned there is a starter that never combines, so the runs between such code
/// points are normalized apart.
pub fn normalize(s: &str, form: Form) -> Cow<'_, str> {
    if s.is_ascii() || (form == Form::Nfc && s.chars().all(|c| c < NFC_STABLE_BELOW)) {
        return Cow::Borrowed(s);
    }
    if s.chars().all(is_assigned) {
        return backend::normalize(s, form);
    }
    let mut out = String::with_capacity(s.len());
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if !is_assigned(c) {
            out.push_str(&backend::normalize(
                s.get(start..i).unwrap_or_default(),
                form,
            ));
            out.push(c);
            start = i + c.len_utf8();
        }
    }
    out.push_str(&backend::normalize(
        s.get(start..).unwrap_or_default(),
        form,
    ));
    Cow::Owned(out)
}

/// NFC ([`normalize`]).
pub fn nfc(s: &str) -> Cow<'_, str> {
    normalize(s, Form::Nfc)
}

/// NFKC ([`normalize`]).
pub fn nfkc(s: &str) -> Cow<'_, str> {
    normalize(s, Form::Nfkc)
}

/// NFKD ([`normalize`]).
pub fn nfkd(s: &str) -> Cow<'_, str> {
    normalize(s, Form::Nfkd)
}

/// Whether `c` is a mark (general category M: Mn, Mc, Me) in Unicode [`VERSION`].
pub fn is_mark(c: char) -> bool {
    c >= NFC_STABLE_BELOW && is_assigned(c) && backend::is_mark(c)
}

/// Whether `c`'s Canonical_Combining_Class is Virama (9) in Unicode [`VERSION`]: a
/// list of 65, kept here on every back end since JS exposes no combining classes.
pub fn is_virama(c: char) -> bool {
    tables::VIRAMAS.binary_search(&u32::from(c)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::UnicodeNormalization;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn viramas_are_unicode_normalizations_ccc_9_within_the_version() {
        for c in all_chars().filter(|&c| is_assigned(c)) {
            assert_eq!(is_virama(c), canonical_combining_class(c) == 9, "{c:?}");
        }
    }

    #[test]
    fn text_below_u0300_is_nfc_as_it_is() {
        for a in '\0'..NFC_STABLE_BELOW {
            for b in '\0'..NFC_STABLE_BELOW {
                let s: String = [a, b].into_iter().collect();
                assert_eq!(s.nfc().collect::<String>(), s, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn unassigned_code_points_split_the_runs() {
        // U+0041 U+0301 compose to U+00C1; U+0378 (unassigned) between them stops it.
        assert_eq!(nfc("A\u{301}"), "\u{C1}");
        assert_eq!(nfc("A\u{378}\u{301}"), "A\u{378}\u{301}");
        assert!(!is_assigned('\u{378}'));
        assert!(!is_mark('\u{378}'));
        assert!(is_mark('\u{301}'));
        assert_eq!(nfkc("\u{FB01}"), "fi");
        assert_eq!(nfkd("\u{E9}"), "e\u{301}");
    }

    #[test]
    fn assigned_is_the_version_s_repertoire() {
        assert_eq!(VERSION, "15.0.0");
        assert!(is_assigned('\u{1E4D0}')); // Nag Mundari, new in 15.0
        assert!(!is_assigned('\u{2EBF0}')); // CJK Extension I, new in 15.1
        assert!(is_assigned('\u{FFFD}'));
        assert!(is_assigned('\u{10FFFF}')); // a noncharacter has an age
    }
}
