//! Python bindings of the `mailinfra` core: conversion and error mapping only.
//!
//! Python objects become `serde_json::Value`s under an explicit depth limit
//! ([`mailinfra::limits::MAX_DEPTH`]) and size budget (`max_input_bytes`), the core
//! runs with the GIL released, and its reports come back as `Report` / `Issue`
//! objects. No rule of the order contract lives here.
#![forbid(unsafe_code)]

mod convert;
mod output;

use mailinfra::{IssueCode, Options, Report, Spelling};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use convert::Input;
use output::{issue_list, PyIssue, PyReport};

/// Keyword options through the core's reader: a value out of range is a `ValueError`,
/// an unknown name (with the core's near miss) or a wrong type a `TypeError`.
fn read_options(fname: &str, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let Some(kwargs) = kwargs else {
        return Ok(Options::default());
    };
    Options::from_value_in(&convert::options(fname, kwargs)?, Spelling::Snake).map_err(|e| {
        let msg = format!("{fname}(): {e}");
        if e.is_out_of_range() {
            PyValueError::new_err(msg)
        } else {
            PyTypeError::new_err(msg)
        }
    })
}

/// Runs the core on one converted input (the GIL is released by the caller).
fn run(input: &Input, prepare: bool, opts: &Options) -> Report {
    match (input, prepare) {
        (Input::Value(v), false) => mailinfra::check(v, opts),
        (Input::Value(v), true) => mailinfra::prepare(v, opts),
        (Input::Text(b), false) => mailinfra::check_bytes(b, opts),
        (Input::Text(b), true) => mailinfra::prepare_bytes(b, opts),
        (Input::Refused(i), _) => Report::refused((**i).clone()),
    }
}

/// Runs the core over a batch on the calling thread (the GIL is released by the
/// caller, so other Python threads run meanwhile, including other batches).
fn run_all(inputs: &[Input], prepare: bool, opts: &Options) -> Vec<Report> {
    inputs.iter().map(|i| run(i, prepare, opts)).collect()
}

fn one<'py>(
    py: Python<'py>,
    fname: &str,
    order: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
    prepare: bool,
) -> PyResult<Bound<'py, PyReport>> {
    let opts = read_options(fname, kwargs)?;
    let input = convert::input(order, &opts)?;
    let report = py.detach(|| run(&input, prepare, &opts));
    PyReport::build(py, report)
}

fn many<'py>(
    py: Python<'py>,
    fname: &str,
    orders: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
    prepare: bool,
) -> PyResult<Bound<'py, PyList>> {
    let opts = read_options(fname, kwargs)?;
    let inputs = convert::inputs(orders, &opts)?;
    let reports = py.detach(|| run_all(&inputs, prepare, &opts));
    let list = PyList::empty(py);
    for r in reports {
        list.append(PyReport::build(py, r)?)?;
    }
    Ok(list)
}

/// check(order, **options) -> Report
#[pyfunction]
#[pyo3(signature = (order, **options))]
fn check<'py>(
    py: Python<'py>,
    order: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyReport>> {
    one(py, "check", order, options, false)
}

/// prepare(order, **options) -> Report
#[pyfunction]
#[pyo3(signature = (order, **options))]
fn prepare<'py>(
    py: Python<'py>,
    order: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyReport>> {
    one(py, "prepare", order, options, true)
}

/// check_many(orders, **options) -> list[Report]
#[pyfunction]
#[pyo3(signature = (orders, **options))]
fn check_many<'py>(
    py: Python<'py>,
    orders: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    many(py, "check_many", orders, options, false)
}

/// prepare_many(orders, **options) -> list[Report]
#[pyfunction]
#[pyo3(signature = (orders, **options))]
fn prepare_many<'py>(
    py: Python<'py>,
    orders: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    many(py, "prepare_many", orders, options, true)
}

