//! End-to-end tests of the `mailinfra` binary: `check --field POINTER`.

mod common;

use common::*;
use serde_json::json;

#[test]
fn field_reports_only_that_field_of_a_partial_order() {
    let partial = json!({ "country": "GB", "zipcode": "sw1a1aa", "phoneNumber": "nope" });
    let o = run(
        &["check", "--field", "/zipcode", "--format", "json"],
        Some(compact(&partial).as_bytes()),
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let report = json(&o);
    assert_eq!(codes(&report), ["not_normalized"]);
    assert_eq!(report["issues"][0]["suggestion"], "SW1A 1AA");
    assert_eq!(report["valid"], false);
    assert!(report.get("order").is_none());

    let o = run(&["check", "--field", "/zipcode", ORDER], None);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(stdout(&o).trim_end(), "valid");
}

#[test]
fn field_under_a_domain_reads_its_context() {
    let mut o = order();
    o["domains"][0]["mailboxes"][0]["email"] = json!("john@other.com");
    let ptr = "/domains/0/mailboxes/0/email";
    let out = run(
        &["check", "--field", ptr, "--format", "json"],
        Some(compact(&o).as_bytes()),
    );
    assert_eq!(code(&out), 1);
    let report = json(&out);
    assert_eq!(codes(&report), ["email_domain_mismatch"]);
    assert_eq!(report["issues"][0]["pointer"], ptr);
    // The whole order's other issues are not reported on this field.
    o["phoneNumber"] = json!("nope");
    let out = run(
        &["check", "--field", "/domains/0/name"],
        Some(compact(&o).as_bytes()),
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn field_on_jsonl_reports_each_line() {
    let lines = format!(
        "{}\n{}\n",
        compact(&json!({ "country": "US", "zipcode": "1234" })),
        compact(&json!({ "country": "US", "zipcode": "94105" }))
    );
    let o = run(
        &["check", "--field", "/zipcode", "--jsonl"],
        Some(lines.as_bytes()),
    );
    assert_eq!(code(&o), 1);
    let reports = jsonl(&o);
    assert_eq!(codes(&reports[0]), ["invalid_postal_code"]);
    assert!(codes(&reports[1]).is_empty());
}

#[test]
fn unreadable_input_is_reported_as_by_check() {
    let o = run(
        &["check", "--field", "/city", "--format", "json"],
        Some(b"{"),
    );
    assert_eq!(code(&o), 1);
    assert_eq!(codes(&json(&o)), ["invalid_json"]);
}

#[test]
fn a_pointer_to_no_field_is_a_usage_error_with_a_suggestion() {
    for (pointer, meant) in [
        ("/zipCode", Some("/zipcode")),
        ("zipcode", Some("/zipcode")),
        ("/domains/0/nme", Some("/domains/0/name")),
        ("/coupon", None),
        ("/01", None),
    ] {
        // The pointer is refused before any input is read.
        let o = run(&["check", "--field", pointer, ORDER], None);
        assert_usage_error(&o);
        let err = stderr(&o);
        assert!(err.starts_with("mailinfra: --field: "), "{err}");
        if let Some(m) = meant {
            assert!(err.contains(&format!("did you mean {m:?}?")), "{err}");
        }
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn field_is_only_an_option_of_check() {
    assert_usage_error(&run(&["prepare", "--field", "/city", ORDER], None));
}
