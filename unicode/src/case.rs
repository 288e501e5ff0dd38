//! Case mapping as Unicode [`VERSION`](crate::VERSION) defines it (root locale: the
//! unconditional mappings of `UnicodeData.txt` and `SpecialCasing.txt`, and
//! Final_Sigma), from the back end's tables (std's, or the JS host's
//! `toLowerCase`/`toUpperCase`) under the same guard as normalization: a code point
//! unassigned in the version maps to itself and ends the context Final_Sigma looks at
//! (as in the version, where it is neither cased nor case-ignorable), and a back-end
//! mapping to such a code point (new since the version) is not taken. ASCII text never
//! reaches the back end.

use std::borrow::Cow;

use crate::{backend, is_assigned};

/// Which mapping: `str::to_lowercase`, `char::to_lowercase` of each character (no
/// Final_Sigma), or `str::to_uppercase` (which has no context in the root locale).
/// The discriminants are what `unicode-host.js`'s `caseMap` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    Lower = 0,
    LowerEach = 1,
    Upper = 2,
}

/// `s` lower-cased as `str::to_lowercase` does (Σ at a word's end is ς).
pub fn lower(s: &str) -> Cow<'_, str> {
    map(s, Case::Lower)
}

/// Each character of `s` lower-cased as `char::to_lowercase` does (Σ is always σ).
pub fn lower_each(s: &str) -> Cow<'_, str> {
    map(s, Case::LowerEach)
}

/// `s` upper-cased as `str::to_uppercase` does.
pub fn upper(s: &str) -> Cow<'_, str> {
    map(s, Case::Upper)
}

/// `s` under `case`; the runs between code points unassigned in the version are
/// mapped apart.
fn map(s: &str, case: Case) -> Cow<'_, str> {
    if s.is_ascii() {
        let changed = match case {
            Case::Upper => s.bytes().any(|b| b.is_ascii_lowercase()),
            Case::Lower | Case::LowerEach => s.bytes().any(|b| b.is_ascii_uppercase()),
        };
        return match (changed, case) {
            (false, _) => Cow::Borrowed(s),
            (true, Case::Upper) => Cow::Owned(s.to_ascii_uppercase()),
            (true, _) => Cow::Owned(s.to_ascii_lowercase()),
        };
    }
    let mut out = String::with_capacity(s.len());
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if !is_assigned(c) {
            out.push_str(&run(s.get(start..i).unwrap_or_default(), case));
            out.push(c);
            start = i + c.len_utf8();
        }
    }
    out.push_str(&run(s.get(start..).unwrap_or_default(), case));
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// Code points assigned in the version whose Cased or Case_Ignorable (what Final_Sigma
/// reads) later versions changed, each with a stand-in that has the version's
/// properties in every version: U+0295 (Ll in 15.0, Lo since 16.0: cased then, not
/// now) and U+1171E (Mn in 15.0, Mc since 16.0: case-ignorable then, not now). The
/// conformance test's Final_Sigma contexts of every code point find them.
const CONTEXT_CHANGED: [(char, char); 2] = [('\u{295}', 'a'), ('\u{1171E}', '\u{301}')];

