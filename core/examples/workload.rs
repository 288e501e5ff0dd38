//! Runs one workload a given number of times, for `bench/instructions.sh`, which counts
//! the instructions it executes under valgrind: a per-call figure, repeatable to ~1 %,
//! for comparing two builds on a machine whose timings drift (this VM's, by up to 1.5x).
//!
//! `workload <name> <n>`: after one warm-up call (which pays for the lazy tables),
//! `n` calls of the workload. Names: `prepare_typical` (one order re-prepared, as a
//! form does), `prepare_stream` (a new phone number and postal code each call),
//! `check_typical`, `check_field_phone`, `check_field_phone_part` (on only the members
//! `mailinfra::check_field_reads` names, as the npm package sends them),
//! `check_field_state_name` (`Colombie-Britannique` for CA) and `check_field_state_typo`
//! (`Califrnia` for US). The `_text` workloads are the npm package's path: JSON text in
//! (`prepare_json`, `check_json`, `parse_input` + `check_field`), the result serialized
//! to JSON text: `prepare_stream_text`, `check_typical_text`, `check_field_phone_part_text`,
//! `check_field_email_part_text` (the part a check of the first domain's last address reads);
//! `check_field_phone_json` and `check_field_email_json` are the same parts through
//! `check_field_json` with the pointer parsed once, exactly as the npm package calls it;
//! `prepare_stream_report` is `prepare_stream_text` through `prepare_json_text` (what the
//! npm package calls now; not in revisions before it). `prepare_invalid_report` is that
//! path on `bench/js/orders.mjs`'s invalid orders (1-3 of its mistakes each): the
//! report written in full, issues included.

use std::hint::black_box;

use mailinfra::{
    check, check_field, check_field_json, check_json, parse_input, prepare, prepare_json,
    prepare_json_text, FieldPointer, Issue, Options,
};

/// How many issues a field check gave: `check_field` returns a list, or (since it
/// refuses pointers to no field) a `Result` of one; this file builds against both,
/// for `bench/instructions.sh <rev>`.
trait Count {
    fn count(self) -> usize;
}

impl Count for Vec<Issue> {
    fn count(self) -> usize {
        self.len()
    }
}

impl<E> Count for Result<Vec<Issue>, E> {
    fn count(self) -> usize {
        self.map_or(usize::MAX, |i| i.len())
    }
}

