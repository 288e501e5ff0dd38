//! JSON text -> `serde_json::Value`, the value `serde_json::from_str` builds, in fewer
//! steps for what orders hold: a string without escapes is copied once from the text,
//! an object's members are gathered first (in one buffer for all objects) and its map
//! built at its final size (no regrowth, no rehashing). Anything less common (escapes, numbers other than plain
//! integers) is read by `serde_json` itself, and any text this reader does not accept
//! is left to `serde_json`, whose error message the refusal carries: so the value and
//! the errors are serde_json's by construction, and the tests compare the two.

use std::cell::RefCell;

use serde_json::{Map, Number, Value};

/// The deepest nesting serde_json accepts (its recursion limit is 128): deeper text
/// is left to it, and refused there.
const MAX_NESTING: usize = 127;

/// What [`parse`] read.
pub struct Read {
    pub value: Value,
    /// `text` is exactly `serde_json::to_string` of the value (no whitespace, escapes,
    /// repeated keys or numbers other than plain integers): a caller whose value comes
    /// out unchanged can copy the text instead of writing it again, and the value's
    /// compact size is the text's.
    pub compact: bool,
    /// The depth of the deepest list or object, the value itself at 0 (also 0 when
    /// there is none): what the depth limit is on, measured while reading.
    pub depth: usize,
}

/// The value of `text`, or `None` where `serde_json` must decide (including every
/// error), with what the text told of it ([`Read`]).
pub fn parse(text: &str) -> Option<Read> {
    let spare = SPARE.with(|s| s.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)));
    let mut r = Reader {
        s: text.as_bytes(),
        text,
        at: 0,
        members: Vec::new(),
        compact: true,
        deepest: 0,
        spare: spare.unwrap_or_default(),
    };
    let value = r.value(0);
    r.skip_ws();
    SPARE.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *s = std::mem::take(&mut r.spare);
        }
    });
    let value = value?;
    (r.at == r.s.len()).then(|| Read {
        value,
        compact: r.compact,
        depth: r.deepest.saturating_sub(1),
    })
}

thread_local! {
    /// The strings of values done with ([`recycle`]), for the next [`parse`] to fill
    /// instead of allocating: an order's strings are half of a `prepare`'s allocations.
    static SPARE: RefCell<Spare> = const { RefCell::new(Spare([const { Vec::new() }; BINS])) };
}

/// Spare strings by capacity: bin `i` holds strings of `MIN << i` bytes of room up to
/// twice that, at most [`PER_BIN`] of them, so that what is kept stays small (under
/// 128 KiB).
#[derive(Default)]
struct Spare([Vec<String>; BINS]);
const BINS: usize = 5;
const MIN: usize = 16;
const PER_BIN: usize = 128;

impl Spare {
    /// A string of `t`: a spare one with room enough, else a new one with its bin's room.
    fn string(&mut self, t: &str) -> String {
        // The least bin whose strings have room for `t`.
        let bin = (t.len().max(MIN) - 1).ilog2() as usize + 1 - MIN.ilog2() as usize;
        let Some(spares) = self.0.get_mut(bin) else {
            return t.to_owned();
        };
        let mut s = spares
            .pop()
            .unwrap_or_else(|| String::with_capacity(MIN << bin));
        s.clear();
        s.push_str(t);
        s
    }

    fn keep(&mut self, s: String) {
        // The greatest bin whose room `s` has.
        let Some(bin) = (s.capacity() / MIN).checked_ilog2() else {
            return;
        };
        let Some(spares) = self.0.get_mut(bin as usize) else {
            return;
        };
        if spares.len() < PER_BIN {
            spares.push(s);
        }
    }

    /// Recursive like `v`'s drop, to the depth of a value read (at most [`MAX_NESTING`]).
    fn keep_strings(&mut self, v: Value) {
        match v {
            Value::String(s) => self.keep(s),
            Value::Array(items) => items.into_iter().for_each(|v| self.keep_strings(v)),
            Value::Object(map) => {
                for (k, v) in map {
                    self.keep(k);
                    self.keep_strings(v);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
}

/// Takes the strings of `v`, which the caller is done with, for the next [`parse`].
pub fn recycle(v: Value) {
    SPARE.with(|spare| match spare.try_borrow_mut() {
        Ok(mut spare) => spare.keep_strings(v),
        Err(_) => drop(v),
    });
}

/// The bytes that end a run of a string's text: `"`, `\\` and control characters.
static STOPS_STRING: [bool; 256] = {
    let mut stops = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        stops[b] = true;
        b += 1;
    }
    stops[b'"' as usize] = true;
    stops[b'\\' as usize] = true;
    stops
};

/// serde_json's reading of a piece of the text: one out-of-line call, so the module
/// holds serde_json's reader once.
#[inline(never)]
fn by_serde(t: &str) -> Option<Value> {
    serde_json::from_str(t).ok()
}

struct Reader<'a> {
    s: &'a [u8],
    text: &'a str,
    at: usize,
    /// The members of the objects being read, innermost last: one buffer for all.
    members: Vec<(String, Value)>,
    /// No byte so far that `serde_json::to_string` of the value would not write.
    compact: bool,
    /// The deepest `depth` a list or object was read at (the value itself at 1).
    deepest: usize,
    /// Strings to fill ([`SPARE`]).
    spare: Spare,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
            self.compact = false;
        }
    }

