//! `prepare`'s safe normalizations: spelling only (case, whitespace, Unicode form,
//! `https://` around a bare domain, numeric strings, defaults written out), never a
//! change to what is bought. Every function here is idempotent.

use serde_json::{Map, Value};

use crate::context::Context;
use crate::limits::{MAX_MAILBOXES_EXAMINED, MAX_STRING_BYTES};
use crate::options::Options;
use crate::schema::{members, DOMAIN_FIELDS, MAILBOX_FIELDS, ORDER_FIELDS};
use crate::{country, domain, email, esp, phone, postal, text};

/// The canonical form of an order (a value that is not an object is returned as is),
/// and the order's context when it is an object.
pub fn normalize_order(order: &Value, opts: &Options) -> (Value, Option<Context>) {
    let Some(obj) = order.as_object() else {
        return (order.clone(), None);
    };
    let ctx = Context::of(obj);
    // Sized up front: growing an index map rehashes every key each time.
    let mut out = Map::with_capacity(ORDER_FIELDS.len().max(obj.len()));
    let (values, others) = members(obj, &ORDER_FIELDS);
    for (key, v) in ORDER_FIELDS.into_iter().zip(values) {
        let n = match (key, v) {
            ("planType", None | Some(Value::Null)) => {
                Some(Value::from(esp::Plan::Quarterly.as_str()))
            }
            ("isReplacement" | "isFreeOrder", None | Some(Value::Null)) => Some(Value::Bool(false)),
            ("state" | "zipcode", Some(Value::Null)) => None,
            (_, None) => None,
            ("domains", Some(Value::Array(items))) => Some(Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, d)| {
                        if i < opts.max_domains {
                            normalize_domain(d)
                        } else {
                            d.clone()
                        }
                    })
                    .collect(),
            )),
            (_, Some(v)) => Some(normalize_order_field(key, v, &ctx)),
        };
        if let Some(n) = n {
            out.insert(key.to_string(), n);
        }
    }
    if others {
        copy_unknown(obj, &ORDER_FIELDS, &mut out);
    }
    (Value::Object(out), Some(ctx))
}

fn copy_unknown(obj: &Map<String, Value>, known: &[&str], out: &mut Map<String, Value>) {
    for (k, v) in obj {
        if !known.contains(&k.as_str()) {
            out.insert(k.clone(), v.clone());
        }
    }
}

/// Applies `f` to a string value of examinable size; anything else is kept as is.
fn map_str(v: &Value, f: impl FnOnce(&str) -> String) -> Value {
    match v {
        Value::String(s) if s.len() <= MAX_STRING_BYTES => Value::String(f(s)),
        _ => v.clone(),
    }
}

/// The canonical form of one top-level scalar field.
pub fn normalize_order_field(key: &str, v: &Value, ctx: &Context) -> Value {
    match key {
        "state" => map_str(v, |s| normalize_state(s, ctx)),
        "country" => map_str(v, normalize_country),
        "zipcode" => map_str(v, |s| postal::normalize_zip(ctx.country, s)),
        "phoneNumber" => map_str(v, |s| phone::normalize(s, ctx.country.map(|c| c.code))),
        "emailServiceProvider" => map_str(v, |s| match esp::Esp::from_loose(s) {
            Some(e) => e.as_str().to_string(),
            None => s.trim().to_string(),
        }),
        "planType" => map_str(v, |s| match esp::Plan::from_loose(s) {
            Some(p) => p.as_str().to_string(),
            None => s.trim().to_string(),
        }),
        "isReplacement" | "isFreeOrder" => normalize_bool(v),
        "domains" => v.clone(),
        _ => map_str(v, text::normalize),
    }
}

pub fn normalize_country(s: &str) -> String {
    match country::resolve(s) {
        Some(c) => c.code.to_string(),
        None => text::normalize(s).to_uppercase(),
    }
}

pub fn normalize_state(s: &str, ctx: &Context) -> String {
    match ctx.country.and_then(|c| postal::resolve_state(c, s)) {
        Some(st) => st.key.to_string(),
        None => text::normalize(s),
    }
}

/// `"true"`/`"1"`/`"yes"` and their opposites, any case, -> a boolean.
pub fn normalize_bool(v: &Value) -> Value {
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

/// A numeric string (`" 3 "`) -> the integer; other values are kept.
pub fn normalize_pic_id(v: &Value) -> Value {
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

/// A JSON number that is a whole number >= 0: `3`, and also `3.0` or `3e0`, which
/// JSON (and JavaScript, which cannot tell them apart) treats as the same integer.
pub fn whole_number(v: &Value) -> Option<u64> {
    if let Some(n) = v.as_u64() {
        return Some(n);
    }
    let f = v.as_f64()?;
    // Up to 2^53, where every whole double is exact on every surface.
    (f.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(&f)).then_some(f as u64)
}

fn normalize_domain(d: &Value) -> Value {
    let Some(obj) = d.as_object() else {
        return d.clone();
    };
    let mut out = Map::with_capacity(obj.len());
    let (values, others) = members(obj, &DOMAIN_FIELDS);
    for (key, v) in DOMAIN_FIELDS.into_iter().zip(values) {
        let Some(v) = v else { continue };
        let n = match (key, v) {
            ("name", _) => map_str(v, domain::normalize_host),
            ("redirectUrl", Value::Null) => continue,
            // An empty redirect means none: dropped, also when it becomes empty only
            // once normalized (`.` loses its trailing dot; found by fuzzing).
            ("redirectUrl", _) => match map_str(v, domain::normalize_host) {
                Value::String(n) if n.is_empty() => continue,
                n => n,
            },
            ("mailboxes", Value::Array(items)) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, m)| {
                        if i < MAX_MAILBOXES_EXAMINED {
                            normalize_mailbox(m)
                        } else {
                            m.clone()
                        }
                    })
                    .collect(),
            ),
            _ => v.clone(),
        };
        out.insert(key.to_string(), n);
    }
    if others {
        copy_unknown(obj, &DOMAIN_FIELDS, &mut out);
    }
    Value::Object(out)
}

fn normalize_mailbox(m: &Value) -> Value {
    let Some(obj) = m.as_object() else {
        return m.clone();
    };
    let mut out = Map::with_capacity(MAILBOX_FIELDS.len().max(obj.len()));
    let (values, others) = members(obj, &MAILBOX_FIELDS);
    for (key, v) in MAILBOX_FIELDS.into_iter().zip(values) {
        let n = match (key, v) {
            ("profilePicId", None | Some(Value::Null)) => Value::from(0),
            (_, None) => continue,
            ("email", Some(v)) => map_str(v, email::normalize),
            ("profilePicId", Some(v)) => normalize_pic_id(v),
            (_, Some(v)) => map_str(v, text::normalize),
        };
        out.insert(key.to_string(), n);
    }
    if others {
        copy_unknown(obj, &MAILBOX_FIELDS, &mut out);
    }
    Value::Object(out)
}
