//! Output: the report as JSON, or as terminal text (one line per issue, then the
//! canonical order for `prepare`, then a summary line).

use std::fmt::Write as _;
use std::io::{self, Write};

use mailinfra::{Issue, Report, Severity};

/// The whole report as JSON: pretty for a single document, compact for JSON Lines.
pub fn json(out: &mut impl Write, report: &Report, pretty: bool) -> io::Result<()> {
    let res = if pretty {
        serde_json::to_writer_pretty(&mut *out, report)
    } else {
        serde_json::to_writer(&mut *out, report)
    };
    res.map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// Terminal text: issue lines, the canonical order (when there is one), a summary.
pub fn text(out: &mut impl Write, report: &Report) -> io::Result<()> {
    for issue in &report.issues {
        writeln!(out, "{}", issue_line(issue))?;
    }
    if let Some(order) = &report.order {
        serde_json::to_writer_pretty(&mut *out, order).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
    }
    writeln!(out, "{}", summary(report))
}

/// `/domains/0/name  error  invalid_domain  A message.  (suggestion: "acme.com")`.
pub fn issue_line(issue: &Issue) -> String {
    let pointer = if issue.pointer.is_empty() {
        "(order)".to_string()
    } else {
        escape_controls(&issue.pointer)
    };
    let severity = match issue.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut line = format!(
        "{pointer}  {severity}  {}  {}",
        issue.code.as_str(),
        escape_controls(&issue.message)
    );
    if let Some(s) = &issue.suggestion {
        let s = match s {
            serde_json::Value::String(t) => quote(t),
            other => escape_controls(&other.to_string()),
        };
        let _ = write!(line, "  (suggestion: {s})");
    }
    line
}

/// `valid`, `valid: 1 warning`, `invalid: 3 errors, 1 warning`.
pub fn summary(report: &Report) -> String {
    let errors = report.errors().count();
    let warnings = report.issues.len() - errors;
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(plural(errors, "error"));
    }
    if warnings > 0 {
        parts.push(plural(warnings, "warning"));
    }
    let verdict = if report.valid { "valid" } else { "invalid" };
    if parts.is_empty() {
        verdict.to_string()
    } else {
        format!("{verdict}: {}", parts.join(", "))
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A JSON string literal, additionally escaping what a terminal could act on.
fn quote(s: &str) -> String {
    escape_controls(&serde_json::Value::from(s).to_string())
}

/// Escapes the characters the core refuses in text (controls, zero-width, bidi
/// controls) as `\uXXXX`, so echoed input can neither move the cursor nor reorder
/// the line.
fn escape_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if mailinfra::is_bad_char(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use mailinfra::{IssueCode, PathSeg, Problem};

    #[test]
    fn issue_line_shape() {
        let path = vec![
            PathSeg::Key("domains".into()),
            PathSeg::Index(0),
            PathSeg::Key("name".into()),
        ];
        let i = Issue {
            pointer: "/domains/0/name".into(),
            path,
            code: IssueCode::InvalidDomain,
            severity: Severity::Error,
            message: "\".notatld\" is bad\u{1b}[2J\u{202e}".into(),
            suggestion: Some("acme.com".into()),
        };
        assert_eq!(
            issue_line(&i),
            r#"/domains/0/name  error  invalid_domain  ".notatld" is bad\u001b[2J\u202e  (suggestion: "acme.com")"#
        );
        let root = Issue::new(Vec::new(), &Problem::InvalidJson { detail: "x".into() });
        assert!(issue_line(&root).starts_with("(order)  error  invalid_json  "));
    }
}
