//! # zipcode
//! **What**: the country's postal code in its canonical spelling (`SW1A 1AA`,
//! `94105-1234`), matching the country's format; absent where the country uses none.
//! Required where the country's address format requires it (the field table).
//! **Why**: a registrar validates the postal code against the country (and the
//! state, where prefixes tell).
//! **Example**: `"sw1a1aa"` for `GB` -> `"SW1A 1AA"` (`not_normalized`, with the fix);
//! `"10115"` for `GB` -> `invalid_postal_code`; `"94105"` with `NY` ->
//! `postal_code_state_mismatch` (a warning).
//! **Fix safety**: case, separators laid out like the country's examples, and national
//! ways of writing whose reading is certain (the result must match the format).
//! **Source**: Google's address metadata (`zip`, `zipex`, `sub_zips`).

use std::borrow::Cow;

use crate::context::Context;
use crate::postal;
use crate::problem::Problem;
use crate::rules::{Cx, Kind, TextRule};

pub const RULE: Kind = Kind::Text(&PostalCode);

pub struct PostalCode;

impl TextRule for PostalCode {
    fn normalize<'a>(&self, raw: &'a str, order: &Context) -> Cow<'a, str> {
        Cow::Owned(postal::normalize_zip(order.country, raw))
    }

    fn findings(&self, _: &str, canon: &str, cx: &Cx, out: &mut Vec<Problem>) {
        let Some(c) = cx.order.country else { return };
        let Some(format) = c.format() else { return };
        if format.zip.is_empty() {
            out.push(Problem::PostalCodeNotUsed { country: c.name });
        } else if !postal::zip_matches(c, canon) {
            out.push(Problem::InvalidPostalCode {
                value: canon.to_string(),
                kind: &format.zip_kind,
                country: c.name,
                example: format.zip_examples.first().map_or("", String::as_str),
            });
        } else if let Some(state) = cx.order.state {
            if let Some(other) = postal::zip_in_other_state(c, state, canon) {
                out.push(Problem::PostalCodeStateMismatch {
                    value: canon.to_string(),
                    kind: &format.zip_kind,
                    state: state.name(),
                    other: other.name(),
                });
            }
        }
    }
}
