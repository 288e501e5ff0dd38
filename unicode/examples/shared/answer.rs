//! What the conformance test (`bindings-wasm/tests/unicode-host.test.mjs`) compares
//! between the back ends: for one input, `[nfc, nfkc, nfkd, marks, viramas, ascii,
//! lower, lowerEach, upper]` through this crate's public functions (marks and viramas
//! one `0`/`1` a character; `ascii` the core's strict UTS #46 ToASCII through `idna`
//! and the in-repo adapter, or null; the case mappings of `case`).
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
use mailinfra_unicode::{is_mark, is_virama, lower, lower_each, nfc, nfkc, nfkd, upper};

pub fn answer(s: &str) -> serde_json::Value {
    let bits = |f: fn(char) -> bool| -> String {
        s.chars().map(|c| if f(c) { '1' } else { '0' }).collect()
    };
    let ascii = Uts46::new()
        .to_ascii(
            s.as_bytes(),
            AsciiDenyList::STD3,
            Hyphens::Check,
            DnsLength::Verify,
        )
        .ok();
    serde_json::json!([
        nfc(s),
        nfkc(s),
        nfkd(s),
        bits(is_mark),
        bits(is_virama),
        ascii,
        lower(s),
        lower_each(s),
        upper(s)
    ])
}

/// The answers for JSON-string lines, one JSON array a line.
pub fn answer_lines(lines: &str) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for line in lines.lines() {
        let s: String = serde_json::from_str(line)?;
        out.push_str(&answer(&s).to_string());
        out.push('\n');
    }
    Ok(out)
}
