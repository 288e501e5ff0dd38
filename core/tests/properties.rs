//! Property tests of the invariants of docs/contract.md: prepare's output passes check
//! when prepare found no error, prepare is idempotent, and nothing panics on any JSON.

mod field_pointers;

use mailinfra::{check, check_field, prepare, FieldPointer, Options};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Values a person might type into each field: valid, messy and broken.
fn field_pool(key: &str) -> Vec<Value> {
    let s = |v: &[&str]| v.iter().map(|x| Value::from(*x)).collect::<Vec<_>>();
    match key {
        "domainOwnerFirstname" | "domainOwnerLastname" | "firstname" | "lastname" => s(&[
            "John",
            "  Zoe\u{0308} ",
            "Anne-Marie",
            "",
            "O'Brien",
            "a\u{200B}b",
            "x\ny",
            "\u{202E}evil",
            "Nguyễn Văn An",
        ]),
        "companyName" | "address" | "city" => s(&["Acme Corp", " 123  Market St ", "", "\t"]),
        "state" => s(&[
            "CA",
            "california",
            "NY",
            "Narnia",
            "",
            " ON ",
            "US-TX",
            "Tokyo",
        ]),
        "country" => s(&[
            "US", "us", "UK", "GB", "usa", "Germany", "XX", "", "ca", "JP",
        ]),
        "zipcode" => s(&[
            "94105",
            " 94105",
            "sw1a1aa",
            "K1A0B1",
            "10001",
            "abc",
            "",
            "941051234",
        ]),
        "phoneNumber" => s(&[
            "+14155551234",
            "(415) 555-1234",
            "+1 415-555-1234",
            "00 44 20 7946 0958",
            "020 7946 0958",
            "+15550000000",
            "hello",
            "+0123",
            "",
        ]),
        "emailServiceProvider" => s(&[
            "Google",
            "google",
            "gsuite",
            "Microsoft",
            "Azure",
            "Yahoo",
            "",
        ]),
        "planType" => s(&[
            "quarterly",
            "Quarterly",
            "annualFlexi",
            "annual_fixed",
            "weekly",
        ]),
        "name" => s(&[
            "acme.com",
            "Acme.COM.",
            "https://acme.com/",
            "bücher.de",
            "mail.acme.com",
            "co.uk",
            "acme.notatld",
            "a..b.com",
            "192.168.0.1",
            "xn--bcher-kva.de",
            "acme.co.uk",
            "",
        ]),
        "redirectUrl" => s(&[
            "acmecorp.com",
            "https://acmecorp.com/",
            "acmecorp.com/about",
            "",
            "www.acme.com",
            "acme.com:8080",
        ]),
        "email" => s(&[
            "john@acme.com",
            " John@ACME.com",
            "info@acme.com",
            "john@other.com",
            "[email protected]",
            "jo..hn@acme.com",
            "postmaster@acme.com",
            "admin@acme.com",
            "nope",
            "j@bücher.de",
        ]),
        "profilePicId" => vec![json!(0), json!("3"), json!(-1), json!(1.5), json!(null)],
        "isReplacement" | "isFreeOrder" => {
            vec![json!(true), json!("false"), json!("yes"), json!(2)]
        }
        _ => vec![json!(null)],
    }
}

/// Either a pooled value for `key`, left out, or an arbitrary JSON value.
fn field(key: &'static str) -> impl Strategy<Value = Option<Value>> {
    let pool = field_pool(key);
    prop_oneof![
        8 => proptest::sample::select(pool).prop_map(Some),
        1 => Just(None),
        1 => json_value().prop_map(Some),
    ]
}

