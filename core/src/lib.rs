//! Validate and normalize orders for a managed email-infrastructure purchase
//! (`POST /v1/domain`: domains plus mailboxes on Google, Microsoft or Azure) before
//! anything is sent or paid for.
//!
//! Two operations over untyped JSON, same rules: [`check`] says whether a payload is
//! exactly what the server accepts; [`prepare`] applies only safe spelling fixes and
//! then checks the result. Both return a [`Report`] with every issue, in document
//! order, each with a stable [`IssueCode`]. Nothing here does I/O.
#![forbid(unsafe_code)]

mod build;
mod context;
mod country;
pub mod data;
pub mod fields;
mod form;
mod full_match;
mod hints;
mod host;
mod input;
mod issue;
#[cfg(feature = "json-schema")]
mod json_schema;
mod json_text;
pub mod limits;
mod messages;
mod numbering;
mod options;
mod order;
mod part;
mod phone;
mod pointer;
mod postal;
mod prepare;
mod problem;
mod recent;
mod rules;
mod state_names;
mod suggest;
#[cfg(test)]
mod test_support;
mod text;
mod walk;

use serde_json::Value;

pub use build::{BuildReport, OrderBuilder, RowIssue};
pub use form::FieldChecks;
pub use hints::{address_format, countries, AddressFormat, CountryOption, StateOption};
pub use input::{parse_bytes, parse_input};
pub use issue::{Issue, IssueCode, PathSeg, Report, Severity};
#[cfg(feature = "json-schema")]
pub use json_schema::{order_json_schema, SchemaOf};
pub use options::{Options, OptionsError, OptionsErrorKind, Spelling};
pub use order::{Domain, Mailbox, Order};
pub use part::Part;
pub use pointer::{FieldPointer, PointerError};
pub use problem::{Fix, HostRole, JsonKind, Problem, StateName, UrlPart, Username};
pub use rules::esp::{Esp, Plan};
pub use suggest::{
    suggest as suggest_mailboxes, suggest_json as suggest_mailboxes_json, SuggestRequest,
    Suggestions,
};
pub use text::is_bad_char;

use walk::Walker;

/// Strict check: is this exact payload what the server accepts? Nothing is changed;
/// whatever `prepare` would fix is an issue carrying the fix as its suggestion.
pub fn check(order: &Value, options: &Options) -> Report {
    match input::refused(order, options) {
        Some(i) => Report::refused(i),
        None => checked(order, options),
    }
}

/// [`check`] of an order within the input limits.
fn checked(order: &Value, options: &Options) -> Report {
    let mut w = Walker::new(options, None);
    w.order(order);
    Report::from_issues(w.issues, None)
}

/// Forgiving preparation: the canonical order (safe normalizations only: case,
/// whitespace, Unicode form, `https://` around a bare domain, defaults written out)
/// plus the issues `check` finds in it. `order` is absent only when the input was
/// refused outright (too deep, or over `max_input_bytes` as compact JSON).
pub fn prepare(order: &Value, options: &Options) -> Report {
    match input::refused(order, options) {
        Some(i) => Report::refused(i),
        None => prepared(order.clone(), options).0,
    }
}

/// [`prepare`] of an order within the input limits, consumed: its objects become the
/// canonical order's; and how the canonical order differs from the input.
fn prepared(order: Value, options: &Options) -> (Report, prepare::Changes) {
    let (canonical, ctx, changes) = prepare::normalize_order(order, options);
    let mut w = Walker::over_canonical(options);
    w.order_in(&canonical, ctx);
    (Report::from_issues(w.issues, Some(canonical)), changes)
}

/// [`check`] on JSON text, refusing input over `options.max_input_bytes`
/// (`input_too_large`), not JSON (`invalid_json`) or too deep (`too_deep`).
pub fn check_json(text: &str, options: &Options) -> Report {
    check_bytes(text.as_bytes(), options)
}

/// [`prepare`] on JSON text, with the same input limits as [`check_json`].
pub fn prepare_json(text: &str, options: &Options) -> Report {
    prepare_bytes(text.as_bytes(), options)
}

/// [`check_json`] on bytes (text that is not UTF-8 is `invalid_json`).
pub fn check_bytes(bytes: &[u8], options: &Options) -> Report {
    // Compact text no deeper than the limit is within the limits as read; any other
    // is measured by `check` (depth and size in one pass).
    match input::parse_noting_compact(bytes, options) {
        Ok((v, compact)) => {
            let report = if compact {
                checked(&v, options)
            } else {
                check(&v, options)
            };
            json_text::recycle(v);
            report
        }
        Err(i) => Report::refused(*i),
    }
}

