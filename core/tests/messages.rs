//! Every sentence the library writes, rendered from representative data into one
//! snapshot (`snapshots/messages__messages.snap`): a changed message is a reviewed
//! diff. A stale snapshot fails `cargo test`; outside CI insta writes the new one
//! beside it as `.snap.new` for review (`cargo insta review`), in CI (`CI` set) it
//! writes nothing.

use mailinfra::fields::{self, Level};
use mailinfra::{
    Esp, Fix, HostRole, JsonKind, Options, Plan, Problem, StateName, UrlPart, Username,
};
use serde_json::json;

/// Fails to compile when a variant is added without a case in `problems()`.
fn listed(p: &Problem) -> &'static str {
    use Problem as P;
    match p {
        P::NotAnObject { .. } => "NotAnObject",
        P::Missing { .. } => "Missing",
        P::NullOptional { .. } => "NullOptional",
        P::Oversized { .. } => "Oversized",
        P::NotText { .. } => "NotText",
        P::NotBoolean { .. } => "NotBoolean",
        P::NotWholeNumber { .. } => "NotWholeNumber",
        P::NotAList { .. } => "NotAList",
        P::UnknownField { .. } => "UnknownField",
        P::Fixable { .. } => "Fixable",
        P::Blank { .. } => "Blank",
        P::TooLong { .. } => "TooLong",
        P::BadCharacters { .. } => "BadCharacters",
        P::NoDomains => "NoDomains",
        P::NoMailboxes => "NoMailboxes",
        P::TooManyDomains { .. } => "TooManyDomains",
        P::TooManyMailboxes { .. } => "TooManyMailboxes",
        P::InvalidCountry { .. } => "InvalidCountry",
        P::InvalidState { .. } => "InvalidState",
        P::PostalCodeNotUsed { .. } => "PostalCodeNotUsed",
        P::InvalidPostalCode { .. } => "InvalidPostalCode",
        P::PostalCodeStateMismatch { .. } => "PostalCodeStateMismatch",
        P::PhoneExtension { .. } => "PhoneExtension",
        P::PhoneNotInternational { .. } => "PhoneNotInternational",
        P::InvalidPhone { .. } => "InvalidPhone",
        P::UnknownEsp { .. } => "UnknownEsp",
        P::UnknownPlan { .. } => "UnknownPlan",
        P::PlanNotOffered { .. } => "PlanNotOffered",
        P::EmptyHost { .. } => "EmptyHost",
        P::IpAddress { .. } => "IpAddress",
        P::RedirectNotBare { .. } => "RedirectNotBare",
        P::HostNotAscii { .. } => "HostNotAscii",
        P::InvalidIdn { .. } => "InvalidIdn",
        P::HostTooLong { .. } => "HostTooLong",
        P::HostCharacter { .. } => "HostCharacter",
        P::EmptyLabel { .. } => "EmptyLabel",
        P::LabelTooLong { .. } => "LabelTooLong",
        P::LabelHyphenAtEnd { .. } => "LabelHyphenAtEnd",
        P::LabelReservedHyphens { .. } => "LabelReservedHyphens",
        P::BadALabel { .. } => "BadALabel",
        P::MixedScript { .. } => "MixedScript",
        P::NoTld { .. } => "NoTld",
        P::UnknownTld { .. } => "UnknownTld",
        P::PublicSuffix { .. } => "PublicSuffix",
        P::Subdomain { .. } => "Subdomain",
        P::IdnDomain { .. } => "IdnDomain",
        P::SuffixNotOffered { .. } => "SuffixNotOffered",
        P::DuplicateDomain { .. } => "DuplicateDomain",
        P::RedirectLoop { .. } => "RedirectLoop",
        P::ObfuscatedEmail { .. } => "ObfuscatedEmail",
        P::NotAnAddress { .. } => "NotAnAddress",
        P::AddressTooLong { .. } => "AddressTooLong",
        P::Username { .. } => "Username",
        P::EmailDomainMismatch { .. } => "EmailDomainMismatch",
        P::DuplicateEmail { .. } => "DuplicateEmail",
        P::RoleAddress { .. } => "RoleAddress",
        P::InputTooLarge { .. } => "InputTooLarge",
        P::InvalidUtf8 { .. } => "InvalidUtf8",
        P::InvalidJson { .. } => "InvalidJson",
        P::TooDeep { .. } => "TooDeep",
        P::Unconvertible { .. } => "Unconvertible",
        P::RegistrantNotObject => "RegistrantNotObject",
        P::RegistrantHasDomains => "RegistrantHasDomains",
        P::UnknownColumn { .. } => "UnknownColumn",
        P::MissingColumn { .. } => "MissingColumn",
        P::ExtraCells { .. } => "ExtraCells",
        P::RowWithoutDomain => "RowWithoutDomain",
        P::ConflictingRedirect { .. } => "ConflictingRedirect",
        P::SuggestNoDomain => "SuggestNoDomain",
        P::SuggestNoCount => "SuggestNoCount",
        P::SuggestTooMany { .. } => "SuggestTooMany",
        P::SuggestBlankName => "SuggestBlankName",
        P::SuggestNameTooLong => "SuggestNameTooLong",
        P::SuggestNoLatin { .. } => "SuggestNoLatin",
    }
}

