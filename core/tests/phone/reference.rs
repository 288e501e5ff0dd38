//! The reference answer: what the `phonenumber` crate says a typed number is. Shared
//! by `core/tests/phone_oracle.rs` and the `phone_oracle` fuzz target.

use phonenumber::{country, Mode};

/// The E.164 form of a valid number without an extension, read with `region` as the
/// default for national input; `None` otherwise.
pub fn reference_e164(input: &str, region: Option<&str>) -> Option<String> {
    let id = region.and_then(|r| r.parse::<country::Id>().ok());
    let n = phonenumber::parse(id, input).ok()?;
    if n.extension().is_some() || !phonenumber::is_valid(&n) {
        return None;
    }
    Some(n.format().mode(Mode::E164).to_string())
}
