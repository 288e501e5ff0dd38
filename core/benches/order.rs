//! Criterion benchmarks for `check`, `prepare` and `check_field` on realistic orders.
//!
//! Run with `cargo bench -p mailinfra --bench order`; results are written up in
//! `docs/benchmarks.md`. Every order is asserted valid (after `prepare` for the messy
//! one) before it is measured, so the figures are for the success path.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mailinfra::{check, check_field, prepare, Options};
use serde_json::Value;

#[path = "common/orders.rs"]
mod orders;

use orders::{large, messy, typical, typical_stream};

fn options() -> Options {
    Options {
        max_domains: 1000,
        ..Options::default()
    }
}

fn assert_valid(what: &str, order: &Value, opts: &Options) {
    let p = prepare(order, opts);
    assert!(p.valid, "{what}: prepare not valid: {:?}", p.issues);
    let c = check(p.order.as_ref().unwrap(), opts);
    assert!(
        c.valid,
        "{what}: check of prepared order not valid: {:?}",
        c.issues
    );
}

fn configure() -> Criterion {
    Criterion::default()
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1))
        .sample_size(30)
}

fn bench_order(c: &mut Criterion) {
    let opts = options();
    let typical = typical();
    let messy = messy();
    let large = large(100);
    assert_valid("typical", &typical, &opts);
    assert!(check(&typical, &opts).valid, "typical: check not valid");
    assert_valid("messy", &messy, &opts);
    assert!(
        !check(&messy, &opts).valid,
        "messy: check should need prepare"
    );
    assert_valid("large", &large, &opts);
    assert!(check(&large, &opts).valid, "large: check not valid");

    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Elements(3));
    g.bench_function("typical", |b| b.iter(|| check(black_box(&typical), &opts)));
    g.throughput(Throughput::Elements(300));
    g.bench_function("large", |b| b.iter(|| check(black_box(&large), &opts)));
    g.finish();

    let mut g = c.benchmark_group("prepare");
    g.throughput(Throughput::Elements(3));
    g.bench_function("typical", |b| {
        b.iter(|| prepare(black_box(&typical), &opts))
    });
    g.bench_function("messy", |b| b.iter(|| prepare(black_box(&messy), &opts)));
    // Each call a new order (another phone number and postal code), as in a stream of
    // purchases; "typical" re-checks one order, as a form does on every keystroke.
    let stream = typical_stream(1000);
    assert!(stream.iter().all(|o| prepare(o, &opts).valid));
    let mut k = 0;
    g.bench_function("typical_stream", |b| {
        b.iter(|| {
            k = (k + 1) % stream.len();
            prepare(black_box(&stream[k]), &opts)
        })
    });
    g.throughput(Throughput::Elements(300));
    g.bench_function("large", |b| b.iter(|| prepare(black_box(&large), &opts)));
    g.finish();

    let mut g = c.benchmark_group("check_field");
    for ptr in ["/phoneNumber", "/zipcode", "/domains/0/mailboxes/2/email"] {
        assert!(
            check_field(&typical, ptr, &opts).is_ok_and(|i| i.is_empty()),
            "check_field {ptr} reports issues"
        );
        g.bench_with_input(BenchmarkId::new("typical", ptr), ptr, |b, ptr| {
            b.iter(|| check_field(black_box(&typical), black_box(ptr), &opts))
        });
    }
    g.finish();
}

fn bench_linearity(c: &mut Criterion) {
    let opts = options();
    let mut g = c.benchmark_group("prepare_linear");
    for n in [10usize, 100, 400] {
        let order = large(n);
        assert_valid(&format!("{n} domains"), &order, &opts);
        g.throughput(Throughput::Elements(3 * n as u64));
        g.bench_with_input(BenchmarkId::new("domains", n), &order, |b, o| {
            b.iter(|| prepare(black_box(o), &opts))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = configure();
    targets = bench_order, bench_linearity
}
criterion_main!(benches);