fn s(v: &str) -> String {
    v.to_string()
}

/// Every variant at least once, with the data a real order gives it.
fn problems() -> Vec<Problem> {
    use Problem as P;
    let city = &fields::CITY;
    let email = &fields::EMAIL;
    let mut out = vec![
        P::NotAnObject {
            level: Level::Order,
            found: JsonKind::Array,
        },
        P::NotAnObject {
            level: Level::Domain,
            found: JsonKind::String,
        },
        P::NotAnObject {
            level: Level::Mailbox,
            found: JsonKind::Null,
        },
        P::Missing {
            field: &fields::PHONE_NUMBER,
        },
        P::NullOptional {
            field: &fields::PLAN_TYPE,
        },
        P::Oversized {
            field: city,
            bytes: 5000,
        },
        P::NotText {
            field: city,
            found: JsonKind::Number,
        },
        P::NotBoolean {
            field: &fields::IS_FREE_ORDER,
            found: JsonKind::String,
            fixed: Some(true),
        },
        P::NotBoolean {
            field: &fields::IS_REPLACEMENT,
            found: JsonKind::Object,
            fixed: None,
        },
        P::NotWholeNumber {
            field: &fields::PROFILE_PIC_ID,
            found: JsonKind::String,
            fixed: Some(3),
        },
        P::NotAList {
            field: &fields::DOMAINS,
            found: JsonKind::Object,
        },
        P::NotAList {
            field: &fields::MAILBOXES,
            found: JsonKind::Bool,
        },
        P::UnknownField {
            key: s("zipCode"),
            nearest: Some("zipcode"),
        },
        P::UnknownField {
            key: s("coupon"),
            nearest: None,
        },
    ];
    for (fix, field, raw, canonical) in [
        (Fix::Spelling, city, " Paris ", "Paris"),
        (Fix::Characters, city, "Pa\u{200B}ris", "Paris"),
        (Fix::CountryCode, &fields::COUNTRY, "uk", "GB"),
        (
            Fix::PhoneForm,
            &fields::PHONE_NUMBER,
            "020 7946 0958",
            "+442079460958",
        ),
        (
            Fix::EnumValue,
            &fields::EMAIL_SERVICE_PROVIDER,
            "gsuite",
            "Google",
        ),
        (
            Fix::AsciiForm,
            &fields::NAME,
            "bücher.de",
            "xn--bcher-kva.de",
        ),
        (
            Fix::BareDomain,
            &fields::REDIRECT_URL,
            "https://acme.com/",
            "acme.com",
        ),
    ] {
        out.push(P::Fixable {
            fix,
            field,
            raw: s(raw),
            canonical: s(canonical),
        });
    }
    out.extend([
        P::Blank { field: email },
        P::TooLong {
            field: &fields::FIRSTNAME,
            chars: 51,
            max: 50,
        },
        P::BadCharacters {
            field: &fields::COMPANY_NAME,
        },
        P::NoDomains,
        P::NoMailboxes,
        P::TooManyDomains {
            count: 501,
            max: 500,
        },
        P::TooManyDomains { count: 2, max: 1 },
        P::TooManyMailboxes {
            esp: Some(Esp::Google),
            count: 6,
            max: 5,
        },
        P::TooManyMailboxes {
            esp: None,
            count: 2,
            max: 1,
        },
        P::InvalidCountry { value: s("XX") },
        P::InvalidState {
            value: s("Califrnia"),
            kind: "state",
            country: "United States",
            nearest: Some(StateName {
                key: "CA",
                name: "California",
            }),
            examples: Vec::new(),
        },
        P::InvalidState {
            value: s("Odissa"),
            kind: "state",
            country: "India",
            nearest: Some(StateName {
                key: "Odisha",
                name: "Odisha",
            }),
            examples: Vec::new(),
        },
        P::InvalidState {
            value: s("Narnia"),
            kind: "state",
            country: "United States",
            nearest: None,
            examples: vec!["AL", "AK", "AS"],
        },
        P::PostalCodeNotUsed {
            country: "Antigua & Barbuda",
        },
        P::InvalidPostalCode {
            value: s("1234"),
            kind: "zip",
            country: "United States",
            example: "95014",
        },
        P::PostalCodeStateMismatch {
            value: s("94105"),
            kind: "zip",
            state: "New York",
            other: "California",
        },
        P::PhoneExtension {
            value: s("+1 415-555-1234 ext. 5"),
        },
        P::PhoneNotInternational { value: s("hello") },
        P::InvalidPhone {
            value: s("+15550000000"),
        },
        P::UnknownEsp { value: s("Yahoo") },
        P::UnknownPlan {
            value: s("monthly"),
        },
        P::PlanNotOffered {
            esp: Esp::Azure,
            plan: Plan::AnnualFixed,
            offered: Plan::Quarterly,
        },
        P::EmptyHost {
            role: HostRole::Purchase,
        },
        P::EmptyHost {
            role: HostRole::Redirect,
        },
        P::IpAddress {
            role: HostRole::Purchase,
            value: s("192.168.0.1"),
        },
        P::IpAddress {
            role: HostRole::Redirect,
            value: s("10.0.0.1"),
        },
    ]);
    for part in [
        UrlPart::Scheme,
        UrlPart::Credentials,
        UrlPart::PathOrQuery,
        UrlPart::Port,
    ] {
        out.push(P::RedirectNotBare {
            part,
            value: s("acme.com:8080"),
        });
    }
    out.extend([
        P::HostNotAscii {
            value: s("bücher.de"),
            ascii: s("xn--bcher-kva.de"),
        },
        P::InvalidIdn {
            value: s("a\u{0301}.com"),
        },
        P::HostTooLong { len: 260, max: 253 },
        P::HostCharacter {
            value: s("acme_corp.com"),
            found: '_',
        },
        P::EmptyLabel {
            value: s("a..b.com"),
        },
        P::LabelTooLong {
            value: s("aaaa.com"),
            len: 64,
            max: 63,
        },
        P::LabelHyphenAtEnd { label: s("-acme") },
        P::LabelReservedHyphens { label: s("ab--c") },
        P::BadALabel {
            value: s("xn--zz.com"),
        },
        P::MixedScript {
            label: s("\u{0430}pple"),
        },
        P::NoTld {
            value: s("localhost"),
        },
        P::UnknownTld { tld: s("notatld") },
        P::PublicSuffix { value: s("co.uk") },
        P::Subdomain {
            value: s("mail.acme.com"),
            registrable: s("acme.com"),
        },
        P::IdnDomain {
            unicode: s("bücher.de"),
        },
        P::SuffixNotOffered { suffix: s("io") },
        P::DuplicateDomain {
            name: s("acme.com"),
        },
        P::RedirectLoop {
            target: s("www.acme.com"),
        },
        P::ObfuscatedEmail {
            value: s("[email protected]"),
        },
        P::NotAnAddress { value: s("john") },
        P::AddressTooLong {
            local_max: 64,
            total_max: 254,
        },
        P::Username {
            esp: Some(Esp::Microsoft),
            rule: Username::Character {
                found: '\'',
                allowed: &['.', '_', '-'],
            },
        },
        P::Username {
            esp: None,
            rule: Username::AtEnd('.'),
        },
        P::Username {
            esp: Some(Esp::Google),
            rule: Username::DoubleDot,
        },
        P::Username {
            esp: Some(Esp::Azure),
            rule: Username::Reserved(s("admin")),
        },
        P::Username {
            esp: None,
            rule: Username::Empty,
        },
        P::EmailDomainMismatch {
            domain: s("acme.com"),
            fixed: Some(s("john@acme.com")),
        },
        P::DuplicateEmail {
            address: s("john@acme.com"),
        },
        P::RoleAddress { local: s("info") },
        P::InputTooLarge {
            len: Some(2_000_000),
            max: 1_048_576,
        },
        P::InputTooLarge {
            len: None,
            max: 1_048_576,
        },
        P::InvalidUtf8 { at: 7 },
        P::InvalidJson {
            detail: s("EOF while parsing an object at line 1 column 1"),
        },
        P::TooDeep { max: 64 },
        P::Unconvertible {
            what: s("a BigInt at /count"),
        },
        P::RegistrantNotObject,
        P::RegistrantHasDomains,
        P::UnknownColumn {
            header: s("colour"),
            columns: &["domain", "firstname", "lastname"],
        },
        P::MissingColumn { column: "domain" },
        P::ExtraCells { count: 2 },
        P::RowWithoutDomain,
        P::ConflictingRedirect {
            first_row: 3,
            first: s("x.com"),
            this: s("y.com"),
        },
        P::SuggestNoDomain,
        P::SuggestNoCount,
        P::SuggestTooMany { max: 100 },
        P::SuggestBlankName,
        P::SuggestNameTooLong,
        P::SuggestNoLatin {
            value: s("\u{13000}"),
        },
    ]);
    // A long or invisible input is quoted short and visible.
    out.push(P::InvalidCountry {
        value: "x".repeat(100),
    });
    out.push(P::DuplicateDomain {
        name: s("a\u{202E}b.com"),
    });
    out
}

