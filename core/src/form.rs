//! A form's field checks, one keystroke after another. A keystroke changes one string
//! of the text a field's check reads (its part, `part.rs`), so [`FieldChecks`] keeps the
//! text it read last with its value: when the next text differs from it within one
//! string value, that string is replaced in the kept value instead of the whole text
//! being parsed into a new value and the old one freed (natively about half of an
//! address check's instructions). The answers are [`crate::check_field_json`]'s; the
//! tests compare the two over edit sequences.

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

/// A string value of the kept text: its quotes' places in the text, and its place in
/// the value (an entry's or member's index at each level). The next keystroke is most
/// likely in the same string, which is then found without counting quotes.
#[derive(Debug)]
struct Patched {
    open: usize,
    close: usize,
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

impl Kept {
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
        if b[prefix..b.len() - suffix]
            .iter()
            .any(|&c| c == b'"' || c == b'\\' || c < 0x20)
        {
            return false;
        }
        let end = a.len() - suffix;
        let last = match self.last.take() {
            Some(last) if last.open < prefix && end <= last.close => last,
            _ => match string_at(a, prefix, end, &mut self.value) {
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
fn string_at(a: &[u8], start: usize, end: usize, value: &mut Value) -> Option<Patched> {
    let open = a[..start].iter().rposition(|&c| c == b'"')?;
    let close = start + a[start..].iter().position(|&c| c == b'"')?;
    let before = a[..start].iter().filter(|&&c| c == b'"').count();
    if before % 2 == 0 || end > close || a.get(close + 1) == Some(&b':') {
        return None;
    }
    let mut path = Vec::new();
    nth_string(value, &mut (before / 2), &mut path)?;
    Some(Patched { open, close, path })
}

/// The `k`th string of `v` in the order of its compact text, counting an object's keys,
/// when that string is a value (not a key); `path` is left its place.
fn nth_string<'v>(
    v: &'v mut Value,
    k: &mut usize,
    path: &mut Vec<usize>,
) -> Option<&'v mut String> {
    match v {
        Value::String(s) if *k == 0 => Some(s),
        Value::String(_) => {
            *k -= 1;
            None
        }
        Value::Array(items) => {
            for (i, x) in items.iter_mut().enumerate() {
                path.push(i);
                if let Some(s) = nth_string(x, k, path) {
                    return Some(s);
                }
                path.pop();
            }
            None
        }
        Value::Object(members) => {
            for (i, (_, x)) in members.iter_mut().enumerate() {
                if *k == 0 {
                    return None;
                }
                *k -= 1;
                path.push(i);
                if let Some(s) = nth_string(x, k, path) {
                    return Some(s);
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

    proptest! {
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
