//! Structure-aware orders for the fuzz targets: mostly real orders with one field
//! mangled, so the fuzzer spends its time inside the rules, not in JSON syntax.

use arbitrary::{Arbitrary, Unstructured};
use serde_json::{json, Map, Value};

/// Realistic values, valid and messy, that the mangler starts from.
const NAMES: &[&str] = &["John", " Zoë ", "Anne-Marie", "O'Brien", "", "Nguyễn"];
const COUNTRIES: &[&str] = &["US", "us", "GB", "uk", "DE", "IN", "JP", "XX", "Germany"];
const STATES: &[&str] = &["CA", "California", "NY", "", "Co. Dublin", "Tokyo", "US-TX"];
const ZIPS: &[&str] = &["94105", "sw1a1aa", "K1A 0B1", "10001", "110001", "", "abc"];
const PHONES: &[&str] = &["+14155551234", "(415) 555-1234", "020 7946 0958", "00 44 20 7946 0958", "+1"];
const ESPS: &[&str] = &["Google", "microsoft", "Azure", "gsuite", "Yahoo"];
const PLANS: &[&str] = &["quarterly", "annualFlexi", "annual_fixed", "weekly"];
const DOMAINS: &[&str] = &["acme.com", "Acme.COM.", "https://acme.com/", "bücher.de", "mail.acme.co.uk", "co.uk", "xn--bcher-kva.de"];
const EMAILS: &[&str] = &["john@acme.com", " John@ACME.com", "info@acme.com", "x@other.com", "[email protected]"];

/// A fuzzer-chosen order.
#[derive(Debug)]
pub struct FuzzOrder(pub Value);

fn pick<'a>(u: &mut Unstructured, from: &[&'a str]) -> arbitrary::Result<&'a str> {
    Ok(from[u.choose_index(from.len())?])
}

/// A string that is either pooled or fuzzer-made.
fn text(u: &mut Unstructured, pool: &[&str]) -> arbitrary::Result<Value> {
    Ok(if u.ratio(1, 4)? {
        Value::String(String::arbitrary(u)?)
    } else {
        Value::from(pick(u, pool)?)
    })
}

/// Any JSON value, bounded in depth.
fn any_value(u: &mut Unstructured, depth: u32) -> arbitrary::Result<Value> {
    Ok(match u.int_in_range(0..=6)? {
        0 => Value::Null,
        1 => Value::Bool(bool::arbitrary(u)?),
        2 => Value::from(i64::arbitrary(u)?),
        3 => serde_json::Number::from_f64(f64::arbitrary(u)?).map_or(Value::Null, Value::Number),
        4 if depth < 4 => Value::Array((0..u.int_in_range(0..=3)?).map(|_| any_value(u, depth + 1)).collect::<Result<_, _>>()?),
        5 if depth < 4 => {
            let mut m = Map::new();
            for _ in 0..u.int_in_range(0..=3)? {
                m.insert(String::arbitrary(u)?, any_value(u, depth + 1)?);
            }
            Value::Object(m)
        }
        _ => Value::String(String::arbitrary(u)?),
    })
}

impl<'a> Arbitrary<'a> for FuzzOrder {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut mailboxes = Vec::new();
        let mut domains = Vec::new();
        for _ in 0..u.int_in_range(0..=3)? {
            mailboxes.clear();
            for _ in 0..u.int_in_range(0..=3)? {
                mailboxes.push(json!({
                    "firstname": text(u, NAMES)?, "lastname": text(u, NAMES)?,
                    "email": text(u, EMAILS)?, "profilePicId": u.int_in_range(0..=3)?,
                }));
            }
            domains.push(json!({
                "name": text(u, DOMAINS)?, "redirectUrl": text(u, DOMAINS)?,
                "mailboxes": mailboxes.clone(),
            }));
        }
        let mut order = json!({
            "domainOwnerFirstname": text(u, NAMES)?, "domainOwnerLastname": text(u, NAMES)?,
            "companyName": "Acme Corp", "address": "123 Market Street", "city": "San Francisco",
            "state": text(u, STATES)?, "country": text(u, COUNTRIES)?, "zipcode": text(u, ZIPS)?,
            "phoneNumber": text(u, PHONES)?, "emailServiceProvider": text(u, ESPS)?,
            "planType": text(u, PLANS)?, "domains": domains,
            "isReplacement": false, "isFreeOrder": "no",
        });
        // Mangle one place: replace or drop a field anywhere in the order.
        let paths = all_pointers(&order);
        let target = &paths[u.choose_index(paths.len())?];
        if u.ratio(1, 3)? {
            remove(&mut order, target);
        } else if let Some(slot) = order.pointer_mut(target) {
            *slot = any_value(u, 0)?;
        }
        Ok(FuzzOrder(order))
    }
}

/// Every pointer in a value, the root included.
pub fn all_pointers(v: &Value) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut stack = vec![(String::new(), v)];
    while let Some((p, v)) = stack.pop() {
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    let q = format!("{p}/{}", k.replace('~', "~0").replace('/', "~1"));
                    out.push(q.clone());
                    stack.push((q, c));
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    let q = format!("{p}/{i}");
                    out.push(q.clone());
                    stack.push((q, c));
                }
            }
            _ => {}
        }
    }
    out
}

fn remove(order: &mut Value, pointer: &str) {
    let Some((parent, last)) = pointer.rsplit_once('/') else { return };
    match order.pointer_mut(parent) {
        Some(Value::Object(m)) => {
            m.shift_remove(&last.replace("~1", "/").replace("~0", "~"));
        }
        Some(Value::Array(a)) => {
            if let Ok(i) = last.parse::<usize>() {
                if i < a.len() {
                    a.remove(i);
                }
            }
        }
        _ => {}
    }
}
