//! JS value -> `serde_json::Value`, bounded and total: never throws, never traps.
//!
//! Like `JSON.stringify` for plain data: own enumerable string keys in
//! `Object.keys` order, `undefined` members omitted, `undefined` array elements and
//! non-finite numbers become `null`. Unlike it, it refuses (with a [`Refusal`])
//! instead of throwing: nesting beyond the core's depth limit (which also catches
//! cycles), more bytes than the budget, and values JSON has no form for (BigInt,
//! symbols, functions) or that throw when read (getters, proxies).

use mailinfra::limits::MAX_DEPTH;
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::*;

/// Longest string accepted as a plain argument (pointer, country, domain): the
/// default input limit; longer ones are treated like any other non-value.
pub const MAX_STRING_ARG: usize = 1 << 20;

/// Charged for every value read, on top of its JSON bytes.
pub const PER_VALUE: usize = 8;

// Every import that can run user code (getters, proxy traps) is `catch`: a JS
// exception must never unwind through wasm frames.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(v: &JsValue) -> Result<Vec<JsValue>, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn array_is_array(v: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;

    /// A JS string primitive (only used after `is_string()`).
    type JsStr;
    #[wasm_bindgen(method, getter)]
    fn length(this: &JsStr) -> u32;

    /// The host's UTF-8 encoder: `encodeInto` copies a string natively, where
    /// wasm-bindgen's own copy (`as_string`) loops over it one character at a time.
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, s: &JsValue, dest: &mut [u8]) -> Encoded;
    /// `encodeInto`'s answer: UTF-16 units read, bytes written.
    type Encoded;
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;

    #[wasm_bindgen(js_name = TypeError)]
    type JsTypeError;
    #[wasm_bindgen(constructor, js_class = "TypeError")]
    fn new(message: &str) -> JsTypeError;
}

/// A `TypeError` to throw (returned as `Err`, thrown by the glue after wasm returns).
pub fn type_error(message: &str) -> JsValue {
    JsTypeError::new(message).into()
}

/// Why an input was refused while it was read.
#[derive(Debug)]
pub enum Refusal {
    /// Over the byte budget (`input_too_large`).
    TooLarge,
    /// Deeper than the core's limit, or cyclic (`too_deep`).
    TooDeep,
    /// Nothing JSON can represent; the text says what and where (`invalid_json`).
    NotJson(String),
}

impl Refusal {
    pub fn describe(&self) -> String {
        match self {
            Refusal::TooLarge => "too large".into(),
            Refusal::TooDeep => format!("nested deeper than {MAX_DEPTH} levels or cyclic"),
            Refusal::NotJson(what) => what.clone(),
        }
    }
}

