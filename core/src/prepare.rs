//! `prepare`'s pass over the field table: each present field normalized by its rule
//! (spelling only, never a change to what is bought), defaults written out, unknown
//! members copied as they are. Every rule's normalization is idempotent.
//!
//! The pass consumes the order and normalizes each object's members where they are:
//! an object that already has the canonical members in the table's order (what a
//! form built on the schema sends, and `prepare`'s own output) keeps its map, so no
//! key is allocated or hashed again; any other is rebuilt in that order. The pass
//! notes what changed: an order that comes out as it went in (what a form sends) is
//! then written as the text it came as (`prepare_json_text`), and one whose values
//! changed in their places as those values (`prepare_json_report`).

use serde_json::{Map, Value};

use crate::context::Context;
use crate::fields::{row_of_key, table, Field, Level, Required, MAX_FIELDS};
use crate::options::Options;
use crate::rules::{self, Kind};

/// How the canonical form differs from the order.
#[derive(Default)]
pub struct Changes {
    /// In anything: a value, a member's place, a default written out.
    pub any: bool,
    /// In a member added, dropped or moved (or more values than are recorded): then
    /// `values` does not tell every change.
    pub shape: bool,
    /// Otherwise the values replaced in their places, each at its JSON pointer (the
    /// contract's field names and list indices: nothing to escape).
    pub values: Vec<(String, Value)>,
    /// The path of the object being normalized.
    at: Vec<Step>,
}

