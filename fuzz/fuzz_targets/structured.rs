//! Real-looking orders with one field mangled, through check, prepare and the
//! field-level check of every issue's pointer: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailinfra::Options;
use mailinfra_fuzz::FuzzOrder;

fuzz_target!(|o: FuzzOrder| {
    let opts = Options::default();
    let c = mailinfra::check(&o.0, &opts);
    let p = mailinfra::prepare(&o.0, &opts);
    assert!(p.order.is_some());
    for i in &c.issues {
        let _ = mailinfra::check_field(&o.0, &i.pointer, &opts);
    }
});
