//! Entry-point limits: size before parsing, depth after, and JSON errors as issues.

use serde_json::Value;

use crate::issue::Issue;
use crate::json_text;
use crate::limits::MAX_DEPTH;
use crate::options::Options;
use crate::problem::Problem;

/// Parses JSON text under the options' size limit and the depth limit; the error is
/// the single issue of a refused input (boxed: it is the rare path).
pub fn parse_input(text: &str, options: &Options) -> Result<Value, Box<Issue>> {
    parse_bytes(text.as_bytes(), options)
}

/// [`parse_input`] on bytes: text that is not UTF-8 is `invalid_json`.
pub fn parse_bytes(bytes: &[u8], options: &Options) -> Result<Value, Box<Issue>> {
    let v = parse_unmeasured(bytes, options)?;
    match too_deep(&v) {
        Some(i) => Err(Box::new(i)),
        None => Ok(v),
    }
}

/// [`parse_bytes`] without measuring the value's depth, for callers that measure it
/// with its size ([`refused`]): one pass over the value instead of two.
pub(crate) fn parse_unmeasured(bytes: &[u8], options: &Options) -> Result<Value, Box<Issue>> {
    parse_noting_compact(bytes, options).map(|(v, _)| v)
}

/// [`parse_unmeasured`], and whether the text is `serde_json::to_string` of the value
/// (`json_text::parse`) and no deeper than [`MAX_DEPTH`]: then the value is within the
/// input limits without a pass over it ([`refused`]: its compact size is the text's,
/// checked here), and one that comes out unchanged need not be written again.
pub(crate) fn parse_noting_compact(
    bytes: &[u8],
    options: &Options,
) -> Result<(Value, bool), Box<Issue>> {
    if bytes.len() > options.max_input_bytes {
        return Err(Box::new(Issue::input_too_large(
            Some(bytes.len() as u64),
            options.max_input_bytes,
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Box::new(Issue::new(
            Vec::new(),
            &Problem::InvalidUtf8 {
                at: e.valid_up_to(),
            },
        ))
    })?;
    // serde_json stops at 128 levels by itself, so parsing never recurses deeper; the
    // quicker reader leaves every text it does not take, errors included, to it.
    json_text::parse(text)
        .map(|r| (r.value, r.compact && r.depth < MAX_DEPTH))
        .map_or_else(|| serde_json::from_str(text).map(|v| (v, false)), Ok)
        .map_err(|e| {
            let msg = e.to_string();
            Box::new(if msg.starts_with("recursion limit exceeded") {
                Issue::too_deep()
            } else {
                Issue::new(Vec::new(), &Problem::InvalidJson { detail: msg })
            })
        })
}

/// The `too_deep` issue when a value nests deeper than [`MAX_DEPTH`].
pub fn too_deep(v: &Value) -> Option<Issue> {
    size_bound(v).is_none().then(Issue::too_deep)
}

/// Why a parsed value is refused outright: too deep, or larger than `max_input_bytes`
/// in its compact JSON form — the same size rule as text input, so a dict, a JS
/// object and JSON text of the same order get the same answer. One pass measures
/// both; the exact size (serializing the whole order) is only taken when the cheap
/// bound is over the limit, which almost no order is.
pub fn refused(v: &Value, options: &Options) -> Option<Issue> {
    match size_bound(v) {
        None => return Some(Issue::too_deep()),
        Some(b) if b <= options.max_input_bytes => return None,
        Some(_) => {}
    }
    let mut budget = Budget(options.max_input_bytes);
    serde_json::to_writer(&mut budget, v)
        .is_err()
        .then(|| Issue::input_too_large(None, options.max_input_bytes))
}

/// An upper bound of a value's compact JSON size (a string byte takes at most 6
/// characters, `\u001f`; a number at most 24), or `None` when an array or object sits
/// at depth [`MAX_DEPTH`] or deeper (the order itself is depth 0): the one depth rule.
/// It recurses at most [`MAX_DEPTH`] levels, since the check comes before the descent.
fn size_bound(v: &Value) -> Option<usize> {
    bound_at(v, 0)
}

fn bound_at(v: &Value, depth: usize) -> Option<usize> {
    let text = |s: &str| s.len().saturating_mul(6).saturating_add(2);
    match v {
        Value::Null | Value::Bool(_) => Some(5),
        Value::Number(_) => Some(24),
        Value::String(s) => Some(text(s)),
        Value::Array(_) | Value::Object(_) if depth >= MAX_DEPTH => None,
        Value::Array(a) => a.iter().try_fold(2 + a.len(), |n, x| {
            Some(n.saturating_add(bound_at(x, depth + 1)?))
        }),
        Value::Object(o) => o.iter().try_fold(2 + 2 * o.len(), |n, (k, x)| {
            Some(
                n.saturating_add(text(k))
                    .saturating_add(bound_at(x, depth + 1)?),
            )
        }),
    }
}

/// A writer that fails once more than its budget is written: measures a value's
/// compact JSON size without building it, stopping at the first byte over.
struct Budget(usize);

impl std::io::Write for Budget {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 = self
            .0
            .checked_sub(buf.len())
            .ok_or_else(|| std::io::Error::other("over budget"))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_bound_is_never_below_the_compact_json_size() {
        let cases = [
            serde_json::json!(null),
            serde_json::json!(-9223372036854775808i64),
            serde_json::json!(u64::MAX),
            serde_json::json!(-1.7976931348623157e308),
            serde_json::json!(5e-324),
            serde_json::json!("\u{1}\u{1f}\"\\\n"),
            serde_json::json!({"\u{0}": [true, false, null, "é😀", {"a": []}], "": {}}),
        ];
        for v in cases {
            let exact = serde_json::to_string(&v).map_or(usize::MAX, |t| t.len());
            let bound = size_bound(&v).unwrap_or(0);
            assert!(bound >= exact, "{v}: bound {bound} < {exact}");
        }
    }

    #[test]
    fn values_nested_past_max_depth_are_refused() {
        for depth in [0, 1, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1] {
            for (leaf, container) in [
                (serde_json::json!([]), true),
                (serde_json::json!(1), false),
                (serde_json::json!({}), true),
            ] {
                let mut v = leaf;
                for i in 0..depth {
                    v = if i % 2 == 0 {
                        serde_json::json!([v])
                    } else {
                        serde_json::json!({ "k": v })
                    };
                }
                // The innermost container sits at `depth` (or one level up for a scalar).
                let deepest = if container {
                    Some(depth)
                } else {
                    depth.checked_sub(1)
                };
                assert_eq!(
                    too_deep(&v).is_some(),
                    deepest.is_some_and(|d| d >= MAX_DEPTH),
                    "depth {depth} over {v}"
                );
                // The text's reader measures the same depth while reading.
                let read = crate::json_text::parse(&v.to_string()).map(|r| r.depth);
                assert_eq!(read, Some(deepest.unwrap_or(0)), "depth {depth} over {v}");
                let fits = parse_noting_compact(v.to_string().as_bytes(), &Options::default())
                    .is_ok_and(|(_, fits)| fits);
                assert_eq!(fits, too_deep(&v).is_none(), "depth {depth} over {v}");
            }
        }
    }
}
