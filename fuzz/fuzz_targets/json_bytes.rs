//! Arbitrary bytes as JSON text through every text entry point: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailinfra::Options;

fuzz_target!(|data: &[u8]| {
    let opts = Options::default();
    let c = mailinfra::check_bytes(data, &opts);
    let p = mailinfra::prepare_bytes(data, &opts);
    assert_eq!(c.valid, c.errors().next().is_none());
    assert_eq!(p.valid, p.errors().next().is_none());
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = mailinfra::domain_to_ascii(text);
        let _ = mailinfra::domain_to_unicode(text);
        let _ = mailinfra::address_format(text);
    }
});