    fn literal(&mut self, word: &str, v: Value) -> Option<Value> {
        let end = self.at + word.len();
        (self.s.get(self.at..end)? == word.as_bytes()).then(|| {
            self.at = end;
            v
        })
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        self.skip_ws();
        match self.peek()? {
            b'"' => self.string().map(Value::String),
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'n' => self.literal("null", Value::Null),
            _ => self.number(),
        }
    }

    /// A string at `"`: copied when it has no escapes, else decoded by serde_json.
    fn string(&mut self) -> Option<String> {
        let start = self.at;
        self.at += 1;
        let mut escaped = false;
        loop {
            let rest = self.s.get(self.at..)?;
            self.at += rest
                .iter()
                .position(|&b| STOPS_STRING.get(usize::from(b)) != Some(&false))?;
            match self.peek()? {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    self.at += 2;
                }
                // Control characters are errors: serde_json's message.
                _ => return None,
            }
        }
        self.at += 1;
        if escaped {
            self.compact = false;
            match by_serde(self.text.get(start..self.at)?)? {
                Value::String(s) => Some(s),
                _ => None,
            }
        } else {
            let t = self.text.get(start + 1..self.at - 1)?;
            Some(self.spare.string(t))
        }
    }

    /// A number: a plain integer read here, any other left to serde_json (fractions,
    /// exponents, integers beyond 64 bits, which it reads as floats).
    fn number(&mut self) -> Option<Value> {
        let start = self.at;
        while matches!(
            self.peek(),
            Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
        ) {
            self.at += 1;
        }
        let t = self.text.get(start..self.at)?;
        let digits = t.strip_prefix('-').unwrap_or(t);
        // `-0` is a float to serde_json.
        let plain = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (t == "0" || !digits.starts_with('0'));
        let n = if !plain {
            None
        } else if t.starts_with('-') {
            digits
                .bytes()
                .try_fold(0i64, |n, b| {
                    n.checked_mul(10)?.checked_sub(i64::from(b - b'0'))
                })
                .map(Number::from)
        } else {
            digits
                .bytes()
                .try_fold(0u64, |n, b| {
                    n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
                })
                .map(Number::from)
        };
        match n {
            Some(n) => Some(Value::Number(n)),
            None => {
                self.compact = false;
                by_serde(t)
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_NESTING {
            return None;
        }
        self.deepest = self.deepest.max(depth);
        self.at += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(Value::Array(items));
                }
                _ => return None,
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_NESTING {
            return None;
        }
        self.deepest = self.deepest.max(depth);
        self.at += 1;
        let first = self.members.len();
        self.skip_ws();
        if self.peek()? != b'}' {
            loop {
                self.skip_ws();
                if self.peek()? != b'"' {
                    return None;
                }
                let key = self.string()?;
                self.skip_ws();
                if self.peek()? != b':' {
                    return None;
                }
                self.at += 1;
                let value = self.value(depth)?;
                self.members.push((key, value));
                self.skip_ws();
                match self.peek()? {
                    b',' => self.at += 1,
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        self.at += 1;
        // A repeated key keeps its first place and takes the last value, as in serde_json.
        let read = self.members.len().saturating_sub(first);
        let mut map = Map::with_capacity(read);
        for (k, v) in self.members.drain(first..) {
            map.insert(k, v);
        }
        self.compact &= map.len() == read;
        Some(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{vector_files, TestResult};
    use proptest::prelude::*;

    /// The same value, member order included, or both refuse; and where the text is
    /// said to be compact, it is serde_json's own text of the value.
    fn same_as_serde(text: &str) {
        let theirs: Option<Value> = serde_json::from_str(text).ok();
        // What we refuse is left to serde_json: the caller then takes its answer.
        let Some(Read {
            value: a, compact, ..
        }) = parse(text)
        else {
            return;
        };
        assert!(
            theirs.is_some(),
            "{text:?}: read as {a} where serde_json refuses"
        );
        let written = serde_json::to_string(&a).ok();
        let expected = theirs.and_then(|b| serde_json::to_string(&b).ok());
        assert_eq!(written, expected, "{text:?}");
        if compact {
            assert_eq!(written.as_deref(), Some(text), "said to be compact");
        }
    }

    #[test]
    fn edges() {
        for t in [
            "",
            " ",
            "{}",
            "[]",
            " { } ",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "01",
            "-0",
            "-",
            "1.",
            "1.5",
            "1e5",
            "-1E-5",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "1 2",
            "tru",
            "true ",
            "nul",
            "\"a\\u00e9\\n\"",
            "\"\\ud800\"",
            "\"\\ud83d\\ude00\"",
            "\"\t\"",
            "\"abc",
            "\"\\\"",
            "{\"a\":1,\"a\":2,\"b\":3}",
            "{\"b\":1,\"a\":2}",
            "[[[]]]",
            "\u{feff}{}",
            "{\"é\":\"😀\"}",
            "[1,-2,3.0,null,true,false,\"x\"]",
        ] {
            same_as_serde(t);
        }
        assert!(parse(&"[".repeat(200)).is_none());
        for n in [126, 127, 128, 129] {
            same_as_serde(&format!("{}{}", "[".repeat(n), "]".repeat(n)));
        }
        assert!(parse(&format!("{}{}", "[".repeat(127), "]".repeat(127))).is_some());
        // What the order's text is copied for: serde_json's own compact text.
        for (t, compact) in [
            ("{\"a\":[1,-2,true,null,\"x é\"],\"b\":{}}", true),
            ("{\"a\": 1}", false),
            ("{\"a\":1.0}", false),
            ("{\"a\":\"\\u0041\"}", false),
            ("{\"a\":1,\"a\":2}", false),
        ] {
            assert_eq!(parse(t).map(|r| r.compact), Some(compact), "{t}");
        }
    }

    #[test]
    fn every_vector_input_reads_as_serde_json_reads_it() -> TestResult {
        let mut read = 0;
        for (text, cases) in vector_files()? {
            same_as_serde(&text);
            for c in cases {
                same_as_serde(&c["input"].to_string());
                if let Some(t) = c["input"].as_str() {
                    same_as_serde(t);
                }
                read += 1;
            }
        }
        assert!(read > 100, "{read} vector inputs");
        Ok(())
    }

    proptest! {
        #[test]
        fn any_text_reads_as_serde_json_reads_it(t in "[\\[\\]{}\",:0-9a-z\\\\ .eE+-]{0,40}") {
            same_as_serde(&t);
        }

        #[test]
        fn any_json_value_round_trips(v in json_value()) {
            let compact = v.to_string();
            same_as_serde(&compact);
            same_as_serde(&serde_json::to_string_pretty(&v).unwrap_or_default());
            prop_assert!(parse(&compact).is_some());
            // Every text serde_json writes is found compact unless it has a float or an escape.
            let plain = !compact.contains('\\') && !compact.contains('.') && !compact.contains('e');
            prop_assert!(!plain || parse(&compact).is_some_and(|r| r.compact), "{}", compact);
        }

        /// Strings given back by `recycle` (of any length, from any value) are filled
        /// again by the next reads, which still read exactly what serde_json reads.
        #[test]
        fn reads_after_recycling_read_the_same(a in json_value(), b in json_value(), long in ".{0,300}") {
            recycle(Value::Array(vec![a.clone(), Value::String(long), b.clone()]));
            for v in [b, a] {
                let text = v.to_string();
                same_as_serde(&text);
                if let Some(read) = parse(&text) {
                    recycle(read.value);
                }
            }
        }
    }

    #[test]
    fn recycled_strings_are_filled_again() -> TestResult {
        let text = r#"{"name":"acme.com","mailboxes":[{"email":"jo@acme.com"}]}"#;
        let first = parse(text).map(|r| r.value);
        let room = |v: &Value| {
            let mut s = Vec::new();
            fn walk(v: &Value, s: &mut Vec<usize>) {
                match v {
                    Value::String(t) => s.push(t.capacity()),
                    Value::Array(a) => a.iter().for_each(|v| walk(v, s)),
                    Value::Object(m) => m.iter().for_each(|(k, v)| {
                        s.push(k.capacity());
                        walk(v, s);
                    }),
                    _ => {}
                }
            }
            walk(v, &mut s);
            s
        };
        let first = first.ok_or("not read")?;
        // Read with a bin's room (16, 32, ...), whether from spares or new.
        assert!(room(&first)
            .iter()
            .all(|c| c.is_power_of_two() && *c >= MIN));
        let pointers = |v: &Value| match v {
            Value::Object(m) => m.get("name").and_then(Value::as_str).map(str::as_ptr),
            _ => None,
        };
        // Recycled, then read again: the same strings (their buffers) hold the new value.
        let expected = first.clone();
        recycle(first);
        let kept: Vec<*const u8> =
            SPARE.with(|s| s.borrow().0.iter().flatten().map(|s| s.as_ptr()).collect());
        assert_eq!(kept.len(), 5, "the keys and strings of the value");
        let again = parse(text).map(|r| r.value);
        assert_eq!(again.as_ref(), Some(&expected));
        let name = again.as_ref().and_then(pointers);
        assert!(name.is_some_and(|p| kept.contains(&p)));
        // A string of more room than the bins hold is not kept.
        recycle(Value::String("x".repeat(600)));
        assert!(SPARE.with(|s| s
            .borrow()
            .0
            .iter()
            .flatten()
            .all(|s| s.capacity() < MIN << BINS)));
        Ok(())
    }

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            ".{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec(("[a-c\\\\\"é]{0,3}", inner), 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
