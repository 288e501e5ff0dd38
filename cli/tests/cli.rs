//! End-to-end tests of the `mailinfra` binary: `check` and `prepare`.

mod common;

use common::*;
use std::io::Write;
use std::process::Stdio;

use serde_json::Value;
#[test]
fn example_order_is_valid() {
    let o = run(&["check", ORDER], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(stdout(&o), "valid\n");
}

#[test]
fn messy_order_check_fails_with_not_normalized() {
    let o = run(&["check", MESSY], None);
    assert_eq!(code(&o), 1);
    let text = stdout(&o);
    assert!(text.contains("  error  not_normalized  "), "{text}");
    assert!(
        text.lines().last().unwrap().starts_with("invalid: "),
        "{text}"
    );

    let o = run(&["check", "--format", "json", MESSY], None);
    assert_eq!(code(&o), 1);
    let r = json(&o);
    assert_eq!(r["valid"], false);
    assert!(codes(&r).iter().any(|c| c == "not_normalized"));
    assert!(r.get("order").is_none(), "check has no order");
}

#[test]
fn messy_order_prepare_gives_canonical_order() {
    let o = run(&["prepare", "--format", "json", MESSY], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let r = json(&o);
    assert_eq!(r["valid"], true);
    assert_eq!(r["order"], order(), "canonical form of the messy order");

    // Text: the canonical order as pretty JSON, then the summary line.
    let o = run(&["prepare", MESSY], None);
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    let (body, last) = text.trim_end().rsplit_once('\n').expect("lines");
    assert_eq!(last, "valid");
    let printed: Value = serde_json::from_str(body).expect("pretty order");
    assert_eq!(printed, order());
}

#[test]
fn reads_stdin_with_dash_or_no_file() {
    let input = std::fs::read(MESSY).unwrap();
    for args in [&["check", "-"][..], &["check"][..]] {
        let o = run(args, Some(&input));
        assert_eq!(code(&o), 1);
        assert!(stdout(&o).contains("not_normalized"));
    }
    let o = run(&["prepare", "--format", "json", "-"], Some(&input));
    assert_eq!(code(&o), 0);
    assert_eq!(json(&o)["order"], order());
}

#[test]
fn json_output_shape() {
    let o = run(&["check", "--format", "json", MESSY], None);
    let r = json(&o);
    let obj = r.as_object().unwrap();
    let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    assert_eq!(keys, ["valid", "issues"]);
    for issue in r["issues"].as_array().unwrap() {
        let i = issue.as_object().unwrap();
        for k in ["pointer", "path", "code", "severity", "message"] {
            assert!(i.contains_key(k), "missing {k} in {issue}");
        }
        assert!(i.keys().all(|k| [
            "pointer",
            "path",
            "code",
            "severity",
            "message",
            "suggestion"
        ]
        .contains(&k.as_str())));
        assert!(i["pointer"].as_str().unwrap().starts_with('/'));
        assert!(i["path"].is_array());
        assert!(["error", "warning"].contains(&i["severity"].as_str().unwrap()));
    }
    let first = &r["issues"][0];
    assert_eq!(first["pointer"], "/domainOwnerFirstname");
    assert_eq!(first["path"], serde_json::json!(["domainOwnerFirstname"]));
    assert_eq!(first["suggestion"], "John");
}

#[test]
fn text_lines_start_with_pointer() {
    let o = run(&["check", MESSY], None);
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    let (summary, issues) = lines.split_last().unwrap();
    assert_eq!(*summary, format!("invalid: {} errors", issues.len()));
    for l in issues {
        assert!(l.starts_with('/'), "{l}");
        let fields: Vec<&str> = l.splitn(4, "  ").collect();
        assert_eq!(fields.len(), 4, "{l}");
        assert!(["error", "warning"].contains(&fields[1]), "{l}");
        assert!(!fields[3].is_empty(), "{l}");
    }
    assert!(text.contains(
        "/domainOwnerFirstname  error  not_normalized  Owner first name should be written \"John\".  (suggestion: \"John\")"
    ), "{text}");

    // The whole order (empty pointer) is shown as `(order)`.
    let o = run(&["check"], Some(b"not json"));
    assert_eq!(code(&o), 1);
    assert!(
        stdout(&o).starts_with("(order)  error  invalid_json  "),
        "{}",
        stdout(&o)
    );
}

#[test]
fn jsonl_reports_each_line_in_order() {
    let mut bad = order();
    bad["country"] = "us".into();
    let input = format!("{}\n\n{}\n  \nnot json\n", compact(&order()), compact(&bad));
    let o = run(
        &["check", "--jsonl", "--format", "text"],
        Some(input.as_bytes()),
    );
    assert_eq!(code(&o), 1);
    let reports = jsonl(&o);
    assert_eq!(reports.len(), 3, "blank lines are skipped: {}", stdout(&o));
    assert_eq!(reports[0]["valid"], true);
    assert_eq!(reports[1]["valid"], false);
    assert_eq!(codes(&reports[1]), ["not_normalized"]);
    assert_eq!(reports[2]["valid"], false);
    assert_eq!(codes(&reports[2]), ["invalid_json"]);
    assert_eq!(reports[2]["issues"][0]["pointer"], "");
    // Compact: one report per line.
    assert_eq!(stdout(&o).lines().count(), 3);

    // All valid, CRLF line ends, no final newline -> exit 0.
    let input = format!("{0}\r\n{0}", compact(&order()));
    let o = run(&["check", "--jsonl"], Some(input.as_bytes()));
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(jsonl(&o).len(), 2);
}

#[test]
fn jsonl_prepare_includes_orders() {
    let messy = std::fs::read_to_string(MESSY).unwrap();
    let line = compact(&serde_json::from_str::<Value>(&messy).unwrap());
    let o = run(
        &["prepare", "--jsonl"],
        Some(format!("{line}\n{line}\n").as_bytes()),
    );
    assert_eq!(code(&o), 0);
    for r in jsonl(&o) {
        assert_eq!(r["valid"], true);
        assert_eq!(r["order"], order());
    }
}

#[test]
fn jsonl_streams_100k_lines() {
    // Mostly cheap lines (`[]`: not_an_object) so a debug build stays fast; every
    // 100th line is a full order, every 1000th an invalid one.
    let valid = compact(&order());
    let mut bad = order();
    bad["domains"][0]["name"] = "bad domain".into();
    let bad = compact(&bad);
    let mut input = String::new();
    for i in 0..100_000 {
        input.push_str(match i % 1000 {
            999 => &bad,
            n if n % 100 == 0 => &valid,
            _ => "[]",
        });
        input.push('\n');
    }
    let o = run(&["check", "--jsonl"], Some(input.as_bytes()));
    assert_eq!(code(&o), 1);
    let text = stdout(&o);
    assert_eq!(text.lines().count(), 100_000);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], r#"{"valid":true,"issues":[]}"#);
    assert!(
        lines[1].contains(r#""code":"not_an_object""#),
        "{}",
        lines[1]
    );
    assert!(
        lines[999].contains(r#""pointer":"/domains/0/name""#),
        "{}",
        lines[999]
    );
    let valid_count = lines
        .iter()
        .filter(|l| l.starts_with(r#"{"valid":true"#))
        .count();
    assert_eq!(valid_count, 1000);
}

#[test]
fn jsonl_over_long_line_is_refused_alone() {
    let valid = compact(&order());
    let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(3_000_000));
    let input = format!("{valid}\n{huge}\n{valid}\n");
    let o = run(&["check", "--jsonl"], Some(input.as_bytes()));
    assert_eq!(code(&o), 1);
    let reports = jsonl(&o);
    assert_eq!(reports.len(), 3);
    assert_eq!(reports[0]["valid"], true);
    assert_eq!(codes(&reports[1]), ["input_too_large"]);
    assert_eq!(reports[1]["issues"][0]["pointer"], "");
    let msg = reports[1]["issues"][0]["message"].as_str().unwrap();
    assert!(msg.contains(&(huge.len()).to_string()), "{msg}");
    assert_eq!(reports[2]["valid"], true);

    // The limit applies per line and is adjustable.
    let limit = valid.len().to_string();
    let o = run(
        &["check", "--jsonl", "--max-input-bytes", &limit],
        Some(format!("{valid}\n{valid} \n").as_bytes()),
    );
    let reports = jsonl(&o);
    assert_eq!(reports[0]["valid"], true);
    assert_eq!(codes(&reports[1]), ["input_too_large"]);
}

#[test]
fn jsonl_invalid_utf8_line_is_invalid_json() {
    let valid = compact(&order());
    let mut input = valid.clone().into_bytes();
    input.extend_from_slice(b"\n{\"a\":\"\xff\"}\n");
    input.extend_from_slice(valid.as_bytes());
    let o = run(&["check", "--jsonl"], Some(&input));
    assert_eq!(code(&o), 1);
    let reports = jsonl(&o);
    assert_eq!(reports.len(), 3);
    assert_eq!(codes(&reports[1]), ["invalid_json"]);
    assert_eq!(reports[2]["valid"], true);
}

#[test]
fn single_document_over_limit_is_a_report() {
    let o = run(&["check", "--max-input-bytes", "100", ORDER], None);
    assert_eq!(code(&o), 1);
    assert!(
        stdout(&o).starts_with("(order)  error  input_too_large  "),
        "{}",
        stdout(&o)
    );
    let input = std::fs::read(ORDER).unwrap();
    let o = run(
        &["check", "--format", "json", "--max-input-bytes", "100"],
        Some(&input),
    );
    assert_eq!(code(&o), 1);
    assert_eq!(codes(&json(&o)), ["input_too_large"]);
    // Exactly at the limit is fine.
    let n = input.len().to_string();
    let o = run(&["check", "--max-input-bytes", &n, ORDER], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

#[test]
fn option_max_domains() {
    let (c, r) = check_json_with(&order(), &["--max-domains", "0"]);
    assert_eq!(c, 1);
    assert_eq!(codes(&r), ["too_many_items"]);
    assert_eq!(r["issues"][0]["pointer"], "/domains");
    let (c, _) = check_json_with(&order(), &["--max-domains", "1"]);
    assert_eq!(c, 0);
}

#[test]
fn option_max_mailboxes_per_domain() {
    let (c, r) = check_json_with(&order(), &["--max-mailboxes-per-domain", "0"]);
    assert_eq!(c, 1);
    assert_eq!(codes(&r), ["too_many_mailboxes"]);
}

#[test]
fn option_allowed_tlds() {
    let (c, r) = check_json_with(&order(), &["--allowed-tlds", "net"]);
    assert_eq!(c, 1);
    assert_eq!(codes(&r), ["invalid_domain"]);
    assert_eq!(r["issues"][0]["pointer"], "/domains/0/name");
    // Trimmed, leading dots stripped, case-insensitive, repeatable.
    let (c, _) = check_json_with(&order(), &["--allowed-tlds", " net , .COM"]);
    assert_eq!(c, 0);
    let (c, _) = check_json_with(
        &order(),
        &["--allowed-tlds", "net", "--allowed-tlds", "com"],
    );
    assert_eq!(c, 0);
    assert_usage_error(&run(&["check", "--allowed-tlds", " , ", ORDER], None));
}

fn with_email_domain(domain: &str, local: &str) -> Value {
    let mut o = order();
    o["domains"][0]["name"] = domain.into();
    o["domains"][0]["mailboxes"][0]["email"] = format!("{local}@{domain}").into();
    o
}

#[test]
fn option_no_idn() {
    let idn = with_email_domain("xn--bcher-kva.com", "john.smith");
    let (c, r) = check_json_with(&idn, &[]);
    assert_eq!(c, 0);
    assert_eq!(codes(&r), ["idn_domain"]);
    assert_eq!(r["issues"][0]["severity"], "warning");
    let (c, r) = check_json_with(&idn, &["--no-idn"]);
    assert_eq!(c, 1);
    assert_eq!(codes(&r), ["idn_domain"]);
    assert_eq!(r["issues"][0]["severity"], "error");
}

#[test]
fn option_warnings_as_errors() {
    let role = with_email_domain("tryoutreachteam.com", "info");
    let (c, r) = check_json_with(&role, &[]);
    assert_eq!(c, 0);
    assert_eq!(codes(&r), ["role_address"]);
    assert_eq!(r["issues"][0]["severity"], "warning");
    let o = run(&["check"], Some(compact(&role).as_bytes()));
    assert_eq!(stdout(&o).lines().last(), Some("valid: 1 warning"));
    let (c, r) = check_json_with(&role, &["--warnings-as-errors"]);
    assert_eq!(c, 1);
    assert_eq!(r["issues"][0]["severity"], "error");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check", "--frobnicate"][..],
        &["check", "--max-domains", "many"],
        &["check", "--max-input-bytes", "-1"],
        &["check", "--format", "xml"],
        &["lint"],
        &[],
    ] {
        assert_usage_error(&run(args, None));
    }
}

#[test]
fn missing_file_exits_2() {
    let o = run(&["check", "/nonexistent/order.json"], None);
    assert_usage_error(&o);
    assert_eq!(
        stderr(&o).trim_end(),
        "mailinfra: cannot read /nonexistent/order.json: No such file or directory"
    );
    assert!(o.stdout.is_empty());
    let o = run(&["check", "--jsonl", "/nonexistent/orders.jsonl"], None);
    assert_usage_error(&o);
}

#[test]
fn version_lists_data_versions() {
    let o = run(&["--version"], None);
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("mailinfra {}", env!("CARGO_PKG_VERSION")));
    assert_eq!(lines.len(), 4, "{text}");
    assert!(text.contains("Public Suffix List"), "{text}");
    assert!(text.contains("libphonenumber"), "{text}");
}

#[test]
fn help_describes_the_interface() {
    let o = run(&["--help"], None);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("check"));
    assert!(stdout(&o).contains("prepare"));
    let o = run(&["check", "--help"], None);
    assert_eq!(code(&o), 0);
    let help = stdout(&o);
    for needle in [
        "--format",
        "--jsonl",
        "--max-domains",
        "--max-mailboxes-per-domain",
        "--allowed-tlds",
        "--no-idn",
        "--warnings-as-errors",
        "--max-input-bytes",
        "Blank lines",
        "always JSON",
        "Exit status",
    ] {
        assert!(help.contains(needle), "missing {needle}");
    }
}

#[test]
fn broken_pipe_is_quiet() {
    let line = compact(&order());
    let input = format!("{line}\n").repeat(50_000);
    let mut child = bin()
        .args(["check", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    // Close stdout without reading it all.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.is_empty(), "stderr: {err}");
    assert_eq!(out.status.code(), Some(2));
}
