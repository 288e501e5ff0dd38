//! A form's field checks, one keystroke after another. A keystroke changes one string
//! of the text a field's check reads (its part, `part.rs`), so [`FieldChecks`] keeps the
//! text it read last with its value: when the next text differs from it within one
//! string value, that string is replaced in the kept value instead of the whole text
//! being parsed into a new value and the old one freed (natively about half of an
//! address check's instructions). A caller that knows which string changed (the npm
//! wrapper compares the order it reads with the one it sent last) need not send the
//! text at all: [`FieldChecks::check_field_patched`] takes the string's place and its
//! new content. The answers are [`crate::check_field_json`]'s; the tests compare the
//! two over edit sequences.

use serde_json::Value;

use crate::input;
use crate::issue::Issue;
use crate::options::Options;
use crate::pointer::FieldPointer;

/// Longer texts are parsed every time and not kept: a form's part is far shorter, and
/// the kept value is memory held between calls.
const MAX_KEPT: usize = 64 * 1024;

/// [`crate::check_field_json`] for a form that checks a field on every keystroke: keeps
/// the last text it read with its value, and when the next text differs from it inside
/// one string value (what a keystroke changes), replaces that string in the kept value
/// instead of parsing the text again. The answers are `check_field_json`'s.
///
/// ```
/// use mailinfra::{FieldChecks, FieldPointer, Options};
///
/// let email = FieldPointer::parse("/domains/0/mailboxes/0/email")?;
/// let mut checks = FieldChecks::new();
/// let opts = Options::default();
/// for typed in ["j", "jo", "jo@acme.com"] {
///     let part = format!(
///         r#"{{"domains":[{{"name":"acme.com","mailboxes":[{{"email":"{typed}"}}]}}]}}"#
///     );
///     let issues = checks.check_field_json(part, &email, &opts);
///     assert_eq!(issues.is_empty(), typed.contains('@'));
/// }
/// # Ok::<(), mailinfra::PointerError>(())
/// ```
#[derive(Debug, Default)]
pub struct FieldChecks {
    kept: Option<Kept>,
}

/// Compact text (`serde_json::to_string` of its value: no whitespace, no escapes read,
/// no repeated keys) within the input limits, its value, and the string patched last.
#[derive(Debug)]
struct Kept {
    text: String,
    value: Value,
    last: Option<Patched>,
}

/// A string value of the kept text: its quotes' places in the text, its place among the
/// text's strings (keys counted), and its place in the value (an entry's or member's
/// index at each level). The next keystroke is most likely in the same string, which is
/// then found without counting quotes.
#[derive(Debug)]
struct Patched {
    open: usize,
    close: usize,
    nth: usize,
    path: Vec<usize>,
}

impl FieldChecks {
    pub const fn new() -> Self {
        Self { kept: None }
    }

    /// The issues of `field` in the order (or part of one) that `text` holds, exactly as
    /// [`crate::check_field_json`] gives them; `text` is kept for the next call.
    pub fn check_field_json(
        &mut self,
        text: String,
        field: &FieldPointer,
        options: &Options,
    ) -> Vec<Issue> {
        if text.len() <= options.max_input_bytes {
            if let Some(kept) = &mut self.kept {
                if kept.patch(&text) {
                    kept.text = text;
                    return crate::field_checked(&kept.value, field, options);
                }
            }
        }
        self.kept = None;
        match input::parse_noting_compact(text.as_bytes(), options) {
            Ok((value, true)) => {
                let issues = crate::field_checked(&value, field, options);
                if text.len() <= MAX_KEPT {
                    self.kept = Some(Kept {
                        text,
                        value,
                        last: None,
                    });
                }
                issues
            }
            Ok((value, false)) => crate::check_field_at(&value, field, options),
            Err(_) => Vec::new(),
        }
    }
}

impl FieldChecks {
    /// Whether a text is kept: the last text [`Self::check_field_json`] read was compact
    /// JSON within the input limits and at most 64 KiB.
    pub fn keeps(&self) -> bool {
        self.kept.is_some()
    }

