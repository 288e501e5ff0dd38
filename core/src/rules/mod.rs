//! The field rules, one file each, and what they share: the three rule traits (a
//! string field, any other value, a list), the string-field skeleton every string
//! rule runs through, and the required/default handling the field table declares.
//!
//! A string field is checked in one way: its type and size, its canonical form (what
//! `prepare` writes), the table's length and character rules on that form, then the
//! rule's own findings on it; when the input differs from the canonical form and that
//! form has no error, one issue carries the fix as its suggestion.

pub mod country;
pub mod domain_name;
pub mod domains;
pub mod email;
pub mod esp;
pub mod flag;
pub mod free_text;
pub mod mailboxes;
pub mod name;
pub mod phone;
pub mod postal_code;
pub mod profile_pic;
pub mod redirect;
pub mod state;
pub mod unknown_key;

use std::borrow::Cow;
use std::collections::HashSet;

use serde_json::Value;

use crate::context::Context;
use crate::fields::{Field, Required};
use crate::host::Host;
use crate::limits::MAX_STRING_BYTES;
use crate::options::Options;
use crate::problem::{Fix, JsonKind, Problem};
use crate::text;

/// How a row of the field table is normalized and checked.
#[derive(Clone, Copy)]
pub enum Kind {
    Text(&'static dyn TextRule),
    Value(&'static dyn ValueRule),
    /// A list whose items are objects of the row's `items` level.
    List(&'static dyn ListRule),
}

/// What a rule reads besides its own value.
pub struct Cx<'a> {
    pub opts: &'a Options,
    /// The order's country, state and ESP.
    pub order: &'a Context,
    /// What the walk learnt about the current domain or mailbox entry.
    pub facts: &'a Facts<'a>,
    /// The domain being bought that the field belongs to, when it is valid to buy.
    pub domain: Option<&'a str>,
    /// The order is `prepare`'s output: every string is already canonical.
    pub canonical: bool,
}

/// Keys already seen in the order (domain names, addresses): a duplicate is reported
/// on the later one.
#[derive(Default)]
pub struct Seen<'a> {
    pub domains: Keys<'a>,
    pub emails: Keys<'a>,
}

/// A set of keys: a list while it is short (an order's few domains and addresses are
/// compared, not hashed), a hash set once it is long (bulk orders of thousands). A key
/// the order holds as it is stays borrowed from it: no copy.
#[derive(Default)]
pub struct Keys<'a> {
    few: Vec<Cow<'a, str>>,
    many: HashSet<Cow<'a, str>>,
}

impl<'a> Keys<'a> {
    /// Longer lists move to the hash set.
    const FEW: usize = 16;

    /// Adds `key`; whether it was not there yet.
    pub fn insert(&mut self, key: Cow<'a, str>) -> bool {
        if self.many.is_empty() {
            if self.few.contains(&key) {
                return false;
            }
            if self.few.len() < Self::FEW {
                self.few.push(key);
                return true;
            }
            self.many = std::mem::take(&mut self.few).into_iter().collect();
        }
        self.many.insert(key)
    }
}

/// What an entry's key member tells the entry's other fields and later entries; read
/// before any field of the entry is checked, whatever the focus.
#[derive(Default)]
pub struct Facts<'a> {
    /// The canonical form of the key member (a domain's name, a mailbox's address).
    pub key: Option<Cow<'a, str>>,
    /// An earlier entry has the same key.
    pub duplicate: bool,
    /// A domain's name checked as a host (only on the focus): its facts and findings.
    pub host: Option<Host>,
    pub host_problems: Vec<Problem>,
}

impl Facts<'_> {
    /// The key when it is a valid domain to buy (a host with no error on it).
    pub fn buyable(&self) -> Option<&str> {
        self.key
            .as_deref()
            .filter(|_| self.host.is_some() && !self.host_problems.iter().any(Problem::is_error))
    }
}

/// What `enter` may read and record.
pub struct Scope<'s, 'a> {
    pub seen: &'s mut Seen<'a>,
    /// The entry is on the focus path (a field check elsewhere skips costly work).
    pub focused: bool,
    pub canonical: bool,
}

