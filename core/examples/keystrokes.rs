//! A form's keystrokes, for counting instructions under valgrind as
//! `bench/instructions.sh` does: each call types the next character of a field of the
//! typical order (`email`: its last address; `phone`: its phone number; the value's
//! prefixes in turn, then again) into the part the npm package sends for that field,
//! and checks it, through [`check_field_json`] (`parsed`: each text parsed afresh) or
//! one [`FieldChecks`] (`kept`: what the npm package calls). The issues are written as
//! JSON text, as the package returns them. Each text is a new `String` either way, as
//! the package's text arrives.
//!
//! `keystrokes <parsed|kept> <email|phone> <n>`: one warm-up call, then `n` keystrokes.
//! Per call: (instructions of `n` - instructions of 0) / `n`.

use std::hint::black_box;

use mailinfra::{check_field_json, FieldChecks, FieldPointer, Options};
use serde_json::json;

#[path = "../benches/common/orders.rs"]
mod orders;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (kept, phone, n) = match args.as_slice() {
        [way, field, n]
            if (way == "parsed" || way == "kept") && (field == "email" || field == "phone") =>
        {
            match n.parse::<usize>() {
                Ok(n) => (way == "kept", field == "phone", n),
                Err(_) => return usage(),
            }
        }
        _ => return usage(),
    };
    let opts = Options::default();
    let typical = orders::typical();
    let domain = &typical["domains"][0];
    let emails: Vec<_> = domain["mailboxes"]
        .as_array()
        .map(|m| m.iter().map(|m| m["email"].clone()).collect())
        .unwrap_or_default();
    let Some(last) = emails.last().and_then(|e| e.as_str()) else {
        return usage();
    };
    let pointer = if phone {
        "/phoneNumber".to_string()
    } else {
        format!("/domains/0/mailboxes/{}/email", emails.len() - 1)
    };
    let Ok(field) = FieldPointer::parse(&pointer) else {
        return usage();
    };
    let number = typical["phoneNumber"].as_str().unwrap_or_default();
    // The part's text with the value typed up to each of its characters.
    let typed = if phone { number } else { last };
    let texts: Vec<String> = typed
        .char_indices()
        .map(|(i, c)| {
            let prefix = &typed[..i + c.len_utf8()];
            if phone {
                return json!({
                    "phoneNumber": prefix,
                    "country": typical["country"],
                    "state": typical["state"],
                    "emailServiceProvider": typical["emailServiceProvider"],
                })
                .to_string();
            }
            let mut mailboxes: Vec<_> = emails.iter().map(|e| json!({ "email": e })).collect();
            if let Some(m) = mailboxes.last_mut() {
                m["email"] = json!(prefix);
            }
            json!({
                "emailServiceProvider": typical["emailServiceProvider"],
                "domains": [{ "name": domain["name"], "mailboxes": mailboxes }],
            })
            .to_string()
        })
        .collect();
    let mut checks = FieldChecks::new();
    let mut run = |i: usize| {
        let text = &texts[i % texts.len()];
        // A copy either way: the package's text arrives as a new `String`.
        let text = text.clone();
        let issues = if kept {
            checks.check_field_json(text, &field, &opts)
        } else {
            check_field_json(&text, &field, &opts)
        };
        black_box(serde_json::to_string(&issues).unwrap_or_default());
    };
    run(0);
    for i in 1..=n {
        run(i);
    }
}

fn usage() {
    eprintln!("usage: keystrokes <parsed|kept> <email|phone> <n>");
    std::process::exit(2);
}