    /// The issues of `field` in the kept order with its `nth` string (keys counted, in
    /// the order of the text) reading `new`, or unchanged when `patch` is `None`:
    /// exactly what [`Self::check_field_json`] gives for the kept text so changed, which
    /// is kept in its place. `None`, with nothing changed, when nothing is kept, that
    /// string is a key or is not there, `new` needs an escape in JSON, or the text would
    /// be over the input limit: the caller then sends the whole text.
    pub fn check_field_patched(
        &mut self,
        patch: Option<(usize, &str)>,
        field: &FieldPointer,
        options: &Options,
    ) -> Option<Vec<Issue>> {
        let kept = self.kept.as_mut()?;
        let limit = options.max_input_bytes.min(MAX_KEPT);
        match patch {
            Some((nth, new)) => kept.set_string(nth, new, limit)?,
            None if kept.text.len() > limit => return None,
            None => {}
        }
        Some(crate::field_checked(&kept.value, field, options))
    }
}

impl Kept {
    /// Makes the `nth` string of the kept text (keys counted) read `new`, in the text
    /// and in the value; `None`, with nothing changed, when that string is a key or not
    /// there, `new` needs an escape, or the text would be longer than `limit`.
    fn set_string(&mut self, nth: usize, new: &str, limit: usize) -> Option<()> {
        if new.bytes().any(escaped) {
            return None;
        }
        let last = match self.last.take() {
            Some(last) if last.nth == nth => last,
            other => match nth_quoted(self.text.as_bytes(), nth, &self.value) {
                Some(found) => found,
                None => {
                    self.last = other;
                    return None;
                }
            },
        };
        let len = self.text.len() - (last.close - last.open - 1) + new.len();
        let s = match at_path(&mut self.value, &last.path) {
            Some(s) if len <= limit => s,
            _ => {
                self.last = Some(last);
                return None;
            }
        };
        s.clear();
        s.push_str(new);
        // Not `replace_range`: its splice costs the form module more than a new string.
        self.text = [&self.text[..=last.open], new, &self.text[last.close..]].concat();
        self.last = Some(Patched {
            close: last.open + 1 + new.len(),
            ..last
        });
        Some(())
    }

    /// Makes the value that of `new` when `new` is the kept text with the text of one
    /// string value changed to text that needs no escapes; false, with the value
    /// untouched, otherwise. In compact text every `"` bounds a string (an escaped one
    /// would have made it not compact), so the quotes before a byte tell whether it is
    /// inside a string, and which string it is.
    fn patch(&mut self, new: &str) -> bool {
        let (a, b) = (self.text.as_bytes(), new.as_bytes());
        let n = a.len().min(b.len());
        let prefix = common_prefix(&a[..n], &b[..n]);
        if prefix == a.len() && prefix == b.len() {
            return true;
        }
        let room = n - prefix;
        let suffix = common_suffix(&a[a.len() - room..], &b[b.len() - room..]);
        // a[prefix..a.len() - suffix] became b[prefix..b.len() - suffix]: that change must
        // lie between the quotes of one string value, and write no byte JSON escapes.
        if b[prefix..b.len() - suffix].iter().copied().any(escaped) {
            return false;
        }
        let end = a.len() - suffix;
        let last = match self.last.take() {
            Some(last) if last.open < prefix && end <= last.close => last,
            _ => match string_at(a, prefix, end, &self.value) {
                Some(found) => found,
                None => return false,
            },
        };
        let close = last.close + b.len() - a.len();
        let (Some(s), Some(text)) = (
            at_path(&mut self.value, &last.path),
            new.get(last.open + 1..close),
        ) else {
            return false;
        };
        s.clear();
        s.push_str(text);
        self.last = Some(Patched { close, ..last });
        true
    }
}

/// Whether JSON writes this byte escaped (a quote, a backslash, a control character).
fn escaped(c: u8) -> bool {
    c == b'"' || c == b'\\' || c < 0x20
}

