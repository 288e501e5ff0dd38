//! Entry-point limits: size before parsing, depth after, and JSON errors as issues.

use serde_json::Value;

use crate::issue::{Issue, IssueCode};
use crate::limits::{depth_exceeds, MAX_DEPTH};
use crate::options::Options;

/// Parses JSON text under the options' size limit and the depth limit.
pub fn parse_input(text: &str, options: &Options) -> Result<Value, Issue> {
    if text.len() > options.max_input_bytes {
        return Err(Issue::new(
            Vec::new(),
            IssueCode::InputTooLarge,
            format!(
                "The input is {} bytes; the limit is {}.",
                text.len(),
                options.max_input_bytes
            ),
        ));
    }
    // serde_json stops at 128 levels by itself, so parsing never recurses deeper.
    let v: Value = serde_json::from_str(text).map_err(|e| {
        let msg = e.to_string();
        if msg.starts_with("recursion limit exceeded") {
            too_deep_issue()
        } else {
            Issue::new(
                Vec::new(),
                IssueCode::InvalidJson,
                format!("The input is not valid JSON: {msg}."),
            )
        }
    })?;
    match too_deep(&v) {
        Some(i) => Err(i),
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
