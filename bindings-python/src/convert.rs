//! Python objects -> `serde_json::Value`, under the core's depth limit and the
//! options' size budget, without running into Python's recursion limit or Rust's stack.
//!
//! Rules (documented in the package README):
//! - `None`, `bool` (before `int`), `int`, `float`, `str` map to their JSON
//!   counterparts; `dict`/`Mapping` to objects (key order kept); `list`, `tuple` and
//!   other `Sequence`s (not `str`/`bytes`) to arrays.
//! - `int`s outside the 64-bit range become the nearest float (`±1.7976931348623157e308`
//!   beyond the float range); NaN and infinities become `null`.
//! - other `numbers.Integral` go through `__index__`; other `numbers.Real` and
//!   `decimal.Decimal` through `__float__`.
//! - mapping keys: `str` as is; `int`, `float`, `bool` and `None` as `json.dumps`
//!   writes them (`1` -> `"1"`, `True` -> `"true"`, `None` -> `"null"`); any other key
//!   is an `InputError`.
//! - anything else (bytes below the top level, sets, datetimes, arbitrary objects)
//!   becomes an empty list: the core reports it `wrong_type` where a text, number or
//!   boolean is expected and `not_an_object` where an object is.
//! - deeper than `MAX_DEPTH` -> the core's `too_deep` (a recursive structure ends
//!   there); more than `max_input_bytes` (UTF-8 bytes of text and keys, plus one per
//!   value) -> `input_too_large`, both at `""`.
//! - an exception raised by the input's own code (`__iter__`, `__getitem__`, `items`,
//!   `__index__`, ...) or text with unpaired surrogates -> `mailinfra.InputError`.

use mailinfra::limits::{MAX_DEPTH, MAX_OPTIONS_BYTES};
use mailinfra::{Issue, Options};
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMemoryView, PyString, PyTuple,
    PyType,
};
use serde_json::{Map, Number, Value};

/// One order, ready for the core.
pub enum Input {
    /// A converted Python tree.
    Value(Value),
    /// JSON text (`str`, `bytes`, `bytearray`): the core applies its own limits.
    Text(Vec<u8>),
    /// Refused before reaching the core (over the size budget).
    Refused(Box<Issue>),
}

pub enum Seg {
    Key(String),
    Index(usize),
}

enum Stop {
    TooLarge,
    TooDeep,
    /// The input's own code raised, or it cannot be represented; the path is
    /// collected innermost first while unwinding.
    Fail(PyErr, Vec<Seg>),
}

impl Stop {
    fn at(mut self, seg: impl FnOnce() -> Seg) -> Self {
        if let Stop::Fail(_, path) = &mut self {
            path.push(seg());
        }
        self
    }
}

impl From<PyErr> for Stop {
    fn from(e: PyErr) -> Self {
        Stop::Fail(e, Vec::new())
    }
}

static INPUT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static MAPPING: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SEQUENCE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INTEGRAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static REAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Converts one order argument.
pub fn input(order: &Bound<'_, PyAny>, opts: &Options) -> PyResult<Input> {
    input_at(order, opts, None)
}

/// Converts every order of an iterable (for `check_many` / `prepare_many`).
pub fn inputs(orders: &Bound<'_, PyAny>, opts: &Options) -> PyResult<Vec<Input>> {
    let py = orders.py();
    if orders.is_instance_of::<PyString>()
        || orders.is_instance_of::<PyBytes>()
        || orders.is_instance_of::<PyByteArray>()
        || orders.is_instance_of::<PyDict>()
        || orders.is_instance(MAPPING.import(py, "collections.abc", "Mapping")?)?
    {
        return Err(PyTypeError::new_err(
            "expected an iterable of orders (e.g. a list of dicts or of JSON strings), \
             not a single order",
        ));
    }
    let mut out = Vec::new();
    for (i, order) in orders.try_iter()?.enumerate() {
        out.push(input_at(&order?, opts, Some(i))?);
    }
    Ok(out)
}