/// How many leading bytes of `a` and `b` (as long) agree: 8 at a time, then one at a
/// time (a part is a few hundred bytes, and all but a few agree).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let words = a.chunks_exact(8).zip(b.chunks_exact(8));
    let whole = 8 * words.take_while(|(p, q)| word(p) == word(q)).count();
    whole
        + (a[whole..].iter().zip(&b[whole..]))
            .take_while(|(p, q)| p == q)
            .count()
}

/// How many trailing bytes of `a` and `b` (as long) agree.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let words = a.rchunks_exact(8).zip(b.rchunks_exact(8));
    let whole = 8 * words.take_while(|(p, q)| word(p) == word(q)).count();
    let (a, b) = (&a[..a.len() - whole], &b[..b.len() - whole]);
    whole
        + a.iter()
            .rev()
            .zip(b.iter().rev())
            .take_while(|(p, q)| p == q)
            .count()
}

/// Eight bytes as one number, to compare them at once.
fn word(bytes: &[u8]) -> u64 {
    bytes.try_into().map_or(0, u64::from_ne_bytes)
}

/// The string value of the compact text `a` whose content holds `a[start..end]`, found
/// in `value` (the text's value) by counting the quotes before it.
fn string_at(a: &[u8], start: usize, end: usize, value: &Value) -> Option<Patched> {
    let open = a[..start].iter().rposition(|&c| c == b'"')?;
    let close = start + a[start..].iter().position(|&c| c == b'"')?;
    let before = a[..start].iter().filter(|&&c| c == b'"').count();
    if before % 2 == 0 || end > close || a.get(close + 1) == Some(&b':') {
        return None;
    }
    let mut path = Vec::new();
    nth_string(value, &mut (before / 2), &mut path).filter(|&is_value| is_value)?;
    Some(Patched {
        open,
        close,
        nth: before / 2,
        path,
    })
}

/// The `nth` string of the compact text `a` (keys counted), found in `value` (the
/// text's value) when it is a value: in compact text the `2 nth`th quote opens it.
fn nth_quoted(a: &[u8], nth: usize, value: &Value) -> Option<Patched> {
    let mut quotes = (a.iter().enumerate())
        .filter(|&(_, &c)| c == b'"')
        .map(|(i, _)| i)
        .skip(nth.checked_mul(2)?);
    let (open, close) = (quotes.next()?, quotes.next()?);
    let mut path = Vec::new();
    nth_string(value, &mut { nth }, &mut path).filter(|&is_value| is_value)?;
    Some(Patched {
        open,
        close,
        nth,
        path,
    })
}

/// Where the `k`th string of `v` is, in the order of its compact text, counting an
/// object's keys: `Some(true)` a value, whose place `path` is left; `Some(false)` a key
/// (not patched); `None` past `v`'s strings, `k` counted down by them.
fn nth_string(v: &Value, k: &mut usize, path: &mut Vec<usize>) -> Option<bool> {
    match v {
        Value::String(_) if *k == 0 => Some(true),
        Value::String(_) => {
            *k -= 1;
            None
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                path.push(i);
                if let Some(found) = nth_string(x, k, path) {
                    return Some(found);
                }
                path.pop();
            }
            None
        }
        Value::Object(members) => {
            for (i, (_, x)) in members.iter().enumerate() {
                if *k == 0 {
                    return Some(false);
                }
                *k -= 1;
                path.push(i);
                if let Some(found) = nth_string(x, k, path) {
                    return Some(found);
                }
                path.pop();
            }
            None
        }
        _ => None,
    }
}

