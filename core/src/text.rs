//! Free text (names, company, address, city): normalization, character rules, and
//! the one near-miss rule for names a person misspells.

use std::borrow::Cow;

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
pub fn normalize(s: &str) -> Cow<'_, str> {
    if is_plain_ascii(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(rebuild(s))
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
    let nfc = match mailinfra_unicode::nfc(&out) {
        Cow::Borrowed(_) => None,
        Cow::Owned(nfc) => Some(nfc),
    };
    nfc.unwrap_or(out)
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

/// The name the user probably meant: the same letters ignoring case, or within two
/// edits (a transposition counts once) and a third of the name's length; `None` when
/// two names are equally near. The one near-miss rule: unknown fields, pointers and
/// option names all use it.
pub fn near_miss<'n>(key: &str, names: impl Iterator<Item = &'n str> + Clone) -> Option<&'n str> {
    let lower = mailinfra_unicode::lower(key);
    if let Some(k) = names.clone().find(|k| mailinfra_unicode::lower(k) == lower) {
        return Some(k);
    }
    let mut best: Option<(&str, usize)> = None;
    let mut tie = false;
    for k in names {
        let d = strsim::osa_distance(&lower, &mailinfra_unicode::lower(k));
        if d <= 2 && d * 3 <= k.len() {
            match best {
                Some((_, bd)) if bd == d => tie = true,
                Some((_, bd)) if bd < d => {}
                _ => {
                    best = Some((k, d));
                    tie = false;
                }
            }
        }
    }
    if tie {
        None
    } else {
        best.map(|(k, _)| k)
    }
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
    fn near_misses() {
        let names = [
            "domainOwnerFirstname",
            "redirectUrl",
            "zipcode",
            "email",
            "city",
            "state",
        ];
        let n = |k: &str| near_miss(k, names.iter().copied());
        assert_eq!(n("domainOwnerFirstName"), Some("domainOwnerFirstname"));
        assert_eq!(n("redirectURL"), Some("redirectUrl"));
        assert_eq!(n("zipcod"), Some("zipcode"));
        assert_eq!(n("emial"), Some("email"));
        assert_eq!(n("favouriteColour"), None);
    }
}