fn input_at(order: &Bound<'_, PyAny>, opts: &Options, index: Option<usize>) -> PyResult<Input> {
    let py = order.py();
    if let Ok(s) = order.cast::<PyString>() {
        return Ok(Input::Text(match s.to_cow() {
            Ok(t) => t.into_owned().into_bytes(),
            // Unpaired surrogates: not UTF-8, so the core reports invalid_json.
            Err(_) => s
                .call_method1("encode", ("utf-8", "surrogatepass"))?
                .cast::<PyBytes>()?
                .as_bytes()
                .to_vec(),
        }));
    }
    if let Ok(b) = order.cast::<PyBytes>() {
        return Ok(Input::Text(b.as_bytes().to_vec()));
    }
    if let Ok(b) = order.cast::<PyByteArray>() {
        return Ok(Input::Text(b.to_vec()));
    }
    let mut c = Converter {
        py,
        budget: opts.max_input_bytes,
        options: false,
    };
    match c.value(order, 0) {
        Ok(v) => Ok(Input::Value(v)),
        Err(Stop::TooLarge) => Ok(Input::Refused(Box::new(Issue::input_too_large(
            None,
            opts.max_input_bytes,
        )))),
        Err(Stop::TooDeep) => Ok(Input::Refused(Box::new(Issue::too_deep()))),
        Err(Stop::Fail(err, mut path)) => {
            path.reverse();
            Err(input_error(py, err, &path, index))
        }
    }
}

/// Converts the parts of one input (`build_order`'s registrant and rows) under one
/// shared budget. `Ok(Err(issue))` is a refusal (`input_too_large` or the core's
/// `too_deep`); an input error names the part (`/registrant`, `/rows/3`).
pub fn parts<'py>(
    parts: Vec<(Seg, Bound<'py, PyAny>)>,
    opts: &Options,
) -> PyResult<Result<Vec<Value>, Box<Issue>>> {
    let Some(first) = parts.first() else {
        return Ok(Ok(Vec::new()));
    };
    let py = first.1.py();
    let mut c = Converter {
        py,
        budget: opts.max_input_bytes,
        options: false,
    };
    let mut out = Vec::with_capacity(parts.len());
    for (seg, obj) in parts {
        match c.value(&obj, 0) {
            Ok(v) => out.push(v),
            Err(Stop::TooLarge) => {
                return Ok(Err(Box::new(Issue::input_too_large(
                    None,
                    opts.max_input_bytes,
                ))))
            }
            Err(Stop::TooDeep) => return Ok(Err(Box::new(Issue::too_deep()))),
            Err(Stop::Fail(err, mut path)) => {
                path.push(seg);
                path.reverse();
                return Err(input_error(py, err, &path, None));
            }
        }
    }
    Ok(Ok(out))
}

/// Keyword options as a JSON object for the core's reader, converted like an order
/// (within [`MAX_OPTIONS_BYTES`]) except as [`Converter::options`] says. An exception
/// the value's own code raises propagates.
pub fn options(fname: &str, kwargs: &Bound<'_, PyDict>) -> PyResult<Value> {
    let mut c = Converter {
        py: kwargs.py(),
        budget: MAX_OPTIONS_BYTES,
        options: true,
    };
    match c.value(kwargs.as_any(), 0) {
        Ok(v) => Ok(v),
        Err(Stop::TooLarge | Stop::TooDeep) => Err(PyValueError::new_err(format!(
            "{fname}(): options larger than {MAX_OPTIONS_BYTES} bytes or nested deeper than {MAX_DEPTH} levels"
        ))),
        Err(Stop::Fail(err, _)) => Err(err),
    }
}

fn pointer(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        out.push('/');
        match seg {
            Seg::Index(i) => out.push_str(&i.to_string()),
            Seg::Key(k) => out.push_str(&k.replace('~', "~0").replace('/', "~1")),
        }
    }
    out
}

fn input_error(py: Python<'_>, err: PyErr, path: &[Seg], index: Option<usize>) -> PyErr {
    // KeyboardInterrupt, SystemExit and the like are not input problems.
    if !err.is_instance_of::<PyException>(py) {
        return err;
    }
    let ptr = pointer(path);
    let place = match (index, ptr.is_empty()) {
        (None, true) => "the order".to_string(),
        (None, false) => format!("{ptr:?}"),
        (Some(i), true) => format!("orders[{i}]"),
        (Some(i), false) => format!("orders[{i}] at {ptr:?}"),
    };
    let msg = format!("cannot read {place}: {err}");
    let made = INPUT_ERROR
        .import(py, "mailinfra._errors", "InputError")
        .and_then(|cls| cls.call1((msg, ptr, index)));
    match made {
        Ok(e) => {
            let e = PyErr::from_value(e);
            e.set_cause(py, Some(err));
            e
        }
        Err(e) => e,
    }
}

