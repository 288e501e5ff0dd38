//! Our side of `tests/reference/phone.py`: one `{"input": "...", "region": "US" | null}`
//! per stdin line, one `{"e164": ..., "prepared": ..., "prepareRegion": ...}` per stdout
//! line. `e164` is `mailinfra::phone_e164` (the numbering-plan reading alone);
//! `prepared` is the `phoneNumber` that `prepare` writes for an order with that
//! `country`, and `prepareRegion` the default region prepare read it with (`null` when
//! the country is not one prepare knows, e.g. `AC`). `--version` prints the phone
//! metadata version compiled in.
use std::io::{self, BufRead, BufWriter, Write};

use serde_json::{json, Value};

fn main() -> io::Result<()> {
    if std::env::args().nth(1).as_deref() == Some("--version") {
        println!("{}", mailinfra::data_versions().phone_metadata);
        return Ok(());
    }
    let opts = mailinfra::Options::default();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in io::stdin().lock().lines() {
        let req: Value = serde_json::from_str(&line?)?;
        let input = req["input"].as_str().unwrap_or_default();
        let region = req["region"].as_str();
        let mut order = json!({ "phoneNumber": input });
        if let Some(r) = region {
            order["country"] = json!(r);
        }
        let report = mailinfra::prepare(&order, &opts);
        let country_refused = report.issues.iter().any(|i| i.pointer == "/country");
        let prepared = report
            .order
            .as_ref()
            .and_then(|o| o.get("phoneNumber"))
            .cloned()
            .unwrap_or(Value::Null);
        let answer = json!({
            "e164": mailinfra::phone_e164(input, region),
            "prepared": prepared,
            "prepareRegion": if country_refused { None } else { region },
        });
        writeln!(out, "{answer}")?;
    }
    out.flush()
}
