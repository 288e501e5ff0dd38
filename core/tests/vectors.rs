//! Runs every conformance vector in `tests/vectors/*.json` through the Rust API.

use std::path::PathBuf;

mod field_pointers;

use field_pointers::field_pointers;
use mailinfra::{Issue, Options};
use serde_json::{json, Value};

fn vector_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// The projection of an actual issue that a vector's expected issue specifies.
fn project(actual: &Issue, expected: &Value) -> Value {
    let mut out = json!({
        "pointer": actual.pointer,
        "code": actual.code,
        "severity": actual.severity,
    });
    if expected.get("suggestion").is_some() {
        out["suggestion"] = actual.suggestion.clone().unwrap_or(Value::Null);
    }
    out
}

fn compare_issues(actual: &[Issue], expected: &Value, name: &str, failures: &mut Vec<String>) {
    let expected = expected.as_array().cloned().unwrap_or_default();
    let got: Vec<Value> = actual
        .iter()
        .enumerate()
        .map(|(i, a)| project(a, expected.get(i).unwrap_or(&Value::Null)))
        .collect();
    if got != expected {
        failures.push(format!(
            "{name}: issues\n  expected {}\n  actual   {}",
            Value::Array(expected),
            serde_json::to_string(actual).unwrap_or_default()
        ));
    }
}

fn run(v: &Value, failures: &mut Vec<String>) {
    let name = v["name"].as_str().unwrap_or("?").to_string();
    let options: Options = match v.get("options") {
        Some(o) => match serde_json::from_value(o.clone()) {
            Ok(o) => o,
            Err(e) => return failures.push(format!("{name}: bad options: {e}")),
        },
        None => Options::default(),
    };
    let input = &v["input"];
    let expect = &v["expect"];
    let mode = v["mode"].as_str().unwrap_or_default();
    let report = match mode {
        "check" => mailinfra::check(input, &options),
        "prepare" => mailinfra::prepare(input, &options),
        "check_json" => mailinfra::check_json(input.as_str().unwrap_or_default(), &options),
        "prepare_json" => mailinfra::prepare_json(input.as_str().unwrap_or_default(), &options),
        "check_field" => {
            let pointer = v["pointer"].as_str().unwrap_or_default();
            return match (
                mailinfra::check_field(input, pointer, &options),
                expect.get("error"),
            ) {
                (Ok(issues), None) => compare_issues(&issues, &expect["issues"], &name, failures),
                (Err(e), Some(_)) => {
                    let nearest = expect["nearest"].as_str().map(|n| format!("{n:?}"));
                    if !nearest.as_ref().is_none_or(|n| e.to_string().contains(n)) {
                        failures.push(format!("{name}: error {e:?} without {nearest:?}"));
                    }
                }
                (got, _) => failures.push(format!("{name}: expected {expect}, got {got:?}")),
            };
        }
        "to_ascii" | "to_unicode" => {
            let s = input.as_str().unwrap_or_default();
            let out = if mode == "to_ascii" {
                mailinfra::domain_to_ascii(s)
            } else {
                mailinfra::domain_to_unicode(s)
            };
            let got = json!({ "output": out });
            if &got != expect {
                failures.push(format!("{name}: expected {expect}, got {got}"));
            }
            return;
        }
        "suggest" => return run_suggest(&name, input, expect, failures),
        "build" => return run_build(&name, input, expect, &options, failures),
        other => return failures.push(format!("{name}: unknown mode {other:?}")),
    };
    if expect.get("valid") != Some(&Value::Bool(report.valid)) {
        failures.push(format!(
            "{name}: valid is {}, expected {}",
            report.valid, expect["valid"]
        ));
    }
    compare_issues(&report.issues, &expect["issues"], &name, failures);
    if let Some(order) = expect.get("order") {
        let got = report.order.clone().unwrap_or(Value::Null);
        // Compare serialized text so that key order counts too.
        if serde_json::to_string(&got).ok() != serde_json::to_string(order).ok() {
            failures.push(format!(
                "{name}: order\n  expected {order}\n  actual   {got}"
            ));
        }
    }
}

fn run_suggest(name: &str, input: &Value, expect: &Value, failures: &mut Vec<String>) {
    let s = mailinfra::suggest_mailboxes_json(input);
    if json!(s.addresses) != expect["addresses"] {
        failures.push(format!(
            "{name}: addresses\n  expected {}\n  actual   {}",
            expect["addresses"],
            json!(s.addresses)
        ));
    }
    compare_issues(&s.issues, &expect["issues"], name, failures);
}

fn run_build(
    name: &str,
    input: &Value,
    expect: &Value,
    options: &Options,
    failures: &mut Vec<String>,
) {
    let rows: Vec<serde_json::Map<String, Value>> = input["rows"]
        .as_array()
        .map(|a| a.iter().filter_map(|r| r.as_object().cloned()).collect())
        .unwrap_or_default();
    let r = mailinfra::build_order(
        &input["registrant"],
        &rows,
        input["esp"].as_str(),
        input["plan"].as_str(),
        options,
    );
    if expect.get("valid") != Some(&Value::Bool(r.valid)) {
        failures.push(format!(
            "{name}: valid is {}, expected {}",
            r.valid, expect["valid"]
        ));
    }
    let got: Vec<Value> = r
        .issues
        .iter()
        .map(|i| {
            json!({
                "pointer": i.issue.pointer, "code": i.issue.code, "severity": i.issue.severity,
                "row": i.row, "column": i.column,
            })
        })
        .collect();
    if json!(got) != expect["issues"] {
        failures.push(format!(
            "{name}: issues\n  expected {}\n  actual   {}",
            expect["issues"],
            json!(got)
        ));
    }
    if let Some(order) = expect.get("order") {
        if serde_json::to_string(&r.order).ok() != serde_json::to_string(order).ok() {
            failures.push(format!(
                "{name}: order\n  expected {order}\n  actual   {}",
                r.order
            ));
        }
    }
}

