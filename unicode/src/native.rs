//! The native back end: `unicode-normalization`'s tables and std's case mapping.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::case::Case;
use crate::Form;

pub const NAME: &str = "native";

pub fn normalize(s: &str, form: Form) -> Cow<'_, str> {
    match form {
        Form::Nfc if is_nfc_quick(s.chars()) == IsNormalized::Yes => Cow::Borrowed(s),
        Form::Nfc => Cow::Owned(s.nfc().collect()),
        Form::Nfkc => Cow::Owned(s.nfkc().collect()),
        Form::Nfkd => Cow::Owned(s.nfkd().collect()),
    }
}

pub fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

pub fn case(s: &str, case: Case) -> String {
    match case {
        Case::Lower => s.to_lowercase(),
        Case::LowerEach => s.chars().flat_map(char::to_lowercase).collect(),
        Case::Upper => s.to_uppercase(),
    }
}