fn object(fields: Vec<(&'static str, Option<Value>)>) -> Value {
    let mut m = Map::new();
    for (k, v) in fields {
        if let Some(v) = v {
            m.insert(k.to_string(), v);
        }
    }
    Value::Object(m)
}

fn mailbox() -> impl Strategy<Value = Value> {
    (
        field("firstname"),
        field("lastname"),
        field("email"),
        field("profilePicId"),
    )
        .prop_map(|(f, l, e, p)| {
            object(vec![
                ("firstname", f),
                ("lastname", l),
                ("email", e),
                ("profilePicId", p),
            ])
        })
}

fn domain() -> impl Strategy<Value = Value> {
    (
        field("name"),
        field("redirectUrl"),
        prop::collection::vec(mailbox(), 0..4),
    )
        .prop_map(|(n, r, m)| {
            object(vec![
                ("name", n),
                ("redirectUrl", r),
                ("mailboxes", Some(Value::Array(m))),
            ])
        })
}

fn order() -> impl Strategy<Value = Value> {
    let head = (
        field("domainOwnerFirstname"),
        field("domainOwnerLastname"),
        field("companyName"),
        field("address"),
        field("city"),
        field("state"),
        field("country"),
        field("zipcode"),
    );
    let tail = (
        field("phoneNumber"),
        field("emailServiceProvider"),
        field("planType"),
        prop::collection::vec(domain(), 0..3),
        field("isReplacement"),
        field("isFreeOrder"),
        proptest::option::of(("[a-zA-Z]{1,12}", json_value())),
    );
    (head, tail).prop_map(|((a, b, c, d, e, f, g, h), (i, j, k, doms, l, m, extra))| {
        let mut o = object(vec![
            ("domainOwnerFirstname", a),
            ("domainOwnerLastname", b),
            ("companyName", c),
            ("address", d),
            ("city", e),
            ("state", f),
            ("country", g),
            ("zipcode", h),
            ("phoneNumber", i),
            ("emailServiceProvider", j),
            ("planType", k),
            ("domains", Some(Value::Array(doms))),
            ("isReplacement", l),
            ("isFreeOrder", m),
        ]);
        if let (Some((k, v)), Some(map)) = (extra, o.as_object_mut()) {
            map.entry(k).or_insert(v);
        }
        o
    })
}

/// Arbitrary JSON, including odd strings.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<String>().prop_map(Value::String),
        "[a-z.@:/ -]{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-zA-Z]{0,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn prepared_order_passes_check_when_prepare_found_no_error(o in order()) {
        let opts = Options::default();
        let p = prepare(&o, &opts);
        let canonical = p.order.clone().expect("prepare returns an order");
        let c = check(&canonical, &opts);
        // check on the canonical order finds exactly what prepare reported.
        prop_assert_eq!(&c.issues, &p.issues);
        if p.valid {
            prop_assert!(c.valid);
        }
    }

    #[test]
    fn prepare_is_idempotent(o in order()) {
        let opts = Options::default();
        let p1 = prepare(&o, &opts);
        let p2 = prepare(p1.order.as_ref().expect("order"), &opts);
        prop_assert_eq!(p1, p2);
    }

    #[test]
    fn field_check_agrees_with_check(o in order()) {
        let opts = Options::default();
        let full = check(&o, &opts);
        for issue in &full.issues {
            let focused = check_field(&o, &issue.pointer, &opts);
            // An unknown member's pointer names no field: a pointer error, not issues.
            if issue.code == mailinfra::IssueCode::UnknownField {
                prop_assert!(focused.is_err(), "{}", issue.pointer);
                continue;
            }
            let focused = focused.expect("an issue's pointer names a field");
            let expected: Vec<_> = full.issues.iter().filter(|i| i.path.starts_with(&issue.path)).cloned().collect();
            prop_assert_eq!(focused, expected);
        }
    }

    #[test]
    fn field_check_on_its_part_agrees(o in order()) {
        let opts = Options::default();
        let obj = o.as_object().expect("orders are objects");
        for pointer in field_pointers::field_pointers(obj) {
            let Some(part) = FieldPointer::parse(&pointer).ok().and_then(|f| f.part()) else {
                continue;
            };
            prop_assert_eq!(
                check_field(&part.select(&o), &pointer, &opts),
                check_field(&o, &pointer, &opts),
                "{}", pointer
            );
        }
    }

    #[test]
    fn arbitrary_json_never_panics(v in json_value()) {
        let opts = Options::default();
        let c = check(&v, &opts);
        let p = prepare(&v, &opts);
        prop_assert_eq!(c.valid, c.errors().next().is_none());
        prop_assert!(p.order.is_some());
        let text = serde_json::to_string(&v).expect("serializable");
        let _ = mailinfra::check_json(&text, &opts);
    }

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        let opts = Options::default();
        let r = mailinfra::check_json(&s, &opts);
        prop_assert!(r.valid || !r.issues.is_empty());
        let _ = mailinfra::prepare_json(&s, &opts);
        let _ = mailinfra::domain_to_ascii(&s);
        let _ = mailinfra::domain_to_unicode(&s);
        let _ = mailinfra::address_format(&s);
    }
}

/// Every string field with `s` as its value, on an otherwise empty order.
fn every_field(s: &str) -> Value {
    json!({
        "domainOwnerFirstname": s, "domainOwnerLastname": s, "companyName": s, "address": s,
        "city": s, "state": s, "country": s, "zipcode": s, "phoneNumber": s,
        "emailServiceProvider": s, "planType": s, "isReplacement": s, "isFreeOrder": s,
        "domains": [{ "name": s, "redirectUrl": s, "mailboxes": [{
            "firstname": s, "lastname": s, "email": s, "profilePicId": s }] }]
    })
}

#[test]
fn long_strings_are_refused_cheaply() {
    let opts = Options::default();
    for s in [
        "x".repeat(10 << 20),
        format!("+{}", "1".repeat(5000)),
        "é".repeat(3000),
    ] {
        let r = check(&every_field(&s), &opts);
        assert!(!r.valid);
        // No message echoes more than ~80 characters of the input.
        assert!(
            r.issues.iter().all(|i| i.message.chars().count() < 200),
            "{r:?}"
        );
        let p = prepare(&every_field(&s), &opts);
        assert!(!p.valid);
    }
}