#[test]
fn conformance_vectors() {
    let mut failures = Vec::new();
    let mut count = 0;
    for file in vector_files() {
        let text = std::fs::read_to_string(&file).expect("readable vector file");
        let doc: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", file.display()));
        let vectors = doc["vectors"].as_array().cloned().unwrap_or_default();
        assert!(!vectors.is_empty(), "{} has no vectors", file.display());
        let mut names = std::collections::HashSet::new();
        let fname = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        for v in &vectors {
            let name = v["name"].as_str().unwrap_or_default();
            assert!(
                names.insert(name.to_string()),
                "{fname}: duplicate name {name}"
            );
            let before = failures.len();
            run(v, &mut failures);
            for f in &mut failures[before..] {
                *f = format!("{fname}: {f}");
            }
            count += 1;
        }
    }
    assert!(count >= 300, "only {count} vectors found");
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{count} vectors passed");
}

/// A field check reads only its `FieldPointer::part` and `check_field_reads`' members:
/// for every object input of every vector (orders and registrant records) and every
/// pointer of `field_pointers`, `check_field` on the part, and on just those members,
/// gives the issues it gives on the whole order, whenever the whole order is within
/// the input limits.
#[test]
fn a_field_check_reads_only_its_part() {
    let opts = Options::default();
    let (mut compared, mut nested, mut whole) = (0, 0, 0);
    for file in vector_files() {
        let text = std::fs::read_to_string(&file).expect("readable vector file");
        let doc: Value = serde_json::from_str(&text).expect("vector file is JSON");
        let inputs = doc["vectors"].as_array().cloned().unwrap_or_default();
        for v in inputs.iter().map(|v| &v["input"]) {
            let Some(obj) = v.as_object() else { continue };
            if mailinfra::check(v, &opts)
                .issues
                .iter()
                .any(|i| i.path.is_empty())
            {
                continue; // refused outright (or not an order): no field issues at all
            }
            for p in &field_pointers(obj) {
                let full = mailinfra::check_field(v, p, &opts);
                let Ok(field) = mailinfra::FieldPointer::parse(p) else {
                    assert!(full.is_err() && mailinfra::check_field_reads(p).is_err());
                    continue;
                };
                let Some(part) = field.part() else {
                    whole += 1;
                    continue;
                };
                let selected = part.select(v);
                let at = || format!("{} at {p:?}, part {selected}", file.display());
                assert_eq!(
                    full,
                    mailinfra::check_field(&selected, p, &opts),
                    "{}",
                    at()
                );
                let reads = mailinfra::check_field_reads(p)
                    .expect("a field")
                    .expect("a part");
                let pruned: serde_json::Map<String, Value> = reads
                    .iter()
                    .filter_map(|k| obj.get(k).map(|x| (k.clone(), x.clone())))
                    .collect();
                let pruned = mailinfra::check_field(&Value::Object(pruned), p, &opts);
                assert_eq!(full, pruned, "{} (members only)", at());
                compared += 1;
                nested += usize::from(p.starts_with("/domains/"));
            }
        }
    }
    assert!(
        compared > 40_000 && nested > 15_000 && whole > 2_000,
        "{compared} compared ({nested} under domains), {whole} whole"
    );
    eprintln!(
        "{compared} field checks on their parts agree ({nested} under domains); {whole} read the whole order"
    );
}

/// `check_field_json` (the npm package's path: JSON text, the pointer parsed once) gives
/// what `check_field` gives on the parsed value, for every input of every vector and
/// the pointers above, and nothing for text refused outright.
#[test]
fn check_field_json_agrees_with_check_field() {
    let opts = Options::default();
    let pointers = [
        "",
        "/country",
        "/zipcode",
        "/phoneNumber",
        "/domains/0/name",
    ];
    let fields = pointers.map(|p| mailinfra::FieldPointer::parse(p).expect("a field"));
    let mut compared = 0;
    for file in vector_files() {
        let text = std::fs::read_to_string(&file).expect("readable vector file");
        let doc: Value = serde_json::from_str(&text).expect("vector file is JSON");
        for v in doc["vectors"].as_array().into_iter().flatten() {
            let input = serde_json::to_string(&v["input"]).expect("serializable");
            for (p, field) in pointers.iter().zip(&fields) {
                let want = mailinfra::check_field(&v["input"], p, &opts).expect("a field");
                assert_eq!(
                    mailinfra::check_field_json(&input, field, &opts),
                    want,
                    "{} at {p:?}",
                    file.display()
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 5_000, "{compared} compared");
    let deep = format!(
        "{{\"phoneNumber\":\"nope\",\"x\":{}0{}}}",
        "[".repeat(100),
        "]".repeat(100)
    );
    let large = json!({ "phoneNumber": "nope", "notes": "x".repeat(opts.max_input_bytes) });
    for refused in ["{\"phoneNumber\":\"nope\"", &deep, &large.to_string()] {
        assert_eq!(
            mailinfra::check_field_json(refused, &fields[3], &opts),
            Vec::<Issue>::new()
        );
    }
    let small = json!({ "phoneNumber": "nope" }).to_string();
    assert!(!mailinfra::check_field_json(&small, &fields[3], &opts).is_empty());
}
