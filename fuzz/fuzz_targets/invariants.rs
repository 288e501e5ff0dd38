//! The invariants of docs/contract.md on structure-aware orders: prepare's output passes
//! check when prepare found no error (with exactly prepare's issues), prepare is
//! idempotent, and every issue of check points at a value that exists in the input
//! (except `missing_field`, which points where the value should be).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailinfra::{IssueCode, Options};
use mailinfra_fuzz::FuzzOrder;

fuzz_target!(|o: FuzzOrder| {
    let opts = Options::default();
    let p = mailinfra::prepare(&o.0, &opts);
    let canonical = p.order.clone().expect("prepare returns an order");
    let c = mailinfra::check(&canonical, &opts);
    assert_eq!(c.issues, p.issues, "check(prepare(x).order) differs from prepare(x)");
    if p.valid {
        assert!(c.valid);
    }
    let again = mailinfra::prepare(&canonical, &opts);
    assert_eq!(again, p, "prepare is not idempotent");
    let checked = mailinfra::check(&o.0, &opts);
    for i in &checked.issues {
        if i.code != IssueCode::MissingField {
            assert!(o.0.pointer(&i.pointer).is_some(), "issue at missing pointer {}", i.pointer);
        }
    }
});
