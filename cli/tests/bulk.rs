//! End-to-end tests of the `mailinfra` binary: `suggest` and `build`.

mod common;

use common::*;
use serde_json::Value;

#[test]
fn suggest_prints_one_address_per_line() {
    let o = run(
        &[
            "suggest", "--first", "John", "--last", "Smith", "--domain", "acme.com", "--count", "5",
        ],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        stdout(&o).lines().collect::<Vec<_>>(),
        [
            "john@acme.com",
            "john.smith@acme.com",
            "johnsmith@acme.com",
            "jsmith@acme.com",
            "j.smith@acme.com"
        ]
    );
    let o = run(
        &[
            "suggest",
            "--first",
            "Zoë",
            "--last",
            "O'Brien",
            "--domain",
            "acme.com",
            "--count",
            "2",
            "--esp",
            "Microsoft",
            "--format",
            "json",
            "--exclude",
            "zoe@acme.com",
        ],
        None,
    );
    assert_eq!(
        json(&o),
        serde_json::json!(["zoe.obrien@acme.com", "zoeobrien@acme.com"])
    );
}

#[test]
fn suggest_bad_requests_exit_1_with_issues() {
    let o = run(
        &[
            "suggest", "--first", "", "--last", "Smith", "--domain", "co.uk", "--count", "0",
        ],
        None,
    );
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(err.contains("/firstName  error  blank"), "{err}");
    assert!(
        err.contains("/domain  error  domain_not_registrable"),
        "{err}"
    );
    assert!(err.contains("/count  error  too_short"), "{err}");
    assert!(stdout(&o).is_empty());
    let o = run(
        &[
            "suggest", "--first", "A", "--last", "B", "--domain", "acme.com", "--esp", "yahoo",
        ],
        None,
    );
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).starts_with("mailinfra: unknown --esp"));
}

#[test]
fn build_groups_the_example_sheet() {
    let o = run(
        &[
            "build",
            "--registrant",
            REGISTRANT,
            "--mailboxes",
            MAILBOXES,
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let r = json(&o);
    assert_eq!(r["valid"], true);
    let names: Vec<&str> = r["order"]["domains"]
        .as_array()
        .expect("domains")
        .iter()
        .map(|d| d["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["acmeoutreach.com", "tryacme.co"]);
    assert_eq!(
        r["order"]["domains"][0]["mailboxes"][0]["email"],
        "john@acmeoutreach.com"
    );
    assert_eq!(r["order"]["domains"][1]["mailboxes"][0]["firstname"], "Zoë");
}

#[test]
fn build_issues_name_row_and_column() {
    let dir = std::env::temp_dir().join(format!("mailinfra-build-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let csv = dir.join("m.csv");
    std::fs::write(
        &csv,
        "\u{feff}Domain,First Name,lastname,email,colour\r\n\
         acme-outreach.com,John,Smith,john@other.com,red\r\n\
         \r\n\
         \"acme-outreach.com\",\"Doe, Jane\",Doe,,blue,extra\r\n",
    )
    .expect("write csv");
    let o = run(
        &[
            "build",
            "--registrant",
            REGISTRANT,
            "--mailboxes",
            csv.to_str().expect("utf-8 path"),
        ],
        None,
    );
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(err.contains("row 1, colour:"), "{err}");
    assert!(
        err.contains("row 2, email: /domains/0/mailboxes/0/email  error  email_domain_mismatch"),
        "{err}"
    );
    assert!(
        err.contains("row 3: (order)  error  unknown_field"),
        "{err}"
    );
    let order: Value = serde_json::from_slice(&o.stdout).expect("order JSON on stdout");
    assert_eq!(
        order["domains"][0]["mailboxes"][1]["firstname"],
        "Doe, Jane"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn build_streams_a_hundred_thousand_rows() {
    let dir = std::env::temp_dir().join(format!("mailinfra-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let csv = dir.join("big.csv");
    let mut text = String::from("domain,firstname,lastname\n");
    for i in 0..100_000 {
        text.push_str(&format!(
            "acme-{}.com,John{},Smith{}\n",
            i % 400,
            i % 37,
            i / 400
        ));
    }
    std::fs::write(&csv, text).expect("write csv");
    let o = run(
        &[
            "build",
            "--registrant",
            REGISTRANT,
            "--mailboxes",
            csv.to_str().expect("utf-8 path"),
            "--format",
            "json",
            "--max-domains",
            "1000",
            "--max-mailboxes-per-domain",
            "300",
        ],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let r = json(&o);
    assert_eq!(r["order"]["domains"].as_array().map(Vec::len), Some(400));
    assert_eq!(
        r["order"]["domains"][399]["mailboxes"]
            .as_array()
            .map(Vec::len),
        Some(250)
    );
    std::fs::remove_dir_all(&dir).ok();
}