enum Step {
    Field(&'static str),
    Index(usize),
}

/// At most this many values are recorded; more count as a change of shape.
const MAX_CHANGES: usize = 64;

impl Changes {
    /// `field` of the current object now holds `v`.
    fn value(&mut self, field: &'static str, v: &Value) {
        self.any = true;
        if self.shape {
            return;
        }
        if self.values.len() == MAX_CHANGES {
            self.shape = true;
            return;
        }
        let mut pointer = String::new();
        for step in self.at.iter().chain([&Step::Field(field)]) {
            pointer.push('/');
            match step {
                Step::Field(name) => pointer.push_str(name),
                Step::Index(i) => pointer.push_str(&i.to_string()),
            }
        }
        self.values.push((pointer, v.clone()));
    }
}

/// The canonical form of an order (a value that is not an object is returned as is),
/// the order's context when it is an object, and how the canonical form differs from
/// the order.
pub fn normalize_order(order: Value, opts: &Options) -> (Value, Option<Context>, Changes) {
    let mut changes = Changes::default();
    let Value::Object(obj) = order else {
        return (order, None, changes);
    };
    let ctx = Context::of(&obj);
    let canonical = object(obj, Level::Order, &ctx, opts, &mut changes);
    (Value::Object(canonical), Some(ctx), changes)
}

fn object(
    mut obj: Map<String, Value>,
    level: Level,
    ctx: &Context,
    opts: &Options,
    changed: &mut Changes,
) -> Map<String, Value> {
    let fields = table(level);
    // Each field present normalized where it is: kept, or gone (normalized to nothing).
    let mut kept = [false; MAX_FIELDS];
    let mut gone = [false; MAX_FIELDS];
    // Whether the fields come in the table's order, before every other member: the
    // least row the next field may have, past every row once another member came.
    let mut next = 0;
    let mut in_order = true;
    for (k, v) in obj.iter_mut() {
        let Some((i, field)) = row_of_key(fields, k, next).and_then(|i| Some((i, fields.get(i)?)))
        else {
            next = usize::MAX;
            continue;
        };
        in_order &= i >= next;
        next = next.max(i + 1);
        let slot = match member(field, Some(std::mem::take(v)), ctx, opts, changed) {
            Some(n) => {
                *v = n;
                kept.get_mut(i)
            }
            None => gone.get_mut(i),
        };
        if let Some(slot) = slot {
            *slot = true;
        }
    }
    let absent = |i: usize| kept.get(i) == Some(&false) && gone.get(i) == Some(&false);
    let defaulted = fields
        .iter()
        .enumerate()
        .any(|(i, f)| absent(i) && f.default.is_some());
    if !defaulted && !gone.contains(&true) && in_order {
        return obj;
    }
    changed.any = true;
    changed.shape = true;
    // Rebuilt: the fields kept or defaulted in the table's order, then the others as
    // they came.
    let mut entries: Vec<Option<(String, Value)>> = obj.into_iter().map(Some).collect();
    let mut out = Map::with_capacity(entries.len() + fields.len());
    for (i, field) in fields.iter().enumerate() {
        let entry = if kept.get(i) == Some(&true) {
            entries
                .iter_mut()
                .find(|e| e.as_ref().is_some_and(|(k, _)| k == field.name))
                .and_then(Option::take)
        } else if absent(i) {
            member(field, None, ctx, opts, changed).map(|d| (field.name.to_string(), d))
        } else {
            None
        };
        if let Some((k, v)) = entry {
            out.insert(k, v);
        }
    }
    for (k, v) in entries.into_iter().flatten() {
        if row_of_key(fields, &k, 0).is_none() {
            out.insert(k, v);
        }
    }
    out
}

/// A field's canonical value; `None` leaves it out. An optional field that is absent
/// or null gets its default, or is left out; a required one that is null stays null
/// (for `check` to report). A value normalized to another is recorded in `changed`.
fn member(
    field: &'static Field,
    v: Option<Value>,
    ctx: &Context,
    opts: &Options,
    changed: &mut Changes,
) -> Option<Value> {
    let v = match v {
        None | Some(Value::Null) if field.default.is_some() => {
            let d = field.default.map(|d| d.to_value());
            match (&v, &d) {
                // A null in its place: replaced there.
                (Some(_), Some(d)) => changed.value(field.name, d),
                // Absent: written out, which the object's rebuild records.
                _ => changed.any = true,
            }
            return d;
        }
        None => return None,
        Some(Value::Null) if field.required != Required::Always => return None,
        Some(v) => v,
    };
    match (field.kind, field.items, v) {
        (Kind::List(rule), Some((_, level)), Value::Array(mut items)) => {
            changed.at.push(Step::Field(field.name));
            for (i, item) in items.iter_mut().take(rule.examined(opts)).enumerate() {
                if let Value::Object(o) = item {
                    changed.at.push(Step::Index(i));
                    *o = object(std::mem::take(o), level, ctx, opts, changed);
                    changed.at.pop();
                }
            }
            changed.at.pop();
            Some(Value::Array(items))
        }
        (_, _, v) => {
            let mut differs = false;
            let n = rules::prepare(field, v, ctx, &mut differs);
            match &n {
                Some(n) if differs => changed.value(field.name, n),
                // Gone (an empty text dropped): the object's rebuild records it.
                _ => changed.any |= differs,
            }
            n
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{vector_files, TestResult};
    use crate::Report;

    fn keys(v: &Value) -> Vec<&str> {
        v.as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    fn canonical(order: Value) -> Value {
        normalize_order(order, &Options::default()).0
    }

    #[test]
    fn members_follow_the_table_then_the_others_as_they_came() {
        // Out of order, unknown members first, a null required field (kept for check
        // to report), a null optional one (left out) and defaults to write: rebuilt.
        let v = canonical(serde_json::json!({
            "zz": 1, "country": " us ", "aa": 2, "domainOwnerFirstname": "John",
            "companyName": null,
            "domains": [{"mailboxes": [], "redirectUrl": null, "name": "a.com", "x": 0}]
        }));
        assert_eq!(
            keys(&v),
            [
                "domainOwnerFirstname",
                "companyName",
                "country",
                "planType",
                "domains",
                "isReplacement",
                "isFreeOrder",
                "zz",
                "aa"
            ]
        );
        assert_eq!(v["country"], "US");
        assert_eq!(keys(&v["domains"][0]), ["name", "mailboxes", "x"]);
        // Already canonical: kept as it is, and prepare's output is a fixed point.
        assert_eq!(canonical(v.clone()), v);
    }

    /// `prepare_json_text` is serde_json's text of `prepare_json`'s report on every
    /// vector input (as compact text, as pretty text, and as its canonical order, which
    /// takes the copied text), and an order is found unchanged only when it is.
    #[test]
    fn report_text_is_serde_jsons_and_unchanged_orders_are_found() -> TestResult {
        let opts = Options::default();
        let (mut unchanged, mut changed, mut kept, mut patched) = (0, 0, 0, 0);
        for (_, cases) in vector_files()? {
            for case in &cases {
                let input = &case["input"];
                // Inputs refused outright have no order to compare with.
                let Some(canonical) = crate::prepare(input, &opts).order else {
                    continue;
                };
                for text in [
                    input.to_string(),
                    serde_json::to_string_pretty(input).unwrap_or_default(),
                    canonical.to_string(),
                ] {
                    let report = crate::prepare_json(&text, &opts);
                    let write = |r: &Report| serde_json::to_string(r).unwrap_or_default();
                    let shown: String = text.chars().take(200).collect();
                    assert_eq!(
                        crate::prepare_json_text(&text, &opts, write),
                        write(&report),
                        "{shown}"
                    );
                    // Without its order only when the order is the input text exactly, or
                    // that text's value with the values given replaced.
                    let without = crate::prepare_json_report(text.as_bytes(), &opts, write, true);
                    let mut full = report.clone();
                    full.order = None;
                    match without.order {
                        crate::OrderText::Input => {
                            kept += 1;
                            assert_eq!(report.order.as_ref().map(Value::to_string), Some(text));
                            assert_eq!(without.text, write(&full), "{shown}");
                        }
                        crate::OrderText::Changed(values) => {
                            patched += 1;
                            assert!(!values.is_empty(), "{shown}");
                            let mut order: Value = serde_json::from_str(&text)?;
                            assert_eq!(order.to_string(), text, "compact text");
                            for (pointer, v) in values {
                                let at = order.pointer_mut(&pointer).ok_or("no such place")?;
                                *at = v;
                            }
                            // Member order included.
                            assert_eq!(
                                Some(order.to_string()),
                                report.order.as_ref().map(Value::to_string),
                                "{shown}"
                            );
                            assert_eq!(without.text, write(&full), "{shown}");
                        }
                        crate::OrderText::Written => {
                            assert_eq!(without.text, write(&report), "{shown}");
                        }
                    }
                }
                // Found unchanged only when prepare gives the input back, member order
                // included (which `Value`'s equality ignores); a flag that is a list or
                // an object is counted as changed.
                let (_, _, differs) = normalize_order(input.clone(), &opts);
                let differs = differs.any;
                let same =
                    serde_json::to_string(&canonical).ok() == serde_json::to_string(input).ok();
                let shown: String = input.to_string().chars().take(200).collect();
                assert!(differs || same, "{shown}");
                if differs {
                    changed += 1;
                } else {
                    unchanged += 1;
                }
            }
        }
        assert!(
            unchanged > 20 && changed > 20 && kept > 20 && patched > 20,
            "{unchanged} unchanged, {changed} changed, {kept} reports without their order, \
             {patched} with the values changed instead"
        );
        Ok(())
    }
}
