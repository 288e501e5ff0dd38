//! `prepare`'s pass over the field table: each present field normalized by its rule
//! (spelling only, never a change to what is bought), defaults written out, unknown
//! members copied as they are. Every rule's normalization is idempotent.
//!
//! The pass consumes the order and rewrites its objects in place: an object whose
//! members already follow the table (any order a form or `prepare` itself writes)
//! keeps its map, so no key is allocated or hashed again; only others are reordered
//! first.

use serde_json::{Map, Value};

use crate::context::Context;
use crate::fields::{table, Field, Level, Required, MAX_FIELDS};
use crate::options::Options;
use crate::rules::{self, Kind};

/// The canonical form of an order (a value that is not an object is returned as is),
/// and the order's context when it is an object.
pub fn normalize_order(order: Value, opts: &Options) -> (Value, Option<Context>) {
    let Value::Object(obj) = order else {
        return (order, None);
    };
    let ctx = Context::of(&obj);
    (
        Value::Object(object(obj, Level::Order, &ctx, opts)),
        Some(ctx),
    )
}

/// The row of `key` in `fields`.
fn row(fields: &[Field], key: &str) -> Option<usize> {
    fields.iter().position(|f| f.name == key)
}

/// Whether the table's fields come in its order, before every other member.
fn in_table_order(obj: &Map<String, Value>, fields: &[Field]) -> bool {
    // The least row the next field may have; past every row once another member came.
    let mut next = 0;
    for k in obj.keys() {
        match row(fields, k) {
            Some(i) if i >= next => next = i + 1,
            Some(_) => return false,
            None => next = usize::MAX,
        }
    }
    true
}

fn object(
    obj: Map<String, Value>,
    level: Level,
    ctx: &Context,
    opts: &Options,
) -> Map<String, Value> {
    let fields = table(level);
    let mut obj = if in_table_order(&obj, fields) {
        obj
    } else {
        // The table's fields first, in its order, then the others as they came.
        let mut entries: Vec<(String, Value)> = obj.into_iter().collect();
        entries.sort_by_key(|(k, _)| row(fields, k).unwrap_or(MAX_FIELDS));
        entries.into_iter().collect()
    };
    let mut present = [false; MAX_FIELDS];
    let mut dropped = false;
    for (k, v) in obj.iter_mut() {
        let Some((i, field)) = row(fields, k).and_then(|i| Some((i, fields.get(i)?))) else {
            continue;
        };
        match member(field, Some(std::mem::take(v)), ctx, opts) {
            Some(n) => {
                *v = n;
                if let Some(p) = present.get_mut(i) {
                    *p = true;
                }
            }
            None => dropped = true,
        }
    }
    if dropped {
        obj.retain(|k, _| row(fields, k).is_none_or(|i| present.get(i) == Some(&true)));
    }
    // Defaults of the fields left out, each at its place in the table's order.
    let mut at = 0;
    for (field, here) in fields.iter().zip(present) {
        if here {
            at += 1;
        } else if let Some(d) = member(field, None, ctx, opts) {
            obj.shift_insert(at, field.name.to_string(), d);
            at += 1;
        }
    }
    obj
}

/// A field's canonical value; `None` leaves it out. An optional field that is absent
/// or null gets its default, or is left out; a required one that is null stays null
/// (for `check` to report).
fn member(field: &Field, v: Option<Value>, ctx: &Context, opts: &Options) -> Option<Value> {
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
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| match item {
                        Value::Object(o) if i < examined => {
                            Value::Object(object(o, level, ctx, opts))
                        }
                        other => other,
                    })
                    .collect(),
            ))
        }
        (_, _, v) => rules::prepare(field, v, ctx),
    }
}
