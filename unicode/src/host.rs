//! The host back end (wasm32): the JS engine's tables (normalization, marks, case) through
//! `bindings-wasm/js/unicode-host.js`, which the wasm-bindgen glue imports.

use std::borrow::Cow;

use wasm_bindgen::prelude::wasm_bindgen;

use crate::case::Case;
use crate::Form;

pub const NAME: &str = "host";

#[wasm_bindgen(raw_module = "./unicode-host.js")]
extern "C" {
    #[wasm_bindgen(js_name = normalize)]
    fn js_normalize(s: &str, form: &str) -> String;
    #[wasm_bindgen(js_name = isMark)]
    fn js_is_mark(cp: u32) -> bool;
    #[wasm_bindgen(js_name = caseMap)]
    fn js_case(s: &str, case: u8) -> String;
}

pub fn normalize(s: &str, form: Form) -> Cow<'_, str> {
    let name = match form {
        Form::Nfc => "NFC",
        Form::Nfkc => "NFKC",
        Form::Nfkd => "NFKD",
    };
    let out = js_normalize(s, name);
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

pub fn is_mark(c: char) -> bool {
    js_is_mark(u32::from(c))
}

pub fn case(s: &str, case: Case) -> String {
    js_case(s, case as u8)
}
