//! Our side of `tests/reference/states.py`: one `{"country": "CA", "field": "state" |
//! "zipcode", "value": "..."}` per stdin line, one `{"prepared": ..., "issues": [...]}`
//! per stdout line. `prepared` is the field as `prepare` writes it for an order with
//! that country (`null` when prepare drops it); `issues` are the codes `check_field`
//! reports for that field of `{"country", field: value}` (the typed value) and for the
//! prepared value, as `{"typed": [...], "prepared": [...]}`. `--version` prints the
//! address data version compiled in.
use std::io::{self, BufRead, BufWriter, Write};

use serde_json::{json, Value};

fn codes(order: &Value, field: &str, opts: &mailinfra::Options) -> Vec<&'static str> {
    mailinfra::check_field(order, &format!("/{field}"), opts)
        .into_iter()
        .flatten()
        .map(|i| i.code.as_str())
        .collect()
}

fn main() -> io::Result<()> {
    if std::env::args().nth(1).as_deref() == Some("--version") {
        println!("{}", mailinfra::data_versions().address_data);
        return Ok(());
    }
    let opts = mailinfra::Options::default();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in io::stdin().lock().lines() {
        let req: Value = serde_json::from_str(&line?)?;
        let field = req["field"].as_str().unwrap_or_default();
        let mut order = json!({ "country": req["country"] });
        order[field] = req["value"].clone();
        let typed = codes(&order, field, &opts);
        let prepared = mailinfra::prepare(&order, &opts)
            .order
            .and_then(|o| o.get(field).cloned())
            .unwrap_or(Value::Null);
        order[field] = prepared.clone();
        let answer = json!({
            "prepared": prepared,
            "issues": { "typed": typed, "prepared": codes(&order, field, &opts) },
        });
        writeln!(out, "{answer}")?;
    }
    out.flush()
}
