//! # domainOwnerFirstname, domainOwnerLastname, firstname, lastname
//! **What**: a person's name, free text of 1 to [`MAX_CHARS`] characters, normalized
//! and checked like any free text (`free_text.rs`).
//! **Why**: the providers' user records (Google Workspace, Microsoft 365) refuse
//! longer names; the domain owner's name goes to the registrar's contact record.
//! **Example**: `"John\nSmith"` -> `"John Smith"` (`bad_characters`, with the fix);
//! 51 letters -> `too_long`.
//! **Fix safety**: as for free text: whitespace, invisible characters and Unicode
//! form only; the letters stay.
//! **Source**: the order contract's field table.

use crate::rules::{free_text::FreeText, Kind};

/// The longest name the providers' user records take.
pub const MAX_CHARS: usize = 50;

pub const RULE: Kind = Kind::Text(&FreeText);
