//! Hard safety limits, identical on every surface, so hostile input costs bounded work.

use serde_json::Value;

/// Deepest nesting accepted anywhere in an input (the order itself needs 5 levels).
pub const MAX_DEPTH: usize = 64;

/// Strings longer than this (in bytes) are reported `too_long` without being examined
/// further: no field allows more than 255 characters, so nothing valid is refused.
pub const MAX_STRING_BYTES: usize = 4096;

/// At most this many mailboxes of one domain are examined; the ESP limit is far lower,
/// so such a domain already has a `too_many_mailboxes` error.
pub const MAX_MAILBOXES_EXAMINED: usize = 1000;

/// Nesting depth of a value (a scalar is depth 0), computed without recursion and
/// stopping as soon as `limit` is exceeded.
pub fn depth_exceeds(value: &Value, limit: usize) -> bool {
    let mut stack: Vec<(&Value, usize)> = vec![(value, 0)];
    while let Some((v, d)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match v {
            Value::Array(a) => Box::new(a.iter()),
            Value::Object(o) => Box::new(o.values()),
            _ => continue,
        };
        if d + 1 > limit {
            return true;
        }
        stack.extend(children.map(|c| (c, d + 1)));
    }
    false
}
