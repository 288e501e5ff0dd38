//! Orders the benchmarks and `examples/first_call.rs` measure, built from the
//! bundled `examples/order.json` (one definition, included by both).
#![allow(dead_code)] // each includer uses a different subset

use serde_json::{json, Value};

const EXAMPLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../examples/order.json"
));

pub fn example() -> Value {
    serde_json::from_str(EXAMPLE).expect("examples/order.json is JSON")
}

/// 1 domain x 3 mailboxes (Google): the bundled example plus two more mailboxes on
/// the same domain.
pub fn typical() -> Value {
    let mut o = example();
    let domain = o["domains"][0]["name"].as_str().unwrap().to_string();
    let boxes = o["domains"][0]["mailboxes"].as_array_mut().unwrap();
    for (first, last, pic) in [("Jane", "Doe", 1), ("Alex", "Rivera", 2)] {
        boxes.push(json!({
            "firstname": first,
            "lastname": last,
            "email": format!("{}.{}@{}", first.to_lowercase(), last.to_lowercase(), domain),
            "profilePicId": pic,
        }));
    }
    o
}

/// `n` typical orders that differ in their phone number and postal code: a stream of
/// new orders, each number parsed and each code matched afresh (the core remembers
/// only the last few results of each).
pub fn typical_stream(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| {
            let mut o = typical();
            o["phoneNumber"] = Value::from(format!("+1415555{:04}", 2000 + i % 8000));
            o["zipcode"] = Value::from(format!("94{:03}", i % 1000));
            o
        })
        .collect()
}

/// The typical order as a person might type it: national phone number, lower-case
/// country, a full `https://` redirect URL and padded spaces. `prepare` makes it valid;
/// `check` does not accept it as is.
pub fn messy() -> Value {
    let mut o = typical();
    o["phoneNumber"] = json!("(415) 555-1234");
    o["country"] = json!("us");
    o["companyName"] = json!("  Acme Corp ");
    o["city"] = json!(" San Francisco  ");
    o["domainOwnerFirstname"] = json!(" John");
    o["domains"][0]["redirectUrl"] = json!("https://acmecorp.com/");
    o["domains"][0]["name"] = json!(" tryoutreachteam.com ");
    o["domains"][0]["mailboxes"][1]["email"] = json!("  jane.doe@tryoutreachteam.com ");
    o
}

/// `n` domains x 3 mailboxes on Microsoft, domains `acme-outreach-<i>.com`.
pub fn large(n: usize) -> Value {
    let mut o = example();
    o["emailServiceProvider"] = json!("Microsoft");
    let people = [("John", "Smith"), ("Jane", "Doe"), ("Alex", "Rivera")];
    let domains: Vec<Value> = (0..n)
        .map(|i| {
            let name = format!("acme-outreach-{i}.com");
            let mailboxes: Vec<Value> = people
                .iter()
                .enumerate()
                .map(|(k, (f, l))| {
                    json!({
                        "firstname": f,
                        "lastname": l,
                        "email": format!("{}.{}@{}", f.to_lowercase(), l.to_lowercase(), name),
                        "profilePicId": k,
                    })
                })
                .collect();
            json!({ "name": name, "redirectUrl": "acmecorp.com", "mailboxes": mailboxes })
        })
        .collect();
    o["domains"] = Value::Array(domains);
    o
}

/// `n` invalid orders, as `bench/js/orders.mjs`'s `invalid()` builds them: stream order
/// `i` with `1 + i % 3` of [`MISTAKES`] (mistake `(i + 3k) % 10` for the k-th).
pub fn invalid_stream(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| {
            let mut o = typical();
            o["domains"][0]["name"] = Value::from(format!("tryoutreach{i}.com"));
            let name = o["domains"][0]["name"].clone();
            o["domains"][0]["mailboxes"][0]["email"] =
                Value::from(format!("john.smith@{}", name.as_str().unwrap_or_default()));
            for (k, (first, last)) in [("jane", "doe"), ("alex", "rivera")].iter().enumerate() {
                o["domains"][0]["mailboxes"][k + 1]["email"] = Value::from(format!(
                    "{first}.{last}@{}",
                    name.as_str().unwrap_or_default()
                ));
            }
            o["phoneNumber"] = Value::from(format!("+1415555{:04}", i % 10000));
            o["zipcode"] = Value::from(format!("94{:03}", i % 1000));
            for k in 0..1 + i % 3 {
                MISTAKES[(i + k * 3) % MISTAKES.len()](&mut o, i);
            }
            o
        })
        .collect()
}

/// The mistakes of `bench/js/orders.mjs`, in its order, each on its own field.
pub const MISTAKES: [fn(&mut Value, usize); 10] = [
    |o, i| o["phoneNumber"] = Value::from(format!("+1 000 555 {:04}", i % 10000)),
    |o, i| o["zipcode"] = Value::from(format!("9{:03}", i % 1000)),
    |o, _| o["state"] = json!("Atlantis"),
    |o, _| o["emailServiceProvider"] = json!("Yahoo"),
    |o, _| o["domainOwnerLastname"] = Value::from("Smith-".repeat(10)),
    |o, _| o["companyname"] = o["companyName"].clone(),
    |o, _| o["domains"][0]["redirectUrl"] = json!("https://acmecorp.com/about"),
    |o, i| o["domains"][0]["mailboxes"][1]["email"] = Value::from(format!("jane.doe@acme{i}.com")),
    |o, _| o["domains"][0]["mailboxes"][2]["firstname"] = json!("  "),
    |o, _| {
        o["domains"][0]["mailboxes"][2]["email"] = o["domains"][0]["mailboxes"][0]["email"].clone()
    },
];
