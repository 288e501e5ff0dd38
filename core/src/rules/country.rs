//! # country
//! **What**: an ISO 3166-1 alpha-2 code in upper case (`US`, `GB`).
//! **Why**: the registrar's record takes the code; the state, postal code and phone
//! rules read their formats from it.
//! **Example**: `"uk"` -> `"GB"`, `"Germany"` -> `"DE"` (`invalid_country`, with the
//! fix); `"XX"` -> `invalid_country`.
//! **Fix safety**: a code in another case, `UK`/`EL`, an alpha-3 code or an English
//! name each name exactly one country; anything else is left as typed.
//! **Source**: ISO 3166-1 through Debian's iso-codes (`data/countries.rs`).

use std::borrow::Cow;

use crate::context::Context;
use crate::country;
use crate::problem::{Fix, Problem};
use crate::rules::{Cx, Kind, TextRule};
use crate::text;

pub const RULE: Kind = Kind::Text(&Country);

pub struct Country;

impl TextRule for Country {
    fn normalize<'a>(&self, raw: &'a str, _: &Context) -> Cow<'a, str> {
        match country::resolve(raw) {
            Some(c) => Cow::Borrowed(c.code),
            None => Cow::Owned(mailinfra_unicode::upper(&text::normalize(raw)).into_owned()),
        }
    }

    fn fix(&self, raw: &str, canon: &str) -> Fix {
        if text::has_removable_bad_char(raw) {
            Fix::Characters
        } else if mailinfra_unicode::upper(&text::normalize(raw)) == canon {
            Fix::Spelling
        } else {
            Fix::CountryCode
        }
    }

    fn findings(&self, _: &str, canon: &str, _: &Cx, out: &mut Vec<Problem>) {
        if country::by_code(canon).is_none() {
            out.push(Problem::InvalidCountry {
                value: canon.to_string(),
            });
        }
    }
}