/// Most members or items a map or list is sized for before reading them (an order
/// has 14 fields).
const PRESIZE: usize = 64;

struct Converter<'py> {
    py: Python<'py>,
    /// Bytes still allowed (text and keys in UTF-8, plus one per value).
    budget: usize,
    /// Reading keyword options: any iterable is a list (`allowed_tlds={"com"}`), and
    /// what JSON cannot carry is an empty object, a type no option takes, so the core's
    /// reader names the option and the type it wants.
    options: bool,
}

impl<'py> Converter<'py> {
    fn charge(&mut self, n: usize) -> Result<(), Stop> {
        match self.budget.checked_sub(n) {
            Some(rest) => {
                self.budget = rest;
                Ok(())
            }
            None => Err(Stop::TooLarge),
        }
    }

    fn value(&mut self, o: &Bound<'py, PyAny>, depth: usize) -> Result<Value, Stop> {
        self.charge(1)?;
        if o.is_none() {
            return Ok(Value::Null);
        }
        if let Ok(s) = o.cast::<PyString>() {
            return Ok(Value::String(self.text(s)?));
        }
        // bool before int: bool is an int subclass.
        if let Ok(b) = o.cast::<PyBool>() {
            return Ok(Value::Bool(b.is_true()));
        }
        if o.is_instance_of::<PyInt>() {
            return Ok(self.int(o));
        }
        if let Ok(f) = o.cast::<PyFloat>() {
            return Ok(float(f.value()));
        }
        if let Ok(d) = o.cast::<PyDict>() {
            self.enter(depth)?;
            // A snapshot: the input's own code cannot change it while we walk.
            return self.object(d.items().iter().map(Ok), depth);
        }
        if let Ok(l) = o.cast::<PyList>() {
            self.enter(depth)?;
            return self.array(l.iter().map(Ok), depth);
        }
        if let Ok(t) = o.cast::<PyTuple>() {
            self.enter(depth)?;
            return self.array(t.iter().map(Ok), depth);
        }
        if o.is_instance_of::<PyBytes>()
            || o.is_instance_of::<PyByteArray>()
            || o.is_instance_of::<PyMemoryView>()
        {
            return Ok(self.unsupported());
        }
        self.other(o, depth)
    }

    /// The slower path: abstract base classes and numeric protocols.
    fn other(&mut self, o: &Bound<'py, PyAny>, depth: usize) -> Result<Value, Stop> {
        let py = self.py;
        if o.is_instance(MAPPING.import(py, "collections.abc", "Mapping")?)? {
            self.enter(depth)?;
            let items = o.call_method0("items")?.try_iter()?;
            return self.object(items.map(|i| i.map_err(Stop::from)), depth);
        }
        if o.is_instance(SEQUENCE.import(py, "collections.abc", "Sequence")?)? {
            self.enter(depth)?;
            let items = o.try_iter()?;
            return self.array(items.map(|i| i.map_err(Stop::from)), depth);
        }
        if o.is_instance(INTEGRAL.import(py, "numbers", "Integral")?)? {
            let i = o.call_method0("__index__")?;
            if i.is_instance_of::<PyInt>() {
                return Ok(self.int(&i));
            }
            return Err(PyTypeError::new_err("__index__ returned a non-int").into());
        }
        if o.is_instance(REAL.import(py, "numbers", "Real")?)?
            || o.is_instance(DECIMAL.import(py, "decimal", "Decimal")?)?
        {
            let f = o.call_method0("__float__")?;
            return match f.cast::<PyFloat>() {
                Ok(f) => Ok(float(f.value())),
                Err(_) => Err(PyTypeError::new_err("__float__ returned a non-float").into()),
            };
        }
        if self.options {
            if let Ok(items) = o.try_iter() {
                self.enter(depth)?;
                return self.array(items.map(|i| i.map_err(Stop::from)), depth);
            }
        }
        Ok(self.unsupported())
    }

    fn enter(&self, depth: usize) -> Result<(), Stop> {
        if depth >= MAX_DEPTH {
            Err(Stop::TooDeep)
        } else {
            Ok(())
        }
    }

