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
pub enum Case {
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
pub fn map(s: &str, case: Case) -> Cow<'_, str> {
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

/// A run of assigned code points under `case`. The back end's answer is taken whole
/// unless it holds a code point new since the version; then character by character,
/// each new mapping left out.
fn run(s: &str, case: Case) -> String {
    if s.is_empty() {
        return String::new();
    }
    let whole = backend::case(s, case);
    if whole.chars().all(is_assigned) {
        return whole;
    }
    let each = if case == Case::Upper {
        Case::Upper
    } else {
        Case::LowerEach
    };
    let mut out = String::with_capacity(whole.len());
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
/// twice: the text up to it (its preceding context, nothing after), and `A` + the text
/// from it (a cased letter before, its following context).
fn final_sigma(s: &str, i: usize) -> bool {
    let before = backend::case(s.get(..i + 'Σ'.len_utf8()).unwrap_or_default(), Case::Lower);
    let after = backend::case(&format!("A{}", s.get(i..).unwrap_or_default()), Case::Lower);
    before.ends_with('ς') && after.starts_with("aς")
}
