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

/// Field checks that keep the last text read (see the module's documentation).
#[derive(Debug, Default)]
pub struct FieldChecks {
    /// Compact text (`serde_json::to_string` of its value: no whitespace, no escapes
    /// read, no repeated keys) within the input limits, and its value.
    kept: Option<(String, Value)>,
}

impl FieldChecks {
    pub const fn new() -> Self {
        Self { kept: None }
    }

    /// [`crate::check_field_json`] on `text`.
    pub fn check_field_json(
        &mut self,
        text: String,
        field: &FieldPointer,
        options: &Options,
    ) -> Vec<Issue> {
        if text.len() <= options.max_input_bytes {
            if let Some((kept, value)) = &mut self.kept {
                if patch(kept, value, &text) {
                    *kept = text;
                    return crate::field_checked(value, field, options);
                }
            }
        }
        self.kept = None;
        match input::parse_noting_compact(text.as_bytes(), options) {
            Ok((value, true)) => {
                let issues = crate::field_checked(&value, field, options);
                if text.len() <= MAX_KEPT {
                    self.kept = Some((text, value));
                }
                issues
            }
            Ok((value, false)) => crate::check_field_at(&value, field, options),
            Err(_) => Vec::new(),
        }
    }
}

/// Makes `value`, the value of the compact text `old`, the value of `new` when `new` is
/// `old` with the text of one string value changed to text that needs no escapes;
/// false, with `value` untouched, otherwise. In compact text every `"` bounds a string
/// (an escaped one would have made it not compact), so the quotes before a byte tell
/// whether it is inside a string, and which string it is.
fn patch(old: &str, value: &mut Value, new: &str) -> bool {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if prefix == a.len() && prefix == b.len() {
        return true;
    }
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    // old[prefix..a.len() - suffix] became new[prefix..b.len() - suffix]: that change
    // must lie between the quotes of one string value, and write no byte JSON escapes.
    let before = a[..prefix].iter().filter(|&&c| c == b'"').count();
    let Some(close) = a[prefix..].iter().position(|&c| c == b'"') else {
        return false;
    };
    let close = prefix + close;
    let written = &b[prefix..b.len() - suffix];
    if before % 2 == 0
        || a.len() - suffix > close
        || a.get(close + 1) == Some(&b':')
        || written.iter().any(|&c| c == b'"' || c == b'\\' || c < 0x20)
    {
        return false;
    }
    let open = a[..prefix].iter().rposition(|&c| c == b'"').unwrap_or(0);
    let Some(text) = new.get(open + 1..b.len() - (a.len() - close)) else {
        return false;
    };
    match nth_string(value, &mut (before / 2)) {
        Some(s) => {
            s.clear();
            s.push_str(text);
            true
        }
        None => false,
    }
}

/// The `k`th string of `v` in the order of its compact text, counting an object's keys,
/// when that string is a value (not a key).
fn nth_string<'v>(v: &'v mut Value, k: &mut usize) -> Option<&'v mut String> {
    match v {
        Value::String(s) if *k == 0 => Some(s),
        Value::String(_) => {
            *k -= 1;
            None
        }
        Value::Array(items) => items.iter_mut().find_map(|x| nth_string(x, k)),
        Value::Object(members) => {
            for (_, x) in members.iter_mut() {
                if *k == 0 {
                    return None;
                }
                *k -= 1;
                if let Some(s) = nth_string(x, k) {
                    return Some(s);
                }
            }
            None
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{vector_files, TestResult};
    use proptest::prelude::*;

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
            if let Some((kept, value)) = &checks.kept {
                prop_assert_eq!(kept, t);
                let written = serde_json::to_string(value).ok();
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
