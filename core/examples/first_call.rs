//! First call in a fresh process vs steady state, for `bench/first-call.sh`.
//!
//! Times (std::time::Instant) the very first `prepare` of the typical order
//! (examples/order.json + two mailboxes: 1 domain x 3 mailboxes, Google), then a second
//! call, then the mean of 1000 more, and prints them in nanoseconds on one line:
//!
//! `first_ns=<n> second_ns=<n> steady_mean_ns=<n>`
//!
//! With `--warm <pointer>` the process first runs `check_field(order, pointer)` once
//! (timed, printed as `warm_ns`) so the first `prepare` no longer pays for what that
//! field's check initialises: a quick way to see which lazy initialisation the
//! first-call cost belongs to (e.g. `--warm /phoneNumber`).
//!
//! With `--parts` it instead prints steady-state times (best of 15 rounds) of the pieces of
//! a typical `prepare`: one phone parse + validity + E.164 form (a few typed forms) and
//! `check_field` for each top-level field, to show where the time goes.
//!
//! With `--linear` it prints the fastest of 15 interleaved rounds of `prepare` on
//! n domains x 3 mailboxes (Microsoft) for n = 10, 100, 400, 1000, per order and per
//! mailbox: a contention-robust cross-check of the criterion linearity figures.

use std::hint::black_box;
use std::time::Instant;

use mailinfra::{check_field, prepare, Options};
use serde_json::Value;

#[path = "../benches/common/orders.rs"]
mod orders;

use orders::{large, typical, typical_stream};

fn mean_ns<R>(n: u32, mut f: impl FnMut() -> R) -> u128 {
    for _ in 0..200 {
        black_box(f());
    }
    let per = (n / 15).max(1);
    let mut best = u128::MAX;
    for _ in 0..15 {
        let t = Instant::now();
        for _ in 0..per {
            black_box(f());
        }
        best = best.min(t.elapsed().as_nanos() / per as u128);
    }
    best
}

fn parts(order: &Value, opts: &Options) {
    const N: u32 = 5000;
    let us = |ns: u128| format!("{:.2} µs", ns as f64 / 1e3);
    println!(
        "prepare (whole)            {}",
        us(mean_ns(N, || prepare(order, opts)))
    );
    println!(
        "check (whole)              {}",
        us(mean_ns(N, || mailinfra::check(order, opts)))
    );
    // The steady figures above re-check one order, so its phone number and postal code
    // are parsed once and then remembered (core/src/recent.rs); a stream of new orders
    // parses each.
    let variants = typical_stream(1000);
    assert!(variants.iter().all(|o| prepare(o, opts).valid));
    let mut k = 0;
    println!(
        "prepare, new phone and postal code each call {}",
        us(mean_ns(N, || {
            k = (k + 1) % variants.len();
            prepare(&variants[k], opts)
        }))
    );
    for (input, region) in [
        ("+14155551234", None),
        ("(415) 555-1234", Some("US")),
        ("+49 151 23456789", Some("US")),
        ("\u{ff0b}44 20 7946 0958", None),
        // Letters: libphonenumber's grammar through regex-lite.
        ("1-800-FLOWERS", Some("US")),
    ] {
        let ns = mean_ns(N, || mailinfra::phone_e164(input, region).unwrap());
        println!(
            "{:<32} {} (parse + validity + E.164)",
            format!("mailinfra {input}"),
            us(ns)
        );
    }
    let mut ptrs: Vec<String> = order
        .as_object()
        .unwrap()
        .keys()
        .map(|k| format!("/{k}"))
        .collect();
    ptrs.push("/domains/0/name".into());
    ptrs.push("/domains/0/redirectUrl".into());
    ptrs.push("/domains/0/mailboxes/2".into());
    ptrs.push("/domains/0/mailboxes/2/email".into());
    for p in ptrs {
        let ns = mean_ns(N, || check_field(order, &p, opts));
        println!("check_field {p:<32} {}", us(ns));
    }
}

fn linear() {
    let opts = Options {
        max_domains: 2000,
        ..Options::default()
    };
    let sizes = [10usize, 100, 400, 1000];
    let orders: Vec<Value> = sizes.iter().map(|&n| large(n)).collect();
    for o in &orders {
        assert!(prepare(o, &opts).valid);
    }
    let mut best = [u128::MAX; 4];
    for _ in 0..15 {
        for (i, o) in orders.iter().enumerate() {
            let reps = (3000 / sizes[i]).max(3) as u32;
            let t = Instant::now();
            for _ in 0..reps {
                black_box(prepare(black_box(o), &opts));
            }
            best[i] = best[i].min(t.elapsed().as_nanos() / reps as u128);
        }
    }
    for (i, n) in sizes.iter().enumerate() {
        println!(
            "domains={n} mailboxes={} prepare={:.1} µs per_mailbox={:.2} µs",
            3 * n,
            best[i] as f64 / 1e3,
            best[i] as f64 / 1e3 / (3 * n) as f64
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let warm = match args.as_slice() {
        [] => None,
        [flag] if flag == "--linear" => {
            linear();
            return;
        }
        [flag] if flag == "--parts" => {
            parts(&typical(), &Options::default());
            return;
        }
        [flag, ptr] if flag == "--warm" => Some(ptr.clone()),
        _ => {
            eprintln!("usage: first_call [--warm <json-pointer> | --parts | --linear]");
            std::process::exit(2);
        }
    };
    let order = typical();
    let opts = Options::default();

    let mut out = String::new();
    if let Some(ptr) = warm {
        let t = Instant::now();
        let issues = check_field(black_box(&order), &ptr, &opts).expect("a field's pointer");
        let ns = t.elapsed().as_nanos();
        assert!(issues.is_empty(), "check_field {ptr}: {issues:?}");
        out.push_str(&format!("warm_ns={ns} "));
    }

    let t = Instant::now();
    let r = prepare(black_box(&order), &opts);
    let first = t.elapsed().as_nanos();
    assert!(r.valid, "typical order not valid: {:?}", r.issues);
    drop(r);

    let t = Instant::now();
    let r = prepare(black_box(&order), &opts);
    let second = t.elapsed().as_nanos();
    drop(black_box(r));

    const N: u32 = 1000;
    let t = Instant::now();
    for _ in 0..N {
        black_box(prepare(black_box(&order), &opts));
    }
    let steady = t.elapsed().as_nanos() / N as u128;

    out.push_str(&format!(
        "first_ns={first} second_ns={second} steady_mean_ns={steady}"
    ));
    println!("{out}");
}
