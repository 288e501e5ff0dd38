//! Generated reference tables. The `*.rs` files beside this one are written by
//! `tools/gen_data.py` from pinned public sources (see `SOURCES`); never edit them
//! by hand — regenerate with `tools/gen-data.sh`.

mod countries;
mod psl;

pub use countries::{COUNTRIES, COUNTRY_SOURCE};
pub use psl::{PSL_EXCEPTIONS, PSL_RULES, PSL_SOURCE, PSL_WILDCARDS};

/// One ISO 3166-1 country with its postal-address format.
#[derive(Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: &'static str,
    /// ISO 3166-1 alpha-3 code, upper case.
    pub alpha3: &'static str,
    /// English short name for display (ISO `common_name` when it has one, else `name`).
    pub name: &'static str,
    /// Every other English name a person may type (ISO `name`, `official_name`), as written.
    pub other_names: &'static [&'static str],
    /// Google address metadata; `None` when Google has no entry for the country.
    pub format: Option<&'static AddressFormat>,
}

/// A country's postal-address rules, from Google's address metadata.
#[derive(Debug)]
pub struct AddressFormat {
    /// Postal-code regex (Google syntax, to be full-matched); `""` when the country has none.
    pub zip: &'static str,
    /// Comma-free list of example postal codes (Google `zipex`), first is the most typical.
    pub zip_examples: &'static [&'static str],
    /// Google `zip_name_type`: `"zip"`, `"postal"`, `"pin"` or `"eircode"`.
    pub zip_kind: &'static str,
    /// Google `state_name_type`: `"state"`, `"province"`, `"county"`, ...
    pub state_kind: &'static str,
    /// Google `require` contains `S`.
    pub requires_state: bool,
    /// Google `require` contains `Z`.
    pub requires_zip: bool,
    /// The country's first-level subdivisions, in Google's order.
    pub states: &'static [State],
}

/// One first-level subdivision (state, province, ...).
#[derive(Debug)]
pub struct State {
    /// The key the postal format uses (`sub_keys`): what `prepare` writes.
    pub key: &'static str,
    /// Display name (`sub_names`, falling back to the key).
    pub name: &'static str,
    /// Latin-script name (`sub_lnames`) or `""`.
    pub latin_name: &'static str,
    /// ISO 3166-2 subdivision code without the country prefix (`sub_isoids`) or `""`.
    pub iso: &'static str,
    /// Regex for the postal-code prefixes of this state (`sub_zips`), `""` when unknown.
    pub zip_prefix: &'static str,
}
