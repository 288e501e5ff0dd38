//! The number types libphonenumber decides validity by, shared by the table generator
//! and the differential test so both read the same descriptors.

use phonenumber::metadata::{Descriptor, Descriptors};

/// Every number type that makes a number valid, the common ones first.
pub fn number_types(d: &Descriptors) -> impl Iterator<Item = &Descriptor> {
    [
        d.fixed_line(),
        d.mobile(),
        d.toll_free(),
        d.premium_rate(),
        d.shared_cost(),
        d.voip(),
        d.personal_number(),
        d.pager(),
        d.uan(),
        d.voicemail(),
    ]
    .into_iter()
    .flatten()
}