#[test]
fn messages() {
    let mut text = String::new();
    for p in problems() {
        let suggestion = p
            .suggestion()
            .map(|s| format!(" -> {s}"))
            .unwrap_or_default();
        text.push_str(&format!(
            "{} [{}]{suggestion}\n  {}\n",
            listed(&p),
            p.code().as_str(),
            p.message()
        ));
    }
    // The errors a caller's mistake raises.
    for pointer in ["/zipCode", "zipcode", "/domains/0/nme", "/coupon", "/01"] {
        let e = mailinfra::check_field(&json!({}), pointer, &Options::default()).err();
        text.push_str(&format!(
            "check_field {pointer:?}\n  {}\n",
            e.map(|e| e.to_string()).unwrap_or_default()
        ));
    }
    for options in [
        json!([]),
        json!({"maxDomain": 3}),
        json!({"max_domain": 3}),
        json!({"colour": 3}),
        json!({"maxDomains": "3"}),
        json!({"maxDomains": -1}),
        json!({"allowIdn": 1}),
        json!({"allowedTlds": "com"}),
    ] {
        let e = Options::from_value(&options).err();
        text.push_str(&format!(
            "options {options}\n  {}\n",
            e.map(|e| e.to_string()).unwrap_or_default()
        ));
    }
    insta::assert_snapshot!("messages", text);
}