/// A run of assigned code points under `case`. The back end's answer is taken whole
/// unless it holds a code point new since the version, or a Σ's context holds a code
/// point of [`CONTEXT_CHANGED`]; then character by character, each new mapping left
/// out.
fn run(s: &str, case: Case) -> String {
    if s.is_empty() {
        return String::new();
    }
    let context_changed = case == Case::Lower
        && s.contains('Σ')
        && s.chars()
            .any(|c| CONTEXT_CHANGED.iter().any(|&(x, _)| x == c));
    if !context_changed {
        let whole = backend::case(s, case);
        if whole.chars().all(is_assigned) {
            return whole;
        }
    }
    let each = if case == Case::Upper {
        Case::Upper
    } else {
        Case::LowerEach
    };
    let mut out = String::with_capacity(s.len());
    let mut buf = [0; 4];
    for (i, c) in s.char_indices() {
        if c == 'Σ' && case == Case::Lower {
            out.push(if final_sigma(s, i) { 'ς' } else { 'σ' });
            continue;
        }
        let m = backend::case(c.encode_utf8(&mut buf), each);
        if m.chars().all(is_assigned) {
            out.push_str(&m);
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether the Σ at byte `i` of `s` is final (Final_Sigma), asked of the back end
/// twice, each [`CONTEXT_CHANGED`] code point replaced by its stand-in: the text up to
/// the Σ (its preceding context, nothing after), and `A` + the text from it (a cased
/// letter before, its following context).
fn final_sigma(s: &str, i: usize) -> bool {
    let stand_in = |t: &str| -> String {
        t.chars()
            .map(|c| {
                CONTEXT_CHANGED
                    .iter()
                    .find(|&&(x, _)| x == c)
                    .map_or(c, |&(_, y)| y)
            })
            .collect()
    };
    let upto = stand_in(s.get(..i + 'Σ'.len_utf8()).unwrap_or_default());
    let from = stand_in(s.get(i..).unwrap_or_default());
    let before = backend::case(&upto, Case::Lower);
    let after = backend::case(&format!("A{from}"), Case::Lower);
    before.ends_with('ς') && after.starts_with("aς")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_stays_in_rust_and_borrows_when_unchanged() {
        assert!(matches!(lower("abc-1"), Cow::Borrowed("abc-1")));
        assert_eq!(lower("AbC"), "abc");
        assert_eq!(upper("AbC"), "ABC");
        assert!(matches!(upper("\u{C9}T\u{C9}"), Cow::Borrowed(_)));
    }

    #[test]
    fn full_mappings_and_final_sigma() {
        assert_eq!(upper("stra\u{DF}e"), "STRASSE");
        assert_eq!(lower("\u{130}"), "i\u{307}");
        assert_eq!(
            lower("\u{39F}\u{394}\u{39F}\u{03A3}"),
            "\u{3BF}\u{3B4}\u{3BF}\u{3C2}"
        );
        assert_eq!(
            lower_each("\u{39F}\u{394}\u{39F}\u{03A3}"),
            "\u{3BF}\u{3B4}\u{3BF}\u{3C3}"
        );
        assert_eq!(lower("\u{03A3}"), "\u{3C3}");
    }

    #[test]
    fn mappings_to_letters_new_since_the_version_are_left_out() {
        // 16.0 and 17.0 gave these upper-case letters (U+A7DC, U+A7CB, U+A7D2, U+A7D4).
        for c in ['\u{19B}', '\u{264}', '\u{A7D3}', '\u{A7D5}'] {
            let s = c.to_string();
            assert_eq!(upper(&s), s);
        }
        assert_eq!(upper("a\u{19B}\u{E9}"), "A\u{19B}\u{C9}");
    }

    #[test]
    fn unassigned_code_points_map_to_themselves_and_end_the_context() {
        // U+A7DC (new in 16.0) is unassigned in 15.0: no mapping, neither cased nor
        // case-ignorable, so the Σ before it is final.
        assert_eq!(lower("\u{A7DC}"), "\u{A7DC}");
        assert_eq!(lower("A\u{3A3}\u{A7DC}b"), "a\u{3C2}\u{A7DC}b");
        assert_eq!(lower("A\u{A7DC}\u{3A3}"), "a\u{A7DC}\u{3C3}");
    }

    #[test]
    fn final_sigma_reads_the_version_s_properties() {
        // U+0295 is cased in 15.0: the Σ after it is final, the Σ before it is not.
        assert_eq!(lower("A\u{295}\u{3A3}"), "a\u{295}\u{3C2}");
        assert_eq!(lower("A\u{3A3}\u{295}"), "a\u{3C3}\u{295}");
        // U+1171E is case-ignorable in 15.0: skipped on both sides.
        assert_eq!(lower("A\u{1171E}\u{3A3}"), "a\u{1171E}\u{3C2}");
        assert_eq!(lower("A\u{3A3}\u{1171E}b"), "a\u{3C3}\u{1171E}b");
        assert_eq!(lower("A\u{3A3}\u{1171E}"), "a\u{3C2}\u{1171E}");
    }
}