    fn object(
        &mut self,
        items: impl Iterator<Item = Result<Bound<'py, PyAny>, Stop>>,
        depth: usize,
    ) -> Result<Value, Stop> {
        // Sized up front (a dict's items are counted): growing rehashes every key.
        // Capped, so a huge input allocates only as it is read (and charged).
        let mut map = Map::with_capacity(items.size_hint().0.min(PRESIZE));
        for item in items {
            let item = item?;
            let (k, v) = item
                .cast::<PyTuple>()
                .ok()
                .filter(|t| t.len() == 2)
                .map(|t| (t.get_item(0), t.get_item(1)))
                .ok_or_else(|| {
                    Stop::from(PyTypeError::new_err(
                        "items() must yield (key, value) pairs",
                    ))
                })?;
            let key = self.key(&k?)?;
            let value = match self.value(&v?, depth + 1) {
                Ok(v) => v,
                Err(e) => return Err(e.at(|| Seg::Key(key))),
            };
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }

    fn array(
        &mut self,
        items: impl Iterator<Item = Result<Bound<'py, PyAny>, Stop>>,
        depth: usize,
    ) -> Result<Value, Stop> {
        let mut out = Vec::with_capacity(items.size_hint().0.min(PRESIZE));
        for (i, item) in items.enumerate() {
            let v = item.and_then(|item| self.value(&item, depth + 1));
            out.push(v.map_err(|e| e.at(|| Seg::Index(i)))?);
        }
        Ok(Value::Array(out))
    }

    fn key(&mut self, k: &Bound<'py, PyAny>) -> Result<String, Stop> {
        let py = self.py;
        let s = if let Ok(s) = k.cast::<PyString>() {
            return self.text(s);
        } else if let Ok(b) = k.cast::<PyBool>() {
            if b.is_true() { "true" } else { "false" }.to_string()
        } else if k.is_none() {
            "null".to_string()
        } else if k.is_instance_of::<PyInt>() {
            // int.__repr__, not the subclass's: what json.dumps writes.
            let r = py.get_type::<PyInt>().call_method1("__repr__", (k,))?;
            r.cast::<PyString>()
                .map_err(PyErr::from)?
                .to_cow()?
                .into_owned()
        } else if let Ok(f) = k.cast::<PyFloat>() {
            let v = f.value();
            if v.is_nan() {
                "NaN".to_string()
            } else if v.is_infinite() {
                if v > 0.0 { "Infinity" } else { "-Infinity" }.to_string()
            } else {
                let r = py.get_type::<PyFloat>().call_method1("__repr__", (k,))?;
                r.cast::<PyString>()
                    .map_err(PyErr::from)?
                    .to_cow()?
                    .into_owned()
            }
        } else {
            let t = k
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default();
            return Err(PyTypeError::new_err(format!(
                "mapping keys must be str (or int, float, bool, None), not {t}"
            ))
            .into());
        };
        self.charge(s.len())?;
        Ok(s)
    }

    fn text(&mut self, s: &Bound<'py, PyString>) -> Result<String, Stop> {
        let t = s.to_cow()?;
        self.charge(t.len())?;
        Ok(t.into_owned())
    }

    fn int(&self, i: &Bound<'py, PyAny>) -> Value {
        if let Ok(v) = i.extract::<i64>() {
            return Value::from(v);
        }
        if let Ok(v) = i.extract::<u64>() {
            return Value::from(v);
        }
        // Beyond 64 bits: the nearest float, clamped to the float range.
        let int_type = self.py.get_type::<PyInt>();
        let f = int_type
            .call_method1("__float__", (i,))
            .and_then(|f| f.extract::<f64>())
            .unwrap_or_else(|_| {
                let negative = int_type
                    .call_method1("__lt__", (i, 0))
                    .and_then(|b| b.extract::<bool>())
                    .unwrap_or(false);
                if negative {
                    -f64::MAX
                } else {
                    f64::MAX
                }
            });
        float(f)
    }
}

fn float(f: f64) -> Value {
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

impl Converter<'_> {
    fn unsupported(&self) -> Value {
        if self.options {
            Value::Object(Map::new())
        } else {
            Value::Array(Vec::new())
        }
    }
}
