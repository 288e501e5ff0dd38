//! `prepare`'s pass over the field table: each present field normalized by its rule
//! (spelling only, never a change to what is bought), defaults written out, unknown
//! members copied as they are. Every rule's normalization is idempotent.

use serde_json::{Map, Value};

use crate::context::Context;
use crate::fields::{members, table, Field, Level, Required};
use crate::options::Options;
use crate::rules::{self, Kind};

/// The canonical form of an order (a value that is not an object is returned as is),
/// and the order's context when it is an object.
pub fn normalize_order(order: &Value, opts: &Options) -> (Value, Option<Context>) {
    let Some(obj) = order.as_object() else {
        return (order.clone(), None);
    };
    let ctx = Context::of(obj);
    (
        Value::Object(object(obj, Level::Order, &ctx, opts)),
        Some(ctx),
    )
}

fn object(
    obj: &Map<String, Value>,
    level: Level,
    ctx: &Context,
    opts: &Options,
) -> Map<String, Value> {
    let fields = table(level);
    // Sized up front: growing an index map rehashes every key each time.
    let mut out = Map::with_capacity(fields.len().max(obj.len()));
    let (values, others) = members(obj, fields);
    for (field, v) in fields.iter().zip(values) {
        if let Some(n) = member(field, v, ctx, opts) {
            out.insert(field.name.to_string(), n);
        }
    }
    if others {
        for (k, v) in obj {
            if !fields.iter().any(|f| f.name == *k) {
                out.insert(k.clone(), v.clone());
            }
        }
    }
    out
}

/// A field's canonical value; `None` leaves it out. An optional field that is absent
/// or null gets its default, or is left out; a required one that is null stays null
/// (for `check` to report).
fn member(field: &Field, v: Option<&Value>, ctx: &Context, opts: &Options) -> Option<Value> {
    let v = match v {
        None | Some(Value::Null) if field.default.is_some() => {
            return field.default.map(|d| d.to_value())
        }
        None => return None,
        Some(Value::Null) if field.required != Required::Always => return None,
        Some(v) => v,
    };
    match (field.kind, field.items, v) {
        (Kind::List(rule), Some((_, level)), Value::Array(items)) => {
            let examined = rule.examined(opts);
            Some(Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| match item.as_object() {
                        Some(o) if i < examined => Value::Object(object(o, level, ctx, opts)),
                        _ => item.clone(),
                    })
                    .collect(),
            ))
        }
        _ => rules::prepare(field, v, ctx),
    }
}
