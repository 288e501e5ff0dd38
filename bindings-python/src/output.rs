//! Core reports -> Python `Report` / `Issue` objects and plain values.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use mailinfra::{Issue, PathSeg, Report, Severity};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyList, PyString, PyTuple, PyType};
use serde_json::Value;

static ORDER_INVALID: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A JSON value as plain Python (`dict` keeps the key order).
pub fn value<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let l = PyList::empty(py);
            for x in a {
                l.append(value(py, x)?)?;
            }
            l.into_any()
        }
        Value::Object(o) => {
            let d = PyDict::new(py);
            for (k, x) in o {
                d.set_item(k, value(py, x)?)?;
            }
            d.into_any()
        }
    })
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// One problem with one value (immutable; equal when every field is equal).
#[pyclass(frozen, module = "mailinfra", name = "Issue")]
pub struct PyIssue {
    inner: Issue,
    /// `build_order` only: the spreadsheet row (the header is row 1) and column.
    row: Option<u64>,
    column: Option<String>,
}

impl PyIssue {
    fn new(inner: Issue) -> Self {
        PyIssue {
            inner,
            row: None,
            column: None,
        }
    }
}

#[pymethods]
impl PyIssue {
    /// RFC 6901 JSON Pointer to the value to change (`""` for the whole order).
    #[getter]
    fn pointer(&self) -> &str {
        &self.inner.pointer
    }

    /// The same location as a tuple of keys (str) and indices (int).
    #[getter]
    fn path<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let items = self
            .inner
            .path
            .iter()
            .map(|s| match s {
                PathSeg::Index(i) => Ok::<_, PyErr>(i.into_pyobject(py)?.into_any()),
                PathSeg::Key(k) => Ok(PyString::new(py, k).into_any()),
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, items)
    }

    /// Stable snake_case code, e.g. `"invalid_country"`.
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code.as_str()
    }

    /// `"error"` or `"warning"`.
    #[getter]
    fn severity(&self) -> &'static str {
        severity(self.inner.severity)
    }

    /// One English sentence for a person.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The corrected value when the fix is certain, else `None`.
    #[getter]
    fn suggestion<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.inner.suggestion {
            Some(v) => value(py, v),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// `build_order` only: the spreadsheet row of the issue (the header is row 1).
    #[getter]
    fn row(&self) -> Option<u64> {
        self.row
    }

    /// `build_order` only: the spreadsheet column of the issue.
    #[getter]
    fn column(&self) -> Option<&str> {
        self.column.as_deref()
    }

    /// `{"pointer", "path", "code", "severity", "message", "suggestion"?}`: the
    /// contract's JSON shape (`suggestion` only when there is one; `row` and
    /// `column` only from `build_order`, when known).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("pointer", &self.inner.pointer)?;
        d.set_item("path", PyList::new(py, self.path(py)?)?)?;
        d.set_item("code", self.code())?;
        d.set_item("severity", self.severity())?;
        d.set_item("message", &self.inner.message)?;
        if let Some(s) = &self.inner.suggestion {
            d.set_item("suggestion", value(py, s)?)?;
        }
        if let Some(r) = self.row {
            d.set_item("row", r)?;
        }
        if let Some(c) = &self.column {
            d.set_item("column", c)?;
        }
        Ok(d)
    }

    /// Pickling (e.g. for multiprocessing): the issue as the core's JSON.
    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (String, Option<u64>, Option<String>))> {
        let f = py
            .import("mailinfra._mailinfra")?
            .getattr("_issue_from_json")?;
        let json = serde_json::to_string(&self.inner)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        Ok((f, (json, self.row, self.column.clone())))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyIssue>().is_ok_and(|o| {
            let o = o.get();
            o.inner == self.inner && o.row == self.row && o.column == self.column
        })
    }

    fn __hash__(&self) -> u64 {
        let mut h = DefaultHasher::new();
        self.inner.pointer.hash(&mut h);
        self.inner.code.hash(&mut h);
        self.inner.severity.hash(&mut h);
        self.inner.message.hash(&mut h);
        self.row.hash(&mut h);
        self.column.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let r = |s: &str| -> PyResult<String> {
            Ok(PyString::new(py, s).repr()?.to_cow()?.into_owned())
        };
        let mut out = format!(
            "Issue(pointer={}, code={}, severity={}, message={}",
            r(&self.inner.pointer)?,
            r(self.code())?,
            r(self.severity())?,
            r(&self.inner.message)?
        );
        if self.inner.suggestion.is_some() {
            let s = self.suggestion(py)?.repr()?;
            out.push_str(&format!(", suggestion={}", s.to_cow()?));
        }
        if let Some(row) = self.row {
            out.push_str(&format!(", row={row}"));
        }
        if let Some(c) = &self.column {
            out.push_str(&format!(", column={}", r(c)?));
        }
        out.push(')');
        Ok(out)
    }
}

/// Builds `Issue` objects for a list of core issues.
pub fn issue_list(py: Python<'_>, issues: Vec<Issue>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for i in issues {
        list.append(Bound::new(py, PyIssue::new(i))?)?;
    }
    Ok(list)
}