/// [`prepare_json`] on bytes.
pub fn prepare_bytes(bytes: &[u8], options: &Options) -> Report {
    prepared_bytes(bytes, options).0
}

/// [`prepare_bytes`], and how the report's order differs from the input when the
/// input is serde_json's compact text of a value (`None` for any other input).
fn prepared_bytes(bytes: &[u8], options: &Options) -> (Report, Option<prepare::Changes>) {
    match input::parse_noting_compact(bytes, options) {
        // Compact text no deeper than the limit is within the limits as read.
        Ok((v, true)) => {
            let (report, changes) = prepared(v, options);
            (report, Some(changes))
        }
        Ok((v, false)) => match input::refused(&v, options) {
            Some(i) => (Report::refused(i), None),
            None => (prepared(v, options).0, None),
        },
        Err(i) => (Report::refused(*i), None),
    }
}

/// `prepare_json`'s report as JSON text, written by `write` (the caller's
/// `serde_json::to_string`, passed in so that a module holds one writer of reports);
/// cheaper where a form's order comes out as it went in: when the text is serde_json's
/// compact text of the order and `prepare` changes nothing, the report's order is the
/// text itself, copied rather than written again from the value.
pub fn prepare_json_text(text: &str, options: &Options, write: fn(&Report) -> String) -> String {
    let report = prepare_json_report(text.as_bytes(), options, write, false);
    let mut out = report.text;
    if matches!(report.order, OrderText::Input) {
        // `{"valid":..,"issues":[..]}` with the input in place of its order, the last member.
        out.truncate(out.len() - 1);
        out.reserve(text.len() + 10);
        out.push_str(",\"order\":");
        out.push_str(text);
        out.push('}');
    }
    out
}

/// What [`prepare_json_report`] wrote.
pub struct ReportText {
    /// The report as JSON text: an object, without its `order` unless
    /// [`OrderText::Written`].
    pub text: String,
    pub order: OrderText,
}

/// Where [`ReportText`] leaves the report's order.
pub enum OrderText {
    /// In the text, as its `order` member.
    Written,
    /// Out: the order is the input itself, exactly (the input was serde_json's compact
    /// text of the order and `prepare` changed nothing).
    Input,
    /// Out: the order is the input (serde_json's compact text of a value) with these
    /// values replaced, each at its JSON pointer (the contract's field names and list
    /// indices: nothing escaped); no member added, dropped or moved.
    Changed(Vec<(String, Value)>),
}

/// [`prepare_bytes`]'s report as JSON text written by `write`, without the order when
/// the caller has it otherwise ([`OrderText`]; `Changed` only when `changes` is asked
/// for). A caller that holds the input as a value (the npm package, which sent its
/// own copy's text) then uses that value instead of reading the order back.
pub fn prepare_json_report(
    bytes: &[u8],
    options: &Options,
    write: fn(&Report) -> String,
    changes: bool,
) -> ReportText {
    let (mut report, found) = prepared_bytes(bytes, options);
    let mut order = match found {
        Some(c) if !c.any => OrderText::Input,
        Some(c) if changes && !c.shape => OrderText::Changed(c.values),
        _ => OrderText::Written,
    };
    let mut text = None;
    if !matches!(order, OrderText::Written) {
        let value = report.order.take();
        let without = write(&report);
        // A writer whose text is not an object: the whole report written, order included.
        if without.starts_with('{') && without.ends_with('}') {
            text = Some(without);
        } else {
            order = OrderText::Written;
        }
        report.order = value;
    }
    let text = text.unwrap_or_else(|| write(&report));
    // The order's strings are the next read's (`json_text::recycle`).
    if let Some(value) = report.order.take() {
        json_text::recycle(value);
    }
    ReportText { text, order }
}

/// Checks one field of a (possibly partial) order, e.g. `/zipcode` or
/// `/domains/0/mailboxes/1/email`, reading the context it needs (country, state,
/// ESP, the domain's name, earlier addresses) from the same order. Returns the
/// issues at or under that pointer, exactly as [`check`] would report them, while
/// examining only the fields on the way: cheap enough for every keystroke. An order
/// refused outright (too large, too deep) has no field issues.
///
/// A pointer that names no field of the order's shape (`/zipCode`, `zipcode`,
/// `/domains/0/nme`) is an error, with the pointer most likely meant: a form with a
/// typo in a pointer would otherwise never validate that field.
pub fn check_field(
    order: &Value,
    pointer: &str,
    options: &Options,
) -> Result<Vec<Issue>, PointerError> {
    Ok(check_field_at(
        order,
        &FieldPointer::parse(pointer)?,
        options,
    ))
}

