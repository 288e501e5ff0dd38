//! # profilePicId
//! **What**: a whole number of 0 or more; `prepare` writes `0` when absent (the
//! field table).
//! **Why**: the server reads a JSON integer.
//! **Example**: `" 3 "` -> `3` (`wrong_type`, with the fix); `-1` -> `wrong_type`.
//! **Fix safety**: a string of digits, or a number JSON (and JavaScript) cannot tell
//! from that integer (`3.0`), is that integer; anything else is left as is.
//! **Source**: the order contract's field table.

use serde_json::Value;

use crate::fields::Field;
use crate::problem::{JsonKind, Problem};
use crate::rules::{Kind, ValueRule};

pub const RULE: Kind = Kind::Value(&ProfilePic);

/// The largest whole number every surface holds exactly (2^53).
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

pub struct ProfilePic;

impl ValueRule for ProfilePic {
    fn normalize(&self, v: &Value) -> Value {
        match v {
            Value::String(s) => {
                let t = s.trim();
                match t.parse::<u64>() {
                    Ok(n) if t.bytes().all(|b| b.is_ascii_digit()) => Value::from(n),
                    _ => v.clone(),
                }
            }
            Value::Number(_) => whole_number(v).map_or_else(|| v.clone(), Value::from),
            _ => v.clone(),
        }
    }

    fn check(&self, field: &'static Field, v: &Value, out: &mut Vec<Problem>) {
        if whole_number(v).is_some() {
            return;
        }
        out.push(Problem::NotWholeNumber {
            field,
            found: JsonKind::of(v),
            fixed: self.normalize(v).as_u64(),
        });
    }
}

/// A JSON number that is a whole number >= 0: `3`, and also `3.0` or `3e0`, which
/// JSON (and JavaScript, which cannot tell them apart) treats as the same integer.
fn whole_number(v: &Value) -> Option<u64> {
    if let Some(n) = v.as_u64() {
        return Some(n);
    }
    let f = v.as_f64()?;
    (f.fract() == 0.0 && (0.0..=MAX_EXACT).contains(&f)).then_some(f as u64)
}
