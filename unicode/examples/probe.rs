//! The same answers as `answers.rs` from a wasm module, built with the `host` feature
//! for the conformance test in Node and Chromium.
use wasm_bindgen::prelude::wasm_bindgen;

#[path = "shared/answer.rs"]
mod answer;

/// The answers for JSON-string lines (`shared/answer.rs`), and a last line naming the
/// back end and version.
#[wasm_bindgen]
pub fn answers(lines: &str) -> Result<String, String> {
    let mut out = answer::answer_lines(lines).map_err(|e| e.to_string())?;
    out.push_str(&format!(
        "{{\"backend\":\"{}\",\"version\":\"{}\"}}\n",
        mailinfra_unicode::BACKEND,
        mailinfra_unicode::VERSION
    ));
    Ok(out)
}
