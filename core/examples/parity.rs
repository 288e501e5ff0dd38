//! The Rust API's side of `tests/parity/run`: one order per stdin line (JSON),
//! one `{"check": report, "prepare": report}` per stdout line, via `check`/`prepare`
//! on the parsed value (as the bindings call them on converted objects).
use std::io::{self, BufRead, BufWriter, Write};

fn main() -> io::Result<()> {
    let opts = mailinfra::Options::default();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in io::stdin().lock().lines() {
        let line = line?;
        let report = match mailinfra::parse_input(&line, &opts) {
            Ok(v) => serde_json::json!({
                "check": mailinfra::check(&v, &opts),
                "prepare": mailinfra::prepare(&v, &opts),
            }),
            Err(issue) => {
                let r = mailinfra::Report::refused(*issue);
                serde_json::json!({ "check": r, "prepare": r })
            }
        };
        writeln!(out, "{report}")?;
    }
    out.flush()
}
