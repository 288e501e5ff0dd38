//! # isReplacement, isFreeOrder
//! **What**: `true` or `false`; `prepare` writes `false` when absent (the field table).
//! **Why**: the server reads JSON booleans only.
//! **Example**: `"yes"` -> `true` (`wrong_type`, with the fix); `"maybe"` -> `wrong_type`.
//! **Fix safety**: only `true`/`1`/`yes` and `false`/`0`/`no` (any case, strings or the
//! numbers 1 and 0) are read; anything else is left as is.
//! **Source**: the order contract's field table.

use serde_json::Value;

use crate::fields::Field;
use crate::problem::{JsonKind, Problem};
use crate::rules::{Kind, ValueRule};

pub const RULE: Kind = Kind::Value(&Flag);

pub struct Flag;

impl ValueRule for Flag {
    fn normalize(&self, v: &Value) -> Value {
        match v {
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" => Value::Bool(true),
                "false" | "0" | "no" => Value::Bool(false),
                _ => v.clone(),
            },
            Value::Number(n) if n.as_u64() == Some(1) => Value::Bool(true),
            Value::Number(n) if n.as_u64() == Some(0) => Value::Bool(false),
            _ => v.clone(),
        }
    }

    fn check(&self, field: &'static Field, v: &Value, out: &mut Vec<Problem>) {
        if v.is_boolean() {
            return;
        }
        out.push(Problem::NotBoolean {
            field,
            found: JsonKind::of(v),
            fixed: self.normalize(v).as_bool(),
        });
    }
}