/// [`check_field`] with the pointer parsed once ([`FieldPointer::parse`]).
pub fn check_field_at(order: &Value, field: &FieldPointer, options: &Options) -> Vec<Issue> {
    match input::refused(order, options) {
        Some(_) => Vec::new(),
        None => field_checked(order, field, options),
    }
}

/// [`check_field_at`] of an order within the input limits.
fn field_checked(order: &Value, field: &FieldPointer, options: &Options) -> Vec<Issue> {
    let mut w = Walker::new(options, Some(field.path()));
    w.order(order);
    w.issues
}

/// [`check_field_at`] on JSON text: text refused outright (not JSON, too large, too
/// deep) has no field issues. Compact text (a form's part) is within the limits as
/// read; any other is measured for depth and size in one pass after parsing.
pub fn check_field_json(text: &str, field: &FieldPointer, options: &Options) -> Vec<Issue> {
    match input::parse_noting_compact(text.as_bytes(), options) {
        Ok((v, true)) => field_checked(&v, field, options),
        Ok((v, false)) => check_field_at(&v, field, options),
        Err(_) => Vec::new(),
    }
}

/// The top-level members [`check_field`] reads for `pointer`: the members of its
/// [`FieldPointer::part`] (which also says what it reads of them). An order holding
/// just these members gives the same field issues, as long as the whole order is
/// within the input limits (a refused order has no field issues). `None` for the whole
/// order (`""`). The same error as [`check_field`] for a pointer that names no field.
pub fn check_field_reads(pointer: &str) -> Result<Option<Vec<String>>, PointerError> {
    Ok(FieldPointer::parse(pointer)?.part().map(|p| p.members()))
}

/// Builds and prepares an order from a registrant record and spreadsheet rows given
/// as objects keyed by column (a parsed CSV, Python's `csv.DictReader`, JS objects).
/// The header is every key in first-seen order; row numbers count like a spreadsheet
/// whose first line is that header. For streaming input, use [`OrderBuilder`].
pub fn build_order(
    registrant: &Value,
    rows: &[serde_json::Map<String, Value>],
    esp: Option<&str>,
    plan: Option<&str>,
    options: &Options,
) -> BuildReport {
    let mut header: Vec<&str> = Vec::new();
    for k in rows.iter().flat_map(|r| r.keys()) {
        if !header.contains(&k.as_str()) {
            header.push(k);
        }
    }
    let mut b = OrderBuilder::new(registrant, esp, plan, options);
    b.columns(&header);
    for (i, row) in rows.iter().enumerate() {
        b.push_row(i as u64 + 2, row);
    }
    b.finish()
}

/// The A-label (ASCII, `xn--`) form of a domain under strict UTS #46 rules, or `None`
/// when it is not a valid domain name.
pub fn domain_to_ascii(domain: &str) -> Option<String> {
    host::to_ascii(domain)
}

/// The Unicode form of a domain for display, or `None` when it is not valid.
pub fn domain_to_unicode(domain: &str) -> Option<String> {
    host::to_unicode(domain)
}

/// The E.164 form of a phone number when libphonenumber reads it as valid, else
/// `None`. National input (`020 7946 0958`) is read with `region` (ISO alpha-2) as
/// the default, as are its international prefix and a leading country code without
/// `+`; the text is read as libphonenumber reads it (text around the number, any
/// script's digits, vanity letters, RFC 3966). One deliberate difference: a number
/// with an extension (`... ext 5`) gives `None`, since its E.164 form would drop the
/// extension. Unlike `prepare` this adds no extras (NFKC folding, `00` from any
/// region): it is the numbering-plan rule alone.
pub fn phone_e164(input: &str, region: Option<&str>) -> Option<String> {
    phone::e164_of(input, region)
}

/// Versions of the reference data compiled in, for `--version` and the bindings.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DataVersions {
    pub phone_metadata: &'static str,
    pub public_suffix_list: &'static str,
    pub address_data: &'static str,
}

/// What reference data this build carries.
pub fn data_versions() -> DataVersions {
    DataVersions {
        phone_metadata: data::PHONE_SOURCE,
        public_suffix_list: data::PSL_SOURCE,
        address_data: data::COUNTRY_SOURCE,
    }
}
