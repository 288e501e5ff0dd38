//! A field check's context kept between keystrokes: a form that checks one field per
//! keystroke sends the same part of the order ([`crate::Part`]) again and again, only
//! the field's own value changing. [`FieldContext`] keeps the last context parsed, so
//! a keystroke parses only the value. Exact: the same text parses to the same value,
//! and any difference in the text parses it again.

use serde_json::Value;

use crate::issue::{Issue, PathSeg};
use crate::{check_field_at, FieldPointer, Options};

/// The last context text and field checked, and the text's parse (`None`: none yet,
/// or a text that is not JSON or holds no `0` at the field's path).
#[derive(Debug, Default)]
pub struct FieldContext {
    text: String,
    field: Option<FieldPointer>,
    order: Option<Value>,
}

impl FieldContext {
    /// The issues [`crate::check_field_json`] gives for the text `context` with the
    /// field's value, written `0` there, replaced by the text `value`, a JSON string,
    /// number, boolean or null (the check sees exactly that order, so its answer is
    /// the same). `context` writes each member once, as `JSON.stringify` does.
    /// `None` when either text is not JSON (where the value goes is then unknown), the
    /// context holds no `0` at the field's path, or `value` is not one string, number,
    /// boolean or null (an object's depth would count): the caller checks the whole text.
    pub fn check(
        &mut self,
        context: &str,
        value: &str,
        field: &FieldPointer,
        options: &Options,
    ) -> Option<Vec<Issue>> {
        // The text checked is `context` with its `0` (one byte) replaced by `value`:
        // over the size limit, it is refused before it is read.
        let size = context.len().saturating_sub(1).saturating_add(value.len());
        if size > options.max_input_bytes {
            return Some(Vec::new());
        }
        let value = serde_json::from_str::<Value>(value).ok()?;
        if value.is_object() || value.is_array() {
            return None;
        }
        if self.order.is_none() || self.text != context || self.field.as_ref() != Some(field) {
            self.text.clear();
            self.text.push_str(context);
            self.field = Some(field.clone());
            // Its `0` is the one-byte text `0` (not `-0`, `0.0`): the size above holds.
            self.order = serde_json::from_str::<Value>(context)
                .ok()
                .filter(|o| at_ref(o, field.path()).and_then(Value::as_u64) == Some(0));
        }
        let order = self.order.as_mut()?;
        *at(order, field.path())? = value;
        Some(check_field_at(order, field, options))
    }
}

/// The value at `path` in `v`, if there is one.
fn at_ref<'v>(v: &'v Value, path: &[PathSeg]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, seg| match seg {
        PathSeg::Key(k) => v.as_object()?.get(k.as_str()),
        PathSeg::Index(i) => v.as_array()?.get(*i),
    })
}

/// [`at_ref`], to write.
fn at<'v>(v: &'v mut Value, path: &[PathSeg]) -> Option<&'v mut Value> {
    path.iter().try_fold(v, |v, seg| match seg {
        PathSeg::Key(k) => v.as_object_mut()?.get_mut(k.as_str()),
        PathSeg::Index(i) => v.as_array_mut()?.get_mut(*i),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check_field_json;

    const EMAIL: &str = "/domains/0/mailboxes/1/email";

    fn context(earlier: &str) -> String {
        format!(
            r#"{{"domains":[{{"name":"acme.com","mailboxes":[{{"email":"{earlier}"}},{{"email":0}}]}}],"emailServiceProvider":"google"}}"#
        )
    }

    fn field() -> FieldPointer {
        FieldPointer::parse(EMAIL).expect("a field")
    }

    /// What `check_field_json` gives on the text the kept context stands for.
    fn whole(context: &str, value: &str, options: &Options) -> Vec<Issue> {
        let text = context.replacen(r#"{"email":0}"#, &format!(r#"{{"email":{value}}}"#), 1);
        check_field_json(&text, &field(), options)
    }

    #[test]
    fn a_changed_context_is_read_again() {
        let opts = Options::default();
        let mut kept = FieldContext::default();
        let value = r#""ann@acme.com""#;
        for earlier in ["bob@acme.com", "ann@acme.com", "bob@acme.com"] {
            let got = kept.check(&context(earlier), value, &field(), &opts);
            assert_eq!(got, Some(whole(&context(earlier), value, &opts)));
        }
        // The duplicate is seen only in the second context: the three are not all alike.
        let duplicate = whole(&context("ann@acme.com"), value, &opts);
        assert_ne!(duplicate, whole(&context("bob@acme.com"), value, &opts));
        // Another field in the same text is not the kept one's.
        let first = FieldPointer::parse("/domains/0/mailboxes/0/email").expect("a field");
        let text = context("bob@acme.com").replace(r#""bob@acme.com""#, "0");
        let got = kept.check(&text, r#""ann@acme.com""#, &first, &opts);
        let want = check_field_json(&text.replacen('0', r#""ann@acme.com""#, 1), &first, &opts);
        assert_eq!(got, Some(want));
    }

    #[test]
    fn over_the_size_limit_nothing() {
        let text = context("bob@acme.com");
        let value = r#""ann@acme.com""#;
        let size = text.len() - 1 + value.len();
        let at = |max_input_bytes| Options {
            max_input_bytes,
            ..Options::default()
        };
        let mut kept = FieldContext::default();
        assert_eq!(
            kept.check(&text, value, &field(), &at(size - 1)),
            Some(Vec::new())
        );
        assert_eq!(whole(&text, value, &at(size - 1)), Vec::new());
        let fits = kept.check(&text, value, &field(), &at(size));
        assert_eq!(fits, Some(whole(&text, value, &at(size))));
        // Within the default limit the check runs: the earlier address is a duplicate.
        let roomy = kept.check(&text, r#""bob@acme.com""#, &field(), &Options::default());
        assert!(
            roomy.is_some_and(|issues| !issues.is_empty()),
            "the duplicate"
        );
    }

    #[test]
    fn what_it_cannot_stand_for_goes_back_to_the_caller() {
        let opts = Options::default();
        let mut kept = FieldContext::default();
        let text = context("bob@acme.com");
        // A value that is not one scalar.
        for value in ["{}", "[1]", r#""a","#, "", "nope"] {
            assert_eq!(kept.check(&text, value, &field(), &opts), None, "{value}");
        }
        // A context that is not JSON, or has no one-byte `0` where the value goes.
        let other = [
            text.replace("}]}],", "}]}"),
            text.replace(r#"{"email":0}"#, r#"{"email":"x"}"#),
            text.replace(r#"{"email":0}"#, r#"{"email":-0}"#),
            text.replace(r#"{"email":0}"#, r#"{"email":0.0}"#),
            text.replace(r#",{"email":0}"#, ""),
        ];
        for context in &other {
            assert_eq!(kept.check(context, "1", &field(), &opts), None, "{context}");
        }
    }
}