#[path = "../benches/common/orders.rs"]
mod orders;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (name, n) = match args.as_slice() {
        [name, n] => match n.parse::<usize>() {
            Ok(n) => (name.as_str(), n),
            Err(_) => return usage(),
        },
        _ => return usage(),
    };
    let opts = Options::default();
    let typical = orders::typical();
    let stream = orders::typical_stream(1000);
    let invalid_text: Vec<String> = orders::invalid_stream(1000)
        .iter()
        .map(|v| serde_json::to_string(v).unwrap_or_default())
        .collect();
    // What `check_field_reads("/phoneNumber")` names (a literal, so that this file
    // also builds against revisions before that function, for bench/instructions.sh).
    let part: serde_json::Map<String, serde_json::Value> =
        ["phoneNumber", "country", "state", "emailServiceProvider"]
            .into_iter()
            .filter_map(|k| typical.get(k).map(|v| (k.to_string(), v.clone())))
            .collect();
    let part = serde_json::Value::Object(part);
    // What a check of the first domain's last address reads (the npm package sends it
    // as this text): that domain's name and addresses, and the ESP.
    let domain = &typical["domains"][0];
    let addresses = domain["mailboxes"].as_array().cloned().unwrap_or_default();
    let email_pointer = format!(
        "/domains/0/mailboxes/{}/email",
        addresses.len().saturating_sub(1)
    );
    let addresses: Vec<_> = addresses
        .iter()
        .map(|m| serde_json::json!({ "email": m["email"] }))
        .collect();
    let email_part = serde_json::json!({
        "domains": [{ "name": domain["name"], "mailboxes": addresses }],
        "emailServiceProvider": typical["emailServiceProvider"],
    });
    // A state typed by name in another language (resolved: one `not_normalized`), and a
    // typo (one `invalid_state` with a near-miss suggestion).
    let state_name = serde_json::json!({ "country": "CA", "state": "Colombie-Britannique" });
    let state_typo = serde_json::json!({ "country": "US", "state": "Califrnia" });
    let text = |v: &serde_json::Value| serde_json::to_string(v).unwrap_or_default();
    let stream_text: Vec<String> = stream.iter().map(text).collect();
    let typical_text = text(&typical);
    let part_text = text(&part);
    let email_part_text = text(&email_part);
    let report_text = |r: mailinfra::Report| {
        let valid = r.valid;
        black_box(serde_json::to_string(&r).unwrap_or_default());
        valid
    };
    let phone_field = FieldPointer::parse("/phoneNumber");
    let email_field = FieldPointer::parse(&email_pointer);
    let field_json = |text: &str, field: &Result<FieldPointer, _>| {
        field.as_ref().is_ok_and(|f| {
            let issues = check_field_json(text, f, &opts);
            black_box(serde_json::to_string(&issues).unwrap_or_default());
            issues.is_empty()
        })
    };
    let run = |i: usize| match name {
        "check_field_phone_json" => field_json(&part_text, &phone_field),
        "check_field_email_json" => field_json(&email_part_text, &email_field),
        "prepare_stream_text" => report_text(prepare_json(&stream_text[i % stream.len()], &opts)),
        // The npm package's path since `prepare_json_text`: the report written as text
        // by the core, the order's text copied when prepare leaves it as it is.
        "prepare_stream_report" => !black_box(prepare_json_text(
            &stream_text[i % stream.len()],
            &opts,
            |r| serde_json::to_string(r).unwrap_or_default(),
        ))
        .is_empty(),
        // Not valid: true when the report says so.
        "prepare_invalid_report" => black_box(prepare_json_text(
            &invalid_text[i % invalid_text.len()],
            &opts,
            |r| serde_json::to_string(r).unwrap_or_default(),
        ))
        .starts_with("{\"valid\":false"),
        "check_typical_text" => report_text(check_json(&typical_text, &opts)),
        "check_field_phone_part_text" => parse_input(&part_text, &opts).is_ok_and(|v| {
            check_field(&v, "/phoneNumber", &opts).is_ok_and(|issues| {
                black_box(serde_json::to_string(&issues).unwrap_or_default());
                issues.is_empty()
            })
        }),
        "check_field_email_part_text" => parse_input(&email_part_text, &opts).is_ok_and(|v| {
            check_field(&v, &email_pointer, &opts).is_ok_and(|issues| {
                black_box(serde_json::to_string(&issues).unwrap_or_default());
                issues.is_empty()
            })
        }),
        "prepare_typical" => black_box(prepare(&typical, &opts)).valid,
        "prepare_stream" => black_box(prepare(&stream[i % stream.len()], &opts)).valid,
        "check_typical" => black_box(check(&typical, &opts)).valid,
        "check_field_phone" => black_box(check_field(&typical, "/phoneNumber", &opts)).count() == 0,
        "check_field_phone_part" => {
            black_box(check_field(&part, "/phoneNumber", &opts)).count() == 0
        }
        "check_field_state_name" => {
            black_box(check_field(&state_name, "/state", &opts)).count() == 1
        }
        "check_field_state_typo" => {
            black_box(check_field(&state_typo, "/state", &opts)).count() == 1
        }
        _ => false,
    };
    if !run(stream.len() - 1) {
        eprintln!("unknown workload {name:?}, or its order is not valid");
        std::process::exit(2);
    }
    for i in 0..n {
        run(i);
    }
}

fn usage() {
    eprintln!(
        "usage: workload <prepare_typical|prepare_stream|check_typical|check_field_phone> <n>"
    );
    std::process::exit(2);
}
