//! Keyword options (snake_case) -> [`mailinfra::Options`].

use mailinfra::Options;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyString};

/// The option names every function accepts, in the contract's order.
pub const NAMES: [&str; 6] = [
    "max_domains",
    "max_mailboxes_per_domain",
    "max_input_bytes",
    "allowed_tlds",
    "allow_idn",
    "warnings_as_errors",
];

/// Parses `**options`; an unknown name or a value of the wrong type is a `TypeError`,
/// a negative count a `ValueError`.
pub fn parse(fname: &str, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut o = Options::default();
    let Some(kw) = kwargs else {
        return Ok(o);
    };
    for (k, v) in kw.iter() {
        let key = k.cast::<PyString>()?.to_cow()?;
        match key.as_ref() {
            "max_domains" => o.max_domains = count(fname, &key, &v)?,
            "max_mailboxes_per_domain" => {
                o.max_mailboxes_per_domain = if v.is_none() {
                    None
                } else {
                    Some(count(fname, &key, &v)?)
                }
            }
            "max_input_bytes" => o.max_input_bytes = count(fname, &key, &v)?,
            "allowed_tlds" => {
                o.allowed_tlds = if v.is_none() {
                    None
                } else {
                    Some(tlds(fname, &v)?)
                }
            }
            "allow_idn" => o.allow_idn = flag(fname, &key, &v)?,
            "warnings_as_errors" => o.warnings_as_errors = flag(fname, &key, &v)?,
            other => {
                let hint = closest(other)
                    .map(|n| format!(" (did you mean '{n}'?)"))
                    .unwrap_or_default();
                return Err(PyTypeError::new_err(format!(
                    "{fname}() got an unexpected keyword argument '{other}'{hint}; \
                     options are {}",
                    NAMES.join(", ")
                )));
            }
        }
    }
    Ok(o)
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

fn count(fname: &str, key: &str, v: &Bound<'_, PyAny>) -> PyResult<usize> {
    if v.is_instance_of::<PyBool>() || !v.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "{fname}(): option '{key}' must be an int, not {}",
            type_name(v)
        )));
    }
    v.extract::<usize>().map_err(|_| {
        PyValueError::new_err(format!(
            "{fname}(): option '{key}' must be a non-negative int that fits in 64 bits"
        ))
    })
}

fn flag(fname: &str, key: &str, v: &Bound<'_, PyAny>) -> PyResult<bool> {
    v.cast::<PyBool>().map(|b| b.is_true()).map_err(|_| {
        PyTypeError::new_err(format!(
            "{fname}(): option '{key}' must be True or False, not {}",
            type_name(v)
        ))
    })
}

fn tlds(fname: &str, v: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let wrong = || {
        PyTypeError::new_err(format!(
            "{fname}(): option 'allowed_tlds' must be a list of str (e.g. [\"com\", \"net\"]), not {}",
            type_name(v)
        ))
    };
    if v.is_instance_of::<PyString>() {
        return Err(wrong());
    }
    let mut out = Vec::new();
    for item in v.try_iter().map_err(|_| wrong())? {
        let item = item?;
        let s = item.cast::<PyString>().map_err(|_| wrong())?;
        out.push(s.to_cow()?.into_owned());
    }
    Ok(out)
}

/// The option name nearest to a misspelt one (camelCase, a missing letter...).
fn closest(name: &str) -> Option<&'static str> {
    let squash = |s: &str| s.replace('_', "").to_ascii_lowercase();
    let n = squash(name);
    NAMES
        .iter()
        .map(|c| (levenshtein(&n, &squash(c)), *c))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}
