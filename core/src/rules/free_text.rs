//! # companyName, address, city (and the state's text outside a known list)
//! **What**: free text of 1 to [`MAX_CHARS`] characters without control, invisible or
//! direction-changing characters.
//! **Why**: the registrar's contact record takes text of that length; a hidden
//! character makes a record that looks right and is not.
//! **Example**: `"  Acme\u{200B} Corp "` -> `"Acme Corp"` (`bad_characters`, with the
//! fix); `""` -> `blank`.
//! **Fix safety**: trimming, collapsing whitespace to one space, dropping zero-width
//! characters and composing to NFC change how the text is stored, never what it says.
//! **Source**: the order contract's field table; Unicode's NFC and general categories.

use std::borrow::Cow;

use crate::context::Context;
use crate::problem::Fix;
use crate::rules::{text_fix, Kind, TextRule};
use crate::text;

/// The longest free text the registrar's record takes.
pub const MAX_CHARS: usize = 255;

pub const RULE: Kind = Kind::Text(&FreeText);

/// Free text: the table's length and character rules are all there is to it.
pub struct FreeText;

impl TextRule for FreeText {
    fn normalize<'a>(&self, raw: &'a str, _: &Context) -> Cow<'a, str> {
        text::normalize(raw)
    }

    fn fix(&self, raw: &str, _: &str) -> Fix {
        text_fix(raw)
    }
}