/// Length of a JS string in UTF-16 units, without copying it (0 for non-strings).
pub fn string_units(v: &JsValue) -> usize {
    if v.is_string() {
        v.unchecked_ref::<JsStr>().length() as usize
    } else {
        0
    }
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// A JS string's text (a lone surrogate becomes U+FFFD, as with `as_string`), copied
/// by the host's `TextEncoder`; `None` for other values.
pub fn text(v: &JsValue) -> Option<String> {
    if !v.is_string() {
        return None;
    }
    let units = string_units(v);
    // One byte per unit is enough for ASCII, most text here; three always are.
    for room in [units, units.saturating_mul(3)] {
        let mut buf = vec![0u8; room];
        let done = ENCODER.with(|e| e.encode_into(v, &mut buf));
        if done.read() as usize == units {
            buf.truncate(done.written() as usize);
            return String::from_utf8(buf).ok();
        }
    }
    None
}

/// A string argument of at most `max` UTF-16 units, copied; `None` otherwise.
pub fn short_string(v: &JsValue, max: usize) -> Option<String> {
    (string_units(v) <= max).then(|| text(v)).flatten()
}

/// Reads `v` under a budget: a lower bound of its compact JSON length plus
/// [`PER_VALUE`] bytes for each value (what a value costs in memory, roughly).
pub fn to_value(v: &JsValue, budget: usize) -> Result<Value, Refusal> {
    let mut w = Walk {
        left: budget,
        path: Vec::new(),
    };
    if v.is_undefined() {
        return Ok(Value::Null);
    }
    w.value(v, 0)
}

struct Walk {
    left: usize,
    path: Vec<String>,
}

impl Walk {
    fn charge(&mut self, n: usize) -> Result<(), Refusal> {
        self.left = self.left.checked_sub(n).ok_or(Refusal::TooLarge)?;
        Ok(())
    }

    fn here(&self) -> String {
        if self.path.is_empty() {
            return "the top level".into();
        }
        let mut p = String::new();
        for seg in &self.path {
            p.push('/');
            p.push_str(&seg.replace('~', "~0").replace('/', "~1"));
        }
        // Never echo more than ~80 characters of input.
        match p.char_indices().nth(80) {
            Some((i, _)) => format!("{}...", &p[..i]),
            None => p,
        }
    }

    fn not_json(&self, what: &str) -> Refusal {
        Refusal::NotJson(format!("{what} at {}", self.here()))
    }

    /// A string value or key, charged before it is copied into wasm memory.
    fn string(&mut self, v: &JsValue, extra: usize) -> Result<String, Refusal> {
        self.charge(string_units(v) + extra)?;
        let s = v.as_string().unwrap_or_default();
        // The UTF-8 copy may be longer than its UTF-16 units: charge the difference.
        self.charge(s.len().saturating_sub(string_units(v)))?;
        Ok(s)
    }

    fn value(&mut self, v: &JsValue, depth: usize) -> Result<Value, Refusal> {
        self.charge(PER_VALUE)?;
        if v.is_null() || v.is_undefined() {
            self.charge(4)?;
            return Ok(Value::Null);
        }
        if let Some(b) = v.as_bool() {
            self.charge(if b { 4 } else { 5 })?;
            return Ok(Value::Bool(b));
        }
        if let Some(f) = v.as_f64() {
            let n = number(f);
            self.charge(match &n {
                Value::Number(n) if !n.is_f64() => n.to_string().len(),
                _ => 1,
            })?;
            return Ok(n);
        }
        if v.is_string() {
            return Ok(Value::String(self.string(v, 2)?));
        }
        if v.is_bigint() {
            return Err(self.not_json("a BigInt"));
        }
        if v.is_symbol() {
            return Err(self.not_json("a symbol"));
        }
        if v.is_function() {
            return Err(self.not_json("a function"));
        }
        if !v.is_object() {
            return Err(self.not_json("a value of unknown type"));
        }
        // Entering a container at depth `depth`: the core refuses depth > MAX_DEPTH.
        if depth >= MAX_DEPTH {
            return Err(Refusal::TooDeep);
        }
        match array_is_array(v) {
            Ok(true) => self.array(v, depth),
            Ok(false) => self.object(v, depth),
            Err(_) => Err(self.not_json("an object that cannot be inspected")),
        }
    }

    fn array(&mut self, v: &JsValue, depth: usize) -> Result<Value, Refusal> {
        let len = reflect_get(v, &JsValue::from_str("length"))
            .map_err(|_| self.not_json("reading an array's length threw an exception"))?
            .as_f64()
            .unwrap_or(0.0);
        let len = if len.is_finite() && len > 0.0 {
            len as usize
        } else {
            0
        };
        // Brackets plus one byte per element (at least a comma or a digit).
        self.charge(2usize.saturating_add(len))?;
        let mut out = Vec::with_capacity(len.min(1024));
        for i in 0..len {
            self.path.push(i.to_string());
            let item = reflect_get(v, &JsValue::from(i as u32))
                .map_err(|_| self.not_json("reading the value threw an exception"))?;
            out.push(self.value(&item, depth + 1)?);
            self.path.pop();
        }
        Ok(Value::Array(out))
    }

    fn object(&mut self, v: &JsValue, depth: usize) -> Result<Value, Refusal> {
        let keys = object_keys(v)
            .map_err(|_| self.not_json("listing an object's keys threw an exception"))?;
        self.charge(2)?;
        let mut out = Map::new();
        for key in &keys {
            // Quotes, colon and comma around each member.
            let k = self.string(key, 4)?;
            self.path.push(k.clone());
            let item = reflect_get(v, key)
                .map_err(|_| self.not_json("reading the value threw an exception"))?;
            if !item.is_undefined() {
                let value = self.value(&item, depth + 1)?;
                out.insert(k, value);
            }
            self.path.pop();
        }
        Ok(Value::Object(out))
    }
}

/// A JS number as JSON would carry it: integral values as integers (as
/// `JSON.stringify` then the core's parser would read them), others as floats,
/// NaN and infinities as `null`.
fn number(f: f64) -> Value {
    const TWO_64: f64 = 18_446_744_073_709_551_616.0;
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if f.fract() == 0.0 && f.is_finite() {
        if (0.0..TWO_64).contains(&f) {
            return Value::Number(Number::from(f as u64));
        }
        if (-TWO_63..0.0).contains(&f) {
            return Value::Number(Number::from(f as i64));
        }
    }
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}
