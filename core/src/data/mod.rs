//! Reference data, and the public entry points of its packs ([`load_pack`],
//! [`with_packs`]). The `*.rs` tables beside this one are written by
//! `tools/gen_data.py` from pinned public sources (see `SOURCES`); never edit them
//! by hand — regenerate with `tools/gen-data.sh`. `phone.rs` is written by
//! `tools/gen_phone.py` from libphonenumber's metadata in the pinned `phonenumbers` wheel.
//!
//! What a rule needs only once the country, the calling code or the TLD is known (a
//! country's address format and state names, a phone region's patterns, a TLD's
//! Public Suffix List rules) is not in these tables but in one pack per unit,
//! `core/data/packs/{address,phone,psl}/<name>.txt`, written by
//! the same generators, parsed on first use (`pack.rs`) and kept by `store.rs`: a
//! browser form downloads only the packs its checks need.

mod countries;
mod pack;
#[rustfmt::skip]
mod phone;
mod psl;
mod store;

pub(crate) use countries::{COUNTRIES, COUNTRY_SOURCE, STATE_DESIGNATORS};
pub(crate) use pack::{AddressFormat, Pattern, PhoneDesc, PhoneRegion, State};
pub(crate) use phone::{PHONE_CODES, PHONE_DIGIT_ZEROS, PHONE_IDS, PHONE_REGIONS, PHONE_SOURCE};
pub(crate) use psl::{PSL_EXCEPTIONS, PSL_SOURCE, PSL_WILDCARDS, TLDS};
pub(crate) use store::{any_missing, phone_region, psl_rules};
pub use store::{load_pack, with_packs, MissingPacks, PackError, MAX_PACK_BYTES};

/// One ISO 3166-1 country; its postal-address format is in its pack.
#[derive(Debug)]
pub(crate) struct Country {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: &'static str,
    /// ISO 3166-1 alpha-3 code, upper case.
    pub alpha3: &'static str,
    /// English short name for display (ISO `common_name` when it has one, else `name`).
    pub name: &'static str,
    /// Every other English name a person may type (ISO `name`, `official_name`), as written.
    pub other_names: Strings,
    /// Google has address metadata for the country (an `address/<code>` pack).
    pub has_format: bool,
}

impl Country {
    /// Google's address metadata for the country; `None` when Google has none, or while
    /// its pack is not loaded (recorded for `with_packs`, which then discards the call).
    pub fn format(&self) -> Option<&'static AddressFormat> {
        if !self.has_format {
            return None;
        }
        store::address_format(crate::country::row_of(self)?, self.code)
    }
}

/// A generated list of non-empty strings in one, joined by U+001F: one pointer and
/// length in wasm instead of one per entry plus the slice's.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Strings(&'static str);

impl Strings {
    /// For the generated tables: the entries joined by U+001F (`""`: none).
    pub const fn new(joined: &'static str) -> Self {
        Self(joined)
    }

    /// The entries, in order.
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        self.0.split('\u{1f}').filter(|s| !s.is_empty())
    }
}