/// check_field(order, pointer, **options) -> list[Issue]
#[pyfunction]
#[pyo3(signature = (order, pointer, **options))]
fn check_field<'py>(
    py: Python<'py>,
    order: &Bound<'py, PyAny>,
    pointer: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let opts = read_options("check_field", options)?;
    let input = convert::input(order, &opts)?;
    let pointer = pointer.to_owned();
    // A pointer to no field of the order is the caller's mistake: `ValueError`.
    mailinfra::check_field_reads(&pointer)
        .map_err(|e| PyValueError::new_err(format!("check_field(): {e}")))?;
    let issues = py.detach(|| match &input {
        Input::Value(v) => mailinfra::check_field(v, &pointer, &opts),
        Input::Text(b) => match mailinfra::parse_bytes(b, &opts) {
            Ok(v) => mailinfra::check_field(&v, &pointer, &opts),
            // Like the core on a too-deep value: a refused input has no field issues.
            Err(_) => Ok(Vec::new()),
        },
        Input::Refused(_) => Ok(Vec::new()),
    });
    issue_list(py, issues.unwrap_or_default())
}

/// suggest_mailboxes(first_name, last_name, domain, count, *, esp=None, exclude=())
/// -> {"addresses": list[str], "issues": list[Issue]}
#[pyfunction]
#[pyo3(signature = (first_name, last_name, domain, count, *, esp = None, exclude = Vec::new()))]
fn suggest_mailboxes<'py>(
    py: Python<'py>,
    first_name: &str,
    last_name: &str,
    domain: &str,
    count: &Bound<'py, PyAny>,
    esp: Option<&str>,
    exclude: Vec<String>,
) -> PyResult<Bound<'py, PyDict>> {
    if count.is_instance_of::<pyo3::types::PyBool>()
        || !count.is_instance_of::<pyo3::types::PyInt>()
    {
        return Err(PyTypeError::new_err(
            "suggest_mailboxes(): count must be an int",
        ));
    }
    // Beyond 64 bits: the nearest i64, which the core reports as out of range.
    let count = count.extract::<i64>().unwrap_or_else(|_| {
        if count.lt(0).unwrap_or(false) {
            i64::MIN
        } else {
            i64::MAX
        }
    });
    let s = mailinfra::suggest_mailboxes(&mailinfra::SuggestRequest {
        first_name,
        last_name,
        domain,
        count,
        esp: esp.and_then(mailinfra::Esp::from_loose),
        exclude: &exclude,
    });
    let d = PyDict::new(py);
    d.set_item("addresses", s.addresses)?;
    d.set_item("issues", issue_list(py, s.issues)?)?;
    Ok(d)
}

/// build_order(registrant, rows, *, esp=None, plan=None, **options) -> Report
#[pyfunction]
#[pyo3(signature = (registrant, rows, *, esp = None, plan = None, **options))]
fn build_order<'py>(
    py: Python<'py>,
    registrant: &Bound<'py, PyAny>,
    rows: &Bound<'py, PyAny>,
    esp: Option<&str>,
    plan: Option<&str>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyReport>> {
    let opts = read_options("build_order", options)?;
    if rows.is_instance_of::<pyo3::types::PyString>() || rows.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(
            "build_order(): rows must be an iterable of mappings (e.g. csv.DictReader)",
        ));
    }
    let mut parts = vec![(convert::Seg::Key("registrant".into()), registrant.clone())];
    for (i, row) in rows.try_iter()?.enumerate() {
        parts.push((convert::Seg::Index(i), row?));
    }
    let values = match convert::parts(parts, &opts)? {
        Ok(v) => v,
        Err(issue) => return PyReport::build(py, Report::refused(*issue)),
    };
    let mut values = values.into_iter();
    let registrant = values.next().unwrap_or(serde_json::Value::Null);
    let mut maps = Vec::new();
    for (i, v) in values.enumerate() {
        match v {
            serde_json::Value::Object(m) => maps.push(m),
            _ => {
                return Err(PyTypeError::new_err(format!(
                    "build_order(): rows[{i}] is not a mapping of column to value"
                )))
            }
        }
    }
    let esp = esp.map(str::to_owned);
    let plan = plan.map(str::to_owned);
    let r = py.detach(|| {
        mailinfra::build_order(&registrant, &maps, esp.as_deref(), plan.as_deref(), &opts)
    });
    PyReport::build_rows(py, r)
}