/// The string at `path` in `v` (see [`Patched`]).
fn at_path<'v>(v: &'v mut Value, path: &[usize]) -> Option<&'v mut String> {
    let Some((&i, rest)) = path.split_first() else {
        return match v {
            Value::String(s) => Some(s),
            _ => None,
        };
    };
    let next = match v {
        Value::Array(items) => items.get_mut(i)?,
        Value::Object(members) => members.iter_mut().nth(i)?.1,
        _ => return None,
    };
    at_path(next, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{vector_files, TestResult};
    use proptest::prelude::*;

    /// [`Kept::patch`] from a value kept with no string patched before.
    fn patch(old: &str, value: &mut Value, new: &str) -> bool {
        let mut kept = Kept {
            text: old.to_string(),
            value: value.clone(),
            last: None,
        };
        let done = kept.patch(new);
        if done {
            *value = kept.value;
        }
        done
    }

    /// After each text of `texts` in turn, the answers are `check_field_json`'s and the
    /// kept value is the text's value.
    fn agrees(texts: &[String], pointer: &str) -> Result<(), TestCaseError> {
        let opts = Options::default();
        let field = FieldPointer::parse(pointer).expect("a field");
        let mut checks = FieldChecks::new();
        for t in texts {
            let expected = crate::check_field_json(t, &field, &opts);
            prop_assert_eq!(
                checks.check_field_json(t.clone(), &field, &opts),
                expected,
                "{}",
                t
            );
            if let Some(kept) = &checks.kept {
                prop_assert_eq!(&kept.text, t);
                let written = serde_json::to_string(&kept.value).ok();
                prop_assert_eq!(written.as_ref(), Some(t));
            }
        }
        Ok(())
    }

    /// Edits of a text: a range replaced by one of a few pieces, quotes, escapes,
    /// control characters and multi-byte ones among them.
    fn edits() -> impl Strategy<Value = Vec<(usize, usize, &'static str)>> {
        let piece = prop::sample::select(vec![
            "", "a", "@", ".", "x@y.com", "\"", "\\", "\\\"", "\u{1}", "é", "日本", "😀", "\":\"",
            ",", "}", "0", " ",
        ]);
        prop::collection::vec((any::<usize>(), 0usize..4, piece), 1..12)
    }

    /// `text` with each edit applied in turn (positions taken modulo the length and
    /// moved to a character boundary), every text on the way.
    fn edited(text: &str, edits: &[(usize, usize, &str)]) -> Vec<String> {
        let mut t = text.to_string();
        let mut out = vec![t.clone()];
        for &(at, len, piece) in edits {
            let mut start = at % (t.len() + 1);
            while !t.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len).min(t.len());
            while !t.is_char_boundary(end) {
                end += 1;
            }
            t.replace_range(start..end, piece);
            out.push(t.clone());
        }
        out
    }

    const PART: &str = r#"{"emailServiceProvider":"Google","domains":[{"name":"acme.com","mailboxes":[{"email":"jo@acme.com"},{"email":"al@acme.com"},{"email":"a"}]}]}"#;
    const EMAIL: &str = "/domains/0/mailboxes/2/email";

    #[test]
    fn typing_an_address_agrees_at_every_keystroke() -> TestResult {
        let address = "Al.Lee@acme.co \"x\\y\u{1}é";
        let texts: Vec<String> = (0..=address.chars().count())
            .map(|n| {
                let typed: String = address.chars().take(n).collect();
                Ok(PART.replace("\"a\"}", &format!("{}}}", serde_json::to_string(&typed)?)))
            })
            .collect::<Result<_, serde_json::Error>>()?;
        agrees(&texts, EMAIL).map_err(|e| e.to_string())?;
        // Each keystroke up to the first quote is a patch, not a parse.
        let mut value: Value = serde_json::from_str(&texts[0])?;
        let patched = texts
            .windows(2)
            .take_while(|w| patch(&w[0], &mut value, &w[1]))
            .count();
        assert_eq!(patched, address.find('"').unwrap_or_default());
        Ok(())
    }

    #[test]
    fn a_changed_key_or_two_strings_are_read_again() {
        let mut value: Value = serde_json::from_str(PART).unwrap_or_default();
        let key = PART.replacen("\"name\"", "\"nome\"", 1);
        let two = PART.replace("jo@", "ja@").replace("al@", "an@");
        let outside = PART.replace("[{\"email\"", "[ {\"email\"");
        for new in [key, two, outside] {
            assert!(!patch(PART, &mut value, &new), "{new}");
        }
        let one = PART.replace("al@", "alan@");
        assert!(patch(PART, &mut value, &one));
        assert_eq!(serde_json::to_string(&value).ok(), Some(one));
    }

    /// The compact text of every object input of the vectors, read once.
    fn vector_orders() -> &'static [String] {
        static ORDERS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        ORDERS.get_or_init(|| {
            let files = vector_files().unwrap_or_default();
            let orders: Vec<String> = files
                .iter()
                .flat_map(|(_, cases)| cases)
                .filter(|c| c["input"].is_object())
                .map(|c| c["input"].to_string())
                .collect();
            assert!(orders.len() > 100, "{} vector orders", orders.len());
            orders
        })
    }

    /// In every vector order, each string value typed into (a character added after its
    /// first, or its text deleted) is patched, to the new text's value; each key is not.
    #[test]
    fn every_string_value_of_the_vectors_is_patched() -> TestResult {
        let mut patched = 0;
        // What FieldChecks keeps: compact text.
        let compact = |t: &str| crate::json_text::parse(t).is_some_and(|r| r.compact);
        // Every 10th: each string of each order is a parse of the whole order.
        for text in vector_orders().iter().filter(|t| compact(t)).step_by(10) {
            let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
            for q in quotes.chunks(2) {
                let [open, close] = *q else { continue };
                let key = text.as_bytes().get(close + 1) == Some(&b':');
                for new in [
                    format!("{}é{}", &text[..open + 1], &text[open + 1..]),
                    format!("{}{}", &text[..open + 1], &text[close..]),
                ] {
                    let mut value: Value = serde_json::from_str(text)?;
                    let done = patch(text, &mut value, &new);
                    if new == *text {
                        continue;
                    }
                    assert_eq!(done, !key, "{new}");
                    if done {
                        assert_eq!(serde_json::to_string(&value)?, new);
                        patched += 1;
                    }
                }
            }
        }
        assert!(patched > 2000, "{patched} patches");
        Ok(())
    }

    /// A string value set by its place, `check_field_patched`, after each of `sets` in
    /// turn: the answers are `check_field_json`'s on the text with that string's content
    /// replaced (found here by its quotes), and `None` where no such text is compact (a
    /// key, a place past the last string, a piece JSON escapes), the kept text unchanged.
    fn sets_agree(text: &str, sets: &[(usize, &str)], pointer: &str) -> Result<(), TestCaseError> {
        let opts = Options::default();
        let field = FieldPointer::parse(pointer).expect("a field");
        let mut checks = FieldChecks::new();
        let first = checks.check_field_json(text.to_string(), &field, &opts);
        prop_assert_eq!(&first, &crate::check_field_json(text, &field, &opts));
        if !checks.keeps() {
            // Refused, not compact within MAX_DEPTH, or longer than MAX_KEPT: nothing to patch.
            let compact = input::parse_noting_compact(text.as_bytes(), &opts).is_ok_and(|(_, c)| c);
            prop_assert!(!compact || text.len() > MAX_KEPT);
            prop_assert!(checks.check_field_patched(None, &field, &opts).is_none());
            return Ok(());
        }
        let mut t = text.to_string();
        for &(at, piece) in sets {
            let quotes: Vec<usize> = t.match_indices('"').map(|(i, _)| i).collect();
            let strings = quotes.len() / 2;
            let nth = at % (strings + 2); // now and then past the last string
            let expected = quotes.get(2 * nth..2 * nth + 2).and_then(|q| {
                let key = t.as_bytes().get(q[1] + 1) == Some(&b':');
                let plain = !piece.bytes().any(|c| c == b'"' || c == b'\\' || c < 0x20);
                (!key && plain).then(|| format!("{}{piece}{}", &t[..q[0] + 1], &t[q[1]..]))
            });
            let answer = checks.check_field_patched(Some((nth, piece)), &field, &opts);
            match expected {
                Some(new) => {
                    prop_assert_eq!(
                        answer,
                        Some(crate::check_field_json(&new, &field, &opts)),
                        "{}",
                        new
                    );
                    t = new;
                }
                None => prop_assert!(answer.is_none(), "{} {:?} in {}", nth, piece, t),
            }
            // Unchanged: the same answer as the text's.
            let again = checks.check_field_patched(None, &field, &opts);
            prop_assert_eq!(again, Some(crate::check_field_json(&t, &field, &opts)));
            let kept = checks.kept.as_ref().expect("kept");
            prop_assert_eq!(&kept.text, &t);
            prop_assert_eq!(serde_json::to_string(&kept.value).ok(), Some(t.clone()));
        }
        Ok(())
    }

    #[test]
    fn a_key_is_not_patched_even_before_a_later_string() {
        // Strings by place: 0 "domains" (key), 1 "name" (key), 2 "a.com", 3 "junk".
        let text = r#"{"domains":[{"name":"a.com"},"junk"]}"#;
        let field = FieldPointer::parse("/domains/0/name").expect("a field");
        let opts = Options::default();
        let mut checks = FieldChecks::new();
        checks.check_field_json(text.to_string(), &field, &opts);
        assert!(checks.keeps());
        assert_eq!(
            checks.check_field_patched(Some((1, "x")), &field, &opts),
            None
        );
        assert_eq!(
            checks.check_field_patched(Some((0, "x")), &field, &opts),
            None
        );
        assert!(checks
            .check_field_patched(Some((3, "x")), &field, &opts)
            .is_some());
        let kept = checks.kept.as_ref().expect("kept");
        assert_eq!(kept.text, r#"{"domains":[{"name":"a.com"},"x"]}"#);
    }

    #[test]
    fn nothing_kept_or_over_the_limit_is_not_patched() {
        let field = FieldPointer::parse(EMAIL).expect("a field");
        let opts = Options::default();
        let mut checks = FieldChecks::new();
        assert_eq!(checks.check_field_patched(None, &field, &opts), None);
        checks.check_field_json(PART.to_string(), &field, &opts);
        let tight = Options {
            max_input_bytes: PART.len() + 2,
            ..Options::default()
        };
        // The last address "a" is string 11 (keys counted); three more bytes pass the limit, two do not.
        assert!(checks
            .check_field_patched(Some((11, "abcd")), &field, &tight)
            .is_none());
        assert!(checks
            .check_field_patched(Some((11, "abc")), &field, &tight)
            .is_some());
        let small = Options {
            max_input_bytes: PART.len(),
            ..Options::default()
        };
        assert_eq!(checks.check_field_patched(None, &field, &small), None);
        // A text not kept (one with an escape) leaves nothing to patch.
        checks.check_field_json(PART.replace("al@", "a\\\"l@"), &field, &opts);
        assert!(!checks.keeps());
        assert_eq!(
            checks.check_field_patched(Some((11, "b")), &field, &opts),
            None
        );
    }

    proptest! {
        #[test]
        fn strings_set_by_place_agree(
            i in any::<prop::sample::Index>(),
            sets in prop::collection::vec((any::<usize>(), prop::sample::select(vec![
                "", "a", "x@y.com", "\"", "\\", "\u{1}", "é", "日本", "😀", "+1 415 555", "US",
            ])), 1..12),
        ) {
            let text = i.get(vector_orders());
            prop_assume!(crate::json_text::parse(text).is_some_and(|r| r.compact));
            for pointer in ["/phoneNumber", "/zipcode", "/domains/0/name", EMAIL] {
                sets_agree(text, &sets, pointer)?;
            }
        }

        #[test]
        fn edits_of_a_part_agree(e in edits()) {
            agrees(&edited(PART, &e), EMAIL)?;
        }

        #[test]
        fn edits_of_vector_orders_agree(i in any::<prop::sample::Index>(), e in edits()) {
            let text = i.get(vector_orders());
            for pointer in ["/phoneNumber", "/zipcode", "/domains/0/name", EMAIL, "/domains/0/mailboxes/0/firstname"] {
                agrees(&edited(text, &e), pointer)?;
            }
        }
    }
}