#[test]
fn nul_and_control_characters_are_issues() {
    let r = check(&every_field("a\u{0}b"), &Options::default());
    assert!(r
        .issues
        .iter()
        .any(|i| i.code == mailinfra::IssueCode::BadCharacters));
}

#[test]
fn deep_nesting_is_refused_without_overflow() {
    let opts = Options::default();
    let mut v = json!(1);
    for _ in 0..10_000 {
        v = Value::Array(vec![v]);
    }
    let mut map = Map::new();
    map.insert("extra".into(), v);
    let order = Value::Object(map);
    assert_eq!(
        check(&order, &opts).issues[0].code,
        mailinfra::IssueCode::TooDeep
    );
    assert_eq!(
        prepare(&order, &opts).issues[0].code,
        mailinfra::IssueCode::TooDeep
    );
    assert_eq!(check_field(&order, "/country", &opts), Ok(Vec::new()));
    // serde_json's own drop of a 10,000-deep value recurses; leak it rather than
    // let the test harness thread overflow its stack while dropping.
    std::mem::forget(order);
    let text = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
    let r = mailinfra::check_json(&text, &opts);
    assert_eq!(r.issues[0].code, mailinfra::IssueCode::TooDeep);
}

#[test]
fn hundred_thousand_domains_cost_bounded_work() {
    let opts = Options::default();
    let order = json!({ "domains": vec![json!({}); 100_000] });
    let r = check(&order, &opts);
    let too_many = r
        .issues
        .iter()
        .filter(|i| i.code == mailinfra::IssueCode::TooManyItems)
        .count();
    assert_eq!(too_many, 1);
    // Only the first maxDomains entries are examined.
    let domain_issues = r
        .issues
        .iter()
        .filter(|i| i.pointer.starts_with("/domains/"))
        .count();
    assert!(domain_issues <= 2 * opts.max_domains, "{domain_issues}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Phone-like strings through the whole phone path for several default regions.
    #[test]
    fn phone_like_strings_never_panic(
        s in "[+0-9 ()\\-.x#*ext;a-z]{0,40}",
        country in proptest::sample::select(vec!["US", "GB", "DE", "IN", "BR", "JP", "XX", "AQ"]),
    ) {
        let o = json!({ "country": country, "phoneNumber": s });
        let opts = Options::default();
        let p = prepare(&o, &opts);
        let again = prepare(p.order.as_ref().expect("order"), &opts);
        prop_assert_eq!(&p, &again);
        let _ = check_field(&o, "/phoneNumber", &opts);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Every suggestion, put in a mailbox of its domain, passes the order's email
    /// checks for the chosen ESP (no error, no role warning), and none repeats.
    #[test]
    fn suggestions_pass_the_email_checks(
        first in prop_oneof![any::<String>(), "[A-Za-zÀ-ÿ' -]{1,20}"],
        last in prop_oneof![any::<String>(), "[A-Za-zА-я' -]{1,20}"],
        esp in proptest::sample::select(vec!["Google", "Microsoft", "Azure"]),
        count in 1i64..=40,
    ) {
        let s = mailinfra::suggest_mailboxes(&mailinfra::SuggestRequest {
            first_name: &first,
            last_name: &last,
            domain: "acme.com",
            count,
            esp: mailinfra::Esp::from_loose(esp),
            exclude: &[],
        });
        let unique: std::collections::HashSet<_> = s.addresses.iter().collect();
        prop_assert_eq!(unique.len(), s.addresses.len());
        prop_assert!(s.addresses.len() as i64 <= count);
        for a in &s.addresses {
            let o = json!({
                "emailServiceProvider": esp,
                "domains": [{ "name": "acme.com", "mailboxes": [{ "email": a }] }]
            });
            let issues = check_field(&o, "/domains/0/mailboxes/0/email", &Options::default())
                .expect("a field's pointer");
            prop_assert!(issues.is_empty(), "{} -> {:?}", a, issues);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    /// The domain spelling fixes reach a fixed point in one pass, whatever mix of
    /// scheme, slashes, dots and whitespace surrounds the host.
    #[test]
    fn host_normalization_is_idempotent(s in "(HTTPS?://)?[a-zA-Zü.\\-/ \\n\\t\u{c}:]{0,16}") {
        let o = json!({ "domains": [{ "name": s, "redirectUrl": s, "mailboxes": [] }] });
        let p1 = prepare(&o, &Options::default());
        let p2 = prepare(p1.order.as_ref().expect("order"), &Options::default());
        prop_assert_eq!(p1, p2);
    }
}