/// address_format(country) -> dict | None
#[pyfunction]
fn address_format<'py>(py: Python<'py>, country: &str) -> PyResult<Option<Bound<'py, PyDict>>> {
    let Some(f) = mailinfra::address_format(country) else {
        return Ok(None);
    };
    let d = PyDict::new(py);
    d.set_item("country", f.country)?;
    d.set_item("name", f.name)?;
    d.set_item("state_required", f.state_required)?;
    d.set_item("state_label", f.state_label)?;
    let states = PyList::empty(py);
    for s in f.states {
        let sd = PyDict::new(py);
        sd.set_item("key", s.key)?;
        sd.set_item("name", s.name)?;
        states.append(sd)?;
    }
    d.set_item("states", states)?;
    d.set_item("postal_code_used", f.postal_code_used)?;
    d.set_item("postal_code_required", f.postal_code_required)?;
    d.set_item("postal_code_label", f.postal_code_label)?;
    d.set_item("postal_code_example", f.postal_code_example)?;
    Ok(Some(d))
}

/// countries() -> list[dict]  (code, name), sorted by code
#[pyfunction]
fn countries(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for c in mailinfra::countries() {
        let d = PyDict::new(py);
        d.set_item("code", c.code)?;
        d.set_item("name", c.name)?;
        list.append(d)?;
    }
    Ok(list)
}

/// domain_to_ascii(domain) -> str | None
#[pyfunction]
fn domain_to_ascii(domain: &str) -> Option<String> {
    mailinfra::domain_to_ascii(domain)
}

/// domain_to_unicode(domain) -> str | None
#[pyfunction]
fn domain_to_unicode(domain: &str) -> Option<String> {
    mailinfra::domain_to_unicode(domain)
}

/// data_versions() -> dict
#[pyfunction]
fn data_versions(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let v = mailinfra::data_versions();
    let d = PyDict::new(py);
    d.set_item("phone_metadata", v.phone_metadata)?;
    d.set_item("public_suffix_list", v.public_suffix_list)?;
    d.set_item("address_data", v.address_data)?;
    Ok(d)
}

/// issue_codes() -> list[str]: every issue code the core can report.
#[pyfunction]
fn issue_codes() -> Vec<&'static str> {
    IssueCode::ALL.iter().map(|c| c.as_str()).collect()
}

#[pymodule]
fn _mailinfra(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyIssue>()?;
    m.add_class::<PyReport>()?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(prepare, m)?)?;
    m.add_function(wrap_pyfunction!(check_many, m)?)?;
    m.add_function(wrap_pyfunction!(prepare_many, m)?)?;
    m.add_function(wrap_pyfunction!(check_field, m)?)?;
    m.add_function(wrap_pyfunction!(suggest_mailboxes, m)?)?;
    m.add_function(wrap_pyfunction!(build_order, m)?)?;
    m.add_function(wrap_pyfunction!(address_format, m)?)?;
    m.add_function(wrap_pyfunction!(countries, m)?)?;
    m.add_function(wrap_pyfunction!(domain_to_ascii, m)?)?;
    m.add_function(wrap_pyfunction!(domain_to_unicode, m)?)?;
    m.add_function(wrap_pyfunction!(data_versions, m)?)?;
    m.add_function(wrap_pyfunction!(issue_codes, m)?)?;
    m.add_function(wrap_pyfunction!(output::_issue_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(output::_report_from_parts, m)?)?;
    m.add("MAX_DEPTH", mailinfra::limits::MAX_DEPTH)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
