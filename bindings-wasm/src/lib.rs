//! WebAssembly bindings of the `mailinfra` core: conversion and error mapping only.
//!
//! Every export returns JSON text (parsed by the package's JS wrapper, `api.js`):
//! one string crosses the boundary instead of one call per field, and `JSON.parse`
//! never lets an order's `__proto__` key reach a prototype.
//!
//! The form module has no data packs compiled in: an export whose call needed a pack
//! that `loadPack` has not registered returns `{"dataPending":[names]}` instead of its
//! result, and the wrapper loads those packs and calls again (js/data.js).
//!
//! Inputs are read by [`convert`], a bounded walk over the JS value (depth, bytes,
//! throwing getters, cycles, BigInt, symbols) that never throws and never traps; the
//! value it builds is what the core's `check`/`prepare` receive, so a plain-JSON
//! input gives exactly the Rust result.
#![forbid(unsafe_code)]

mod convert;

use mailinfra::limits::MAX_OPTIONS_BYTES;
use std::cell::RefCell;

use mailinfra::data::MissingPacks;
use mailinfra::{
    FieldChecks, FieldPointer, Issue, IssueCode, Options, OrderText, Problem, Report, Spelling,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use convert::{Refusal, MAX_STRING_ARG};

/// The least budget for reading an object input. It only bounds the work and memory
/// of reading a hostile value; the core itself then refuses a value over
/// `maxInputBytes` (measured as compact JSON, like text).
const VALUE_BUDGET: usize = 16 << 20;

/// The read budget for an object input: the reader charges at most 9 units per byte
/// of compact JSON (the bytes plus [`convert::PER_VALUE`] per value, and every value
/// takes at least one byte), so a value it refuses is one the core would refuse too.
fn read_budget(opts: &Options) -> usize {
    VALUE_BUDGET.max(opts.max_input_bytes.saturating_mul(1 + convert::PER_VALUE))
}

fn to_json<T: Serialize + ?Sized>(v: &T) -> String {
    // Serializing core types (strings, numbers, objects with string keys) cannot fail.
    // `to_string` already starts with 128 bytes of room; a buffer of our own would
    // have its UTF-8 checked again (`forbid(unsafe_code)`), which measured slower.
    serde_json::to_string(v).unwrap_or_else(|_| "null".to_string())
}

/// `call`'s result, or `{"dataPending":[...]}` naming the packs it needed and did not have.
fn with_data(call: impl FnOnce() -> Result<String, JsValue>) -> Result<String, JsValue> {
    mailinfra::data::with_packs(call).unwrap_or_else(|missing| Ok(pending(&missing)))
}

fn pending(missing: &MissingPacks) -> String {
    format!(r#"{{"dataPending":{}}}"#, to_json(&missing.0))
}

fn type_error(msg: &str) -> JsValue {
    convert::type_error(&format!("mailinfra: {msg}"))
}

/// `undefined`/`null` -> defaults; anything else through the core's reader of options
/// (the contract's camelCase names), whose mistakes (with its near miss) are `TypeError`s.
/// A string is the wrapper's JSON text of plain options (as for orders, one copy instead
/// of a call per member); any other value is read by the bounded walk.
fn options(v: &JsValue) -> Result<Options, JsValue> {
    let unreadable = |why: &str| type_error(&format!("options cannot be read: {why}"));
    let value = if v.is_null_or_undefined() {
        return Ok(Options::default());
    } else if v.is_string() {
        let text =
            convert::short_string(v, MAX_OPTIONS_BYTES).ok_or_else(|| unreadable("too large"))?;
        // The core's reader of JSON text (the one orders take), with its depth limit.
        let limits = Options {
            max_input_bytes: MAX_OPTIONS_BYTES,
            ..Options::default()
        };
        mailinfra::parse_input(&text, &limits).map_err(|issue| unreadable(&issue.message))?
    } else {
        convert::to_value(v, MAX_OPTIONS_BYTES).map_err(|r| unreadable(&r.describe()))?
    };
    Options::from_value_in(&value, Spelling::Camel).map_err(|e| type_error(&e.to_string()))
}

enum Input {
    Value(serde_json::Value),
    Text(String),
    Refused(Report),
}

/// A JS string is JSON text (for the core's text entry points and their size limit;
/// the wrapper sends plain data within that limit as `JSON.stringify(order)`); anything
/// else is a value read by the bounded walk.
fn input(order: &JsValue, opts: &Options) -> Input {
    if order.is_string() {
        if convert::string_units(order) > opts.max_input_bytes {
            // UTF-8 has at least as many bytes as UTF-16 has units: refuse before copying.
            return Input::Refused(Report::refused(mailinfra::Issue::input_too_large(
                None,
                opts.max_input_bytes,
            )));
        }
        return Input::Text(convert::text(order).unwrap_or_default());
    }
    match convert::to_value(order, read_budget(opts)) {
        Ok(v) => Input::Value(v),
        Err(r) => Input::Refused(Report::refused(r.issue(opts.max_input_bytes))),
    }
}

/// `check(order, options?)`: the report as JSON text.
#[wasm_bindgen(js_name = check)]
pub fn check(order: JsValue, options: JsValue) -> Result<String, JsValue> {
    let opts = self::options(&options)?;
    let input = input(&order, &opts);
    with_data(move || {
        let report = match input {
            Input::Value(v) => mailinfra::check(&v, &opts),
            Input::Text(t) => mailinfra::check_json(&t, &opts),
            Input::Refused(r) => r,
        };
        Ok(to_json(&report))
    })
}

/// `prepare(order, options?)`: the report with the canonical order, as JSON text.
#[wasm_bindgen(js_name = prepare)]
pub fn prepare(order: JsValue, options: JsValue) -> Result<String, JsValue> {
    prepared(order, options, false)
}

/// `prepareKeeping(text, options?)`: `prepare` of JSON text that the wrapper wrote
/// from a copy of the order it holds. When the report's order is that text exactly,
/// the answer is `=` and the report without its order, and the wrapper puts its copy
/// in: an order that comes out as it went in is not read back (`JSON.parse` of the
/// order was a tenth of a typical `prepare` in Node). When only values changed in
/// their places, it is `~[report, [[pointer, value], ...]]`, the report without its
/// order and the values to set in the copy.
#[wasm_bindgen(js_name = prepareKeeping)]
pub fn prepare_keeping(order: JsValue, options: JsValue) -> Result<String, JsValue> {
    prepared(order, options, true)
}

fn prepared(order: JsValue, options: JsValue, keeping: bool) -> Result<String, JsValue> {
    let opts = self::options(&options)?;
    let input = input(&order, &opts);
    with_data(move || {
        let report = match input {
            Input::Value(v) => mailinfra::prepare(&v, &opts),
            Input::Text(t) if keeping => {
                let r = mailinfra::prepare_json_report(t.as_bytes(), &opts, to_json, true);
                return Ok(match r.order {
                    OrderText::Input => format!("={}", r.text),
                    OrderText::Changed(values) => format!("~[{},{}]", r.text, to_json(&values)),
                    OrderText::Written => r.text,
                });
            }
            // The wrapper's text of plain data: an order prepare leaves as it is comes
            // back as that text, not written again.
            Input::Text(t) => return Ok(mailinfra::prepare_json_text(&t, &opts, to_json)),
            Input::Refused(r) => r,
        };
        Ok(to_json(&report))
    })
}

/// `checkField(order, pointer, options?)`: the issues at or under `pointer`, as JSON
/// text. An input the core would refuse outright (too large, too deep, not JSON)
/// has no field issues: `[]` (the full `check` reports the refusal). A pointer that
/// is not a string, or names no field of the order, is a `TypeError`.
#[wasm_bindgen(js_name = checkField)]
pub fn check_field(order: JsValue, pointer: JsValue, options: JsValue) -> Result<String, JsValue> {
    let opts = self::options(&options)?;
    let Some(pointer) = convert::short_string(&pointer, MAX_STRING_ARG) else {
        return Err(type_error("the pointer must be a string"));
    };
    // Checked before the order is read: a bad pointer throws even with a refused order.
    let field = FieldPointer::parse(&pointer).map_err(|e| type_error(&e.to_string()))?;
    field_issues(Read::Order(input(&order, &opts), 0), &field, &opts)
}

thread_local! {
    /// The pointers `fieldPointer` parsed, by id: a form checks the same few fields on
    /// every keystroke, so each is parsed once and then crosses as a number.
    static FIELDS: RefCell<Vec<FieldPointer>> = const { RefCell::new(Vec::new()) };
    static CHECKS: RefCell<Kept> = const {
        RefCell::new(Kept { checks: FieldChecks::new(), gen: 0, answer: None })
    };
}

/// `checkFieldAt`'s last text, kept: the next keystroke changes one string of it
/// (`checkFieldPatched`).
struct Kept {
    checks: FieldChecks,
    /// The number the wrapper gave the text (0: none kept).
    gen: u32,
    /// The issues last answered on the text under `gen`, which the wrapper keeps too:
    /// keystroke after keystroke often has the same issues, and `=` then crosses
    /// instead of their JSON text, which the wrapper would decode and parse again.
    answer: Option<Vec<Issue>>,
}
/// At most this many pointers are kept (the wrapper keeps as many ids); a longer
/// pointer is not kept. Together they bound the table to 256 KB of pointers.
const MAX_FIELDS: usize = 1024;
const MAX_FIELD_POINTER: usize = 256;

/// `fieldPointer(pointer)`: `{"id":N,"part":...}` for a pointer that names a field,
/// kept under id `N` for `checkFieldAt`; `part` is what of the order its check reads
/// (`mailinfra::Part` as JSON; `null`: the whole order), which the wrapper then sends
/// alone. `undefined` when the pointer is not a short string, names no field or the
/// table is full: the wrapper then calls `checkField`, which throws the pointer's error.
#[wasm_bindgen(js_name = fieldPointer)]
pub fn field_pointer(pointer: JsValue) -> Option<String> {
    let pointer = convert::short_string(&pointer, MAX_FIELD_POINTER)?;
    let field = FieldPointer::parse(&pointer).ok()?;
    let part = field.part().map(|p| p.to_json());
    let id = FIELDS.with(|fields| {
        let mut fields = fields.try_borrow_mut().ok()?;
        (fields.len() < MAX_FIELDS).then(|| {
            fields.push(field);
            fields.len() - 1
        })
    })?;
    Some(format!(r#"{{"id":{id},"part":{}}}"#, to_json(&part)))
}

/// The pointer kept under `id`, to `f`.
fn with_field<T>(
    id: u32,
    f: impl FnOnce(&FieldPointer) -> Result<T, JsValue>,
) -> Result<T, JsValue> {
    FIELDS.with(|fields| {
        let fields = fields
            .try_borrow()
            .map_err(|_| type_error("a field check cannot be called from within another"))?;
        let field = usize::try_from(id)
            .ok()
            .and_then(|i| fields.get(i))
            .ok_or_else(|| type_error("no pointer is kept under this id"))?;
        f(field)
    })
}

/// `checkFieldAt(order, id, options?, kept)`: `checkField` with the pointer
/// `fieldPointer` kept under `id`, except that no issues is `undefined` rather than
/// `[]`: the common answer of a keystroke then crosses back as no string at all. JSON
/// text that the core keeps is kept under the number `kept` (`keptText()` tells).
#[wasm_bindgen(js_name = checkFieldAt)]
pub fn check_field_at(
    order: JsValue,
    id: u32,
    options: JsValue,
    kept: u32,
) -> Result<Option<String>, JsValue> {
    let opts = self::options(&options)?;
    let input = input(&order, &opts);
    with_field(id, |field| {
        field_issues(Read::Order(input, kept), field, &opts)
    })
    .map(no_issues)
}

/// `keptText()`: the number the text the core keeps was given (0: none).
#[wasm_bindgen(js_name = keptText)]
pub fn kept_text() -> u32 {
    CHECKS.with(|kept| kept.try_borrow().map_or(0, |kept| kept.gen))
}

/// `checkFieldPatched(nth, text, id, options?, kept)`: `checkFieldAt` of the text kept
/// under `kept` with its `nth` string (keys counted; -1: none) reading `text`, which is
/// kept so changed: what a keystroke sends instead of the whole text. `=` when its
/// issues are those last answered on that text (by this export or `checkFieldAt`), as
/// long as there are some. `!` when it cannot (that text is no longer kept, the string
/// is a key or not there, `text` needs an escape, or the text would be over the input
/// limit): the wrapper then sends the whole text.
#[wasm_bindgen(js_name = checkFieldPatched)]
pub fn check_field_patched(
    nth: i32,
    text: String,
    id: u32,
    options: JsValue,
    kept: u32,
) -> Result<Option<String>, JsValue> {
    let opts = self::options(&options)?;
    let patch = usize::try_from(nth).ok().map(|n| (n, text.as_str()));
    with_field(id, |field| {
        field_issues(Read::Patched(patch, kept), field, &opts)
    })
    .map(no_issues)
}

/// What a field check reads: an order, whose JSON text the core keeps under the number
/// given (0: not kept, as `checkField` by pointer), or the text kept under that number
/// with one string changed.
enum Read<'a> {
    Order(Input, u32),
    Patched(Option<(usize, &'a str)>, u32),
}

/// The issues of `field` in what `read` names, as JSON text: `[]` for an input refused
/// outright, `!` for a patch of a text no longer kept (or one the core cannot patch),
/// `=` for a patch whose issues are the kept text's last answer. One body for the
/// three field-check exports: each generic `with_packs` adds a copy.
fn field_issues(read: Read, field: &FieldPointer, opts: &Options) -> Result<String, JsValue> {
    let (text_gen, patched) = match read {
        Read::Order(_, gen) => (gen, false),
        Read::Patched(_, gen) => (gen, true),
    };
    let found = mailinfra::data::with_packs(|| match read {
        Read::Order(Input::Value(v), _) => Some(mailinfra::check_field_at(&v, field, opts)),
        Read::Order(Input::Text(t), 0) => Some(mailinfra::check_field_json(&t, field, opts)),
        Read::Order(Input::Text(t), gen) => Some(CHECKS.with(|kept| match kept.try_borrow_mut() {
            Ok(mut kept) => {
                let issues = kept.checks.check_field_json(t, field, opts);
                kept.gen = if kept.checks.keeps() { gen } else { 0 };
                kept.answer = None;
                issues
            }
            Err(_) => mailinfra::check_field_json(&t, field, opts),
        })),
        Read::Order(Input::Refused(_), _) => Some(Vec::new()),
        Read::Patched(patch, gen) => CHECKS.with(|kept| {
            let mut kept = kept.try_borrow_mut().ok()?;
            (gen != 0 && kept.gen == gen).then_some(())?;
            kept.checks.check_field_patched(patch, field, opts)
        }),
    });
    let issues = match found {
        Ok(Some(issues)) => issues,
        Ok(None) => return Ok("!".to_string()),
        Err(missing) => return Ok(pending(&missing)),
    };
    // Only an answer the wrapper receives is kept: one whose data was pending is not.
    Ok(CHECKS.with(|kept| match kept.try_borrow_mut() {
        Ok(mut kept) if text_gen != 0 && kept.gen == text_gen => {
            if patched && !issues.is_empty() && kept.answer.as_ref() == Some(&issues) {
                return "=".to_string();
            }
            let text = to_json(&issues);
            kept.answer = Some(issues);
            text
        }
        _ => to_json(&issues),
    }))
}

/// No issues (`[]`) as no string.
fn no_issues(issues: String) -> Option<String> {
    (issues != "[]").then_some(issues)
}

/// `suggestMailboxes({firstName, lastName, domain, count, esp?, exclude?})`: suggested
/// addresses and issues, as JSON text. Members of the wrong type read as absent.
///
/// Only in the `bulk` build: transliterating names of every script needs `deunicode`'s
/// tables (~170 KB gzip), which a form that only validates should not download.
#[cfg(feature = "bulk")]
#[wasm_bindgen(js_name = suggestMailboxes)]
pub fn suggest_mailboxes(request: JsValue) -> String {
    let req = convert::to_value(&request, VALUE_BUDGET).unwrap_or_default();
    to_json(&mailinfra::suggest_mailboxes_json(&req))
}

/// `buildOrder` (the JS wrapper passes `{registrant, rows, esp?, plan?}`): an order built from a
/// registrant and spreadsheet rows (objects keyed by column), as JSON text. Rows that
/// are not objects are ignored; an input that cannot be read is refused like `check`.
/// Only in the `bulk` build, like `suggestMailboxes`.
#[cfg(feature = "bulk")]
#[wasm_bindgen(js_name = buildOrder)]
pub fn build_order(input: JsValue, options: JsValue) -> Result<String, JsValue> {
    let opts = self::options(&options)?;
    let v = match convert::to_value(&input, read_budget(&opts)) {
        Ok(v) => v,
        Err(r) => return Ok(to_json(&Report::refused(r.issue(opts.max_input_bytes)))),
    };
    let rows: Vec<serde_json::Map<String, serde_json::Value>> = v["rows"]
        .as_array()
        .map(|a| a.iter().filter_map(|r| r.as_object().cloned()).collect())
        .unwrap_or_default();
    Ok(to_json(&mailinfra::build_order(
        &v["registrant"],
        &rows,
        v["esp"].as_str(),
        v["plan"].as_str(),
        &opts,
    )))
}

/// `addressFormat(country)`: the hints as JSON text (`null` for an unknown country).
#[wasm_bindgen(js_name = addressFormat)]
pub fn address_format(country: JsValue) -> Result<String, JsValue> {
    let country = convert::short_string(&country, MAX_STRING_ARG);
    with_data(|| {
        Ok(to_json(
            &country.and_then(|c| mailinfra::address_format(&c)),
        ))
    })
}

/// `loadPack(name, text)`: registers a data pack (`address/US`, `phone/GB`) the
/// wrapper fetched; an unknown name, a text over the size limit or one that is not a
/// pack of its kind is an `Error` saying which.
#[wasm_bindgen(js_name = loadPack)]
pub fn load_pack(name: JsValue, text: JsValue) -> Result<(), JsValue> {
    let name = convert::short_string(&name, MAX_STRING_ARG)
        .ok_or_else(|| type_error("a pack name must be a short string"))?;
    let error = |e: mailinfra::data::PackError| JsError::new(&format!("mailinfra: {e}")).into();
    // UTF-8 has at least as many bytes as UTF-16 has units: refuse before copying.
    let units = convert::string_units(&text);
    if units > mailinfra::data::MAX_PACK_BYTES {
        return Err(error(mailinfra::data::PackError::TooLarge(units)));
    }
    let text = text
        .as_string()
        .ok_or_else(|| type_error("a pack's text must be a string"))?;
    mailinfra::data::load_pack(&name, &text).map_err(error)
}

/// `countries()`: every assigned country as JSON text.
#[wasm_bindgen(js_name = countries)]
pub fn countries() -> String {
    to_json(&mailinfra::countries())
}

/// `domainToAscii(domain)`: the A-label form, `undefined` when not valid, or
/// `{"dataPending":["unicode/idna-0000", ...]}` (no domain has a `{`) while the UTS #46 packs
/// of the code-point ranges a non-ASCII domain needs are not loaded.
#[wasm_bindgen(js_name = domainToAscii)]
pub fn domain_to_ascii(domain: JsValue) -> Option<String> {
    let d = convert::short_string(&domain, MAX_STRING_ARG)?;
    with_data(|| Ok(mailinfra::domain_to_ascii(&d).unwrap_or_default()))
        .ok()
        .filter(|s| !s.is_empty())
}

/// `domainToUnicode(domain)`: the Unicode form, `undefined` when not valid, or
/// `{"dataPending":[...]}` as [`domain_to_ascii`].
#[wasm_bindgen(js_name = domainToUnicode)]
pub fn domain_to_unicode(domain: JsValue) -> Option<String> {
    let d = convert::short_string(&domain, MAX_STRING_ARG)?;
    with_data(|| Ok(mailinfra::domain_to_unicode(&d).unwrap_or_default()))
        .ok()
        .filter(|s| !s.is_empty())
}

/// `dataVersions()` as JSON text.
#[wasm_bindgen(js_name = dataVersions)]
pub fn data_versions() -> String {
    to_json(&mailinfra::data_versions())
}

/// `issueCodes()`: `IssueCode::ALL` as JSON text (the TypeScript union is tested against it).
#[wasm_bindgen(js_name = issueCodes)]
pub fn issue_codes() -> String {
    to_json(&IssueCode::ALL.map(IssueCode::as_str)[..])
}

/// `defaultOptions()`: the contract's defaults as JSON text.
#[wasm_bindgen(js_name = defaultOptions)]
pub fn default_options() -> String {
    to_json(&Options::default())
}

impl Refusal {
    /// The core's issue for an input refused while it was read.
    fn issue(&self, max_input_bytes: usize) -> mailinfra::Issue {
        match self {
            Refusal::TooLarge => mailinfra::Issue::input_too_large(None, max_input_bytes),
            Refusal::TooDeep => mailinfra::Issue::too_deep(),
            Refusal::NotJson(what) => {
                mailinfra::Issue::new(Vec::new(), &Problem::Unconvertible { what: what.clone() })
            }
        }
    }
}
