//! Entry-point limits: size before parsing, depth after, and JSON errors as issues.

use serde_json::Value;

use crate::issue::{Issue, IssueCode};
use crate::limits::{depth_exceeds, MAX_DEPTH};
use crate::options::Options;

/// Parses JSON text under the options' size limit and the depth limit; the error is
/// the single issue of a refused input (boxed: it is the rare path).
pub fn parse_input(text: &str, options: &Options) -> Result<Value, Box<Issue>> {
    parse_bytes(text.as_bytes(), options)
}

/// [`parse_input`] on bytes: text that is not UTF-8 is `invalid_json`.
pub fn parse_bytes(bytes: &[u8], options: &Options) -> Result<Value, Box<Issue>> {
    if bytes.len() > options.max_input_bytes {
        return Err(Box::new(Issue::input_too_large(
            Some(bytes.len() as u64),
            options.max_input_bytes,
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Box::new(Issue::new(
            Vec::new(),
            IssueCode::InvalidJson,
            format!(
                "The input is not valid JSON: invalid UTF-8 at byte {}.",
                e.valid_up_to()
            ),
        ))
    })?;
    // serde_json stops at 128 levels by itself, so parsing never recurses deeper.
    let v: Value = serde_json::from_str(text).map_err(|e| {
        let msg = e.to_string();
        Box::new(if msg.starts_with("recursion limit exceeded") {
            too_deep_issue()
        } else {
            Issue::new(
                Vec::new(),
                IssueCode::InvalidJson,
                format!("The input is not valid JSON: {msg}."),
            )
        })
    })?;
    match too_deep(&v) {
        Some(i) => Err(Box::new(i)),
        None => Ok(v),
    }
}

fn too_deep_issue() -> Issue {
    Issue::new(
        Vec::new(),
        IssueCode::TooDeep,
        format!("The input nests deeper than {MAX_DEPTH} levels."),
    )
}

/// The `too_deep` issue when a value nests deeper than [`MAX_DEPTH`].
pub fn too_deep(v: &Value) -> Option<Issue> {
    depth_exceeds(v, MAX_DEPTH).then(too_deep_issue)
}