/// A string field.
pub trait TextRule: Sync {
    /// `prepare`'s canonical form of the text (idempotent); borrowed where no copy is
    /// needed (`raw` already canonical, a table's spelling).
    fn normalize<'a>(&self, raw: &'a str, order: &Context) -> Cow<'a, str>;

    /// The canonical form the check compares with (the entry's key members take the
    /// one `enter` recorded).
    fn canonical<'a>(&self, raw: &'a str, cx: &Cx<'a>) -> Cow<'a, str> {
        canon(cx.canonical, raw, |r| self.normalize(r, cx.order))
    }

    /// Which fix rewriting `raw` as `canon` is.
    fn fix(&self, _raw: &str, _canon: &str) -> Fix {
        Fix::Spelling
    }

    /// Findings on the canonical form, after the table's length and character rules.
    fn findings(&self, _raw: &str, _canon: &str, _cx: &Cx, _out: &mut Vec<Problem>) {}

    /// Records what the member tells its entry (`Facts`) before the entry is checked.
    fn enter<'a>(&self, _raw: Option<&'a str>, _scope: &mut Scope<'_, 'a>, _facts: &mut Facts<'a>) {
    }

    /// `prepare` leaves the member out when it normalizes to empty text.
    fn drops_empty(&self) -> bool {
        false
    }
}

/// A field whose value is not text (a flag, a number).
pub trait ValueRule: Sync {
    /// `prepare`'s canonical form (idempotent).
    fn normalize(&self, v: &Value) -> Value;
    /// Findings on a present, non-null value.
    fn check(&self, field: &'static Field, v: &Value, out: &mut Vec<Problem>);
}

/// A list of entries.
pub trait ListRule: Sync {
    /// How many items are examined; the rest are neither checked nor normalized.
    fn examined(&self, opts: &Options) -> usize;
    /// Findings on the list itself: its length, given the table's least length.
    fn check(&self, len: usize, min: usize, cx: &Cx, out: &mut Vec<Problem>);
}

/// `normalize(raw)`, or `raw` itself when the order is already canonical.
pub fn canon(
    canonical: bool,
    raw: &str,
    normalize: impl FnOnce(&str) -> Cow<'_, str>,
) -> Cow<'_, str> {
    if canonical {
        Cow::Borrowed(raw)
    } else {
        normalize(raw)
    }
}

/// A member's text when it is a string of examinable size.
pub fn examinable_str(v: &Value) -> Option<&str> {
    v.as_str().filter(|s| s.len() <= MAX_STRING_BYTES)
}

/// Whether the field must be present in this order. The country's address format is
/// read only for the fields that depend on it: a check of another field needs no
/// address pack.
pub fn is_required(field: &Field, order: &Context) -> bool {
    let format = || order.country.and_then(|c| c.format());
    match field.required {
        Required::Always => true,
        Required::Never => false,
        Required::IfCountryRequiresState => format().is_some_and(|f| f.requires_state),
        Required::IfCountryRequiresPostalCode => format().is_some_and(|f| f.requires_zip),
    }
}

/// The value when present; `missing_field` when required and absent or null,
/// `wrong_type` for a null optional field.
pub fn present<'v>(
    field: &'static Field,
    v: Option<&'v Value>,
    required: bool,
    out: &mut Vec<Problem>,
) -> Option<&'v Value> {
    match v {
        Some(Value::Null) | None if required => {
            out.push(Problem::Missing { field });
            None
        }
        Some(Value::Null) => {
            out.push(Problem::NullOptional { field });
            None
        }
        None => None,
        Some(v) => Some(v),
    }
}

/// `check` on one scalar member (text or value rows).
pub fn check<'a>(field: &'static Field, v: Option<&'a Value>, cx: &Cx<'a>, out: &mut Vec<Problem>) {
    let required = is_required(field, cx.order);
    let Some(v) = present(field, v, required, out) else {
        return;
    };
    match field.kind {
        Kind::Text(rule) => check_text(rule, field, v, required, cx, out),
        Kind::Value(rule) => rule.check(field, v, out),
        Kind::List(_) => {}
    }
}