/// The outcome of `check` or `prepare`.
#[pyclass(frozen, module = "mailinfra", name = "Report")]
pub struct PyReport {
    valid: bool,
    issues: Vec<Py<PyIssue>>,
    order: Option<Py<PyAny>>,
}

impl PyReport {
    pub fn build(py: Python<'_>, r: Report) -> PyResult<Bound<'_, PyReport>> {
        let order = match &r.order {
            Some(o) => Some(value(py, o)?.unbind()),
            None => None,
        };
        let issues = r
            .issues
            .into_iter()
            .map(|i| Py::new(py, PyIssue::new(i)))
            .collect::<PyResult<Vec<_>>>()?;
        Bound::new(
            py,
            PyReport {
                valid: r.valid,
                issues,
                order,
            },
        )
    }

    /// The report of `build_order`: issues located in the sheet, order always present.
    pub fn build_rows(py: Python<'_>, r: mailinfra::BuildReport) -> PyResult<Bound<'_, PyReport>> {
        let order = Some(value(py, &r.order)?.unbind());
        let issues = r
            .issues
            .into_iter()
            .map(|i| {
                Py::new(
                    py,
                    PyIssue {
                        inner: i.issue,
                        row: i.row,
                        column: i.column,
                    },
                )
            })
            .collect::<PyResult<Vec<_>>>()?;
        Bound::new(
            py,
            PyReport {
                valid: r.valid,
                issues,
                order,
            },
        )
    }

    fn filtered<'py>(&self, py: Python<'py>, s: Severity) -> PyResult<Bound<'py, PyList>> {
        PyList::new(
            py,
            self.issues
                .iter()
                .filter(|i| i.get().inner.severity == s)
                .map(|i| i.clone_ref(py)),
        )
    }
}

#[pymethods]
impl PyReport {
    /// True when no issue has severity `"error"`.
    #[getter]
    fn valid(&self) -> bool {
        self.valid
    }

    /// Every issue, in document order (a new list on each access).
    #[getter]
    fn issues<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.issues.iter().map(|i| i.clone_ref(py)))
    }

    /// The issues of severity `"error"`.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.filtered(py, Severity::Error)
    }

    /// The issues of severity `"warning"`.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.filtered(py, Severity::Warning)
    }

    /// The canonical order (a plain dict) from `prepare`; `None` from `check` and
    /// when the input was refused outright.
    #[getter]
    fn order<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyAny>> {
        self.order.as_ref().map(|o| o.bind(py).clone())
    }

    /// Raises `mailinfra.OrderInvalid` (carrying the errors) unless valid; returns
    /// the report itself otherwise, so `prepare(x).raise_for_errors().order` reads well.
    fn raise_for_errors(slf: Bound<'_, Self>) -> PyResult<Bound<'_, Self>> {
        let py = slf.py();
        let me = slf.get();
        if me.valid {
            return Ok(slf);
        }
        let cls = ORDER_INVALID.import(py, "mailinfra._errors", "OrderInvalid")?;
        let errors = me.filtered(py, Severity::Error)?;
        Err(PyErr::from_value(cls.call1((errors, slf.clone()))?))
    }

    /// Pickling (e.g. for multiprocessing).
    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(
        Bound<'py, PyAny>,
        (bool, Bound<'py, PyList>, Option<Bound<'py, PyAny>>),
    )> {
        let f = py
            .import("mailinfra._mailinfra")?
            .getattr("_report_from_parts")?;
        Ok((f, (self.valid, self.issues(py)?, self.order(py))))
    }

    /// `{"valid", "issues", "order"?}`: the contract's JSON shape.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("valid", self.valid)?;
        let issues = PyList::empty(py);
        for i in &self.issues {
            issues.append(i.get().to_dict(py)?)?;
        }
        d.set_item("issues", issues)?;
        if let Some(o) = &self.order {
            d.set_item("order", o.bind(py))?;
        }
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let issues = self.issues(py)?.repr()?;
        let mut out = format!(
            "Report(valid={}, issues={}",
            if self.valid { "True" } else { "False" },
            issues.to_cow()?
        );
        if let Some(o) = &self.order {
            out.push_str(&format!(", order={}", o.bind(py).repr()?.to_cow()?));
        }
        out.push(')');
        Ok(out)
    }
}

/// Unpickles an `Issue` (see `Issue.__reduce__`).
#[pyfunction]
#[pyo3(signature = (json, row = None, column = None))]
pub fn _issue_from_json(json: &str, row: Option<u64>, column: Option<String>) -> PyResult<PyIssue> {
    let inner: Issue = serde_json::from_str(json)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    Ok(PyIssue { inner, row, column })
}

/// Unpickles a `Report` (see `Report.__reduce__`).
#[pyfunction]
pub fn _report_from_parts(
    valid: bool,
    issues: Vec<Py<PyIssue>>,
    order: Option<Py<PyAny>>,
) -> PyReport {
    PyReport {
        valid,
        issues,
        order,
    }
}
