//! # phoneNumber
//! **What**: a number valid in its country's numbering plan, in E.164 form
//! (`+442079460958`), without an extension.
//! **Why**: the registrar's contact record takes E.164 only.
//! **Example**: `"020 7946 0958"` for `GB` -> `"+442079460958"` (`phone_not_e164`, with
//! the fix); `"+15550000000"` -> `invalid_phone`; `"... ext 5"` -> `phone_not_e164`.
//! **Fix safety**: only a number libphonenumber reads as valid is rewritten (national
//! forms read with the order's country); a number with an extension never is.
//! **Source**: libphonenumber's metadata and parsing, differential-tested against its
//! Python port `phonenumbers` (`tests/reference/phone.py`).

use std::borrow::Cow;

use crate::context::Context;
use crate::phone;
use crate::problem::{Fix, Problem};
use crate::rules::{Cx, Kind, TextRule};

/// The E.164 shape (the contract's regex): `+`, then 2 to 15 digits, the first not 0.
pub const E164_PATTERN: &str = r"^\+[1-9][0-9]{1,14}$";

pub const RULE: Kind = Kind::Text(&Phone);

pub struct Phone;

impl TextRule for Phone {
    fn normalize<'a>(&self, raw: &'a str, order: &Context) -> Cow<'a, str> {
        Cow::Owned(phone::normalize(raw, order.country.map(|c| c.code)))
    }

    fn fix(&self, raw: &str, canon: &str) -> Fix {
        if raw.trim() == canon {
            Fix::Spelling
        } else {
            Fix::PhoneForm
        }
    }

    fn findings(&self, raw: &str, canon: &str, cx: &Cx, out: &mut Vec<Problem>) {
        let region = cx.order.country.map(|c| c.code);
        if !phone::is_e164_shape(canon) {
            let value = raw.trim().to_string();
            out.push(if phone::has_extension(raw, region) {
                Problem::PhoneExtension { value }
            } else {
                Problem::PhoneNotInternational { value }
            });
        } else if !phone::is_valid_e164(canon) {
            out.push(Problem::InvalidPhone {
                value: canon.to_string(),
            });
        }
    }
}
