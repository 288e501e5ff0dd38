//! Our side of `tests/reference/psl.py`: one `{"host": "...", "slot": "name" |
//! "redirectUrl"}` per stdin line; one line per request with the issues that
//! `check_field` and `prepare` report at `/domains/0/<slot>` of an order holding only
//! that host, and the host as `prepare` writes it:
//! `{"check": [issue...], "prepare": [issue...], "canonical": "..."}`, an issue being
//! `{"code", "severity", "message", "suggestion"}`.
use std::io::{self, BufRead, BufWriter, Write};

use serde_json::{json, Value};

fn issues(list: &[mailinfra::Issue], pointer: &str) -> Value {
    list.iter()
        .filter(|i| i.pointer == pointer)
        .map(|i| {
            json!({
                "code": i.code.as_str(),
                "severity": i.severity,
                "message": i.message,
                "suggestion": i.suggestion,
            })
        })
        .collect()
}

fn answer(request: &Value, opts: &mailinfra::Options) -> Value {
    let (Some(host), Some(slot)) = (
        request.get("host").and_then(Value::as_str),
        request.get("slot").and_then(Value::as_str),
    ) else {
        return json!({ "error": "want {\"host\": string, \"slot\": string}" });
    };
    let order = json!({ "domains": [{ slot: host }] });
    let pointer = format!("/domains/0/{slot}");
    let prepared = mailinfra::prepare(&order, opts);
    let canonical = prepared
        .order
        .as_ref()
        .and_then(|o| o.pointer(&pointer))
        .cloned();
    json!({
        "check": issues(
            &mailinfra::check_field(&order, &pointer, opts).unwrap_or_default(),
            &pointer,
        ),
        "prepare": issues(&prepared.issues, &pointer),
        "canonical": canonical,
    })
}

fn main() -> io::Result<()> {
    let opts = mailinfra::Options::default();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in io::stdin().lock().lines() {
        let line = line?;
        let reply = match serde_json::from_str::<Value>(&line) {
            Ok(request) => answer(&request, &opts),
            Err(e) => json!({ "error": e.to_string() }),
        };
        writeln!(out, "{reply}")?;
    }
    out.flush()
}
