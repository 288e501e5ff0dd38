//! Free-text fields (names, company, address, city): normalization, character
//! rules, and the short quoting every message uses so no message echoes long input.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Zero-width characters a person cannot see; pasted text often carries them.
fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
    )
}

/// Bidi controls: they reorder what a person sees (Trojan-Source style).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters no text field may hold: controls (line breaks included), zero-width
/// and bidi controls, and the Unicode line and paragraph separators.
pub fn is_bad_char(c: char) -> bool {
    c.is_control() || is_zero_width(c) || is_bidi_control(c) || c == '\u{2028}' || c == '\u{2029}'
}

/// Whether `s` holds a bad character that `normalize` removes: a zero-width
/// character, or a line break or tab (collapsed to a space).
pub fn has_removable_bad_char(s: &str) -> bool {
    s.chars()
        .any(|c| is_zero_width(c) || (c.is_whitespace() && is_bad_char(c)))
}

/// The safe normalization of free text: trim, collapse inner whitespace (line breaks
/// included) to one space, drop zero-width characters, NFC.
pub fn normalize(s: &str) -> String {
    if is_plain_ascii(s) {
        return s.to_string();
    }
    rebuild(s)
}

/// `normalize` the long way: every character looked at.
fn rebuild(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if is_zero_width(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    if is_nfc_quick(out.chars()) == IsNormalized::Yes {
        out
    } else {
        out.nfc().collect()
    }
}

/// ASCII with single inner spaces and no other whitespace: already normalized (most
/// names and addresses), so `normalize` need not rebuild it.
fn is_plain_ascii(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter()
        .all(|&c| c.is_ascii() && !(0x09..=0x0d).contains(&c))
        && b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.windows(2).any(|w| w == b"  ")
}

/// At most ~60 characters of `s`, quoted, for messages.
pub fn quote(s: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::from("\"");
    for (n, c) in s.chars().enumerate() {
        if n == MAX {
            out.push('…');
            break;
        }
        if is_bad_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// Length in Unicode scalar values, as the contract counts.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_trims_collapses_and_composes() {
        assert_eq!(normalize("  Jo\u{200B}hn \n\t Smith "), "John Smith");
        assert_eq!(normalize("Zoe\u{0308}"), "Zo\u{00EB}");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \u{200B} "), "");
    }

    #[test]
    fn the_ascii_shortcut_agrees_with_the_full_normalization() {
        for s in [
            "John Smith",
            "a",
            "",
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\u{b}b",
            "a\rb",
            "x\u{c}",
            "A-1, B/2",
        ] {
            assert_eq!(normalize(s), rebuild(s), "{s:?}");
            assert_eq!(is_plain_ascii(s), rebuild(s) == s, "{s:?}");
        }
    }

    #[test]
    fn quote_truncates_long_input() {
        let q = quote(&"x".repeat(500));
        assert!(q.chars().count() <= 64, "{q}");
        assert_eq!(quote("a\u{0}b"), "\"a\\u{0}b\"");
    }
}