/// `check` on a list member: its presence, type and length. The items to walk.
pub fn check_list<'v>(
    field: &'static Field,
    rule: &dyn ListRule,
    v: Option<&'v Value>,
    cx: &Cx,
    out: &mut Vec<Problem>,
) -> Option<&'v [Value]> {
    let v = present(field, v, is_required(field, cx.order), out)?;
    let Some(items) = v.as_array() else {
        out.push(Problem::NotAList {
            field,
            found: JsonKind::of(v),
        });
        return None;
    };
    rule.check(items.len(), field.items.map_or(0, |(min, _)| min), cx, out);
    Some(items)
}

/// The string-field skeleton (see the module's doc).
fn check_text<'a>(
    rule: &dyn TextRule,
    field: &'static Field,
    v: &'a Value,
    required: bool,
    cx: &Cx<'a>,
    out: &mut Vec<Problem>,
) {
    let raw = match v {
        Value::String(s) if s.len() > MAX_STRING_BYTES => {
            out.push(Problem::Oversized {
                field,
                bytes: s.len(),
            });
            return;
        }
        Value::String(s) => s.as_str(),
        other => {
            out.push(Problem::NotText {
                field,
                found: JsonKind::of(other),
            });
            return;
        }
    };
    let canon = rule.canonical(raw, cx);
    let mut findings = Vec::new();
    match field.max_chars {
        Some(max) => {
            text_findings(field, &canon, max, required, &mut findings);
            if findings.is_empty() && !canon.is_empty() {
                rule.findings(raw, &canon, cx, &mut findings);
            }
        }
        None => rule.findings(raw, &canon, cx, &mut findings),
    }
    if raw != canon && !findings.iter().any(Problem::is_error) {
        out.push(Problem::Fixable {
            fix: rule.fix(raw, &canon),
            field,
            raw: raw.to_string(),
            canonical: canon.into_owned(),
        });
    }
    out.append(&mut findings);
}

/// Emptiness, length and character findings for free text.
fn text_findings(
    field: &'static Field,
    canon: &str,
    max: usize,
    required: bool,
    out: &mut Vec<Problem>,
) {
    let chars = text::char_len(canon);
    if chars == 0 {
        if required {
            out.push(Problem::Blank { field });
        }
    } else if chars > max {
        out.push(Problem::TooLong { field, chars, max });
    }
    if canon.chars().any(text::is_bad_char) {
        out.push(Problem::BadCharacters { field });
    }
}

/// `prepare` on one text or value member that is present and not null.
pub fn prepare(field: &Field, v: Value, order: &Context, changed: &mut bool) -> Option<Value> {
    match (field.kind, v) {
        (Kind::Text(rule), Value::String(s)) if s.len() <= MAX_STRING_BYTES => {
            // The input's own string is kept where the text is already canonical.
            let n = match rule.normalize(&s, order) {
                n if n == s.as_str() => None,
                n => Some(n.into_owned()),
            };
            *changed |= n.is_some();
            let n = n.unwrap_or(s);
            (!(n.is_empty() && rule.drops_empty())).then_some(Value::String(n))
        }
        (Kind::Value(rule), v) => {
            let n = rule.normalize(&v);
            // Scalars compared; a list or an object counts as changed, so that
            // `Value`'s whole equality is not compiled in for this.
            *changed |= !match (&n, &v) {
                (Value::Null, Value::Null) => true,
                (Value::Bool(a), Value::Bool(b)) => a == b,
                (Value::Number(a), Value::Number(b)) => a == b,
                (Value::String(a), Value::String(b)) => a == b,
                _ => false,
            };
            Some(n)
        }
        (_, v) => Some(v),
    }
}

/// Free text's fix: removing a line break or invisible character, else spelling.
pub fn text_fix(raw: &str) -> Fix {
    if text::has_removable_bad_char(raw) {
        Fix::Characters
    } else {
        Fix::Spelling
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same answers as a hash set, before and after the list moves to one.
    #[test]
    fn keys_answer_as_a_hash_set() {
        let mut keys = Keys::default();
        let mut set = HashSet::new();
        for i in 0..200 {
            let key = format!("k{}", (i * 7) % 61);
            assert_eq!(
                keys.insert(Cow::Owned(key.clone())),
                set.insert(key.clone()),
                "{i}: {key}"
            );
        }
        assert!(keys.few.is_empty() && keys.many.len() == set.len());
    }
}
